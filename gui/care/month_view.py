"""A month calendar that shows, in each day's cell, how many open tasks it holds of each kind (by colour)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QCalendarWidget, QWidget

from gui.care.names import KIND_COLORS


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class MonthView(QCalendarWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setGridVisible(True)
        self.setMinimumSize(420, 320)
        self._counts: dict[date, dict[str, int]] = {}

    def set_counts(self, counts: dict[date, dict[str, int]]) -> None:
        self._counts = counts
        self.updateCells()

    def counts_on(self, day: date) -> dict[str, int]:
        return self._counts.get(day, {})

    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate) -> None:  # noqa: N802 - Qt's name
        super().paintCell(painter, rect, qdate)
        counts = self._counts.get(to_date(qdate))
        if not counts:
            return
        painter.save()
        font = painter.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.72))
        font.setBold(True)
        painter.setFont(font)
        chips = [(kind, counts[kind]) for kind in KIND_COLORS if counts.get(kind)]
        width = max(12, (rect.width() - 4) // max(1, len(chips)))
        height = max(10, rect.height() // 3)
        for position, (kind, count) in enumerate(chips):
            chip = QRect(rect.left() + 2 + position * width, rect.bottom() - height - 1, width - 2, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(KIND_COLORS[kind])
            painter.drawRoundedRect(chip, 3, 3)
            painter.setPen(Qt.GlobalColor.white)
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, str(count))
        painter.restore()
