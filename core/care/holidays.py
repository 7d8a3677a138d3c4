"""The days a shop greets its buyers: Chinese festivals and the shopping festivals, for any year.

Public holidays come from the `holidays` package (PyPI rank ~770, monthly releases, Chinese names built in):
it computes the lunar festivals for any year and carries the State Council's official schedule once published,
so `pip install -U holidays` is the upgrade path for next year. `chinese-calendar` was the alternative; it only
answers "is this a day off" and raises for years its release does not cover yet, which would stop the calendar
every December. Lantern (元宵) and Qixi (七夕) are not days off, so they are converted with `lunardate`; the
shopping festivals have fixed dates.

A shop can correct or add days without an upgrade: `holidays.json` in the data folder, e.g.
`{"2027": {"spring_festival": "2027-02-06", "店庆": "2027-09-09"}}` — a known key moves that festival, any
other key adds a festival named by the key.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

# Imported by module path (not the lazy `holidays.China` registry) so PyInstaller bundles it.
from holidays.countries.china import China as ChinaHolidays
from lunardate import LunarDate

from core.errors import LaokeError
from core.messages import Message
from core.paths import data_dir

OVERRIDES_FILE_NAME = "holidays.json"

FESTIVAL_NAMES = {
    "new_year": "元旦",
    "spring_festival": "春节",
    "lantern": "元宵节",
    "qingming": "清明节",
    "labour_day": "劳动节",
    "shop_520": "520",
    "shop_618": "618",
    "dragon_boat": "端午节",
    "qixi": "七夕",
    "mid_autumn": "中秋节",
    "national_day": "国庆节",
    "double_11": "双11",
    "double_12": "双12",
    "new_years_eve": "除夕",
    "valentines": "情人节",
    "queens_day": "女王节",
    "mothers_day": "母亲节",
    "fathers_day": "父亲节",
    "teachers_day": "教师节",
    "winter_solstice": "冬至",
}
# A greeting meant for some buyers only: sent to those whose gender is known to fit (imports rarely carry it).
FESTIVAL_GENDERS = {"queens_day": "F"}
# The `holidays` package's English names (stable across its translations) for the public holidays.
_LIBRARY_NAMES = {
    "New Year's Day": "new_year",
    "Chinese New Year (Spring Festival)": "spring_festival",
    "Tomb-Sweeping Day": "qingming",
    "Labor Day": "labour_day",
    "Dragon Boat Festival": "dragon_boat",
    "Mid-Autumn Festival": "mid_autumn",
    "National Day": "national_day",
}
_LUNAR_FESTIVALS = {"lantern": (1, 15), "qixi": (7, 7)}
_SHOPPING_DAYS = {"shop_520": (5, 20), "shop_618": (6, 18), "double_11": (11, 11), "double_12": (12, 12),
                  "valentines": (2, 14), "queens_day": (3, 8), "teachers_day": (9, 10)}
_NTH_SUNDAYS = {"mothers_day": (5, 2), "fathers_day": (6, 3)}  # (month, which Sunday)
SUNDAY = 6


def _nth_sunday(year: int, month: int, nth: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(SUNDAY - first.weekday()) % 7 + 7 * (nth - 1))


def _winter_solstice(year: int) -> date:
    """冬至 by the shou-xing formula for the 21st century's solar terms: right in most years, a day late in
    some (2021: the 22nd for the 21st), which holidays.json corrects."""
    y = year % 100
    return date(year, 12, int(y * 0.2422 + 21.94) - y // 4)


def default_overrides_path() -> Path:
    return data_dir() / OVERRIDES_FILE_NAME


@lru_cache(maxsize=64)
def _library_festivals(year: int) -> dict[str, date]:
    found: dict[str, date] = {}
    for day, name in ChinaHolidays(years=year, language="en_US").items():
        key = _LIBRARY_NAMES.get(name)
        if key is not None and (key not in found or day < found[key]):
            found[key] = day  # a festival's first day off is the festival itself
    return found


def festival_dates(year: int, overrides_path: Path | None = None) -> dict[str, date]:
    """Each festival's date in `year`, keyed as in FESTIVAL_NAMES (plus any the override file adds)."""
    dates = dict(_library_festivals(year))
    for key, (month, day) in _LUNAR_FESTIVALS.items():
        dates[key] = LunarDate(year, month, day).to_solar_date()
    for key, (month, day) in _SHOPPING_DAYS.items():
        dates[key] = date(year, month, day)
    for key, (month, nth) in _NTH_SUNDAYS.items():
        dates[key] = _nth_sunday(year, month, nth)
    dates["new_years_eve"] = LunarDate(year, 1, 1).to_solar_date() - timedelta(days=1)
    if 2000 <= year <= 2099:
        dates["winter_solstice"] = _winter_solstice(year)
    dates.update(read_overrides(overrides_path or default_overrides_path()).get(year, {}))
    return dates


def festival_name(key: str) -> str:
    return FESTIVAL_NAMES.get(key, key)


def read_overrides(path: Path) -> dict[int, dict[str, date]]:
    """The shop's corrections, by year; a missing file means none. A broken file says where it is broken."""
    if not path.exists():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise LaokeError(Message(
            "{path} is not a readable holidays file: {error}",
            path=path, error=error,
        )) from error
    if not isinstance(raw, dict):
        raise LaokeError(Message(
            '{path}: expected an object of years, like {{"2027": {{"spring_festival": ...}}}}',
            path=path,
        ))
    overrides: dict[int, dict[str, date]] = {}
    for year_text, days in raw.items():
        if not str(year_text).isdigit() or not isinstance(days, dict):
            raise LaokeError(Message(
                "{path}: '{year_text}' should be a year holding festival dates",
                path=path, year_text=year_text,
            ))
        year = int(year_text)
        for key, text in days.items():
            try:
                overrides.setdefault(year, {})[str(key)] = date.fromisoformat(str(text))
            except ValueError:
                raise LaokeError(Message(
                    "{path}: {year_text} / {key}: '{text}' is not a date like 2027-02-06",
                    path=path, year_text=year_text, key=key, text=text,
                )) from None
    return overrides
