"""The new greetings: each on or off like the others, on its right day; 女王节 only to buyers known female."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from core.care.generate import generate_tasks
from core.care.holidays import festival_dates
from core.care.rules import default_rule
from core.store.models import CareTask
from tests.care.conftest import NOW, only_rules


def test_the_new_greetings_fall_on_their_days() -> None:
    dates = festival_dates(2026)
    assert {key: dates[key] for key in ("new_years_eve", "valentines", "queens_day", "mothers_day", "fathers_day",
                                        "teachers_day", "winter_solstice")} == {
        "new_years_eve": date(2026, 2, 16), "valentines": date(2026, 2, 14), "queens_day": date(2026, 3, 8),
        "mothers_day": date(2026, 5, 10), "fathers_day": date(2026, 6, 21), "teachers_day": date(2026, 9, 10),
        "winter_solstice": date(2026, 12, 22)}
    assert festival_dates(2025)["winter_solstice"] == date(2025, 12, 21)


def test_queens_day_goes_only_to_buyers_known_to_be_women_and_is_off_by_default(session, add_customer) -> None:  # type: ignore[no-untyped-def]
    assert "queens_day" not in default_rule("holiday").param("festivals")
    only_rules(session, "holiday", days_before=0, festivals=["queens_day"], stages=[])
    woman = add_customer(gender="F")
    add_customer(gender="M")
    add_customer(gender=None)
    generate_tasks(session, date(2027, 3, 1), date(2027, 3, 31), now=NOW)
    assert session.scalars(select(CareTask.customer_id)).all() == [woman.id]
