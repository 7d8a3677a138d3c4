"""The Insights page over a demo shop: figures appear, clicks show exactly the right customers, exports work."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from core.demo import create_demo_shop
from core.store.models import Customer
from gui.context import AppContext
from gui.insights.page import InsightsPage
from gui.worker import wait_for_background_tasks
from tests.gui.languages import speaking


@pytest.fixture
def page(qtbot, database):  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        create_demo_shop(session, customers=300, today=date.today())
    page = InsightsPage(AppContext(database))
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    qtbot.waitUntil(lambda: page.insights is not None, timeout=20000)
    yield page
    wait_for_background_tasks()


def customers_in(database, stage: str) -> list[int]:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return sorted(session.scalars(select(Customer.id).where(Customer.stage == stage)))


def click_bar(qtbot, chart, category: int, series: int) -> None:  # type: ignore[no-untyped-def]
    view_box = chart.plot.getPlotItem().vb
    scene_point = view_box.mapViewToScene(chart.bar_center(category, series))
    widget_point = chart.plot.mapFromScene(scene_point)
    qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(widget_point.x(), widget_point.y()))


def test_models_and_seeds_table(page, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(page.seeds_model)
    qtmodeltester.check(page.rfm_view.model)
    qtmodeltester.check(page.cohort_view.model)
    rows = {row.key: row for row in page.insights.seeds}
    assert rows["all"].customers == 300
    assert sum(row.customers for key, row in rows.items() if key != "all") == 300
    assert abs(sum(row.revenue_share for key, row in rows.items() if key != "all") - 1) < 0.01
    assert "Repeat rate" in page.health.text()


def test_clicking_a_stage_bar_shows_exactly_its_customers(page, qtbot, database) -> None:  # type: ignore[no-untyped-def]
    loyal = page.insights.stage_distribution.categories.index("loyal")
    with qtbot.waitSignal(page.context.show_customers_requested) as blocker:
        click_bar(qtbot, page.stage_chart, loyal, 0)
    ids, label = blocker.args
    assert sorted(ids) == customers_in(database, "loyal") and ids
    assert "Loyal" in label


def test_clicking_an_rfm_cell_shows_its_buyers(page, qtbot, database) -> None:  # type: ignore[no-untyped-def]
    table = page.rfm_view.table
    index = page.rfm_view.model.index(0, page.insights.rfm_grid.columns.index("F5"))  # R5 x F5
    with qtbot.waitSignal(page.context.show_customers_requested) as blocker:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    with database.session() as session:
        expected = sorted(session.scalars(select(Customer.id).where(Customer.r_score == 5, Customer.f_score == 5)))
    assert sorted(blocker.args[0]) == expected and expected


def test_every_chart_exports_a_png(page, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for number, chart in enumerate(page.charts):
        target = tmp_path / f"chart{number}.png"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, target=target: (str(target), ""))
        qtbot.mouseClick(chart.export_button, Qt.MouseButton.LeftButton)
        assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", chart.title.text()


def test_seeds_table_exports_to_xlsx(page, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "seeds.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    qtbot.mouseClick(page.export_table_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists, timeout=10000)
    sheet = load_workbook(target)["Stages"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Stage" and rows[1][0] == "All customers" and rows[1][1] == 300


def test_the_date_range_applies_to_every_chart(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    today = QDate.currentDate()
    page.start_edit.setDate(today.addMonths(-5))
    page.end_edit.setDate(today.addMonths(-1))
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.insights.end == today.addMonths(-1).toPython(), timeout=20000)
    assert len(page.insights.stages_by_month.categories) == 5
    assert len(page.month_chart.categories) == 5
    assert len(page.insights.cohorts.rows) == 5


def test_hovering_a_bar_shows_its_value(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = page.month_chart
    row, series = len(chart.categories) - 1, chart.series.index("Lost")
    view_box = chart.plot.getPlotItem().vb
    point = chart.plot.mapFromScene(view_box.mapViewToScene(chart.bar_center(row, series)))
    qtbot.mouseMove(chart.plot.viewport(), QPoint(point.x(), point.y()))
    expected = f"{chart.categories[row]} — Lost: {int(page.insights.stages_by_month.values[row, series]):,}"
    qtbot.waitUntil(lambda: chart.plot.toolTip() == expected, timeout=3000)


def test_only_the_latest_reload_is_shown(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    today = QDate.currentDate()
    page.end_edit.setDate(today.addMonths(-3))
    page.apply_range()
    page.end_edit.setDate(today.addMonths(-1))
    page.apply_range()
    qtbot.waitUntil(lambda: page.task is None, timeout=20000)
    wait_for_background_tasks()
    assert page.insights.end == today.addMonths(-1).toPython()


def test_clicking_this_months_loyal_segment_shows_todays_loyal_fans(page, qtbot, database) -> None:  # type: ignore[no-untyped-def]
    chart = page.month_chart
    row, series = len(chart.categories) - 1, page.insights.stages_by_month.series.index("loyal")
    with qtbot.waitSignal(page.context.show_customers_requested) as blocker:
        click_bar(qtbot, chart, row, series)
    assert sorted(blocker.args[0]) == customers_in(database, "loyal")


def test_an_empty_shop_shows_empty_figures(qtbot, database) -> None:  # type: ignore[no-untyped-def]
    page = InsightsPage(AppContext(database))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.insights is not None, timeout=20000)
    assert page.insights.seeds[0].customers == 0 and page.insights.repeat_rate is None
    assert page.rfm_view.model.values.sum() == 0 and page.rfm_view.model.values.shape == (5, 5)
    assert "–" in page.health.text()
    wait_for_background_tasks()


def test_a_preset_range_applies_at_once(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    page.presets.setCurrentIndex(page.presets.findData(6))
    page.presets.activated.emit(page.presets.currentIndex())
    qtbot.waitUntil(lambda: len(page.insights.stages_by_month.categories) == 6, timeout=20000)
    assert page.insights.start.day == 1 and page.insights.end == date.today()
    page.end_edit.setDate(QDate.currentDate().addDays(-3))
    assert page.presets.currentData() is None


def test_clicking_a_segment_bar_shows_its_buyers(page, qtbot, database) -> None:  # type: ignore[no-untyped-def]
    champions = page.insights.segment_distribution.categories.index("champions")
    assert page.segment_chart.categories[champions] == "Champions"
    with qtbot.waitSignal(page.context.show_customers_requested) as blocker:
        click_bar(qtbot, page.segment_chart, champions, 0)
    with database.session() as session:
        expected = sorted(session.scalars(select(Customer.id).where(Customer.rfm_segment == "champions")))
    assert sorted(blocker.args[0]) == expected and expected


def test_category_labels_never_overlap_and_all_show_when_there_is_room(qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui.insights.charts import BarChartView

    chart = BarChartView("Days between orders")
    qtbot.addWidget(chart)
    labels = ["1–14", "15–29", "30–44", "45–59", "60–89", "90–119", "120–179", "180–269", "270–364", "365+"]
    chart.set_data(labels, ["buyers"], np.arange(10.0))
    chart.resize(420, 300)
    chart.show()
    qtbot.waitExposed(chart)
    assert 0 < len(chart.labelled) < len(labels)
    assert len(chart.labelled) * chart.label_width() <= chart.plot.getViewBox().width()  # each has its own room
    chart.resize(1400, 300)
    qtbot.waitUntil(lambda: chart.labelled == labels, timeout=2000)


def test_a_chart_scrolled_out_of_sight_has_room_for_every_value_label(qtbot) -> None:  # type: ignore[no-untyped-def]
    # pyqtgraph widens its value axis only while painting; a chart below the fold had never painted when it
    # was grabbed or first scrolled to, and dropped the labels that did not fit (40000 on the revenue chart).
    from PySide6.QtGui import QFontMetrics

    from gui.insights.charts import BarChartView

    chart = BarChartView("Revenue")
    qtbot.addWidget(chart)
    chart.resize(520, 320)
    chart.set_data([f"2026-{month:02d}" for month in range(1, 13)], ["New", "Returning"],
                   np.column_stack([np.full(12, 15000.0), np.linspace(1000, 28000, 12)]))
    axis = chart.plot.getAxis("left")
    widest = QFontMetrics(axis.style.get("tickFont") or chart.font()).horizontalAdvance("40000")
    assert axis.minimumWidth() > widest  # what the layout must give it, painted or not


def test_a_stage_has_one_chinese_name_on_every_page(qapp) -> None:  # type: ignore[no-untyped-def]
    # The list, filters, care cards and charts once said 沉睡 / 沉睡客 / 睡眠客户 for the same buyers.
    from gui.customers.labels import CustomerLabels
    from gui.insights.labels import stage_labels

    with speaking("zh_CN"):
        assert CustomerLabels().stages() == stage_labels()
        assert stage_labels()["dormant"] == "睡眠客户"


def test_an_empty_book_offers_no_chart_to_export(qtbot, database) -> None:  # type: ignore[no-untyped-def]
    page = InsightsPage(AppContext(database))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.insights is not None, timeout=20000)
    assert page.charts and [chart.title.text() for chart in page.charts if chart.export_button.isEnabled()] == []
    wait_for_background_tasks()
