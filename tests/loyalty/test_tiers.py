"""Member tiers follow each buyer's net spend (or points), keep their history, and can count a window."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select, update

from core.errors import LaokeError
from core.loyalty.tiers import TIERS_KEY, Tier, TierPlan
from core.store.models import Customer, PointEntry, PointKind, TierChange
from core.store.settings import set_setting
from tests.loyalty.conftest import AS_OF


def changes(database, customer_id):  # type: ignore[no-untyped-def]
    with database.session() as session:
        return session.execute(select(TierChange.previous_tier, TierChange.tier, TierChange.changed_on)
                               .where(TierChange.customer_id == customer_id).order_by(TierChange.id)).all()


def test_buyers_get_the_default_tier_their_spend_reaches_and_prospects_none(shop, database) -> None:  # type: ignore[no-untyped-def]
    small = shop.buyer("小", ("100.00", "2026-10-01"))
    silver = shop.buyer("银", ("600.00", "2026-01-01"), ("400.00", "2026-10-01"))
    diamond = shop.buyer("钻", ("25000.00", "2026-10-01"))
    prospect = shop.buyer("潜")
    assert [shop.customer(i).member_tier for i in (small, silver, diamond, prospect)] == ["普通会员", "银卡", "钻石", None]
    assert shop.customer(silver).tier_since == AS_OF
    assert changes(database, silver) == [(None, "银卡", AS_OF)]


def test_a_tier_change_is_kept_with_its_day_and_a_second_refresh_changes_nothing(shop, database) -> None:  # type: ignore[no-untyped-def]
    buyer = shop.buyer("升", ("900.00", "2026-09-01"))
    later = AS_OF + timedelta(days=3)
    shop.order(buyer, "4200.00", "2026-11-24", as_of=later)
    shop.refresh(as_of=later)
    shop.refresh([buyer], as_of=later)
    assert shop.customer(buyer).member_tier == "金卡"
    assert changes(database, buyer) == [(None, "普通会员", AS_OF), ("普通会员", "金卡", later)]


def test_a_windowed_tier_drops_when_old_spend_leaves_the_window(shop, database) -> None:  # type: ignore[no-untyped-def]
    from core.refresh import rescore_database_if_stale

    with database.transaction() as session:
        set_setting(session, TIERS_KEY, TierPlan((Tier("会员", 0), Tier("银卡", 1000)), window_days=365).to_dict())
    buyer = shop.buyer("窗", ("1500.00", "2026-01-10"), ("50.00", "2026-11-01"))
    assert shop.customer(buyer).member_tier == "银卡"
    # A day in 2027 when the January order is more than 365 days old: the window opens on a new day.
    with database.writing() as connection:
        from core.loyalty.recompute import refresh_loyalty_if_stale

        assert refresh_loyalty_if_stale(connection, today=date(2027, 1, 20))
    assert shop.customer(buyer).member_tier == "会员"
    assert rescore_database_if_stale(database) >= 0  # the window's start-up path runs it too


def test_tiers_by_points_follow_the_balance(shop, database) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        set_setting(session, TIERS_KEY, TierPlan((Tier("会员", 1), Tier("金卡", 500)), basis="points").to_dict())
    buyer = shop.buyer("积", ("520.00", "2026-10-01"))
    assert (shop.customer(buyer).points, shop.customer(buyer).member_tier) == (520, "金卡")


def test_a_renamed_tier_is_replaced_and_its_old_name_kept_in_the_history(shop, database) -> None:  # type: ignore[no-untyped-def]
    buyer = shop.buyer("改", ("1200.00", "2026-10-01"))
    with database.transaction() as session:
        set_setting(session, TIERS_KEY, TierPlan((Tier("普通会员", 0), Tier("白银", 1000))).to_dict())
    shop.refresh()
    assert shop.customer(buyer).member_tier == "白银"
    assert changes(database, buyer)[-1][:2] == ("银卡", "白银")


@pytest.mark.parametrize("plan", [
    lambda: TierPlan(()),
    lambda: TierPlan((Tier("A", 0), Tier("A", 10))),
    lambda: TierPlan((Tier("A", 100), Tier("B", 10))),
    lambda: TierPlan((Tier("A", 0),), window_days=0),
])
def test_a_plan_that_makes_no_sense_is_refused(plan) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LaokeError):
        plan()



def test_a_segment_by_member_tier_counts_its_buyers(shop, database) -> None:  # type: ignore[no-untyped-def]
    from core.customers.listing import CustomerFilter
    from core.customers.segments import save_segment, segments_with_counts

    shop.buyer("金", ("6000.00", "2026-10-01"))
    shop.buyer("银", ("1500.00", "2026-10-01"))
    shop.buyer("普", ("10.00", "2026-10-01"))
    with database.transaction() as session:
        save_segment(session, "银卡以上", CustomerFilter(tiers=["银卡", "金卡", "钻石"]))
    with database.session() as session:
        [segment] = segments_with_counts(session)
    assert (segment.filter.tiers, segment.customers) == (["银卡", "金卡", "钻石"], 2)


def test_a_merged_away_buyer_keeps_a_cached_balance_but_no_tier_is_recomputed(shop, database) -> None:  # type: ignore[no-untyped-def]
    """The balances and the tiers share one read of the customers: merged-away ones are in it for their
    balance only."""
    kept = shop.buyer("留", ("100.00", "2026-10-01"))
    gone = shop.buyer("并", ("1500.00", "2026-10-01"))
    with database.transaction() as session:
        session.execute(update(Customer).where(Customer.id == gone).values(merged_into_id=kept, member_tier=None))
        session.add(PointEntry(customer_id=gone, kind=PointKind.ADJUSTMENT, points=7, booked_on=AS_OF, note="补"))
    shop.refresh()
    assert (shop.customer(gone).points, shop.customer(gone).member_tier) == (1507, None)
    assert (shop.customer(kept).points, shop.customer(kept).member_tier) == (100, "普通会员")


def test_everyones_member_rows_read_by_key_ranges_are_those_read_by_id(shop, database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """SQLite's fast read of every customer's loyalty columns against the portable read by id: the same rows,
    in id order, a merged-away customer and one who never bought among them."""
    from dataclasses import astuple

    from core.figures import order_facts
    from core.loyalty.tiers import load_member_rows, load_tier_plan

    buyers = [shop.buyer(name, ("1500.00", "2026-10-01")) for name in "甲乙丙"] + [shop.buyer("潜")]
    with database.transaction() as session:
        session.execute(update(Customer).where(Customer.id == buyers[1]).values(merged_into_id=buyers[0]))
    monkeypatch.setattr(order_facts, "WHOLE_TABLE_CHUNK", 2)
    with database.session() as session:
        connection = session.connection()
        plan = load_tier_plan(connection)
        everyone, by_id = load_member_rows(connection, plan, None), load_member_rows(connection, plan, buyers)
    assert [column.tolist() for column in astuple(everyone)] == [column.tolist() for column in astuple(by_id)]
    assert everyone.ids.tolist() == sorted(buyers) and everyone.in_book.tolist() == [True, False, True, True]
