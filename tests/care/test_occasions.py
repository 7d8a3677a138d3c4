"""Order stages, lifecycle and holidays: what each rule finds, and when."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import select

from core.care.generate import generate_tasks
from core.care.holidays import festival_dates, read_overrides
from core.care.occasions import add_years
from core.errors import LaokeError
from core.figures.lifecycle import THRESHOLDS_KEY
from core.store.models import CareTask
from core.store.settings import set_setting
from tests.care.conftest import NOW, only_rules


def due_by_key(session) -> dict[str, date]:  # type: ignore[no-untyped-def]
    return {task.dedupe_key: task.due_date for task in session.scalars(
        select(CareTask).where(CareTask.status == "open"))}


def test_order_stage_care_follows_the_imported_statuses(session, add_customer, add_order) -> None:
    only_rules(session, "order_shipped", "order_followup", "order_refund")
    buyer, other, third = add_customer(), add_customer(), add_customer()
    shipped = add_order(buyer, "shipped", datetime(2026, 11, 20, 9), shipped_at=datetime(2026, 11, 21, 15),
                        tracking_no="SF123")
    completed = add_order(other, "completed", datetime(2026, 11, 1), completed_at=datetime(2026, 11, 20, 9))
    refunded = add_order(third, "refunded", datetime(2026, 11, 18), paid_at=datetime(2026, 11, 18, 10))
    generate_tasks(session, date(2026, 11, 15), date(2026, 12, 31), now=NOW)
    assert due_by_key(session) == {
        f"order_shipped:{shipped.id}": date(2026, 11, 21),
        f"order_followup:{completed.id}": date(2026, 11, 27),  # 7 days after completion
        f"order_refund:{refunded.id}": date(2026, 11, 18),
    }
    shipped_task = session.scalar(select(CareTask).where(CareTask.order_id == shipped.id))
    assert "SF123" in shipped_task.message and "明前龙井" in shipped_task.message


def test_review_request_n_days_after_completion(session, add_customer, add_order) -> None:
    only_rules(session, "order_review", days_after=5)
    order = add_order(add_customer(), "completed", datetime(2026, 11, 1), completed_at=datetime(2026, 11, 20, 9))
    generate_tasks(session, date(2026, 11, 15), date(2026, 12, 31), now=NOW)
    assert due_by_key(session) == {f"order_review:{order.id}": date(2026, 11, 25)}


def test_first_purchase_anniversaries_at_100_days_and_one_year(session, add_customer) -> None:
    only_rules(session, "anniversary")
    hundred = add_customer(first_paid_at=datetime(2026, 8, 24, 9))       # + 100 days = 2026-12-02
    leapling = add_customer(first_paid_at=datetime(2028, 2, 29, 9))      # one year later: 2029-02-28
    generate_tasks(session, date(2026, 11, 22), date(2026, 12, 31), now=NOW)
    generate_tasks(session, date(2029, 2, 1), date(2029, 3, 31), now=NOW)
    assert due_by_key(session) == {f"anniversary:{hundred.id}:100": date(2026, 12, 2),
                                   f"anniversary:{leapling.id}:365": date(2029, 2, 28)}
    assert add_years(date(2028, 2, 29), 1) == date(2029, 2, 28)


def test_win_back_when_a_buyer_turns_dormant_and_withdrawn_when_they_return(session, add_customer) -> None:
    only_rules(session, "winback")
    sleeper = add_customer(stage="dormant", stage_since=date(2026, 11, 25), last_paid_at=datetime(2026, 8, 26))
    generate_tasks(session, date(2026, 11, 22), date(2026, 12, 31), now=NOW)
    assert due_by_key(session) == {f"winback:{sleeper.id}:2026-11-25": date(2026, 11, 25)}
    task = session.scalar(select(CareTask))
    assert "好久不见" in task.message
    sleeper.stage = "repeat"
    generate_tasks(session, date(2026, 11, 22), date(2026, 12, 31), now=NOW)
    assert due_by_key(session) == {}


def test_repurchase_against_own_rhythm_and_a_products_gap(session, add_customer, add_order) -> None:
    only_rules(session, "repurchase", rhythm_factor=1.0, product_gaps={"龙井": 60})
    rhythmic = add_customer(last_paid_at=datetime(2026, 11, 1, 9), median_gap_days=30.0)
    tea_lover = add_customer()
    add_order(tea_lover, "completed", datetime(2026, 10, 20, 9), item_summary="明前龙井 250g")
    generate_tasks(session, date(2026, 11, 22), date(2026, 12, 31), now=NOW)
    assert due_by_key(session) == {
        f"repurchase:{rhythmic.id}:rhythm:2026-11-01": date(2026, 12, 1),
        f"repurchase:{tea_lover.id}:龙井:2026-10-20": date(2026, 12, 19),
    }
    # Buying again moves the rhythm on: the old reminder is withdrawn.
    rhythmic.last_paid_at = datetime(2026, 11, 21, 9)
    generate_tasks(session, date(2026, 11, 22), date(2026, 12, 31), now=NOW)
    assert f"repurchase:{rhythmic.id}:rhythm:2026-11-21" in due_by_key(session)
    assert f"repurchase:{rhythmic.id}:rhythm:2026-11-01" not in due_by_key(session)


def test_vip_check_in_every_n_days_and_member_day_monthly(session, add_customer) -> None:
    only_rules(session, "vip_checkin", every_days=30, stages=[])
    vip = add_customer(is_vip=True)
    add_customer(is_vip=False)
    generate_tasks(session, date(2026, 11, 1), date(2027, 1, 31), now=NOW)
    days = sorted(due_by_key(session).values())
    assert len(days) == 3 and all((later - earlier).days == 30 for earlier, later in zip(days, days[1:], strict=False))
    assert {task.customer_id for task in session.scalars(select(CareTask))} == {vip.id}
    only_rules(session, "member_day", day_of_month=31, stages=[])
    generate_tasks(session, date(2026, 11, 1), date(2027, 1, 31), now=NOW)
    assert sorted({day for key, day in due_by_key(session).items() if key.startswith("member_day")}) == [
        date(2026, 11, 30), date(2026, 12, 31), date(2027, 1, 31)]  # the 31st of a 30-day month is its last day


def test_holiday_greetings_n_days_before_for_chosen_stages(session, add_customer) -> None:
    only_rules(session, "holiday", days_before=2, festivals=["spring_festival", "lantern", "double_12"],
               stages=["loyal"])
    loyal = add_customer(stage="loyal")
    add_customer(stage="new")
    generate_tasks(session, date(2026, 12, 1), date(2027, 2, 28), now=NOW)
    assert due_by_key(session) == {
        f"holiday:double_12:2026:{loyal.id}": date(2026, 12, 10),
        f"holiday:spring_festival:2027:{loyal.id}": date(2027, 2, 4),  # 春节 2027-02-06
        f"holiday:lantern:2027:{loyal.id}": date(2027, 2, 18),  # 元宵 2027-02-20: 14 days later, under the cap
    }
    assert "春节快乐" in session.scalar(select(CareTask).where(CareTask.dedupe_key.contains("spring"))).message


def test_a_festival_added_in_the_override_file_is_greeted(session, add_customer, tmp_path) -> None:
    only_rules(session, "holiday", days_before=0, festivals=[], stages=[])
    buyer = add_customer()
    overrides = tmp_path / "holidays.json"
    overrides.write_text(json.dumps({"2026": {"店庆": "2026-12-09"}}), "utf-8")
    generate_tasks(session, date(2026, 12, 1), date(2026, 12, 31), now=NOW, holidays_path=overrides)
    task = session.scalar(select(CareTask))
    assert (task.dedupe_key, task.due_date) == (f"holiday:店庆:2026:{buyer.id}", date(2026, 12, 9))
    assert "店庆快乐" in task.message


def test_festival_dates_come_from_the_library_and_the_override_file(tmp_path) -> None:
    dates = festival_dates(2026, tmp_path / "none.json")
    assert dates["spring_festival"] == date(2026, 2, 17)
    assert dates["mid_autumn"] == date(2026, 9, 25)
    assert dates["qixi"] == date(2026, 8, 19)
    assert dates["double_11"] == date(2026, 11, 11)
    overrides = tmp_path / "holidays.json"
    overrides.write_text(json.dumps({"2026": {"national_day": "2026-10-02", "店庆": "2026-09-09"}}), "utf-8")
    dates = festival_dates(2026, overrides)
    assert dates["national_day"] == date(2026, 10, 2) and dates["店庆"] == date(2026, 9, 9)


def test_a_broken_override_file_says_where(tmp_path) -> None:
    broken = tmp_path / "holidays.json"
    broken.write_text(json.dumps({"2027": {"spring_festival": "next spring"}}), "utf-8")
    with pytest.raises(LaokeError, match="2027 / spring_festival: 'next spring' is not a date"):
        read_overrides(broken)


def test_repurchase_when_a_product_is_due_by_the_gap_its_repeat_buyers_show(session, add_customer, add_order) -> None:
    only_rules(session, "repurchase", rhythm_factor=1.0, min_repeat_buyers=3)
    for first, second in ((date(2026, 6, 1), date(2026, 7, 1)), (date(2026, 6, 5), date(2026, 7, 5)),
                          (date(2026, 5, 1), date(2026, 6, 10))):  # gaps 30, 30, 40: the shop's median is 30
        regular = add_customer(stage="lost")  # lost buyers teach the gap but are not reminded
        for day in (first, second):
            add_order(regular, "completed", datetime.combine(day, datetime.min.time()), item_summary="滇红 200g")
    newcomer = add_customer()
    add_order(newcomer, "completed", datetime(2026, 11, 1, 9), item_summary="滇红 200g")
    add_order(newcomer, "completed", datetime(2026, 11, 2, 9), item_summary="明前龙井 250g")  # nobody rebought it
    generate_tasks(session, date(2026, 11, 22), date(2026, 12, 31), now=NOW)
    [(key, due)] = due_by_key(session).items()
    assert key.startswith(f"repurchase:{newcomer.id}:title-") and key.endswith(":2026-11-01")
    assert due == date(2026, 12, 1)
    assert "滇红 200g" in session.scalar(select(CareTask)).message

    # Two repeat buyers are not yet a pattern; a keyword the shop set wins over the measured gap.
    only_rules(session, "repurchase", rhythm_factor=1.0, min_repeat_buyers=4)
    generate_tasks(session, date(2026, 11, 22), date(2026, 12, 31), now=NOW)
    assert due_by_key(session) == {}
    only_rules(session, "repurchase", rhythm_factor=1.0, product_gaps={"滇红": 45})
    generate_tasks(session, date(2026, 11, 22), date(2026, 12, 31), now=NOW)
    assert due_by_key(session) == {f"repurchase:{newcomer.id}:滇红:2026-11-01": date(2026, 12, 16)}


def test_win_back_date_follows_the_shops_own_active_days(session, add_customer) -> None:
    only_rules(session, "winback")
    set_setting(session, THRESHOLDS_KEY, {"active_days": 60, "dormant_days": 365})
    sleeper = add_customer(stage="dormant", last_paid_at=datetime(2026, 10, 1, 9))  # no recorded stage change
    generate_tasks(session, date(2026, 11, 22), date(2026, 12, 31), now=NOW)
    assert due_by_key(session) == {f"winback:{sleeper.id}:2026-12-01": date(2026, 12, 1)}  # day 61


def _backlog_policy(session, policy: str) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from core.care.rules import load_care_settings, save_care_settings

    save_care_settings(session, replace(load_care_settings(session), backlog=policy))


def _first_import(session, add_customer, count: int = 20):  # type: ignore[no-untyped-def]
    """As the first import leaves them: buyers quiet for a year, all turned dormant on the import's day."""
    return [add_customer(stage="dormant", stage_since=date(2026, 11, 22), last_paid_at=datetime(2025, 11, 1))
            for _ in range(count)]


