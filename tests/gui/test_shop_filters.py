"""A seller with two shops picks one in the customer list's filters and on the Insights page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gui.context import AppContext
from gui.customers.page import CustomersPage
from gui.insights.page import InsightsPage
from gui.worker import wait_for_background_tasks
from tests.importing.test_shops import two_shop_book


@pytest.fixture
def context(tmp_path, database):  # type: ignore[no-untyped-def]
    two_shop_book(tmp_path, database)
    yield AppContext(database)
    wait_for_background_tasks()


def choose(qtbot, combo, text: str) -> None:  # type: ignore[no-untyped-def]
    """Pick an item as a user does from the keyboard (the offscreen platform cannot open a popup)."""
    qtbot.waitUntil(lambda: combo.findText(text) >= 0, timeout=10000)
    combo.setFocus()
    key = Qt.Key.Key_Down if combo.findText(text) > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentText() != text:
        qtbot.keyClick(combo, key)


def test_the_customer_list_shows_one_shops_buyers(qtbot, qsettings_isolated, context):  # type: ignore[no-untyped-def]
    page = CustomersPage(context)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    qtbot.mouseClick(page.filters_button, Qt.MouseButton.LeftButton)
    choose(qtbot, page.filters.shop, "京东A店")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    assert page.filters.current_filter().shops == ["京东A店"]
    choose(qtbot, page.filters.shop, "京东B店")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)


def test_insights_shows_one_shops_figures(qtbot, context):  # type: ignore[no-untyped-def]
    page = InsightsPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    qtbot.waitUntil(lambda: page.insights is not None, timeout=20000)

    def customers() -> int:
        return next(row.customers for row in page.insights.seeds if row.key == "all")

    assert customers() == 2
    choose(qtbot, page.shop, "京东A店")
    qtbot.waitUntil(lambda: page.task is None and customers() == 1, timeout=20000)
    choose(qtbot, page.shop, "All shops")
    qtbot.waitUntil(lambda: page.task is None and customers() == 2, timeout=20000)
