"""Generation's guarantees: idempotent, withdrawn when the reason vanishes, do-not-contact, cap, send window."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from core.care.generate import (
    WITHDRAWN_CAP,
    WITHDRAWN_DNC,
    WITHDRAWN_GONE,
    generate_tasks,
    plan_tasks,
    write_plan,
)
from core.care.rules import CareSettings, load_care_settings, save_care_settings, shop_name_of
from core.care.tasks import mark_done, skip
from core.refresh import refresh_derived
from core.store.models import CareTask, CustomerTag, Tag
from core.store.settings import set_setting
from tests.care.conftest import ALL_RULES, NOW, TODAY, only_rules, set_rule

SPAN = (TODAY - timedelta(days=7), TODAY + timedelta(days=30))


def task_rows(session):  # type: ignore[no-untyped-def]
    return list(session.scalars(select(CareTask).order_by(CareTask.id)))


def open_keys(session) -> set[str]:  # type: ignore[no-untyped-def]
    return {task.dedupe_key for task in task_rows(session) if task.status == "open"}


def busy_shop(session, add_customer, add_order):  # type: ignore[no-untyped-def]
    """A buyer or two for every rule."""
    for key in ALL_RULES:
        set_rule(session, key, stages=[])
    vip = add_customer(is_vip=True, stage="loyal", birthday_calendar="solar", birth_month=12, birth_day=1,
                       first_paid_at=datetime(2025, 12, 1, 9), last_paid_at=datetime(2026, 10, 1, 9),
                       median_gap_days=45.0)
    add_order(vip, "completed", datetime(2026, 11, 10, 9), completed_at=datetime(2026, 11, 18, 9))
    add_order(vip, "unpaid", datetime(2026, 11, 22, 9))
    add_order(vip, "shipped", datetime(2026, 11, 20, 9), shipped_at=datetime(2026, 11, 21, 9), tracking_no="SF1")
    dormant = add_customer(stage="dormant", stage_since=date(2026, 11, 25), last_paid_at=datetime(2026, 8, 20))
    add_order(dormant, "refunded", datetime(2026, 11, 19, 9))
    return vip, dormant


def test_generating_twice_or_after_an_import_never_duplicates(session, add_customer, add_order) -> None:
    vip, _dormant = busy_shop(session, add_customer, add_order)
    first = generate_tasks(session, *SPAN, now=NOW)
    keys = [task.dedupe_key for task in task_rows(session)]
    assert first.created == len(keys) > 5
    assert {key.split(":")[0] for key in keys} >= {
        "birthday", "birthday_prep", "order_unpaid", "order_shipped", "order_refund", "winback"}
    again = generate_tasks(session, *SPAN, now=NOW)
    assert again.created == 0 and again.withdrawn == 0
    add_order(vip, "paid", datetime(2026, 11, 22, 9, 30))  # an import of an unrelated order
    generate_tasks(session, *SPAN, now=NOW)
    assert session.scalar(select(func.count()).select_from(CareTask)) == len(keys)


def test_messages_name_the_shop_as_set_else_as_the_order_sheets_do(session, add_customer, add_order) -> None:
    only_rules(session, "order_unpaid")
    buyer = add_customer()
    set_setting(session, "shop_name", "")  # a real shop that never typed its name
    for shop_name in ("小周茶园旗舰店", "小周茶园旗舰店", "小周茶园企业店"):
        add_order(buyer, "unpaid", datetime(2026, 11, 22, 9), shop_name=shop_name)
    assert shop_name_of(session) == load_care_settings(session).shop_name == "小周茶园旗舰店"
    generate_tasks(session, *SPAN, now=NOW)
    assert all("您在小周茶园旗舰店拍下的" in task.message for task in task_rows(session))  # was "您在拍下的"
    save_care_settings(session, CareSettings(shop_name="小周茶园"))
    assert shop_name_of(session) == "小周茶园"
    assert load_care_settings(session).sms_signature == "【小周茶园】"  # no signature set: it follows the name
    save_care_settings(session, CareSettings(shop_name="小周茶园", signature="【小周】"))
    assert load_care_settings(session).sms_signature == "【小周】"


def test_a_buyer_without_a_number_is_reached_in_the_platform_chat(session, add_customer, add_order) -> None:
    only_rules(session, "order_refund")  # a refund's care is a phone call
    for phone, wechat in (("13800001111", None), (None, None), ("138****1111", None), (None, "wx_zhou")):
        buyer = add_customer(phone=phone, wechat_id=wechat, platform="pdd")
        add_order(buyer, "refunded", datetime(2026, 11, 21, 9))
    generate_tasks(session, *SPAN, now=NOW)
    refund = [task.channel for task in sorted(task_rows(session), key=lambda task: task.customer_id)]
    assert refund == ["phone", "platform_chat", "platform_chat", "platform_chat"]  # a masked number reaches no one


def test_the_unpaid_reminder_is_withdrawn_once_the_order_is_paid(session, add_customer, add_order) -> None:
    only_rules(session, "order_unpaid")
    buyer = add_customer()
    order = add_order(buyer, "unpaid", datetime(2026, 11, 22, 9))
    generate_tasks(session, *SPAN, now=NOW)
    assert open_keys(session) == {f"order_unpaid:{order.id}"}
    order.status = "paid"
    report = generate_tasks(session, *SPAN, now=NOW)
    assert report.withdrawn == 1 and open_keys(session) == set()
    assert task_rows(session)[0].skip_reason == WITHDRAWN_GONE


def test_the_unpaid_reminder_respects_the_send_window_and_the_24_hours(session, add_customer, add_order) -> None:
    only_rules(session, "order_unpaid", delay_hours=2)
    buyer = add_customer()
    night = add_order(buyer, "unpaid", datetime(2026, 11, 21, 22, 30))   # +2 h = 00:30 → 08:00 next day
    dawn = add_order(buyer, "unpaid", datetime(2026, 11, 22, 3, 0))       # +2 h = 05:00 → 08:00 same day
    stale = add_order(buyer, "unpaid", datetime(2026, 11, 20, 9, 0))      # more than 24 h ago: too late
    generate_tasks(session, *SPAN, now=NOW)
    due = {task.order_id: task.due_date for task in task_rows(session)}
    assert due == {night.id: date(2026, 11, 22), dawn.id: date(2026, 11, 22)}
    assert stale.id not in due
    # Reminding 23 hours after a 09:00 order means 08:00, before a window opening at 10:00; 10:00 is 25 hours
    # after the order: past its 24 hours, so no reminder at all.
    save_care_settings(session, CareSettings(window_start=time(10), window_end=time(20)))
    set_rule(session, "order_unpaid", delay_hours=23)
    late = add_order(buyer, "unpaid", datetime(2026, 11, 22, 9, 0))
    generate_tasks(session, *SPAN, now=NOW)
    assert late.id not in {task.order_id for task in task_rows(session)}


def test_do_not_contact_buyers_get_no_task_of_any_rule(session, add_customer, add_order) -> None:
    vip, dormant = busy_shop(session, add_customer, add_order)
    vip.do_not_contact = True
    dormant.do_not_contact = True
    generate_tasks(session, *SPAN, now=NOW)
    assert task_rows(session) == []


def test_a_plan_written_after_buyers_opted_out_or_were_deleted_gives_them_no_open_task(  # type: ignore[no-untyped-def]
        session, add_customer, add_order) -> None:
    # The calendar reads its plan first and writes it in a transaction of its own: edits may come in between.
    vip, dormant = busy_shop(session, add_customer, add_order)
    plan = plan_tasks(session, *SPAN, now=NOW)
    assert {occasion.customer_id for occasion in plan.occasions} >= {vip.id, dormant.id}
    vip.do_not_contact = True
    session.delete(dormant)
    session.flush()
    write_plan(session, plan, create_from=SPAN[0])
    assert not [task for task in task_rows(session) if task.customer_id in (vip.id, dormant.id)
                and task.status == "open"]
    assert all(task.skip_reason == WITHDRAWN_DNC for task in task_rows(session) if task.customer_id == vip.id)


def test_opting_out_withdraws_every_open_task_and_opting_in_reopens_them(session, add_customer, add_order) -> None:
    vip, _dormant = busy_shop(session, add_customer, add_order)
    generate_tasks(session, *SPAN, now=NOW)
    vip_keys = {task.dedupe_key for task in task_rows(session) if task.customer_id == vip.id}
    vip.do_not_contact = True
    generate_tasks(session, *SPAN, now=NOW)
    withdrawn = [task for task in task_rows(session) if task.customer_id == vip.id]
    assert {task.status for task in withdrawn} == {"withdrawn"}
    assert {task.skip_reason for task in withdrawn} == {WITHDRAWN_DNC}
    vip.do_not_contact = False
    report = generate_tasks(session, *SPAN, now=NOW)
    assert report.reopened > 0
    assert {task.dedupe_key for task in task_rows(session) if task.customer_id == vip.id
            and task.status == "open"} <= vip_keys


def test_the_frequency_cap_keeps_the_higher_priority_rule(session, add_customer, add_order) -> None:
    only_rules(session, "birthday", "member_day", days_ahead=0, stages=[])
    set_rule(session, "birthday", priority=80)
    set_rule(session, "member_day", priority=30, day_of_month=8)
    buyer = add_customer(birthday_calendar="solar", birth_month=12, birth_day=10)
    generate_tasks(session, date(2026, 12, 1), date(2026, 12, 31), now=NOW)
    # Member day (8th) is two days from the birthday (10th): only the birthday survives.
    assert open_keys(session) == {f"birthday:{buyer.id}:2026-12-10"}
    # Raise member day above the birthday: the cap now withdraws the birthday greeting.
    set_rule(session, "member_day", priority=90)
    generate_tasks(session, date(2026, 12, 1), date(2026, 12, 31), now=NOW)
    assert open_keys(session) == {f"member_day:{buyer.id}:2026-12"}
    capped = next(task for task in task_rows(session) if task.rule_key == "birthday")
    assert (capped.status, capped.skip_reason) == ("withdrawn", WITHDRAWN_CAP)


def test_the_cap_counts_outreach_already_done(session, add_customer) -> None:
    only_rules(session, "member_day", stages=[])
    buyer = add_customer()
    generate_tasks(session, date(2026, 12, 1), date(2026, 12, 31), now=NOW)
    mark_done(session, [task.id for task in task_rows(session)], "sms", now=datetime(2026, 12, 8, 10))
    set_rule(session, "birthday", days_ahead=0, stages=[])
    buyer.birthday_calendar, buyer.birth_month, buyer.birth_day = "solar", 12, 12
    generate_tasks(session, date(2026, 12, 1), date(2026, 12, 31), now=NOW)
    assert open_keys(session) == set()  # four days after member day's message
    buyer.birth_day = 20
    generate_tasks(session, date(2026, 12, 1), date(2026, 12, 31), now=NOW)
    assert open_keys(session) == {f"birthday:{buyer.id}:2026-12-20"}


def test_a_wider_cap_allows_two_messages_a_week(session, add_customer) -> None:
    only_rules(session, "birthday", "member_day", days_ahead=0, stages=[])
    save_care_settings(session, CareSettings(cap_count=2, cap_days=7))
    buyer = add_customer(birthday_calendar="solar", birth_month=12, birth_day=10)
    generate_tasks(session, date(2026, 12, 1), date(2026, 12, 31), now=NOW)
    assert open_keys(session) == {f"birthday:{buyer.id}:2026-12-10", f"member_day:{buyer.id}:2026-12"}


def test_service_messages_are_not_capped(session, add_customer, add_order) -> None:
    only_rules(session, "order_unpaid", "order_shipped")
    buyer = add_customer()
    add_order(buyer, "unpaid", datetime(2026, 11, 22, 9))
    add_order(buyer, "shipped", datetime(2026, 11, 20, 9), shipped_at=datetime(2026, 11, 22, 8))
    generate_tasks(session, *SPAN, now=NOW)
    assert len(open_keys(session)) == 2


def test_filters_choose_stages_tags_platforms_vip_and_spend(session, add_customer) -> None:
    only_rules(session, "member_day", stages=["loyal"], tags=["送礼"], platforms=["jd"], vip_only=True,
               min_spend=500)
    tag = Tag(name="送礼")
    session.add(tag)
    chosen = add_customer(stage="loyal", platform="jd", is_vip=True, total_spent=800)
    rejects = [
        add_customer(stage="repeat", platform="jd", is_vip=True, total_spent=800),
        add_customer(stage="loyal", platform="pdd", is_vip=True, total_spent=800),
        add_customer(stage="loyal", platform="jd", is_vip=False, total_spent=800),
        add_customer(stage="loyal", platform="jd", is_vip=True, total_spent=100),
        add_customer(stage="loyal", platform="jd", is_vip=True, total_spent=800),  # no tag
    ]
    session.flush()
    for customer in [chosen, *rejects[:-1]]:
        session.add(CustomerTag(customer_id=customer.id, tag_id=tag.id))
    generate_tasks(session, date(2026, 12, 1), date(2026, 12, 31), now=NOW)
    assert {task.customer_id for task in task_rows(session)} == {chosen.id}


def test_switching_a_rule_off_withdraws_its_open_tasks(session, add_customer) -> None:
    only_rules(session, "member_day", stages=[])
    add_customer()
    generate_tasks(session, date(2026, 12, 1), date(2026, 12, 31), now=NOW)
    set_rule(session, "member_day", enabled=False)
    report = generate_tasks(session, date(2026, 12, 1), date(2026, 12, 31), now=NOW)
    assert report.withdrawn == 1 and open_keys(session) == set()


def test_done_and_skipped_tasks_are_never_touched_again(session, add_customer) -> None:
    only_rules(session, "member_day", stages=[])
    buyer = add_customer()
    generate_tasks(session, date(2026, 12, 1), date(2026, 12, 31), now=NOW)
    task = task_rows(session)[0]
    mark_done(session, [task.id], "wechat", "聊得很开心", now=NOW)
    buyer.do_not_contact = True
    generate_tasks(session, date(2026, 12, 1), date(2026, 12, 31), now=NOW)
    assert task.status == "done" and task.channel == "wechat"


def test_create_from_withdraws_in_the_past_but_never_backfills(session, add_customer, add_order) -> None:
    only_rules(session, "member_day", "order_unpaid", stages=[])
    buyer = add_customer()
    late = add_order(buyer, "unpaid", datetime(2026, 11, 21, 9))
    generate_tasks(session, date(2026, 11, 21), date(2026, 11, 21), now=datetime(2026, 11, 21, 10))
    assert open_keys(session) == {f"order_unpaid:{late.id}"}
    late.status = "paid"
    generate_tasks(session, date(2026, 11, 1), date(2026, 12, 31), now=NOW, create_from=TODAY)
    # Member day of 8 November was never generated and is not backfilled; the paid order's reminder withdraws.
    assert open_keys(session) == {f"member_day:{buyer.id}:2026-12"}


def test_refresh_derived_withdraws_what_plainly_vanished_for_the_touched_customers(
    session, add_customer, add_order
) -> None:
    only_rules(session, "order_unpaid", "member_day", stages=[])
    payer, quitter, untouched = add_customer(), add_customer(), add_customer(do_not_contact=False)
    order = add_order(payer, "unpaid", datetime(2026, 11, 22, 9))
    generate_tasks(session, TODAY, date(2026, 12, 31), now=NOW)
    order.status = "paid"
    quitter.do_not_contact = True
    untouched.do_not_contact = True
    session.flush()
    refresh_derived(session.connection(), [payer.id, quitter.id], as_of=TODAY)
    session.expire_all()
    status = {(task.customer_id, task.rule_key): (task.status, task.skip_reason) for task in task_rows(session)}
    assert status[(payer.id, "order_unpaid")] == ("withdrawn", WITHDRAWN_GONE)
    assert status[(payer.id, "member_day")] == ("open", None)
    assert status[(quitter.id, "member_day")] == ("withdrawn", WITHDRAWN_DNC)
    assert status[(untouched.id, "member_day")] == ("open", None)  # not touched: the next generation withdraws it


def test_a_skipped_task_does_not_use_up_the_cap(session, add_customer) -> None:
    only_rules(session, "birthday", "member_day", days_ahead=0, stages=[])
    set_rule(session, "birthday", priority=80)
    set_rule(session, "member_day", priority=30, day_of_month=8)
    buyer = add_customer(birthday_calendar="solar", birth_month=12, birth_day=10)
    generate_tasks(session, date(2026, 12, 1), date(2026, 12, 31), now=NOW)
    birthday = next(task for task in task_rows(session) if task.rule_key == "birthday")
    skip(session, [birthday.id], "客户在住院")
    generate_tasks(session, date(2026, 12, 1), date(2026, 12, 31), now=NOW)
    assert open_keys(session) == {f"member_day:{buyer.id}:2026-12"}
    assert birthday.status == "skipped"
