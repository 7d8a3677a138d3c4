"""The care calendar's grid marks statutory days off and 调休 make-up workdays, and says when a year's
official schedule is not published rather than guess."""

from __future__ import annotations

from datetime import date

from core.care.workdays import official_days
from gui.care.month_view import MonthView


def test_spring_festival_2026_has_its_days_off_and_its_make_up_saturdays() -> None:
    days = official_days(date(2026, 2, 1), date(2026, 2, 28))
    assert date(2026, 2, 17) in days.days_off  # 春节
    assert {date(2026, 2, 14), date(2026, 2, 28)} <= days.make_up_workdays
    assert date(2026, 2, 21) not in days.make_up_workdays and not days.unpublished_years


def test_a_year_the_library_does_not_cover_is_said_to_be_unpublished(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = MonthView()
    qtbot.addWidget(view)
    view.setCurrentPage(2026, 2)
    assert (view.official_mark(date(2026, 2, 17)), view.official_mark(date(2026, 2, 14))) == ("休", "班")
    assert view.schedule_note.text() == ""
    view.setCurrentPage(2031, 2)
    assert "2031" in view.schedule_note.text() and "not published" in view.schedule_note.text()
