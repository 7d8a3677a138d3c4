"""When a buyer's birthday falls, for solar and lunar (农历) birthdays alike.

Lunar dates are converted with `lunardate` (1900–2099, maintained, pure Python). Rules a shop expects:
- a leap-month birthday (闰月) is celebrated in the ordinary month of that number;
- a lunar 30th in a year whose month has only 29 days falls on the 29th;
- a 12th-month birthday may land in January/February of the next solar year;
- a solar 29 February falls on 28 February in common years.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from lunardate import LunarDate

from core.messages import Message
from core.store.models import CalendarKind

LUNAR_YEARS = range(1900, 2100)


@dataclass(frozen=True)
class Birthday:
    calendar: CalendarKind
    month: int
    day: int
    is_leap_month: bool = False
    year: int | None = None

    def __post_init__(self) -> None:
        validate_birthday(self)


def validate_birthday(birthday: Birthday) -> None:
    """Raise ValueError with a sentence the user can act on."""
    if not 1 <= birthday.month <= 12:
        raise ValueError(Message("month {month} is not between 1 and 12", month=birthday.month))
    if birthday.calendar == CalendarKind.LUNAR:
        if not 1 <= birthday.day <= 30:
            raise ValueError(Message("lunar day {day} is not between 1 and 30", day=birthday.day))
        if birthday.year is not None and birthday.is_leap_month and (
            birthday.year not in LUNAR_YEARS or LunarDate.leap_month_for_year(birthday.year) != birthday.month
        ):
            raise ValueError(Message("lunar year {year} has no leap month {month}", year=birthday.year,
                                     month=birthday.month))
        return
    if birthday.is_leap_month:
        raise ValueError("only lunar birthdays have leap months")
    longest = calendar.monthrange(birthday.year or 2000, birthday.month)[1]  # 2000 is a leap year
    if not 1 <= birthday.day <= longest:
        raise ValueError(Message("{month}/{day} is not a date", month=birthday.month, day=birthday.day))


def lunar_month_length(year: int, month: int) -> int:
    """29 or 30: the length of the ordinary lunar month `month` of lunar `year`."""
    after_29th = LunarDate(year, month, 29).to_solar_date() + timedelta(days=1)
    return 30 if LunarDate.from_solar_date(after_29th.year, after_29th.month, after_29th.day).day == 30 else 29


def celebration_date(birthday: Birthday, year: int) -> date | None:
    """The solar date of the birthday celebrated in (solar or lunar) `year`; None outside 1900–2099."""
    if birthday.calendar == CalendarKind.SOLAR:
        last_day = calendar.monthrange(year, birthday.month)[1]
        return date(year, birthday.month, min(birthday.day, last_day))
    if year not in LUNAR_YEARS:
        return None
    day = min(birthday.day, lunar_month_length(year, birthday.month))
    return LunarDate(year, birthday.month, day).to_solar_date()


def next_birthday(birthday: Birthday, on_or_after: date) -> date | None:
    """The first celebration on or after the given day."""
    # A lunar year starts in late Jan/Feb, so the previous lunar year's 12th month can still be ahead.
    for year in (on_or_after.year - 1, on_or_after.year, on_or_after.year + 1):
        when = celebration_date(birthday, year)
        if when is not None and when >= on_or_after:
            return when
    return None


def birthdays_between(birthday: Birthday, start: date, end: date) -> list[date]:
    """Every celebration from `start` to `end` inclusive, in order."""
    found = []
    for year in range(start.year - 1, end.year + 1):
        when = celebration_date(birthday, year)
        if when is not None and start <= when <= end:
            found.append(when)
    return found


def age_on(birthday: Birthday, day: date) -> int | None:
    """Age in years on `day` (counted by the birthday's own calendar), when the birth year is known."""
    if birthday.year is None:
        return None
    for year in (day.year, day.year - 1, day.year - 2):
        when = celebration_date(birthday, year)
        if when is not None and when <= day:
            return year - birthday.year
    return None
