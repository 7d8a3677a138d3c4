"""Tag rules give their tag to the buyers who meet them and take it back when they stop; hand tags stay."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from core.customers.listing import CustomerFilter, customer_ids
from core.customers.tags import add_tags, merge_tags
from core.errors import LaokeError
from core.loyalty.tag_rules import (
    Condition,
    RuleSpec,
    delete_tag_rule,
    preview_count,
    save_tag_rule,
    tag_rules,
)
from core.store.models import CustomerTag, Tag
from tests.loyalty.conftest import AS_OF

BIG_SPENDERS = RuleSpec("大客户", (Condition("spent_at_least", 500),))


def tagged(database, name):  # type: ignore[no-untyped-def]
    with database.session() as session:
        return dict(session.execute(select(CustomerTag.customer_id, CustomerTag.rule_id)
                                    .join(Tag, Tag.id == CustomerTag.tag_id).where(Tag.name == name)).all())


def test_a_rule_previews_its_count_then_tags_and_untags_as_buyers_change(shop, database) -> None:  # type: ignore[no-untyped-def]
    big = shop.buyer("大", ("800.00", "2026-10-01"))
    small = shop.buyer("小", ("100.00", "2026-10-01"))
    with database.session() as session:
        assert preview_count(session, BIG_SPENDERS, AS_OF) == 1
    with database.transaction() as session:
        saved = save_tag_rule(session, BIG_SPENDERS, today=AS_OF)
    assert saved.tagged == 1 and tagged(database, "大客户") == {big: saved.id}
    shop.order(small, "450.00", "2026-11-20")  # an import or edit applies the rules to whom it touched
    assert set(tagged(database, "大客户")) == {big, small}
    with database.transaction() as session:
        save_tag_rule(session, RuleSpec("大客户", (Condition("spent_at_least", 600),)), saved.id, today=AS_OF)
    assert set(tagged(database, "大客户")) == {big}


def test_a_hand_typed_tag_is_never_touched_by_a_rule(shop, database) -> None:  # type: ignore[no-untyped-def]
    small = shop.buyer("小", ("100.00", "2026-10-01"))
    with database.transaction() as session:
        add_tags(session, [small], ["大客户"])
        rule = save_tag_rule(session, BIG_SPENDERS, today=AS_OF)
        delete_tag_rule(session, rule.id)
    assert tagged(database, "大客户") == {small: None}


def test_the_owners_tag_field_leaves_the_rules_tags_alone_and_typing_one_makes_it_the_owners(  # type: ignore[no-untyped-def]
        shop, database) -> None:
    from core.customers.tags import set_customer_tags

    big = shop.buyer("大", ("800.00", "2026-10-01"))
    with database.transaction() as session:
        rule = save_tag_rule(session, BIG_SPENDERS, today=AS_OF)
        set_customer_tags(session, big, ["老朋友"])  # the field shows hand tags only
    assert tagged(database, "大客户") == {big: rule.id} and tagged(database, "老朋友") == {big: None}
    with database.transaction() as session:
        set_customer_tags(session, big, ["老朋友", "大客户"])
        delete_tag_rule(session, rule.id)
    assert tagged(database, "大客户") == {big: None}


def test_any_of_conditions_products_recency_and_the_none_of_filter(shop, database) -> None:  # type: ignore[no-untyped-def]
    from core.store.models import Order, OrderLine

    tea = shop.buyer("茶", ("50.00", "2026-11-01"))
    old = shop.buyer("旧", ("50.00", "2025-01-01"))
    with database.transaction() as session:
        order = session.scalars(select(Order).where(Order.customer_id == tea)).one()
        session.add(OrderLine(order_id=order.id, title="明前龙井 250g"))
    spec = RuleSpec("茶客或沉睡", (Condition("product_contains", "龙井"), Condition("not_ordered_within_days", 180)),
                    match_all=False)
    with database.transaction() as session:
        save_tag_rule(session, spec, today=AS_OF)
    assert set(tagged(database, "茶客或沉睡")) == {tea, old}
    with database.session() as session:
        assert customer_ids(session, CustomerFilter(tags_none=["茶客或沉睡"])) == []


def test_recency_rules_follow_the_day(shop, database) -> None:  # type: ignore[no-untyped-def]
    from core.loyalty.recompute import refresh_loyalty_if_stale

    buyer = shop.buyer("近", ("50.00", "2026-11-01"))
    with database.transaction() as session:
        save_tag_rule(session, RuleSpec("近30天", (Condition("ordered_within_days", 30),)), today=AS_OF)
    assert buyer in tagged(database, "近30天")
    with database.writing() as connection:
        assert refresh_loyalty_if_stale(connection, today=AS_OF + timedelta(days=30))
    assert tagged(database, "近30天") == {}


def test_merging_a_rule_tag_moves_the_rule_to_the_kept_tag(shop, database) -> None:  # type: ignore[no-untyped-def]
    big = shop.buyer("大", ("800.00", "2026-10-01"))
    with database.transaction() as session:
        rule = save_tag_rule(session, BIG_SPENDERS, today=AS_OF)
        kept = Tag(name="VIP客户")
        session.add(kept)
        session.flush()
        merge_tags(session, session.scalar(select(Tag.id).where(Tag.name == "大客户")), kept.id)
    with database.session() as session:
        assert [saved.spec.tag for saved in tag_rules(session)] == ["VIP客户"]
    assert tagged(database, "VIP客户") == {big: rule.id}


def test_renaming_a_rules_tag_renames_what_it_gives_and_deleting_it_deletes_the_rule(shop, database) -> None:  # type: ignore[no-untyped-def]
    from core.customers.tags import delete_tag, rename_tag, tags_by_use

    big = shop.buyer("大", ("800.00", "2026-10-01"))
    with database.transaction() as session:
        save_tag_rule(session, BIG_SPENDERS, today=AS_OF)
        [tag] = tags_by_use(session)
        assert (tag.name, tag.customers, tag.rules) == ("大客户", 1, 1)  # the delete question says so
        rename_tag(session, tag.id, "贵客")
        assert [saved.spec.tag for saved in tag_rules(session)] == ["贵客"]
    assert set(tagged(database, "贵客")) == {big}
    with database.transaction() as session:
        delete_tag(session, tag.id)
        assert tag_rules(session) == []


@pytest.mark.parametrize("spec", [
    lambda: RuleSpec("", (Condition("has_birthday"),)),
    lambda: RuleSpec("x", ()),
    lambda: RuleSpec("x", (Condition("spent_at_least", -1),)),
    lambda: RuleSpec("x", (Condition("stage_is", []),)),
    lambda: RuleSpec("x", (Condition("product_contains", " "),)),
    lambda: RuleSpec("x", (Condition("astrology", "leo"),)),
])
def test_a_rule_that_makes_no_sense_is_refused(spec) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LaokeError):
        spec()
