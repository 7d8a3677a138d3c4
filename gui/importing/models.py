"""Table models of the import wizard: the preview of orders, the bad rows and the import history.

Each holds plain rows handed over by a worker; none of them queries the database.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from gui.core_text import core_text
from gui.importing.preset_names import preset_name

Index = QModelIndex | QPersistentModelIndex
PREVIEW_ROWS = 50


def table_view(model: QAbstractTableModel) -> QTableView:
    """A read-only table of whole rows, as every list of the wizard shows."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setDefaultSectionSize(24)
    return view


class RowsModel(QAbstractTableModel):
    """Read-only rows of values; subclasses name the columns and say how a row becomes cells."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def cells(self, row: Any) -> Sequence[object]:
        raise NotImplementedError

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def all_cells(self) -> list[list[object]]:
        """Every row as the table shows it, for saving the list as a sheet."""
        return [list(self.cells(row)) for row in self._rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's signature
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        value = self.cells(self._rows[index.row()])[index.column()]
        return "" if value is None else str(value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return section + 1


class PreviewModel(RowsModel):
    """The first orders of a sheet as Laoke will store them."""

    def __init__(self, status_text: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status_text = status_text

    def headers(self) -> Sequence[str]:
        return (self.tr("Order no."), self.tr("Status"), self.tr("Paid"), self.tr("Ordered at"), self.tr("Buyer"),
                self.tr("Receiver"), self.tr("Phone"), self.tr("Items"))

    def cells(self, order: Any) -> Sequence[object]:
        values, buyer = order.values, order.buyer
        created = values.get("created_at")
        return (
            values.get("order_name") or order.platform_order_id,
            f"{self._status_text(values['status'])} ({values['status_raw']})" if values.get("status_raw")
            else self._status_text(values["status"]),
            f"{values['paid_amount']:.2f}" if values.get("paid_amount") is not None else None,
            created.strftime("%Y-%m-%d %H:%M") if created else None,
            buyer.buyer_id or buyer.nickname or buyer.email,
            values.get("receiver_name"),
            values.get("receiver_phone"),
            values.get("item_summary"),
        )


class BadRowsModel(RowsModel):
    def headers(self) -> Sequence[str]:
        return (self.tr("File"), self.tr("Row"), self.tr("Column"), self.tr("Problem"))

    def cells(self, bad: Any) -> Sequence[object]:
        return (bad.file, bad.row, bad.column, core_text(bad.reason))


class HistoryModel(RowsModel):
    """Import batches, newest first (plain dicts from core.importing.import_history)."""

    def headers(self) -> Sequence[str]:
        return (self.tr("#"), self.tr("When"), self.tr("File"), self.tr("Layout"), self.tr("Rows"),
                self.tr("New orders"), self.tr("Updated"), self.tr("New customers"), self.tr("State"))

    def cells(self, batch: dict[str, Any]) -> Sequence[object]:
        state = self.tr("Undone") if batch["status"] == "undone" else self.tr("Imported")
        return (
            batch["id"], batch["started_at"].strftime("%Y-%m-%d %H:%M") if batch["started_at"] else None,
            batch["file_name"], preset_name(batch["preset"]),
            f"{batch['rows_read']} ({batch['rows_rejected']} ✗)" if batch["rows_rejected"] else batch["rows_read"],
            batch["orders_new"], batch["orders_updated"], batch["customers_new"], state,
        )
