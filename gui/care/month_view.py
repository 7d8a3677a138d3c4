"""A month calendar that shows, in each day's cell, how many open tasks it holds of each kind (by colour)."""

from __future__ import annotations

import math
from datetime import date, timedelta

from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QCalendarWidget, QLabel, QWidget

from core.care.workdays import OfficialDays, official_days
from gui.care.names import KIND_COLORS

DAY_OFF_COLOUR = QColor("#c0392b")
MAKE_UP_COLOUR = QColor("#555555")


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
        self._official = OfficialDays()
        # Below the grid (the page places it): says when a year's official schedule is not known yet.
        self.schedule_note = QLabel()
        self.schedule_note.setWordWrap(True)
        self.currentPageChanged.connect(lambda _year, _month: self._read_official_days())
        self._read_official_days()

    def _read_official_days(self) -> None:
        first = date(self.yearShown(), self.monthShown(), 1)
        # The grid shows a few days of the months around it too.
        self._official = official_days(first - timedelta(days=7), first + timedelta(days=44))
        years = sorted(self._official.unpublished_years)
        self.schedule_note.setText(
            self.tr("The official schedule of days off and make-up workdays for %1 is not published yet.")
            .replace("%1", ", ".join(str(year) for year in years)) if years else "")
        self.schedule_note.setVisible(bool(years))
        self.updateCells()

    def official_mark(self, day: date) -> str:
        """休 on a statutory day off, 班 on a make-up workday (调休), '' otherwise."""
        if day in self._official.days_off:
            return "休"
        return "班" if day in self._official.make_up_workdays else ""

    def set_counts(self, counts: dict[date, dict[str, int]]) -> None:
        self._counts = counts
        self.updateCells()

    def counts_on(self, day: date) -> dict[str, int]:
        return self._counts.get(day, {})

    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate) -> None:  # noqa: N802 - Qt's name
        # Qt centres the day's number in its cell, right where a busy day's badges go: the number is drawn in a
        # band at the top instead, and the badges get the rest of the cell.
        band = day_band(rect, QFontMetrics(painter.font()))
        below = QRect(rect.left(), rect.top() + band, rect.width(), rect.height() - band)
        painter.save()
        painter.setClipRect(below)
        # The cell's own background (the selection's colour) below the band; a cell twice as tall puts Qt's
        # centred number out of sight, under the clip.
        super().paintCell(painter, QRect(below.left(), below.top(), below.width(), 2 * rect.height()), qdate)
        painter.setClipRect(QRect(rect.left(), rect.top(), rect.width(), band))
        super().paintCell(painter, QRect(rect.left(), rect.top(), rect.width(), band), qdate)
        painter.restore()
        mark = self.official_mark(to_date(qdate))
        if mark:
            painter.save()
            font = painter.font()
            font.setPointSizeF(max(6.0, font.pointSizeF() * 0.7))
            painter.setFont(font)
            painter.setPen(DAY_OFF_COLOUR if mark == "休" else MAKE_UP_COLOUR)
            painter.drawText(rect.adjusted(2, 1, -3, 0), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, mark)
            painter.restore()
        counts = self._counts.get(to_date(qdate))
        if not counts:
            return
        painter.save()
        font = badge_font(painter.font())
        painter.setFont(font)
        chips = [(kind, counts[kind]) for kind in KIND_COLORS if counts.get(kind)]
        for (kind, _count), (chip, text) in zip(chips, badge_layout(below, [count for _kind, count in chips],
                                                                    QFontMetrics(font)), strict=True):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(KIND_COLORS[kind])
            painter.drawRoundedRect(chip, 3, 3)
            painter.setPen(Qt.GlobalColor.white)
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


def day_band(cell: QRect, metrics: QFontMetrics) -> int:
    """How tall the strip at the top of a day's cell is that shows the day's number: never over half the cell."""
    return min(metrics.height() + 2, cell.height() // 2)


def badge_font(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(6.0, font.pointSizeF() * 0.72))
    small.setBold(True)
    return small


def badge_layout(room: QRect, counts: list[int], metrics: QFontMetrics) -> list[tuple[QRect, str]]:
    """Where each count's badge goes in the room a day's cell leaves below its number, and what it says.

    Side by side while the widest number fits (a first import can put 9,879 on one day); else two to a row;
    else the same with every number shortened (9.9k). Where no row of numbers fits, the badges are coloured
    strips side by side, without a number (the day's agenda lists them): never over the day's number.
    """
    if not counts:
        return []
    usable = room.width() - 4
    layouts = [(texts, columns) for texts in ([str(count) for count in counts], [short_count(c) for c in counts])
               for columns in dict.fromkeys((len(counts), math.ceil(len(counts) / 2)))]
    texts, columns = next(
        ((texts, columns) for texts, columns in layouts
         if usable // columns >= max(map(metrics.horizontalAdvance, texts)) + 4
         and math.ceil(len(texts) / columns) * metrics.height() <= room.height() - 1),
        ([""] * len(counts), len(counts)))
    rows = math.ceil(len(texts) / columns)
    width = usable // columns
    height = min(max(metrics.height(), room.height() // 2), (room.height() - 1) // rows)
    top = room.bottom() - rows * height
    return [(QRect(room.left() + 2 + (index % columns) * width, top + (index // columns) * height,
                   width - 2, height - 1), text) for index, text in enumerate(texts)]


def short_count(count: int) -> str:
    """9,879 → 9.9k, 12,345 → 12k: for a badge too narrow for every digit."""
    if count < 1000:
        return str(count)
    return f"{count / 1000:.1f}k" if count < 10_000 else f"{count // 1000}k"
