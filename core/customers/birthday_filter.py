"""Whose birthday falls between two days, as SQL: solar birthdays by month/day, lunar ones via their lunar dates.

Each day of the window is turned into the (month, day) a birthday must have to be celebrated on it, for
both calendars, following core.figures.birthdays: 29 February falls on the 28th in common years; a lunar 30th falls
on the 29th of a short month; a leap-month (闰月) birthday is kept in the ordinary month, so only ordinary
lunar days celebrate.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from datetime import date, timedelta

from lunardate import LunarDate
from sqlalchemy import ColumnElement, and_, false, or_

from core.figures.birthdays import LUNAR_YEARS, lunar_month_length
from core.store.models import CalendarKind, Customer

MAX_WINDOW_DAYS = 400


def _month_days(pairs: set[tuple[int, int]]) -> dict[int, set[int]]:
    by_month: dict[int, set[int]] = defaultdict(set)
    for month, day in pairs:
        by_month[month].add(day)
    return by_month


def _solar_pairs(day: date) -> set[tuple[int, int]]:
    pairs = {(day.month, day.day)}
    if (day.month, day.day) == (2, 28) and not calendar.isleap(day.year):
        pairs.add((2, 29))
    return pairs


def _lunar_pairs(day: date) -> set[tuple[int, int]]:
    if not LUNAR_YEARS[0] < day.year <= LUNAR_YEARS[-1]:  # lunardate's table starts in late January 1900
        return set()
    lunar = LunarDate.from_solar_date(day.year, day.month, day.day)
    if lunar.is_leap_month:
        return set()
    pairs = {(lunar.month, lunar.day)}
    if lunar.day == 29 and lunar_month_length(lunar.year, lunar.month) == 29:
        pairs.add((lunar.month, 30))
    return pairs


def _matches(pairs: set[tuple[int, int]]) -> list[ColumnElement[bool]]:
    return [
        and_(Customer.birth_month == month, Customer.birth_day.in_(sorted(days)))
        for month, days in sorted(_month_days(pairs).items())
    ]


def birthday_between_condition(start: date, end: date) -> ColumnElement[bool]:
    """Customers with a (solar or lunar) birthday celebrated from `start` to `end` inclusive."""
    if end < start:
        return false()
    end = min(end, start + timedelta(days=MAX_WINDOW_DAYS))
    solar: set[tuple[int, int]] = set()
    lunar: set[tuple[int, int]] = set()
    day = start
    while day <= end:
        solar |= _solar_pairs(day)
        lunar |= _lunar_pairs(day)
        day += timedelta(days=1)
    is_lunar = Customer.birthday_calendar == str(CalendarKind.LUNAR)
    return or_(
        and_(~is_lunar | Customer.birthday_calendar.is_(None), or_(false(), *_matches(solar))),
        and_(is_lunar, or_(false(), *_matches(lunar))),
    )


def birthday_this_month_condition(today: date) -> ColumnElement[bool]:
    last = calendar.monthrange(today.year, today.month)[1]
    return birthday_between_condition(today.replace(day=1), today.replace(day=last))
