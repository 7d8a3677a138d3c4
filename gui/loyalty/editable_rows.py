"""A few rows the owner types into, with buttons to add and remove one: the member tiers, the rewards."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)


class EditableRows(QWidget):
    """A table widget is the right size for a handful of rows; `add_row()` fills a new row with defaults."""

    def __init__(self, headers: list[str], add_label: str, remove_label: str, add_row: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMaximumHeight(170)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(add_label)
        self.remove_button = QPushButton(remove_label)
        self.add_button.clicked.connect(add_row)
        self.remove_button.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        self.remove_button.setToolTip(self.tr("Removes the row chosen in the table"))
        self.table.currentCellChanged.connect(  # a row chosen first: otherwise there is nothing to remove
            lambda row, *_: self.remove_button.setEnabled(row >= 0))
        self.remove_button.setEnabled(False)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def new_row(self) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        return row

    def put_number(self, row: int, column: int, value: float, low: float, high: float, decimals: int = 0,
                   special: str = "") -> None:
        """A spin box in the cell; `special` is what it says at its lowest value."""
        spin = QDoubleSpinBox() if decimals else QSpinBox()
        spin.setRange(low, high)  # type: ignore[arg-type]
        if decimals:
            spin.setDecimals(decimals)  # type: ignore[union-attr]
        spin.setSpecialValueText(special)
        spin.setValue(value)  # type: ignore[arg-type]
        self.table.setCellWidget(row, column, spin)

    def number(self, row: int, column: int) -> float:
        return self.table.cellWidget(row, column).value()  # type: ignore[union-attr]

    def text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""
