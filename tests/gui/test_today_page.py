"""The Today page: what it shows of a shop, and each card opening its list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gui.context import AppContext
from gui.today.page import TodayPage
from gui.worker import wait_for_background_tasks
from tests.gui.languages import speaking
from tests.today.conftest import TODAY, desk_shop  # noqa: F401 - the fixture


@pytest.fixture
def page(database, desk_shop, qtbot, qsettings_isolated):  # type: ignore[no-untyped-def]  # noqa: F811
    with speaking("en"):  # English has plural forms too: "1 buyer"
        page = TodayPage(AppContext(database, today=TODAY))
        qtbot.addWidget(page)
        page.resize(1100, 600)
        with qtbot.waitSignal(page.loaded, timeout=10000):
            page.show()
        yield page
    wait_for_background_tasks()


def test_the_cards_say_what_today_holds(page) -> None:  # type: ignore[no-untyped-def]
    assert page.care_card.figure.text() == "2"
    assert "Birthdays 1" in page.care_card.detail.text() and "Orders 1" in page.care_card.detail.text()
    assert page.unpaid_card.figure.text() == "1"
    assert page.unpaid_card.detail.text() == ("1 buyer with an order still unpaid\n"
                                              "Orders of the last 3 days (Settings ▸ Care calendar)")
    assert page.birthday_card.figure.text() == "1"
    assert page.regulars_card.figure.text() == "1"
    assert "淘宝-11月.xlsx" in page.import_card.detail.text()
    assert "The newest order is from today." in page.import_card.detail.text()


def test_each_card_opens_its_list(page, desk_shop, qtbot) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    for card, name in ((page.unpaid_card, "赵敏"), (page.birthday_card, "王芳"), (page.regulars_card, "李强")):
        with qtbot.waitSignal(page.context.show_customers_requested) as shown:
            qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
        assert shown.args[0] == [desk_shop[name]]
    for card, signal in ((page.care_card, page.care_requested), (page.import_card, page.import_requested),
                         (page.month_card, page.insights_requested)):
        with qtbot.waitSignal(signal):
            qtbot.mouseClick(card, Qt.MouseButton.LeftButton)


def test_a_line_with_nobody_on_it_cannot_be_opened(database, qtbot, qsettings_isolated) -> None:  # type: ignore[no-untyped-def]
    page = TodayPage(AppContext(database, today=TODAY))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.show()
    assert not page.unpaid_card.isEnabled() and not page.birthday_card.isEnabled()
    assert page.import_card.figure.text() == "None yet"
    wait_for_background_tasks()


def shown_page(database, qtbot) -> TodayPage:  # type: ignore[no-untyped-def]
    page = TodayPage(AppContext(database, today=TODAY))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.show()
    return page


def test_the_page_speaks_chinese(database, desk_shop, qtbot, qsettings_isolated) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with speaking("zh_CN"):
        page = shown_page(database, qtbot)
        assert page.header.title.text() == "今日"
        assert page.unpaid_card.title.text() == "待催付订单"
        assert page.month_table.itemAtPosition(0, 1).widget().text() == "11月1日–15日"
    wait_for_background_tasks()


def test_the_demo_shop_says_its_orders_were_made_up_not_imported(database, qtbot, qsettings_isolated) -> None:  # type: ignore[no-untyped-def]
    # The card said "None yet · The newest order is from today." of a shop nothing was ever imported into.
    from core.demo import create_demo_shop

    with database.transaction() as session:
        create_demo_shop(session, customers=20, today=TODAY)
    with speaking("en"):
        page = shown_page(database, qtbot)
    assert page.import_card.figure.text() == "None yet"
    detail = page.import_card.detail.text()
    assert "demo shop's" in detail and "import your own order sheets" in detail and "newest" not in detail
    wait_for_background_tasks()
