"""core_text: a core message in the UI's language, with the messages inside it translated too."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from core.customers.profile import validate_profile
from core.errors import LaokeError
from gui.core_text import core_text
from gui.i18n import install_translators


@pytest.mark.parametrize(("language", "shown"), [
    ("en", "The WeChat id is longer than 64 characters."),
    ("zh_CN", "微信号超过了 64 个字符。"),
])
def test_a_field_too_long_is_named_in_the_users_language(qapp, language, shown) -> None:  # type: ignore[no-untyped-def]
    translators = install_translators(QApplication.instance(), language)
    try:
        with pytest.raises(LaokeError) as refused:
            validate_profile({"wechat_id": "w" * 65})
        assert core_text(refused.value) == shown
        assert str(refused.value) == "The WeChat id is longer than 64 characters."  # the CLI's text
    finally:
        for translator in translators:
            QApplication.instance().removeTranslator(translator)
