"""Menus and keys a desktop user expects, and a customer's own window closing and saving by key."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui.menus import LOOKUP_SHORTCUT_KEY
from gui.shortcuts import ShortcutsDialog
from gui.worker import wait_for_background_tasks
from tests.customers.conftest import make_book

MENUS = {"en": ["File", "Edit", "Customers", "Import", "Care", "View", "Help"],
         "zh_CN": ["文件", "编辑", "客户", "导入", "关怀", "视图", "帮助"]}


def settled(qtbot) -> None:  # type: ignore[no-untyped-def]
    wait_for_background_tasks()
    qtbot.wait(50)
    wait_for_background_tasks()


def menu_titles(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [action.text().split("(")[0].replace("&", "") for action in window.menuBar().actions()]


def keys(window) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {action.text().replace("&", ""): action.shortcut().toString()
            for action in window.menus.actions_with_keys()}


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_menus_a_desktop_user_expects(window_factory, language) -> None:  # type: ignore[no-untyped-def]
    assert menu_titles(window_factory(language)) == MENUS[language]


def test_the_keys_a_desktop_user_expects(window_factory) -> None:  # type: ignore[no-untyped-def]
    shortcuts = keys(window_factory("en"))
    assert {name: shortcuts[name] for name in (
        "Import order sheets…", "Export customers…", "Find a customer", "Chat lookup", "Save the customer",
        "Delete customers…", "Refresh", "Today", "Customers")} == {
        "Import order sheets…": "Ctrl+I", "Export customers…": "Ctrl+E", "Find a customer": "Ctrl+F",
        "Chat lookup": "Ctrl+Shift+F", "Save the customer": "Ctrl+S", "Delete customers…": "Del",
        "Refresh": "F5", "Today": "Ctrl+1", "Customers": "Ctrl+2"}


def test_ctrl_i_opens_the_file_dialog_of_the_import(window_factory, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args: asked.append(args) or ([], ""))
    window = window_factory("en")
    window.menus.import_action.trigger()
    assert asked and window.stack.currentWidget() is window.pages["import"]


def test_the_empty_books_import_button_opens_the_file_dialog(window_factory, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args: asked.append(args) or ([], ""))
    window = window_factory("en")
    page = window.show_page("customers")
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.empty_state, timeout=5000)
    page.import_requested.emit()
    assert asked


def test_delete_asks_first_and_deletes_the_chosen_customers(database, window_factory, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    make_book(database)
    questions = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: questions.append(args[2])
                        or QMessageBox.StandardButton.Yes)
    window = window_factory("en")
    page = window.show_page("customers")
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=10000)
    window.menus.delete_action.trigger()  # nothing chosen: nothing asked
    assert not questions
    page.table.selectRow(0)
    window.menus.delete_action.trigger()
    assert questions and "Delete 1 customer" in questions[0]
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10000)


def test_ctrl_s_saves_what_was_typed_in_the_detail(database, window_factory, qtbot) -> None:  # type: ignore[no-untyped-def]
    make_book(database)
    window = window_factory("en")
    page = window.show_page("customers")
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=10000)
    settled(qtbot)  # the start-up rescore's news reloads the list, and would drop a choice made before it
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=10000)
    page.detail.tags_edit.setText("回头客")
    page.detail.tags_edit.textEdited.emit("回头客")
    window.menus.save_action.trigger()
    qtbot.waitUntil(lambda: [name for name, _colour in page.detail.detail.tags] == ["回头客"], timeout=10000)


def test_the_chat_lookups_key_is_the_users_to_set(window_factory, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = window_factory("en")
    dialog = ShortcutsDialog(window.menus.actions_with_keys(), window.lookup_action, window)
    qtbot.addWidget(dialog)
    listed = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    assert "Import order sheets…" in listed and "Close a dialog or a customer's window" in listed
    dialog.lookup_keys.setKeySequence(QKeySequence("Ctrl+Alt+K"))
    dialog.save()
    assert window.lookup_action.shortcut().toString() == "Ctrl+Alt+K"
    assert QSettings().value(LOOKUP_SHORTCUT_KEY) == "Ctrl+Alt+K"
    window.close()
    assert window_factory("en").lookup_action.shortcut().toString() == "Ctrl+Alt+K"  # kept for next time


def test_a_customer_window_closes_with_escape_and_has_the_buyers_name(database, window_factory, qtbot) -> None:  # type: ignore[no-untyped-def]
    make_book(database)
    window = window_factory("en")
    page = window.show_page("customers")
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=10000)
    page._open_detail_window(page.model.index(0, 0))
    own = page.detail_windows[0]
    qtbot.waitUntil(lambda: own.windowTitle().endswith("— Laoke") and own.windowTitle() != "Customer", timeout=10000)
    own.activateWindow()
    qtbot.keyClick(own, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not page.detail_windows, timeout=5000)
    wait_for_background_tasks()


def test_the_file_menus_backup_actions_speak_chinese(window_factory) -> None:  # type: ignore[no-untyped-def]
    # They are translated through a BackupActions object from a plain function: the extractor used to file
    # them under the variable's name, so they stayed English.
    texts = [action.text() for action in window_factory("zh_CN").file_menu.actions()]
    assert "备份(&B)…" in texts and "从备份恢复(&R)…" in texts


def test_help_opens_the_user_guide(window_factory, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    window_factory("en").menus.guide_action.trigger()
    assert opened and opened[0].endswith("README.md") and Path(opened[0]).is_file()


def test_the_window_title_names_the_book(window_factory) -> None:  # type: ignore[no-untyped-def]
    assert window_factory("en").windowTitle() == "shop.db — Laoke"


def test_small_things_in_the_customer_book(database, window_factory, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    make_book(database)
    window = window_factory("en")
    page = window.show_page("customers")
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=10000)
    settled(qtbot)  # the start-up rescore's news reloads the list, and would drop a choice made before it
    assert page.red_legend.isVisibleTo(page) and "do not contact" in page.red_legend.text()
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: asked.append(args[2]) or ("", False))
    from gui.customers.tag_manager import TagManagerDialog

    dialog = TagManagerDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.new_tag()
    assert asked == ["Tag name:"]  # not the buyer's "Name:"
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=10000)
    # The heading shrinks from the placeholder's lines to the buyer's name once the layout runs: measure after.
    heading = page.detail.heading
    qtbot.waitUntil(lambda: heading.height() == heading.heightForWidth(heading.width()), timeout=5000)
    top = page.detail.tabs.mapTo(page.detail, page.detail.tabs.rect().topLeft())
    page.detail.fields["phone"].setText("12345")
    page.detail.fields["phone"].textEdited.emit("12345")
    page.detail.save_profile_button.click()
    qtbot.waitUntil(page.detail.message.isVisible, timeout=10000)
    assert "not a phone number" in page.detail.message.text()
    assert page.detail.tabs.mapTo(page.detail, page.detail.tabs.rect().topLeft()) == top  # the form stayed put
    page.detail.fields["phone"].setText("010-12345678")
    page.detail.save_profile_button.click()
    qtbot.waitUntil(page.detail.saved_note.isVisible, timeout=10000)
    assert not page.detail.message.isVisible()


def test_the_side_bars_care_count_follows_an_import(database, window_factory, qtbot) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from core.store.models import Customer
    from gui.main_window import page_row

    window = window_factory("en")
    care = window.navigation.item(page_row("care"))
    assert care.text() == "Care calendar"
    with database.transaction() as session:  # as an import leaves the book: a birthday today, not yet planned
        session.add(Customer(name="王芳", gender="F", stage="repeat", phone="13800001234", birthday_calendar="solar",
                             birth_month=date.today().month, birth_day=date.today().day))
    window.show_page("import").finished.emit()
    qtbot.waitUntil(lambda: care.text().startswith("Care calendar ("), timeout=15000)


def opened_activity_log(window, qtbot):  # type: ignore[no-untyped-def]
    """File ▸ Activity log…, once its entries are read."""
    from gui.safety.activity import ActivityDialog

    settled(qtbot)
    window.menus.activity_action.trigger()
    qtbot.waitUntil(lambda: any(isinstance(w, ActivityDialog) and w.entries for w in window.findChildren(ActivityDialog)),
                    timeout=5000)
    return window.findChildren(ActivityDialog)[0]


def test_file_activity_log_lists_the_day_and_opens_a_buyer(window_factory, qtbot, db_path) -> None:  # type: ignore[no-untyped-def]
    from core.customers.profile import add_note
    from core.store.opening import open_database

    book = open_database(db_path)
    ids = make_book(book)
    with book.transaction() as session:
        add_note(session, ids["张晓明"], "只喝明前茶")
    book.dispose()
    window = window_factory("en")
    dialog = opened_activity_log(window, qtbot)
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, dialog.COL_DETAIL).text() == "只喝明前茶")
    assert dialog.table.item(row, dialog.COL_WHAT).text() == "Wrote a note"
    assert dialog.table.item(row, dialog.COL_CUSTOMER).text() == "张晓明"
    with qtbot.waitSignal(window.context.show_customers_requested) as shown:
        dialog.table.cellDoubleClicked.emit(row, dialog.COL_CUSTOMER)
    assert shown.args[0] == [ids["张晓明"]]


def test_the_activity_log_reads_in_chinese(window_factory, qtbot, db_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from core.store.opening import open_database
    from tests.customers.test_activity_log import fill_a_day

    book = open_database(db_path)
    fill_a_day(book, tmp_path)  # an import, a merge, a note, a care task done, an export
    book.dispose()
    window = window_factory("zh_CN")
    dialog = opened_activity_log(window, qtbot)
    rows = {dialog.table.item(row, dialog.COL_WHAT).text(): dialog.table.item(row, dialog.COL_DETAIL).text()
            for row in range(dialog.table.rowCount())}
    assert rows == {"导入了订单": "jd.csv · 新订单：2 · 更新：0 · 新客户：1", "合并了客户": "并入了 王芳",
                    "写了备注": "只喝明前茶，上新第一时间告知", "完成了关怀任务": "生日",
                    "导出了客户": "everyone.csv · 客户：2"}
