"""A month calendar that shows, in each day's cell, how many open tasks it holds of each kind (by colour)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtGui import QColor, QPainter
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
        super().paintCell(painter, rect, qdate)
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
