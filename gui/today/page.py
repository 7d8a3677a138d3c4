"""The landing page: what today holds, each line a button that opens the matching list.

The figures come from core.today, read in the worker pool; the page shows placeholders until they arrive, so
the window paints at once and stays responsive on a big book.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QLocale, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from core.today import Desk, MonthFigures, read_desk
from gui.care.names import KIND_COLORS, CareNames
from gui.context import AppContext
from gui.customers.tasks import read
from gui.widgets import PageHeader, scrolling_column
from gui.worker import run_in_background

CARD_STYLE = """
QPushButton#deskCard { text-align: left; border: 1px solid palette(mid); border-radius: 6px;
                       background: palette(base); padding: 0; }
QPushButton#deskCard:hover { border-color: palette(highlight); }
QPushButton#deskCard:disabled { background: palette(window); }
"""


class DeskCard(QPushButton):
    """A card on the desk: a headline, a big figure and a line of detail; clicking it opens the list."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskCard")
        self.setStyleSheet(CARD_STYLE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        self.title = QLabel(title)
        self.title.setStyleSheet("color: palette(dark); font-weight: bold;")
        self.figure = QLabel("…")
        font = self.figure.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.figure.setFont(font)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        for label in (self.title, self.figure, self.detail):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        layout.addStretch(1)

    # A button's own size hint knows only its text; a card is as big as what its layout holds.
    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.layout().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.layout().minimumSize()

    def show_figure(self, figure: str, detail: str, *, can_open: bool = True) -> None:
        self.figure.setText(figure)
        self.detail.setText(detail)
        self.setEnabled(can_open)
        self.updateGeometry()


class TodayPage(QWidget):
    care_requested = Signal()
    import_requested = Signal()
    insights_requested = Signal()
    loaded = Signal()  # the figures are on screen (tests and the start-up bench wait for it)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.names = CareNames(self)
        self.desk: Desk | None = None
        self._reading = False
        self._read_again = False
        layout = QVBoxLayout(self)
        self.header = PageHeader(self.tr("Today"), self.tr("What today holds, from the orders and the care calendar."))
        layout.addWidget(self.header)
        column = scrolling_column(layout)
        grid = QGridLayout()
        grid.setSpacing(12)
        column.addLayout(grid)
        self.care_card = DeskCard(self.tr("Care tasks for today"))
        self.care_card.clicked.connect(self.care_requested)
        self.unpaid_card = DeskCard(self.tr("Unpaid orders to remind"))
        self.unpaid_card.clicked.connect(lambda: self._show_buyers("unpaid", self.tr("Unpaid orders to remind")))
        self.birthday_card = DeskCard(self.tr("Birthdays this week"))
        self.birthday_card.clicked.connect(lambda: self._show_buyers("birthdays", self.tr("Birthdays this week")))
        self.regulars_card = DeskCard(self.tr("VIPs and loyal buyers overdue"))
        self.regulars_card.clicked.connect(
            lambda: self._show_buyers("overdue_regulars", self.tr("VIPs and loyal buyers overdue")))
        self.import_card = DeskCard(self.tr("Last import"))
        self.import_card.clicked.connect(self.import_requested)
        self.month_card = DeskCard(self.tr("This month so far"))
        self.month_card.clicked.connect(self.insights_requested)
        cards = (self.care_card, self.unpaid_card, self.birthday_card, self.regulars_card, self.import_card,
                 self.month_card)
        for index, card in enumerate(cards):
            grid.addWidget(card, index // 3, index % 3)
        for grid_column in range(3):
            grid.setColumnStretch(grid_column, 1)
        self.month_table = QGridLayout()
        self.month_table.setHorizontalSpacing(16)
        self.month_card.layout().insertLayout(2, self.month_table)
        self.drop_zone = QLabel(self.tr("Drop this week's order export here, or click to choose it"))
        self.drop_zone.setObjectName("dropZone")
        self.drop_zone.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_zone.setMinimumHeight(64)
        self.drop_zone.setStyleSheet("QLabel#dropZone { border: 2px dashed palette(mid); border-radius: 8px;"
                                     " color: palette(dark); }")
        drop_row = QHBoxLayout()
        drop_row.addWidget(self.drop_zone, 1)
        column.addSpacing(12)
        column.addLayout(drop_row)
        column.addStretch(1)
        self.drop_zone.mousePressEvent = lambda _event: self.import_requested.emit()  # type: ignore[method-assign]

        for news in (context.data_changed, context.care_tasks_changed, context.database_changed):
            news.connect(self.reload)
        self.reload()

    # -- reading ---------------------------------------------------------------------------------------------

    def reload(self) -> None:
        if self._reading:
            self._read_again = True
            return
        self._reading = True
        run_in_background(read, self.context.database, read_desk, self.context.today(), on_success=self._show,
                          on_finished=self._read_finished)

    def _read_finished(self) -> None:
        self._reading = False
        if self._read_again:
            self._read_again = False
            self.reload()

    def _show(self, desk: Desk) -> None:
        self.desk = desk
        locale = QLocale()
        self.header.subtitle.setText(locale.toString(desk.today, QLocale.FormatType.LongFormat))
        self._show_care(desk)
        self.unpaid_card.show_figure(
            locale.toString(desk.unpaid_orders),
            (self.tr("%Ln buyers with an order still unpaid", "", desk.unpaid.count) + "\n"
             if desk.unpaid.count else self.tr("No order waits for payment.") + "\n")
            + self.tr("Orders of the last %Ln days (Settings ▸ Care calendar)", "", desk.unpaid_days),
            can_open=bool(desk.unpaid.count))
        self.birthday_card.show_figure(
            locale.toString(desk.birthdays.count),
            self.tr("Today and the next six days") if desk.birthdays.count else self.tr("No birthday this week."),
            can_open=bool(desk.birthdays.count))
        self.regulars_card.show_figure(
            locale.toString(desk.overdue_regulars.count),
            self.tr("Half as long again as their usual gap since their last order")
            if desk.overdue_regulars.count else self.tr("Every regular is on time."),
            can_open=bool(desk.overdue_regulars.count))
        self._show_import(desk)
        self._show_month(desk.this_month, desk.last_month)
        self.loaded.emit()

    def _show_care(self, desk: Desk) -> None:
        kinds = [f"<span style='color:{KIND_COLORS[kind].name()}'>■</span> {self.names.kind(kind)} "
                 f"{QLocale().toString(count)}" for kind, count in desk.care_by_kind.items() if kind in KIND_COLORS]
        self.care_card.show_figure(
            QLocale().toString(desk.care_total),
            " · ".join(kinds) if kinds else self.tr("Nothing due: the calendar is clear."))

    def _show_import(self, desk: Desk) -> None:
        age = desk.newest_order_age_days
        newest = (self.tr("The newest order is from today.") if age == 0 else
                  self.tr("The newest order is %Ln days old.", "", age) if age is not None else
                  self.tr("No orders yet."))
        if desk.last_import is None:
            # Orders that no file brought (the demo shop's) say where they came from, not how fresh they are.
            where = (self.tr("The orders here are the demo shop's, made up on %1: import your own order sheets "
                             "to see your shop.").replace("%1", QLocale().toString(
                                 desk.demo_made_on, QLocale.FormatType.ShortFormat)) if desk.demo_made_on else
                     self.tr("None of the %Ln orders here came from an imported file.", "", desk.orders)
                     if desk.orders else newest)
            self.import_card.show_figure(self.tr("None yet"), where)
            return
        when = desk.last_import.finished_at
        self.import_card.show_figure(
            QLocale().toString(when.date(), QLocale.FormatType.ShortFormat) if when else "—",
            f"{desk.last_import.file_name}\n{newest}")

    def _show_month(self, this: MonthFigures, last: MonthFigures) -> None:
        self.month_card.figure.hide()
        while self.month_table.count():
            self.month_table.takeAt(0).widget().deleteLater()
        rows = (
            ("", self._span(this.first, this.last), self._span(last.first, last.last)),
            (self.tr("New buyers"), str(this.new_buyers), str(last.new_buyers)),
            (self.tr("Returning buyers"), str(this.returning_buyers), str(last.returning_buyers)),
            (self.tr("Repeat rate"), self._percent(this.repeat_rate), self._percent(last.repeat_rate)),
            (self.tr("Net revenue"), self._money(this.net_revenue), self._money(last.net_revenue)),
        )
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                label = QLabel(text)
                label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
                if column:
                    label.setAlignment(Qt.AlignmentFlag.AlignRight)
                if column == 2 or row == 0:
                    label.setStyleSheet("color: palette(dark);")
                self.month_table.addWidget(label, row, column)
        self.month_card.updateGeometry()

    def _span(self, first: date, last: date) -> str:
        """"Dec 1–15" / "12月1日–15日": the spans never leave their month."""
        locale = QLocale()
        start = locale.toString(first, self.tr("MMM d", "a day in a month, as QDate formats it"))
        if first == last:
            return start
        end = locale.toString(last, self.tr("d", "the day of the month, as QDate formats it"))
        return f"{start}–{end}"

    def _percent(self, share: float | None) -> str:
        return QLocale().toString(share * 100, "f", 0) + "%" if share is not None else "—"

    def _money(self, amount: Decimal) -> str:
        return "¥" + QLocale().toString(float(amount), "f", 0)

    def _show_buyers(self, line: str, label: str) -> None:
        if self.desk is not None:
            self.context.show_customers_requested.emit(list(getattr(self.desk, line).ids), label)