def test_a_first_import_does_not_bury_today_in_win_backs(session, add_customer) -> None:
    only_rules(session, "winback")
    _first_import(session, add_customer)
    fresh = add_customer(stage="dormant", stage_since=date(2026, 11, 25), last_paid_at=datetime(2026, 8, 26))
    generate_tasks(session, date(2026, 11, 22), date(2026, 12, 31), now=NOW)
    # The year-long sleepers turned dormant long before the book knew them; only the buyer turning dormant
    # now is won back.
    assert due_by_key(session) == {f"winback:{fresh.id}:2026-11-25": date(2026, 11, 25)}


def test_catching_up_spreads_the_backlog_over_a_week(session, add_customer) -> None:
    only_rules(session, "winback")
    _backlog_policy(session, "catch_up")
    sleepers = _first_import(session, add_customer)
    generate_tasks(session, date(2026, 11, 22), date(2026, 12, 31), now=NOW)
    days = sorted(due_by_key(session).values())
    assert len(days) == len(sleepers)
    assert days[0] == date(2026, 11, 22) and days[-1] == date(2026, 11, 28)
    assert max(days.count(day) for day in set(days)) <= 3  # 20 over seven days, not 20 on one


def test_follow_ups_due_long_before_their_order_was_imported_are_not_planned(
        session, add_customer, add_order) -> None:  # type: ignore[no-untyped-def]
    from core.store.models import ImportBatch

    only_rules(session, "order_followup")
    batch = ImportBatch(file_name="first.xlsx", file_hash="h", started_at=datetime(2026, 11, 22, 9))
    session.add(batch)
    session.flush()
    old = add_order(add_customer(), "completed", datetime(2026, 9, 1), completed_at=datetime(2026, 9, 5),
                    import_batch_id=batch.id)  # follow-up due 12 September
    recent = add_order(add_customer(), "completed", datetime(2026, 11, 10), completed_at=datetime(2026, 11, 14),
                       import_batch_id=batch.id)  # due 21 November: a day before the import, still worth it
    generate_tasks(session, date(2026, 9, 1), date(2026, 12, 31), now=NOW)
    assert due_by_key(session) == {f"order_followup:{recent.id}": date(2026, 11, 21)}
    _backlog_policy(session, "catch_up")
    generate_tasks(session, date(2026, 9, 1), date(2026, 12, 31), now=NOW)
    assert f"order_followup:{old.id}" in due_by_key(session)
