"""The birthday rule at its edges: lunar leap months, the 30th, the 12th month across new year, 29 February."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from core.care.generate import generate_tasks
from core.store.models import CareTask
from tests.care.conftest import NOW, only_rules


def tasks_of(session, customer_id):  # type: ignore[no-untyped-def]
    return {(task.dedupe_key.split(":")[0], task.due_date) for task in session.scalars(
        select(CareTask).where(CareTask.customer_id == customer_id, CareTask.status == "open"))}


def test_solar_birthday_gets_a_preparation_task_ahead_and_a_greeting_on_the_day(session, add_customer) -> None:
    only_rules(session, "birthday")
    buyer = add_customer(birthday_calendar="solar", birth_month=12, birth_day=5, is_vip=True)
    generate_tasks(session, date(2026, 11, 22), date(2026, 12, 31), now=NOW)
    assert tasks_of(session, buyer.id) == {("birthday_prep", date(2026, 12, 2)), ("birthday", date(2026, 12, 5))}
    prep = session.scalar(select(CareTask).where(CareTask.dedupe_key.startswith("birthday_prep")))
    assert "手写贺卡" in prep.message  # the VIP tier's gift note
    assert prep.channel is None  # a reminder for the shop, not a message to the buyer
    greeting = session.scalar(select(CareTask).where(CareTask.dedupe_key.startswith("birthday:")))
    assert greeting.message.startswith("王女士，生日快乐！老客茶铺")


def test_29_february_is_greeted_on_28_february_in_common_years(session, add_customer) -> None:
    only_rules(session, "birthday", days_ahead=0)
    leapling = add_customer(birthday_calendar="solar", birth_month=2, birth_day=29)
    generate_tasks(session, date(2027, 2, 1), date(2027, 3, 31), now=NOW)
    assert tasks_of(session, leapling.id) == {("birthday", date(2027, 2, 28))}


def test_lunar_leap_month_birthday_is_greeted_in_the_ordinary_month(session, add_customer) -> None:
    only_rules(session, "birthday", days_ahead=0)
    # Born in 闰六月 2025; in 2026 (no leap 6th month) the ordinary 六月初一 is 2026-07-14.
    leap_born = add_customer(birthday_calendar="lunar", birth_year=2025, birth_month=6, birth_day=1,
                             birth_is_leap_month=True)
    generate_tasks(session, date(2026, 7, 1), date(2026, 7, 31), now=NOW)
    assert tasks_of(session, leap_born.id) == {("birthday", date(2026, 7, 14))}


def test_lunar_30th_falls_on_the_29th_when_the_month_is_short(session, add_customer) -> None:
    only_rules(session, "birthday", days_ahead=0)
    # 2026's lunar 8th month has 29 days: 八月三十 is celebrated on 八月廿九 = 2026-10-09.
    thirtieth = add_customer(birthday_calendar="lunar", birth_month=8, birth_day=30)
    generate_tasks(session, date(2026, 9, 1), date(2026, 10, 31), now=NOW)
    assert tasks_of(session, thirtieth.id) == {("birthday", date(2026, 10, 9))}


def test_lunar_12th_month_birthday_lands_in_the_next_solar_year(session, add_customer) -> None:
    only_rules(session, "birthday", days_ahead=3)
    # 腊月二十 of lunar 2026 is 2027-01-27; its preparation task three days before.
    late_winter = add_customer(birthday_calendar="lunar", birth_month=12, birth_day=20)
    generate_tasks(session, date(2027, 1, 1), date(2027, 1, 31), now=NOW)
    assert tasks_of(session, late_winter.id) == {("birthday_prep", date(2027, 1, 24)),
                                                 ("birthday", date(2027, 1, 27))}
