"""File ▸ Activity log…: who did what, newest first (owner only), and a double-click opens the buyer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.safety.activity import ACTION_WORDS, Activity, recent_activity
from gui.care.names import CareNames
from gui.context import AppContext
from gui.core_text import core_text
from gui.customers.tasks import read
from gui.worker import run_in_background

SHOWN = 500  # the newest entries: a busy shop's last weeks


class ActivityDialog(QDialog):
    COLUMNS = range(5)
    COL_WHEN, COL_WHO, COL_WHAT, COL_CUSTOMER, COL_DETAIL = COLUMNS

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.entries: list[Activity] = []
        self.names = CareNames(self)
        self.setWindowTitle(self.tr("Activity log"))
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        self.status = QLabel(self.tr("Reading…"))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Customer"),
                                              self.tr("Detail")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(self.COL_DETAIL, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(self._open_customer)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        run_in_background(read, context.database, recent_activity, SHOWN,
                          on_success=self.show_entries, on_failure=lambda message, _details: self.status.setText(message))

    def show_entries(self, entries: list[Activity]) -> None:
        self.entries = entries
        this_computer = self.tr("This computer")
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            texts = (entry.at.strftime("%Y-%m-%d %H:%M"), entry.who or this_computer,
                     core_text(ACTION_WORDS.get(entry.action, entry.action)), entry.customer_name or "",
                     self.detail_text(entry))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if column == self.COL_DETAIL:
                    item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(self.COL_DETAIL, QHeaderView.ResizeMode.Stretch)
        self.status.setText(
            self.tr("Newest first. On a team server each entry names the rep's login; on this computer alone, "
                    "\"This computer\". Double-click an entry to open its customer.") if entries
            else self.tr("Nothing has been recorded yet."))

    def detail_text(self, entry: Activity) -> str:
        if entry.action in ("care_done", "care_skipped"):
            return self.names.rule(entry.detail)
        return core_text(entry.detail)

    def _open_customer(self, row: int, _column: int) -> None:
        entry = self.entries[row]
        if entry.customer_id is None:
            return
        self.context.show_customers_requested.emit([entry.customer_id], entry.customer_name or "")
        self.accept()


def open_activity_log(window: QWidget, context: AppContext) -> None:
    dialog = ActivityDialog(context, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
