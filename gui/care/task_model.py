"""The agenda table: one row per care task of the selected day (overdue ones first on Today)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from core.care.tasks import TaskRow
from gui.care.names import KIND_COLORS, CareNames

COL_DAY, COL_CUSTOMER, COL_RULE, COL_CHANNEL, COL_MESSAGE = range(5)
TASK_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_COLOR = QColor("#c0392b")

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()


class TaskTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TaskRow] = []
        self._names = CareNames(self)

    def set_rows(self, rows: list[TaskRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def task(self, row: int) -> TaskRow:
        return self._rows[row]

    def rowCount(self, parent: Index = NO_PARENT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Day"), self.tr("Customer"), self.tr("Rule"), self.tr("Channel"), self.tr("Message")][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        task = self._rows[index.row()]
        column = index.column()
        if role == TASK_ROLE:
            return task
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_DAY:
                text = task.day.strftime("%m-%d")
                return self.tr("%1 (overdue)").replace("%1", text) if task.overdue else text
            if column == COL_CUSTOMER:
                return task.customer_name
            if column == COL_RULE:
                return self._names.rule(task.rule_key)
            if column == COL_CHANNEL:
                return self._names.channel(task.channel)
            if column == COL_MESSAGE:
                return ("⚠ " if task.unfilled else "") + task.message.replace("\n", " ")
        if role == Qt.ItemDataRole.ForegroundRole:
            if task.overdue and column == COL_DAY:
                return QBrush(OVERDUE_COLOR)
            if column == COL_MESSAGE and task.unfilled:
                return QBrush(OVERDUE_COLOR)
            if column == COL_RULE and task.kind in KIND_COLORS:
                return QBrush(KIND_COLORS[task.kind])
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_MESSAGE:
            return task.message
        return None
