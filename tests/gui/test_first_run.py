"""The first run asks the shop's name and SMS signature, once per book, and can be skipped."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from core.care.rules import load_care_settings, shop_identity_unasked, sms_signature_from
from gui.context import AppContext
from gui.first_run import FirstRunDialog, offer_first_run
from gui.worker import wait_for_background_tasks


def offered(context: AppContext, qtbot) -> FirstRunDialog | None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    offer_first_run(context, parent)
    wait_for_background_tasks()
    qtbot.wait(50)
    return parent.findChild(FirstRunDialog)


def test_a_new_book_asks_and_keeps_the_answers(database, qtbot) -> None:  # type: ignore[no-untyped-def]
    context = AppContext(database)
    dialog = offered(context, qtbot)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.save_button.isEnabled()  # a name first
    dialog.shop_name.setText("小满杂货铺")
    assert dialog.signature.placeholderText() == "【小满杂货铺】"
    with qtbot.waitSignal(context.care_settings_changed):
        dialog.save_button.click()
    with database.session() as session:
        settings = load_care_settings(session)
        assert (settings.shop_name, settings.sms_signature) == ("小满杂货铺", "【小满杂货铺】")
        assert not shop_identity_unasked(session)
    assert offered(context, qtbot) is None  # asked once


def test_skipping_is_remembered(database, qtbot) -> None:  # type: ignore[no-untyped-def]
    context = AppContext(database)
    dialog = offered(context, qtbot)
    with qtbot.waitSignal(context.care_settings_changed):
        dialog.skip_button.click()
    assert offered(context, qtbot) is None


def test_a_signature_is_put_in_the_brackets_carriers_require() -> None:
    assert [sms_signature_from(text) for text in ("小满", "[小满]", " 【小满】 ", "")] == [
        "【小满】", "【小满】", "【小满】", ""]
