"""The Insights page: the seeds' table and the charts of the shop's repeat-customer health.

The figures are built in a worker (core.figures.insights) for one date range; a click on a bar or a cell asks the
customer list to show exactly the customers behind it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.errors import describe_os_error
from core.figures.insights import Insights, ShopData, build_insights, load_shop_data
from core.figures.shops import shop_names
from core.safety.spreadsheet import Sheet
from gui.context import AppContext
from gui.core_text import core_text
from gui.file_dialogs import save_path, save_workbook
from gui.insights.charts import BarChartView, ChartPanel, HeatTableView
from gui.insights.labels import segment_label, stage_labels
from gui.insights.seeds_model import SeedsModel
from gui.widgets import PageHeader, offer_names, scrolling_column
from gui.worker import run_in_background

STAGE_COLORS = ["#8fa3bf", "#f0b429", "#3ebd93", "#2680c2", "#7b61ff", "#e67e22", "#c0392b"]
DEFAULT_MONTHS = 24


def load_and_build(database, shop: str | None, start: date, end: date, progress, cancel) -> tuple[ShopData, Insights]:  # type: ignore[no-untyped-def]
    with database.session() as session:
        data = load_shop_data(session.connection(), date.today(), shop)
    cancel.raise_if_cancelled()
    return data, build_insights(data, start, end)


def book_shops(database, progress, cancel) -> list[str]:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return shop_names(session)


def rebuild(data: ShopData, start: date, end: date, progress, cancel) -> tuple[ShopData, Insights]:  # type: ignore[no-untyped-def]
    return data, build_insights(data, start, end)


class InsightsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.data: ShopData | None = None
        self.insights: Insights | None = None
        self.task = None
        self.stage_names = {"all": self.tr("All customers"), **stage_labels()}
        outer = QVBoxLayout(self)
        outer.addWidget(PageHeader(self.tr("Insights"), self.tr("Lifecycle stages, RFM and the shop's repeat-customer health.")))
        outer.addLayout(self._build_range_bar())
        self.content_layout = scrolling_column(outer)
        self._build_seeds()
        self._build_charts()
        context.data_changed.connect(self.reload)
        self.reload()

    # --- layout -------------------------------------------------------------------------------------------
    def _build_range_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        today = QDate.currentDate()
        self.start_edit = QDateEdit(self.months_back(DEFAULT_MONTHS))
        self.end_edit = QDateEdit(today)
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMaximumDate(today)
        self.presets = QComboBox()
        for months, text in ((DEFAULT_MONTHS, self.tr("Last 24 months")), (12, self.tr("Last 12 months")),
                             (6, self.tr("Last 6 months")), (3, self.tr("Last 3 months"))):
            self.presets.addItem(text, months)
        self.presets.addItem(self.tr("Custom range"), None)
        # One of the seller's shops, or the whole book; filled from the book's orders on every reload.
        self.shop = QComboBox()
        self.shop.addItem(self.tr("All shops"), None)
        self.shop.activated.connect(self.reload)
        self.presets.activated.connect(self._preset_chosen)
        for edit in (self.start_edit, self.end_edit):
            edit.dateChanged.connect(self._dates_edited)
        bar.addWidget(self.shop)
        bar.addWidget(self.presets)
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.start_edit)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.end_edit)
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.clicked.connect(self.apply_range)
        # The presets apply themselves: Apply is for dates typed by hand, and waits for them.
        self.apply_button.setEnabled(False)
        self.apply_button.setToolTip(self.tr("Shows the dates typed in From and to; a range from the list applies "
                                             "at once."))
        bar.addWidget(self.apply_button)
        self.status = QLabel()
        bar.addWidget(self.status, 1)
        self.export_table_button = QPushButton(self.tr("Export table to Excel…"))
        self.export_table_button.clicked.connect(self.export_seeds)
        bar.addWidget(self.export_table_button)
        return bar

    def _build_seeds(self) -> None:
        self.seeds_model = SeedsModel(self.stage_names, self)
        self.seeds_view = QTableView()
        self.seeds_view.setModel(self.seeds_model)
        self.seeds_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.seeds_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.seeds_view.verticalHeader().setVisible(False)
        self.seeds_view.setFixedHeight(8 * 30 + 32)
        self.content_layout.addWidget(self.seeds_view)
        self.health = QLabel()
        self.content_layout.addWidget(self.health)

    def _build_charts(self) -> None:
        grid = QGridLayout()
        self.stage_chart = BarChartView(self.tr("Customers by stage"))
        self.month_chart = BarChartView(self.tr("Stages at each month's end"))
        self.buyers_chart = BarChartView(self.tr("New and returning buyers per month"))
        self.revenue_chart = BarChartView(self.tr("Revenue from new and returning buyers (¥)"))
        self.gap_chart = BarChartView(self.tr("Days between a buyer's orders"))
        self.segment_chart = BarChartView(self.tr("Buyers by RFM segment"))
        self.rfm_view = HeatTableView(self.tr("RFM grid: recency (R) × frequency (F), customers"))
        self.cohort_view = HeatTableView(self.tr("Monthly cohorts: share buying again, months after the first order"))
        self.product_view = HeatTableView(self.tr("Repurchase gap by product"), shaded=False)
        self.charts: list[ChartPanel] = [self.stage_chart, self.month_chart, self.buyers_chart, self.revenue_chart,
                                         self.gap_chart, self.segment_chart, self.rfm_view, self.product_view,
                                         self.cohort_view]
        # Two per row on a laptop's 1280 px; a whole row for the stage and segment charts, whose seven and eight
        # names would not fit under half-width bars, and for the cohorts' thirteen columns of percentages.
        places = [(0, 0, 2), (1, 0, 1), (1, 1, 1), (2, 0, 1), (2, 1, 1), (3, 0, 2), (4, 0, 1), (4, 1, 1), (5, 0, 2)]
        for chart, (row, column, span) in zip(self.charts, places, strict=True):
            grid.addWidget(chart, row, column, 1, span)
        self.content_layout.addLayout(grid)
        for chart in self.charts:
            chart.export_requested.connect(lambda chart=chart: self.export_chart(chart))
        self.stage_chart.bar_clicked.connect(self._stage_clicked)
        self.month_chart.bar_clicked.connect(self._month_clicked)
        self.buyers_chart.bar_clicked.connect(self._buyers_clicked)
        self.revenue_chart.bar_clicked.connect(self._buyers_clicked)
        self.gap_chart.bar_clicked.connect(self._gap_clicked)
        self.rfm_view.cell_clicked.connect(self._rfm_clicked)
        self.segment_chart.bar_clicked.connect(self._segment_clicked)
        self.cohort_view.cell_clicked.connect(self._cohort_clicked)
        self.product_view.cell_clicked.connect(self._product_clicked)

    @staticmethod
    def months_back(months: int) -> QDate:
        """The first day of the month `months - 1` months ago: a range of `months` whole months to today."""
        today = QDate.currentDate()
        first = today.addDays(1 - today.day())
        return first.addMonths(1 - months)

    def _preset_chosen(self) -> None:
        months = self.presets.currentData()
        if months is None:
            return
        for edit, day in ((self.start_edit, self.months_back(months)), (self.end_edit, QDate.currentDate())):
            edit.blockSignals(True)  # not a hand edit: the preset stays chosen
            edit.setDate(day)
            edit.blockSignals(False)
        self.apply_range()

    def _dates_edited(self) -> None:
        self.presets.setCurrentIndex(self.presets.findData(None))
        self.apply_button.setEnabled(True)

    # --- loading ------------------------------------------------------------------------------------------
    def date_range(self) -> tuple[date, date]:
        start, end = self.start_edit.date().toPython(), self.end_edit.date().toPython()
        return (min(start, end), max(start, end))

    def reload(self) -> None:
        """Read the shop afresh (after an import or an edit) and rebuild every figure."""
        self._start(load_and_build, self.context.database, self.shop.currentData())
        run_in_background(book_shops, self.context.database, on_success=lambda names: offer_names(self.shop, names))

    def apply_range(self) -> None:
        if self.data is None:
            self.reload()
        else:
            self._start(rebuild, self.data)

    def _start(self, function, *sources) -> None:  # type: ignore[no-untyped-def]
        if self.task is not None:
            self.task.cancel()
        self.status.setText(self.tr("Computing…"))
        self.apply_button.setEnabled(False)
        task = run_in_background(function, *sources, *self.date_range(),
                                 on_success=lambda result: self._finished(task, result),
                                 on_failure=lambda message, _details: self._finished(task, None, message))
        self.task = task

    def _finished(self, task, result: tuple[ShopData, Insights] | None, message: str = "") -> None:  # type: ignore[no-untyped-def]
        # A reload may start while an older one still runs: only the latest one's figures are shown.
        if task is not self.task:
            return
        self.task = None
        if result is None:
            self.apply_button.setEnabled(True)  # to try again
            self.status.setText(message)
        else:
            self._show(result)

    def _show(self, result: tuple[ShopData, Insights]) -> None:
        self.data, insights = result
        self.insights = insights
        self.status.setText(self.tr("As of %1").replace("%1", insights.end.isoformat()))
        self.seeds_model.set_rows(insights.seeds)
        rate = "–" if insights.repeat_rate is None else f"{insights.repeat_rate:.1%}"
        cycle = "–" if insights.repurchase_cycle_days is None else f"{insights.repurchase_cycle_days:g}"
        self.health.setText(self.tr("Repeat rate: %1 of buyers bought twice or more · Repurchase cycle: %2 days "
                                    "from the first to the second order (median)").replace("%1", rate).replace("%2", cycle))
        names = [self.stage_names[key] for key in insights.stage_distribution.categories]
        self.stage_chart.set_data(names, [self.tr("Customers")], insights.stage_distribution.values, STAGE_COLORS,
                                  color_each_bar=True)
        self.month_chart.set_data(insights.stages_by_month.categories, names, insights.stages_by_month.values,
                                  STAGE_COLORS)
        kinds = [self.tr("New"), self.tr("Returning")]
        self.buyers_chart.set_data(insights.new_returning_buyers.categories, kinds, insights.new_returning_buyers.values,
                                   ["#3ebd93", "#2680c2"])
        self.revenue_chart.set_data(insights.new_returning_revenue.categories, kinds,
                                    insights.new_returning_revenue.values, ["#3ebd93", "#2680c2"], "¥{:,.2f}")
        self.gap_chart.set_data(insights.gap_histogram.categories, [self.tr("Repeat purchases")],
                                insights.gap_histogram.values, ["#7b61ff"])
        segments = insights.segment_distribution
        self.segment_chart.set_data([segment_label(key) for key in segments.categories], [self.tr("Customers")],
                                    segments.values, ["#2680c2"])
        grid = insights.rfm_grid
        self.rfm_view.set_data([self._score_label(label, span, self.tr("days: %1"))
                                for label, span in zip(grid.rows, grid.row_ranges, strict=True)],
                               [self._score_label(label, span, self.tr("orders: %1"))
                                for label, span in zip(grid.columns, grid.column_ranges, strict=True)],
                               grid.values)
        self.cohort_view.set_data(insights.cohorts.rows, insights.cohorts.columns, insights.cohorts.values, "{:.0%}")
        self.product_view.set_data(insights.product_gaps.rows,
                                   [self.tr("Repeat buyers"), self.tr("Median gap (days)")],
                                   insights.product_gaps.values, "{:,.0f}")

    @staticmethod
    def _score_label(label: str, span: tuple[int, int] | None, template: str) -> str:
        if span is None:
            return label
        low, high = span
        return label + "\n" + template.replace("%1", str(low) if low == high else f"{low}–{high}")

    # --- click-through ------------------------------------------------------------------------------------
    def _show_customers(self, ids, label: str) -> None:  # type: ignore[no-untyped-def]
        self.context.show_customers_requested.emit([int(value) for value in ids], label)

    def _stage_clicked(self, category: int, _series: int) -> None:
        assert self.insights is not None
        chart = self.insights.stage_distribution
        self._show_customers(chart.customers(category, 0), self.tr("%1 as of %2").replace(
            "%1", self.stage_names[chart.categories[category]]).replace("%2", self.insights.end.isoformat()))

    def _month_clicked(self, row: int, series: int) -> None:
        assert self.insights is not None
        chart = self.insights.stages_by_month
        self._show_customers(chart.customers(row, series), self.tr("%1 at the end of %2").replace(
            "%1", self.stage_names[chart.series[series]]).replace("%2", chart.categories[row]))

    def _buyers_clicked(self, row: int, series: int) -> None:
        assert self.insights is not None
        chart = self.insights.new_returning_buyers
        text = self.tr("New buyers in %1") if series == 0 else self.tr("Returning buyers in %1")
        self._show_customers(chart.customers(row, series), text.replace("%1", chart.categories[row]))

    def _gap_clicked(self, row: int, _series: int) -> None:
        assert self.insights is not None
        chart = self.insights.gap_histogram
        self._show_customers(chart.customers(row, 0), self.tr("Bought again %1 days after an order").replace(
            "%1", chart.categories[row]))

    def _segment_clicked(self, row: int, _series: int) -> None:
        assert self.insights is not None
        chart = self.insights.segment_distribution
        self._show_customers(chart.customers(row, 0), self.tr("RFM segment: %1").replace(
            "%1", segment_label(chart.categories[row])))

    def _rfm_clicked(self, row: int, column: int) -> None:
        assert self.insights is not None
        grid = self.insights.rfm_grid
        self._show_customers(grid.customers(row, column), self.tr("RFM %1 × %2").replace(
            "%1", grid.rows[row]).replace("%2", grid.columns[column]))

    def _cohort_clicked(self, row: int, column: int) -> None:
        assert self.insights is not None
        grid = self.insights.cohorts
        if (row, column) in grid.ids:  # months still to come have no cell
            self._show_customers(grid.customers(row, column), self.tr("First bought in %1, bought again %n months later", "",
                                                                 column).replace("%1", grid.rows[row]))

    def _product_clicked(self, row: int, column: int) -> None:
        assert self.insights is not None
        grid = self.insights.product_gaps
        self._show_customers(grid.customers(row, column), self.tr("Bought %1 again").replace("%1", grid.rows[row]))

    # --- export -------------------------------------------------------------------------------------------
    def export_chart(self, chart: ChartPanel) -> None:
        path = save_path(self, self.tr("Export chart"), "chart.png", self.tr("PNG image (*.png)"))
        if not path:
            return
        try:
            chart.save_png(path)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Export chart"), core_text(describe_os_error(error) or str(error)))

    def export_seeds(self) -> None:
        if self.insights is None:
            return
        insights = self.insights
        sheets = [
            Sheet(self.tr("Stages"), self.seeds_model.headers,
                  [self.seeds_model.cells(row) for row in insights.seeds]),
            Sheet(self.tr("Health"), [self.tr("Figure"), self.tr("Value")], [
                [self.tr("From"), insights.start], [self.tr("To"), insights.end],
                [self.tr("Repeat rate"), insights.repeat_rate],
                [self.tr("Repurchase cycle (days)"), insights.repurchase_cycle_days],
            ]),
        ]
        save_workbook(self, self.tr("Export table"), "insights.xlsx", self.tr("Excel workbook (*.xlsx)"), sheets)
