"""Each kind of query typed into the chat lookup and the main search: which buyer comes first."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt

from core.customers.profile import add_note
from core.refresh import refresh_derived
from core.safety.privacy import lock_owner, set_owner_passphrase
from core.store.models import Customer, Order
from gui.context import AppContext
from gui.customers.lookup import ChatLookupWindow
from gui.customers.page import CustomersPage
from gui.customers.table_model import COLUMNS
from gui.worker import wait_for_background_tasks
from tests.customers.ranking_book import FIRST, make_ranking_book

# Showing a stay-on-top window raises it; the offscreen platform says it cannot.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


@pytest.fixture
def book(qsettings_isolated, database):  # type: ignore[no-untyped-def]
    ids = make_ranking_book(database)
    yield ids
    wait_for_background_tasks()


@pytest.fixture
def page(qtbot, book, database):  # type: ignore[no-untyped-def]
    widget = CustomersPage(AppContext(database))
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() == len(book), timeout=5000)
    return widget


@pytest.fixture
def lookup(qtbot, book, database):  # type: ignore[no-untyped-def]
    window = ChatLookupWindow(AppContext(database))
    qtbot.addWidget(window)
    window.show()
    return window


def settle(qtbot, timer) -> None:  # type: ignore[no-untyped-def]
    """Past the debounce, and every read it started (and the reads those started) arrived."""
    qtbot.waitUntil(lambda: not timer.isActive(), timeout=5000)
    for _round in range(3):
        wait_for_background_tasks()
        qtbot.wait(10)


def type_into(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    """Key by key; a Chinese character arrives whole, as an input method commits it (QTest types ASCII only)."""
    edit.clear()
    for character in text:
        if character.isascii():
            qtbot.keyClicks(edit, character)
        else:
            edit.insert(character)


def test_the_main_search_lists_the_best_match_first(qtbot, page, book) -> None:  # type: ignore[no-untyped-def]
    for query, who in FIRST:
        type_into(qtbot, page.search, query)
        settle(qtbot, page.search_timer)
        assert page.model.ids()[:1] == [book[who]], query
    assert page.table.horizontalHeader().sortIndicatorSection() == -1  # by relevance, no column's order


def test_a_clicked_header_orders_the_matches_until_the_next_search(qtbot, page, book) -> None:  # type: ignore[no-untyped-def]
    type_into(qtbot, page.search, "1796")
    settle(qtbot, page.search_timer)
    assert page.model.ids() == [book["王华"], book["王华明"], book["赵敏"]]
    header = page.table.horizontalHeader()
    position = header.sectionViewportPosition(COLUMNS.index("overdue"))
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(position + 5, 5))
    settle(qtbot, page.search_timer)
    assert header.sortIndicatorSection() == COLUMNS.index("overdue")
    assert page.model.query.sort == "overdue"
    assert sorted(page.model.ids()) == sorted([book["王华"], book["王华明"], book["赵敏"]])
    type_into(qtbot, page.search, "wh")
    settle(qtbot, page.search_timer)
    assert header.sortIndicatorSection() == -1 and page.model.ids()[0] == book["王华"]
    page.search.clear()
    settle(qtbot, page.search_timer)
    assert header.sortIndicatorSection() == COLUMNS.index("last_order")
    assert page.model.ids()[0] == book["赵敏"]  # everyone again, the newest order first


def test_the_list_shows_the_account_by_default(qtbot, page, book) -> None:  # type: ignore[no-untyped-def]
    column = COLUMNS.index("account")
    header = page.table.horizontalHeader()
    assert not header.isSectionHidden(column)
    assert header.visualIndex(column) == header.visualIndex(COLUMNS.index("name")) + 1
    type_into(qtbot, page.search, "b馥1")
    settle(qtbot, page.search_timer)
    page.table.viewport().update()
    qtbot.waitUntil(lambda: page.model.cached_row(0) is not None, timeout=5000)
    assert page.model.index(0, column).data() == "tb馥1332 / tb17965"
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: "tb馥1332 (Douyin) · tb17965 (Douyin)" in page.detail.accounts.text(), timeout=5000)


def test_the_chat_lookup_shows_the_best_match_first(qtbot, lookup, book) -> None:  # type: ignore[no-untyped-def]
    for query, who in FIRST:
        type_into(qtbot, lookup.search, query)
        settle(qtbot, lookup.timer)
        assert lookup.matches.count() and lookup.matches.item(0).data(Qt.ItemDataRole.UserRole) == book[who], query
        qtbot.waitUntil(lambda who=who: f"<h3>{who}" in lookup.card.text(), timeout=5000)


def test_the_lookup_card_reads_right(qtbot, database, lookup) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        buyer = Customer(name="孙悟空", platform="taobao_tmall")  # no nickname, no phone of its own
        session.add(buyer)
        session.flush()
        session.add(Order(platform="taobao_tmall", platform_order_id="3900555500001111", customer_id=buyer.id,
                          status="closed", paid_amount=Decimal("0.00"), total_amount=Decimal("0.00"),
                          receiver_phone="138****1234", item_summary="正山小种",
                          created_at=datetime(2026, 11, 3)))
        add_note(session, buyer.id, "prefers SF Express")
        session.flush()
        refresh_derived(session.connection(), [buyer.id])
    type_into(qtbot, lookup.search, "孙悟空")
    qtbot.waitUntil(lambda: "孙悟空" in lookup.card.text(), timeout=5000)
    card = lookup.card.text()
    assert "<p>Taobao/Tmall · 138****1234</p>" in card  # the masked phone shows; no nickname, no dangling ·
    assert "· ·" not in card and "<p> ·" not in card and "· </p>" not in card
    assert "正山小种 ¥0.00 (closed)" in card
    assert "prefers SF Express" in card  # a general note is listed
    qtbot.keyClicks(lookup.note_edit, "asked for a gift box")
    qtbot.keyClick(lookup.note_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "asked for a gift box" in lookup.card.text(), timeout=5000)
    assert lookup.confirmation.text() == "Note saved."


def test_rep_mode_masks_an_account_that_is_a_phone(qtbot, database, lookup, book) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        set_owner_passphrase(session, "茶铺老板")
        lock_owner(session)  # the owner hands the laptop to a rep
    type_into(qtbot, lookup.search, "8888")
    qtbot.waitUntil(lambda: "钱多多" in lookup.card.text(), timeout=5000)
    assert "135****8888" in lookup.card.text() and "13577778888" not in lookup.card.text()
    assert "135****8888" in lookup.matches.item(0).text()
