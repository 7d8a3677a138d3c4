"""The official calendar a shop lives by: statutory days off, and the 调休 make-up workdays around them.

Days off come from the `holidays` package the calendar already uses. Make-up workdays (a Saturday or Sunday
worked to bridge a holiday) it lacks, so `chinese-calendar` answers those alone: it carries the State
Council's schedule up to the year of its release and raises for later years, which here becomes "not
published yet" rather than a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import chinese_calendar
from holidays.countries.china import China as ChinaHolidays

SATURDAY = 5


@dataclass
class OfficialDays:
    days_off: set[date] = field(default_factory=set)
    make_up_workdays: set[date] = field(default_factory=set)
    unpublished_years: set[int] = field(default_factory=set)  # no official schedule known for these


def official_days(first: date, last: date) -> OfficialDays:
    """The days off and make-up workdays from `first` to `last`, and the years without a known schedule."""
    found = OfficialDays()
    years = range(first.year, last.year + 1)
    found.days_off = {day for day in ChinaHolidays(years=years) if first <= day <= last}
    day = first
    while day <= last:
        if day.weekday() >= SATURDAY and day.year not in found.unpublished_years:
            try:
                if chinese_calendar.is_workday(day):
                    found.make_up_workdays.add(day)
            except NotImplementedError:  # the release knows no schedule for this year yet
                found.unpublished_years.add(day.year)
        day += timedelta(days=1)
    return found
