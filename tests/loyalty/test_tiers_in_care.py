"""Member tiers in the care calendar: a 升级祝贺 task when a buyer moves up, and the birthday gift and the member
day set per member tier."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select, update

from core.care.cards import gift_note, load_cards
from core.care.generate import generate_tasks
from core.care.rules import RULE_SPECS, default_rule, load_rules, save_rule
from core.store.models import CareTask, Customer
from core.store.settings import set_setting
from tests.loyalty.conftest import AS_OF

NOW = datetime.combine(AS_OF, datetime.min.time()).replace(hour=10)


def only(session, key, **params):  # type: ignore[no-untyped-def]
    for spec in RULE_SPECS:
        rule = default_rule(spec.key)
        save_rule(session, rule.__class__(rule.key, rule.kind, spec.key == key, rule.priority,
                                          rule.params | params, rule.template))
    set_setting(session, "shop_name", "老客茶铺")


def open_tasks(database):  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        generate_tasks(session, AS_OF, AS_OF, now=NOW)
    with database.session() as session:
        return [(task.customer_id, task.dedupe_key, task.message) for task in session.scalars(
            select(CareTask).where(CareTask.status == "open").order_by(CareTask.id))]


def test_moving_up_a_tier_plans_one_congratulation_with_the_new_tier_never_for_an_opted_out_buyer(  # type: ignore[no-untyped-def]
        shop, database) -> None:
    with database.transaction() as session:
        only(session, "tier_upgrade")
    climber = shop.buyer("王芳", ("600.00", "2026-10-01"), as_of=date(2026, 10, 1))  # 普通会员: no upgrade
    quiet = shop.buyer("李雷", ("600.00", "2026-10-01"), as_of=date(2026, 10, 1))
    with database.writing() as connection:
        connection.execute(update(Customer).where(Customer.id == quiet).values(do_not_contact=True))
    assert open_tasks(database) == []
    shop.order(climber, "500.00", "2026-11-21")  # ¥1,100: 银卡
    shop.order(quiet, "500.00", "2026-11-21")
    assert shop.customer(climber).member_tier == "银卡"
    tasks = open_tasks(database)
    assert [(customer, key) for customer, key, _ in tasks] == [(climber, f"tier_upgrade:{climber}:银卡")]
    assert "恭喜您升级为老客茶铺银卡" in tasks[0][2]
    assert open_tasks(database) == tasks  # planned again: the same one task
    shop.refresh()
    assert open_tasks(database) == tasks


def test_the_birthday_gift_and_the_member_day_go_by_member_tier(shop, database) -> None:  # type: ignore[no-untyped-def]
    silver = shop.buyer("银卡客", ("1200.00", "2026-10-01"))
    plain = shop.buyer("普通客", ("100.00", "2026-10-01"))
    with database.transaction() as session:
        birthday = next(rule for rule in load_rules(session) if rule.key == "birthday")
        birthday.params["gift_notes"] = {"tier:银卡": "银卡礼盒", "default": "生日祝福"}
        cards = load_cards(session, [silver, plain])
        assert (gift_note(birthday, cards[silver]), gift_note(birthday, cards[plain])) == ("银卡礼盒", "生日祝福")
        only(session, "member_day", day_of_month=AS_OF.day, stages=[], member_tiers=["银卡", "金卡"])
    assert [customer for customer, _key, _message in open_tasks(database)] == [silver]
