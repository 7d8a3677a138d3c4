"""core_text: a core message in the UI's language, with the messages inside it translated too."""

from __future__ import annotations

import pytest

from core.customers.profile import validate_profile
from core.errors import LaokeError
from gui.core_text import core_text
from tests.gui.languages import speaking


@pytest.mark.parametrize(("language", "shown"), [
    ("en", "The WeChat id is longer than 64 characters."),
    ("zh_CN", "微信号超过了 64 个字符。"),
])
def test_a_field_too_long_is_named_in_the_users_language(qapp, language, shown) -> None:  # type: ignore[no-untyped-def]
    with speaking(language):
        with pytest.raises(LaokeError) as refused:
            validate_profile({"wechat_id": "w" * 65})
        assert core_text(refused.value) == shown
        assert str(refused.value) == "The WeChat id is longer than 64 characters."  # the CLI's text
