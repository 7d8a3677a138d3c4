"""Merge and un-merge from the duplicates dialog, the tag manager, and the chat lookup window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog, QMessageBox
from sqlalchemy import select

from core.search.keys import refresh_search_keys
from core.store.models import Customer, Note, Order, Tag
from gui.context import AppContext
from gui.customers.duplicates import DuplicatesDialog
from gui.customers.lookup import MATCHES_SHOWN, ChatLookupWindow
from gui.customers.tag_manager import TagManagerDialog
from gui.worker import wait_for_background_tasks
from tests.customers.conftest import make_book


@pytest.fixture
def context(qsettings_isolated, database):  # type: ignore[no-untyped-def]
    context = AppContext(database)
    context.book = make_book(database)
    yield context
    wait_for_background_tasks()


def owner_of(database, number: str) -> int:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return session.scalar(select(Order.customer_id).where(Order.platform_order_id == number))


def test_merge_and_unmerge_side_by_side(qtbot, context, database) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        twin = Customer(name="张晓明", nickname="柠檬不酸", phone="13812341234", platform="jd")
        session.add(twin)
        session.flush()
        session.add(Order(platform="jd", platform_order_id="JD-TWIN", customer_id=twin.id, status="paid"))
        twin_id = twin.id
    dialog = DuplicatesDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.pairs.count() == 1, timeout=5000)
    qtbot.waitUntil(lambda: "13812341234" in dialog.right.toPlainText(), timeout=5000)
    assert dialog.pairs.item(0).text() == "张晓明 ↔ 张晓明 · same phone"
    card = dialog.right.toPlainText()
    assert "Platform" in card and "JD" in card and "platform" not in card  # labels and values as the list shows them
    with qtbot.waitSignal(dialog.changed, timeout=5000):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    kept = context.book["张晓明"]
    assert owner_of(database, "JD-TWIN") == kept
    qtbot.waitUntil(lambda: dialog.pairs.count() == 0 and dialog.undo_button.isEnabled(), timeout=5000)
    assert "No possible duplicates" in dialog.status.text()
    with qtbot.waitSignal(dialog.changed, timeout=5000):
        qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert owner_of(database, "JD-TWIN") == twin_id
    qtbot.waitUntil(lambda: dialog.pairs.count() == 1, timeout=5000)


def test_tag_manager_renames_and_deletes_with_count(qtbot, context, database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from core.customers.tags import add_tags

    with database.transaction() as session:
        add_tags(session, context.book.values(), ["回头客"])
    dialog = TagManagerDialog(context)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.tags.count() == 1, timeout=5000)
    assert "4" in dialog.tags.item(0).text()
    dialog.tags.setCurrentRow(0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("老客", True))
    with qtbot.waitSignal(dialog.changed, timeout=5000):
        qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.tags.count() == 1 and "老客" in dialog.tags.item(0).text(), timeout=5000)
    questions = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _parent, _title, text, *args: questions.append(text) or QMessageBox.StandardButton.Yes)
    dialog.tags.setCurrentRow(0)
    with qtbot.waitSignal(dialog.changed, timeout=5000):
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert "4 customers" in questions[0]
    with database.session() as session:
        assert session.scalars(select(Tag)).all() == []


# Showing a stay-on-top window raises it; the offscreen platform says it cannot.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_chat_lookup_shows_a_card_and_adds_a_note_and_tag(qtbot, context, database) -> None:  # type: ignore[no-untyped-def]
    window = ChatLookupWindow(context)
    qtbot.addWidget(window)
    window.show()
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    qtbot.keyClicks(window.search, "JD88002")
    qtbot.waitUntil(lambda: "曾小红" in window.card.text(), timeout=5000)
    assert "JD88002" in window.card.text() or "¥70.00" in window.card.text()
    qtbot.keyClicks(window.note_edit, "asked about gift boxes")
    qtbot.keyClick(window.note_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.note_edit.text() == "", timeout=5000)
    qtbot.keyClicks(window.tag_edit, "gift")
    qtbot.keyClick(window.tag_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "gift" in window.card.text(), timeout=5000)
    with database.session() as session:
        assert session.scalars(select(Note.text)).all() == ["asked about gift boxes"]


def test_chat_lookup_follows_the_clipboard_and_warns_do_not_contact(qtbot, context, database) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    from core.customers.profile import set_do_not_contact

    with database.transaction() as session:
        set_do_not_contact(session, [context.book["单田芳"]], True, "complained")
    window = ChatLookupWindow(context)
    qtbot.addWidget(window)
    window.clipboard_watch.setChecked(True)
    QGuiApplication.clipboard().setText("13700009999")
    qtbot.waitUntil(lambda: "单田芳" in window.card.text(), timeout=5000)
    assert "Do not contact" in window.card.text() and "complained" in window.card.text()
    match = window.matches.item(0)
    assert not match.icon().isNull() and match.toolTip() == "Do not contact"  # an icon every system can draw
    assert "⛔" not in match.text()
    window.clipboard_watch.setChecked(False)


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_main_window_opens_the_lookup_from_menu_toolbar_and_shortcut(qtbot, context) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QToolBar

    from gui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    assert window.lookup_action.shortcut().toString() == "Ctrl+Shift+F"
    assert window.lookup_action in window.findChild(QToolBar, "customersToolbar").actions()
    window.lookup_action.trigger()
    assert window.chat_lookup is not None and window.chat_lookup.isVisible()
    qtbot.keyClicks(window.chat_lookup.search, "stf")
    qtbot.waitUntil(lambda: "单田芳" in window.chat_lookup.card.text(), timeout=5000)
    qtbot.mouseClick(window.chat_lookup.open_button, Qt.MouseButton.LeftButton)
    page = window.pages["customers"]
    qtbot.waitUntil(lambda: page.model.ids() == [context.book["单田芳"]], timeout=5000)
    # Selected, not only listed: the detail beside the list opens on the buyer.
    qtbot.waitUntil(lambda: page.selected_ids() == [context.book["单田芳"]], timeout=5000)
    qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.detail.id == context.book["单田芳"],
                    timeout=5000)


def test_ctrl_f_finds_in_the_book_from_any_page(qtbot, context) -> None:  # type: ignore[no-untyped-def]
    from gui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("customers")
    page.search.setText("zxm")
    window.show_page("insights")
    assert window.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)  # Ctrl+F
    window.find_action.trigger()
    assert window.stack.currentWidget() is page
    assert window.focusWidget() is page.search  # where typing goes once the window is active
    assert page.search.selectedText() == "zxm"  # typing replaces the last search


def test_closing_laoke_asks_about_a_profile_being_typed(qtbot, context, database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("customers")
    page.show_only([context.book["李四"]], "李四")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=5000)
    qtbot.keyClicks(page.detail.fields["nickname"], "!")  # the imported phone "-5" is untouched: no trip on it
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args[2]) or QMessageBox.StandardButton.Save)
    assert window.close()
    wait_for_background_tasks()
    assert asked == ["Save your changes to 李四?"]
    with database.session() as session:
        assert session.get(Customer, context.book["李四"]).nickname == "=1+1!"


def test_a_refresh_of_the_list_keeps_the_buyer_being_typed_about(qtbot, context, database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gui.customers.page import CustomersPage

    page = CustomersPage(context)
    qtbot.addWidget(page)
    page.show()
    wanted = context.book["李四"]
    qtbot.waitUntil(lambda: wanted in page.model.ids(), timeout=5000)
    page.table.selectRow(page.model.ids().index(wanted))
    qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.detail.id == wanted, timeout=5000)
    qtbot.keyClicks(page.detail.fields["nickname"], "!")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args[2]) or QMessageBox.StandardButton.Save)
    resets = []
    page.model.modelReset.connect(lambda: resets.append(True))
    context.data_changed.emit()  # what the start-up rescore or another rep's change sends
    qtbot.waitUntil(lambda: bool(resets), timeout=5000)
    wait_for_background_tasks()
    qtbot.waitUntil(lambda: page.selected_ids() == [wanted], timeout=5000)
    assert asked == [] and page.detail.customer_id == wanted
    assert page.detail.fields["nickname"].text().endswith("!")  # what was typed is still there, unsaved


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_chat_lookup_shows_every_match_without_scrolling(qtbot, context, database) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        added = [Customer(name=f"王{number}", nickname=f"wang{number}") for number in range(12)]
        session.add_all(added)
        session.flush()
        refresh_search_keys(session.connection(), [customer.id for customer in added])
    window = ChatLookupWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.search, "wang")
    qtbot.waitUntil(lambda: window.matches.count() == MATCHES_SHOWN, timeout=5000)
    last = window.matches.visualItemRect(window.matches.item(MATCHES_SHOWN - 1))
    assert window.matches.viewport().rect().contains(last)  # the last match shows whole, no scrolling
    window.search.clear()
    window.search.setText("wang3")
    qtbot.waitUntil(lambda: window.matches.count() == 1, timeout=5000)
    assert window.matches.height() < last.height() * 2 + 10  # one match, one row: the card gets the room
