"""A month calendar that shows, in each day's cell, how many open tasks it holds of each kind (by colour)."""

from __future__ import annotations

import math
from datetime import date

from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
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
        font = badge_font(painter.font())
        painter.setFont(font)
        chips = [(kind, counts[kind]) for kind in KIND_COLORS if counts.get(kind)]
        for (kind, _count), (chip, text) in zip(chips, badge_layout(rect, [count for _kind, count in chips],
                                                                    QFontMetrics(font)), strict=True):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(KIND_COLORS[kind])
            painter.drawRoundedRect(chip, 3, 3)
            painter.setPen(Qt.GlobalColor.white)
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


def badge_font(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(6.0, font.pointSizeF() * 0.72))
    small.setBold(True)
    return small


def badge_layout(cell: QRect, counts: list[int], metrics: QFontMetrics) -> list[tuple[QRect, str]]:
    """Where each count's badge goes in a day's cell, and what it says.

    Side by side while the widest number fits (a first import can put 9,879 on one day); else two to a row,
    as long as the rows leave the day's number room; else the same with every number shortened (9.9k).
    """
    if not counts:
        return []
    usable, room = cell.width() - 4, cell.height() * 2 // 3  # the top third shows the day
    layouts = [(texts, columns) for texts in ([str(count) for count in counts], [short_count(c) for c in counts])
               for columns in dict.fromkeys((len(counts), math.ceil(len(counts) / 2), 1))]
    texts, columns = next(
        ((texts, columns) for texts, columns in layouts
         if usable // columns >= max(map(metrics.horizontalAdvance, texts)) + 4
         and math.ceil(len(texts) / columns) * metrics.height() <= room), layouts[-1])
    rows = math.ceil(len(texts) / columns)
    width = usable // columns
    height = max(metrics.height(), min(cell.height() // 3, room // rows))
    top = cell.bottom() - rows * height - 1
    return [(QRect(cell.left() + 2 + (index % columns) * width, top + (index // columns) * height,
                   width - 2, height - 1), text) for index, text in enumerate(texts)]


def short_count(count: int) -> str:
    """9,879 → 9.9k, 12,345 → 12k: for a badge too narrow for every digit."""
    if count < 1000:
        return str(count)
    return f"{count / 1000:.1f}k" if count < 10_000 else f"{count // 1000}k"
