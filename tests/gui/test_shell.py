"""The main window opens every page, in English and in Chinese, and offers the demo shop when empty."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel

from gui.main_window import PAGES, page_row


@pytest.mark.parametrize(
    ("language", "titles"),
    [("en", ["Today", "Customers", "Import", "Care calendar", "Insights", "Settings"]),
     ("zh_CN", ["今日", "客户", "导入", "关怀日历", "洞察", "设置"])],
)
def test_every_page_opens_in_both_languages(window_factory, qtbot, language, titles) -> None:  # type: ignore[no-untyped-def]
    window = window_factory(language)
    assert [window.navigation.item(row).text() for row in range(window.navigation.count())] == titles
    for (key, _module, _cls), title in zip(PAGES, titles, strict=True):
        page = window.show_page(key)
        assert window.stack.currentWidget() is page
        assert page.findChild(QLabel, "pageTitle").text() == title
    assert window.database_label.text().endswith("shop.db")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_page_fits_a_laptop_screen(window_factory, language) -> None:  # type: ignore[no-untyped-def]
    # A 1366x768 screen leaves about 700 pixels for the window: a taller page would push its bottom off screen.
    window = window_factory(language)
    for key, _module, _cls in PAGES:
        window.show_page(key)
        assert window.minimumSizeHint().height() <= 700, key
        assert window.minimumSizeHint().width() <= 1366, key


def test_the_window_opens_on_the_today_page(window_factory, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = window_factory("en")
    today = window.pages["today"]
    assert window.stack.currentWidget() is today
    qtbot.waitUntil(lambda: today.desk is not None, timeout=10000)


def test_empty_book_offers_the_demo_shop_which_opens_it(window_factory, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = window_factory("en")
    page = window.show_page("customers")
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.empty_state, timeout=5000)
    qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.context.database.label.endswith("demo.db"), timeout=60000)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.book, timeout=10000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2000, timeout=10000)
    assert page.count_label.text() == "2,000 customers"
    assert "demo.db" in window.database_label.text()
    care = window.navigation.item(page_row("care"))
    qtbot.waitUntil(lambda: care.text().startswith("Care calendar ("), timeout=10000)  # planned with the shop


def test_window_geometry_is_remembered(window_factory) -> None:  # type: ignore[no-untyped-def]
    window = window_factory("en")
    window.resize(700, 500)  # the offscreen screen is 800 px wide
    window.close()
    assert QSettings().value("window/geometry") is not None
    again = window_factory("en")
    assert (again.size().width(), again.size().height()) == (700, 500)


@pytest.mark.qt_no_exception_capture
def test_smoke_run_reports_a_page_that_fails_to_build(window_factory, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """As in a bundle that left a section's module out: the smoke run must fail, not wait on an error dialog."""
    from gui.app import visit_every_page
    from gui.settings import page as settings

    def missing_module(self, context, parent=None):  # type: ignore[no-untyped-def]
        raise ModuleNotFoundError("No module named 'gui.care.settings_section'")

    monkeypatch.setattr(settings.SettingsPage, "__init__", missing_module)
    monkeypatch.setattr("gui.safety.errors.show_error", lambda *args: None)
    window = window_factory("en")
    failures = visit_every_page(window)
    assert any(isinstance(error, ModuleNotFoundError) for error in failures)


def test_smoke_run_of_a_healthy_window_reports_nothing(window_factory) -> None:  # type: ignore[no-untyped-def]
    from gui.app import visit_every_page

    assert visit_every_page(window_factory("en")) == []
