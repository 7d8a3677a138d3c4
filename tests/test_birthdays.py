"""Birthday dates at their edges: leap months, the 30th, the 12th month across new year, 29 February."""

from __future__ import annotations

from datetime import date

import pytest

from core.figures.birthdays import (
    Birthday,
    age_on,
    birthdays_between,
    celebration_date,
    lunar_month_length,
    next_birthday,
)
from core.store.models import CalendarKind

SOLAR, LUNAR = CalendarKind.SOLAR, CalendarKind.LUNAR


def test_solar_29_february_falls_on_28_february_in_common_years() -> None:
    leapling = Birthday(SOLAR, 2, 29)
    assert celebration_date(leapling, 2027) == date(2027, 2, 28)
    assert celebration_date(leapling, 2028) == date(2028, 2, 29)


def test_lunar_birthday_converts_each_year() -> None:
    # 农历八月十五 (Mid-Autumn): 2025-10-06, 2026-09-25
    moon = Birthday(LUNAR, 8, 15)
    assert celebration_date(moon, 2025) == date(2025, 10, 6)
    assert celebration_date(moon, 2026) == date(2026, 9, 25)


def test_leap_month_birthday_is_celebrated_in_the_ordinary_month() -> None:
    # 2025 has a leap 6th month; someone born in 闰六月 celebrates in the ordinary 6th month.
    born_in_leap = Birthday(LUNAR, 6, 1, is_leap_month=True, year=2025)
    assert celebration_date(born_in_leap, 2026) == celebration_date(Birthday(LUNAR, 6, 1), 2026)
    assert celebration_date(born_in_leap, 2025) == date(2025, 6, 25)


def test_a_leap_month_that_did_not_exist_is_refused() -> None:
    with pytest.raises(ValueError, match="no leap month"):
        Birthday(LUNAR, 3, 1, is_leap_month=True, year=2025)


def test_lunar_30th_falls_on_the_29th_when_the_month_is_short() -> None:
    # 2026's first lunar month runs 2026-02-17 to 2026-03-18 (30 days); its second has 29.
    assert (lunar_month_length(2026, 1), lunar_month_length(2026, 2)) == (30, 29)
    assert celebration_date(Birthday(LUNAR, 1, 30), 2026) == date(2026, 3, 18)
    assert celebration_date(Birthday(LUNAR, 2, 30), 2026) == celebration_date(Birthday(LUNAR, 2, 29), 2026)
    long_month = next(m for m in range(1, 13) if lunar_month_length(2026, m) == 30)
    assert celebration_date(Birthday(LUNAR, long_month, 30), 2026) > celebration_date(
        Birthday(LUNAR, long_month, 29), 2026)


def test_twelfth_lunar_month_lands_in_the_next_solar_year() -> None:
    late = Birthday(LUNAR, 12, 20)
    assert celebration_date(late, 2025) == date(2026, 2, 7)
    assert next_birthday(late, date(2026, 1, 1)) == date(2026, 2, 7)
    assert birthdays_between(late, date(2026, 1, 1), date(2026, 12, 31)) == [date(2026, 2, 7)]


def test_next_birthday_and_age() -> None:
    solar = Birthday(SOLAR, 11, 25, year=1990)
    assert next_birthday(solar, date(2026, 11, 22)) == date(2026, 11, 25)
    assert next_birthday(solar, date(2026, 11, 26)) == date(2027, 11, 25)
    assert age_on(solar, date(2026, 11, 24)) == 35
    assert age_on(solar, date(2026, 11, 25)) == 36
    assert age_on(Birthday(SOLAR, 1, 1), date(2026, 1, 1)) is None


def test_impossible_dates_are_refused() -> None:
    for kind, month, day in [(SOLAR, 2, 30), (SOLAR, 13, 1), (LUNAR, 1, 31), (SOLAR, 4, 31)]:
        with pytest.raises(ValueError):
            Birthday(kind, month, day)
