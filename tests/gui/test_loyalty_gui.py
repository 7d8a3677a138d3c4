"""Tiers and points in the window: the Settings section, the list's columns and filter, the detail's Points
tab with a redemption, and the chat lookup's card."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from core.loyalty.points import POINTS_KEY
from core.loyalty.rewards import REWARDS_KEY
from core.loyalty.tiers import TIERS_KEY
from core.store.models import Customer
from core.store.settings import get_setting
from gui.context import AppContext
from gui.customers.lookup import ChatLookupWindow
from gui.customers.page import CustomersPage
from gui.customers.table_model import COLUMNS, TAGS_ROLE
from gui.loyalty.points_tab import PointsDialog
from gui.loyalty.settings_section import LoyaltySettingsSection
from gui.worker import wait_for_background_tasks
from tests.customers.conftest import make_book
from tests.gui.languages import speaking


@pytest.fixture
def book(qsettings_isolated, database):  # type: ignore[no-untyped-def]
    yield make_book(database)
    wait_for_background_tasks()


def listed(qtbot, database, name):  # type: ignore[no-untyped-def]
    """The customers page with every row of the book fetched, and the row of the buyer called `name`."""
    page = CustomersPage(AppContext(database))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=5000)
    page.table.viewport().update()
    qtbot.waitUntil(lambda: all(page.model.cached_row(r) for r in range(4)), timeout=5000)
    return page, next(r for r in range(4) if page.model.cached_row(r).name == name)


def test_saving_tiers_in_settings_recomputes_every_tier(qtbot, book, database) -> None:  # type: ignore[no-untyped-def]
    context = AppContext(database)
    section = LoyaltySettingsSection(context)
    qtbot.addWidget(section)
    qtbot.waitUntil(lambda: section.tiers.rowCount() == 4)
    section.tiers.cellWidget(1, 1).setValue(100)  # 银卡 from ¥100: 曾小红 (¥120) moves up
    assert section.tiers.cellWidget(3, 2).text() == "base rate"
    assert [section.rewards.item(row, 0).text() for row in range(section.rewards.rowCount())] == [
        "满200返20", "100积分抵10元"]
    section.reward_rows.add_button.click()  # a third reward: 满500返60
    section.rewards.item(2, 0).setText("满500返60")
    section.rewards.cellWidget(2, 1).setValue(60)
    section.rewards.cellWidget(2, 3).setValue(500)
    section.tiers.cellWidget(3, 2).setValue(2)  # 钻石 earns 2 points per yuan; the others the base rate
    with qtbot.waitSignal(context.data_changed, timeout=10000):
        qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    with database.session() as session:
        assert get_setting(session, TIERS_KEY)["tiers"][1] == ["银卡", 100]
        assert get_setting(session, POINTS_KEY)["tier_rates"] == {"钻石": 2.0}
        assert get_setting(session, REWARDS_KEY)[2] == {"name": "满500返60", "value": 60, "points": 0,
                                                        "min_spend": 500}
        assert session.get(Customer, book["曾小红"]).member_tier == "银卡"
    section.tiers.cellWidget(2, 1).setValue(50)  # below the tier under it
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    assert "higher threshold" in section.message.text()


def test_the_list_shows_tier_and_points_and_filters_by_tier(qtbot, book, database) -> None:  # type: ignore[no-untyped-def]
    page = CustomersPage(AppContext(database))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=5000)
    page.filters.tiers.setText("普通会员")
    page.filters.tiers.editingFinished.emit()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)
    page.table.viewport().update()
    qtbot.waitUntil(lambda: all(page.model.cached_row(r) for r in range(3)), timeout=5000)
    shown = {page.model.cached_row(r).name: (page.model.data(page.model.index(r, COLUMNS.index("member_tier"))),
                                             page.model.data(page.model.index(r, COLUMNS.index("points"))))
             for r in range(3)}
    assert shown == {"张晓明": ("普通会员", "100"), "曾小红": ("普通会员", "120"), "李四": ("普通会员", "30")}


def test_redeeming_points_in_the_detail_books_them_in_the_ledger(qtbot, book, database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = CustomersPage(AppContext(database))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=5000)
    page.detail.show_customer(book["曾小红"])
    tab = page.detail.points_tab
    qtbot.waitUntil(lambda: page.detail.detail is not None and tab.ledger.topLevelItemCount() == 2, timeout=5000)
    page.detail.tabs.setCurrentWidget(tab)

    def answered(dialog: PointsDialog) -> int:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        dialog.reward.setCurrentIndex(dialog.reward.findText("满200返20"))  # a spend reward names its order
        assert dialog.form.isRowVisible(dialog.order) and not dialog.form.isRowVisible(dialog.points)
        assert not ok.isEnabled()
        dialog.reward.setCurrentIndex(dialog.reward.findText("100积分抵10元"))  # the catalogue's points reward
        assert (dialog.points.value(), dialog.points.isEnabled(), ok.isEnabled()) == (100, False, True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PointsDialog, "exec", answered)
    tab.redeem_button.click()
    qtbot.waitUntil(lambda: tab.ledger.topLevelItemCount() == 3, timeout=10000)
    assert [tab.ledger.topLevelItem(0).text(column) for column in (2, 3, 4)] == ["-100", "20", "100积分抵10元"]
    with database.session() as session:
        assert session.get(Customer, book["曾小红"]).points == 20


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_the_chat_lookup_card_names_the_tier_and_points(qtbot, book, database) -> None:  # type: ignore[no-untyped-def]
    window = ChatLookupWindow(AppContext(database))
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.search, "JD88002")
    qtbot.waitUntil(lambda: "曾小红" in window.card.text(), timeout=5000)
    assert "普通会员" in window.card.text() and "120 points" in window.card.text()


def test_a_tag_rule_is_written_in_the_dialog_previewed_and_applied(qtbot, book, database) -> None:  # type: ignore[no-untyped-def]
    from gui.loyalty.tag_rules_dialog import TagRulesDialog

    with speaking("en"):  # plural forms come from the English translation
        dialog = TagRulesDialog(AppContext(database))
        qtbot.addWidget(dialog)
        dialog.tag.setText("城里人")
        row = dialog.condition_rows[0]
        row.kind.setCurrentIndex(row.kind.findData("city_is"))
        row.text.setText("杭州市")
        qtbot.waitUntil(lambda: "2 buyers" in dialog.preview.text(), timeout=5000)
        second = dialog.add_condition()
        second.kind.setCurrentIndex(second.kind.findData("spent_at_least"))
        second.number.setValue(50)
        qtbot.waitUntil(lambda: "1 buyer" in dialog.preview.text(), timeout=5000)
        with qtbot.waitSignal(dialog.changed, timeout=10000):
            dialog.save_button.click()
        qtbot.waitUntil(lambda: dialog.rules.count() == 1, timeout=5000)
        assert dialog.rules.item(0).text() == "城里人 — 1 buyer"
        with database.session() as session:
            assert [tag.name for tag in session.get(Customer, book["张晓明"]).tags] == ["城里人"]


def test_the_detail_explains_the_rhythm_and_a_small_shop_gets_no_forecast(qtbot, book, database) -> None:  # type: ignore[no-untyped-def]
    page, row = listed(qtbot, database, "曾小红")
    tip = page.model.data(page.model.index(row, COLUMNS.index("overdue")), Qt.ItemDataRole.ToolTipRole)
    assert "median gap of 92 days" in tip
    page.detail.show_customer(book["曾小红"])
    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=5000)
    text = page.detail.forecast.text()
    assert "every 92 days" in text and "too few buyers" in text
    assert "Median days between purchases (what overdue divides by): 92" in page.detail.figures.text()


def test_the_forecast_sentence_speaks_in_the_buyers_numbers(qtbot) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from core.customers.detail import ForecastView
    from gui.loyalty.forecast_line import ForecastLine

    line = ForecastLine()
    qtbot.addWidget(line)
    with speaking("en"):
        text = line.sentence(ForecastView(38.0, 95, 2.5, 0.31, 0.4, 120.0, None))
        dated = line.sentence(ForecastView(30.0, 10, 0.3, 0.9, 2.8, 88.0, date(2026, 12, 12)))
    assert text == ("Usually every 38 days (the median gap overdue uses), last bought 95 days ago: 31 % likely "
                    "still a customer, 0.4 purchases expected in the next 90 days (worth about ¥120).")
    assert ", the next around 2026-12-12 (worth about ¥88)." in dated


def test_a_tag_a_rule_gave_is_marked_in_the_list_and_the_detail_and_hand_tags_stay_apart(  # type: ignore[no-untyped-def]
        qtbot, book, database) -> None:
    from core.customers.tags import add_tags
    from core.loyalty.tag_rules import Condition, RuleSpec, save_tag_rule

    with database.transaction() as session:
        save_tag_rule(session, RuleSpec("城里人", (Condition("city_is", ["杭州市"]),)))
        add_tags(session, [book["张晓明"]], ["老朋友"])
    page, row = listed(qtbot, database, "张晓明")
    cell = page.model.index(row, COLUMNS.index("tags"))
    assert sorted(page.model.data(cell, TAGS_ROLE)) == [
        ("城里人", "#5b8def", True), ("老朋友", "#5b8def", False)]
    assert "城里人" in page.model.data(cell, Qt.ItemDataRole.ToolTipRole)
    page.detail.show_customer(book["张晓明"])
    qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.detail.id == book["张晓明"], timeout=5000)
    assert page.detail.tags_edit.text() == "老朋友"
    assert "城里人" in page.detail.rule_tags.text()
    page.detail.tags_edit.setText("老朋友, 送礼")  # saving the owner's tags leaves the rule's alone
    page.detail._save_tags()
    qtbot.waitUntil(lambda: sorted(t for t, _c in page.detail.detail.tags) == ["城里人", "老朋友", "送礼"],
                    timeout=5000)
    assert page.detail.rule_tags.text().endswith("城里人")


def test_the_forecast_is_checked_against_the_shops_own_later_orders(qtbot, qsettings_isolated, database) -> None:  # type: ignore[no-untyped-def]
    from gui.loyalty.holdout_dialog import HoldoutDialog
    from tests.loyalty.test_holdout import a_shop

    with speaking("en"):
        small = HoldoutDialog(AppContext(database))
        qtbot.addWidget(small)
        qtbot.waitUntil(lambda: "too few" in small.summary.text(), timeout=10000)
        a_shop(database, 300)
        dialog = HoldoutDialog(AppContext(database))
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.groups.topLevelItemCount() == 9, timeout=20000)
    rows = [[dialog.groups.topLevelItem(row).text(column) for column in range(4)] for row in range(9)]
    assert [row[0] for row in rows] == ["0 times", "1 time", *(f"{n} times" for n in range(2, 7)),
                                        "7 times or more", "Everyone"]
    assert "Fitted on the orders up to" in dialog.summary.text()
