"""The seeds' table: each stage's customers, share, average order value (客单价) and revenue share."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from core.figures.insights import SeedRow

COL_STAGE, COL_CUSTOMERS, COL_SHARE, COL_AOV, COL_REVENUE_SHARE = range(5)


class SeedsModel(QAbstractTableModel):
    def __init__(self, stage_names: dict[str, str], parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.stage_names = stage_names
        self.rows: list[SeedRow] = []
        self.headers = [self.tr("Stage"), self.tr("Customers"), self.tr("Share"), self.tr("Average order value"),
                        self.tr("Revenue share")]

    def set_rows(self, rows: list[SeedRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def] # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def cells(self, row: SeedRow) -> list[object]:
        """The row's values as exported: numbers stay numbers."""
        return [self.stage_names.get(row.key, row.key), row.customers, row.share, row.aov, row.revenue_share]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_STAGE:
                return self.stage_names.get(row.key, row.key)
            if column == COL_CUSTOMERS:
                return f"{row.customers:,}"
            if column in (COL_SHARE, COL_REVENUE_SHARE):
                return f"{(row.share if column == COL_SHARE else row.revenue_share):.1%}"
            return "–" if row.aov is None else f"¥{row.aov:,.2f}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_STAGE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row.key == "all":
            font = QFont()
            font.setBold(True)
            return font
        return None
