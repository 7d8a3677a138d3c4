"""The first run asks the shop's name and SMS signature, once per book, and can be skipped."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from core.care.rules import load_care_settings, save_shop_identity, shop_identity_unasked, sms_signature_from
from core.store.opening import open_database
from gui.context import AppContext
from gui.first_run import FirstRunDialog, offer_first_run, offer_first_run_on_every_book
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


def shown_dialog(parent: QWidget, qtbot) -> FirstRunDialog:  # type: ignore[no-untyped-def]
    wait_for_background_tasks()
    qtbot.waitUntil(lambda: parent.findChild(FirstRunDialog) is not None, timeout=10000)
    return parent.findChild(FirstRunDialog)


def test_the_file_menu_opens_it_again_with_what_is_set(window_factory, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = window_factory("en")
    window.context.database.write(lambda session: save_shop_identity(session, "小满杂货铺", "小满"))
    file_menu = [action.text().replace("&", "") for action in window.file_menu.actions()]
    assert "Shop name and SMS signature…" in file_menu
    window.menus.shop_identity_action.trigger()
    dialog = shown_dialog(window, qtbot)
    assert (dialog.shop_name.text(), dialog.signature.text()) == ("小满杂货铺", "【小满】")
    dialog.shop_name.setText("小满茶铺")
    with qtbot.waitSignal(window.context.care_settings_changed):
        dialog.save_button.click()
    with window.context.database.session() as session:
        assert load_care_settings(session).shop_name == "小满茶铺"


def test_switching_to_a_new_empty_book_asks_for_it(database, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    context = AppContext(database)
    parent = QWidget()
    qtbot.addWidget(parent)
    offer_first_run_on_every_book(context, parent)
    shown_dialog(parent, qtbot).skip_button.click()
    qtbot.waitUntil(lambda: not parent.findChild(FirstRunDialog).isVisible(), timeout=10000)
    parent.findChild(FirstRunDialog).deleteLater()
    qtbot.waitUntil(lambda: parent.findChild(FirstRunDialog) is None, timeout=10000)
    context.switch_database(open_database(tmp_path / "new-shop.db"))  # File ▸ Open database, a new file
    dialog = shown_dialog(parent, qtbot)
    assert dialog.isVisible() and dialog.shop_name.text() == ""
    dialog.skip_button.click()
    wait_for_background_tasks()
    context.database.dispose()
