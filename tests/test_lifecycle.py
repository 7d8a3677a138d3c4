"""Stage rules at their boundaries, through the same refresh every writer calls."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from core.errors import LaokeError
from core.figures.lifecycle import THRESHOLDS_KEY, StageThresholds, lifecycle_stage
from core.refresh import refresh_derived
from core.store.models import Customer, Order, Stage, StageChange
from core.store.settings import set_setting

AS_OF = date(2026, 6, 30)


def add_customer(session, orders: list[tuple[int, str]], amount: str = "100") -> int:  # type: ignore[no-untyped-def]
    """A customer with orders given as (days before AS_OF, status)."""
    customer = Customer(name="buyer")
    session.add(customer)
    session.flush()
    for number, (days_ago, status) in enumerate(orders):
        session.add(Order(platform="jd", platform_order_id=f"{customer.id}-{number}", customer_id=customer.id,
                          status=status, paid_amount=Decimal(amount),
                          created_at=datetime.combine(AS_OF - timedelta(days=days_ago), datetime.min.time())
                          + timedelta(hours=15)))
    session.flush()
    return customer.id


def stage_of(database, orders: list[tuple[int, str]], thresholds: dict | None = None) -> str:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        if thresholds:
            set_setting(session, THRESHOLDS_KEY, thresholds)
        customer_id = add_customer(session, orders)
        refresh_derived(session.connection(), [customer_id], as_of=AS_OF)
    with database.session() as session:
        return session.get(Customer, customer_id).stage


@pytest.mark.parametrize(
    ("orders", "expected"),
    [
        ([], Stage.PROSPECT),
        ([(3, "unpaid")], Stage.INTERESTED),
        ([(3, "refunded"), (40, "refunded")], Stage.INTERESTED),
        ([(3, "closed")], Stage.INTERESTED),
        ([(90, "paid")], Stage.NEW),
        ([(91, "paid")], Stage.DORMANT),
        ([(365, "completed")], Stage.DORMANT),
        ([(366, "completed")], Stage.LOST),
        ([(0, "shipped")], Stage.NEW),
        ([(10, "paid"), (50, "completed")], Stage.REPEAT),
        ([(10, "paid"), (50, "completed"), (80, "shipped")], Stage.REPEAT),
        ([(10, "paid"), (50, "completed"), (80, "shipped"), (400, "completed")], Stage.LOYAL),
        ([(10, "paid"), (50, "refunded"), (80, "unpaid"), (90, "closed")], Stage.NEW),
        ([(91, "paid"), (100, "paid"), (120, "paid"), (130, "paid")], Stage.DORMANT),
        ([(366, "paid"), (400, "paid"), (500, "paid"), (600, "paid")], Stage.LOST),
        ([(3, "unpaid"), (200, "completed")], Stage.DORMANT),
    ],
)
def test_stage_rules_at_their_boundaries(database, orders, expected) -> None:  # type: ignore[no-untyped-def]
    assert stage_of(database, orders) == expected
    last_paid = min((days for days, status in orders if status in ("paid", "shipped", "completed")), default=None)
    paid = sum(status in ("paid", "shipped", "completed") for _days, status in orders)
    assert lifecycle_stage(len(orders), paid, None if last_paid is None else AS_OF - timedelta(days=last_paid),
                           AS_OF) == expected


def test_orders_after_the_as_of_day_do_not_count(database) -> None:
    assert stage_of(database, [(-5, "paid")]) == Stage.PROSPECT


def test_thresholds_from_settings_apply_at_the_next_refresh(database) -> None:
    custom = {"active_days": 30, "dormant_days": 180, "repeat_min_orders": 2, "loyal_min_orders": 3}
    assert stage_of(database, [(31, "paid")], custom) == Stage.DORMANT
    assert stage_of(database, [(181, "paid")], custom) == Stage.LOST
    assert stage_of(database, [(1, "paid"), (2, "paid"), (3, "paid")], custom) == Stage.LOYAL


def test_thresholds_that_make_no_sense_are_refused() -> None:
    with pytest.raises(LaokeError):
        StageThresholds(active_days=400, dormant_days=365)
    with pytest.raises(LaokeError):
        StageThresholds(repeat_min_orders=4, loyal_min_orders=4)


def test_a_stage_change_is_recorded_with_its_day(database) -> None:
    with database.transaction() as session:
        customer_id = add_customer(session, [(80, "paid")])
        refresh_derived(session.connection(), [customer_id], as_of=AS_OF)
    with database.transaction() as session:
        refresh_derived(session.connection(), as_of=AS_OF)  # nothing changed: nothing recorded
        later = AS_OF + timedelta(days=20)
        refresh_derived(session.connection(), as_of=later)
    with database.session() as session:
        changes = session.execute(
            select(StageChange.previous_stage, StageChange.stage, StageChange.changed_on)
            .where(StageChange.customer_id == customer_id).order_by(StageChange.id)
        ).all()
        assert changes == [(None, "new", AS_OF), ("new", "dormant", later)]
        customer = session.get(Customer, customer_id)
        assert (customer.stage, customer.stage_since) == ("dormant", later)


def test_a_refresh_of_one_customer_keeps_the_others(database) -> None:
    with database.transaction() as session:
        first = add_customer(session, [(10, "paid"), (40, "paid")], amount="50")
        second = add_customer(session, [(5, "paid")], amount="80")
        refresh_derived(session.connection(), as_of=AS_OF)
        add_customer(session, [])
        session.add(Order(platform="jd", platform_order_id="extra", customer_id=second, status="paid",
                          paid_amount=Decimal("20"), created_at=datetime(2026, 6, 29, 10)))
        session.flush()
        refresh_derived(session.connection(), [second], as_of=AS_OF)
    with database.session() as session:
        kept = session.get(Customer, first)
        assert (kept.paid_orders, kept.total_spent, kept.stage) == (2, Decimal("100.00"), "repeat")
        changed = session.get(Customer, second)
        assert (changed.paid_orders, changed.total_spent, changed.stage) == (2, Decimal("100.00"), "repeat")
        assert changed.last_paid_at == datetime(2026, 6, 29, 10)
        assert changed.first_order_at == datetime(2026, 6, 25, 15)


def test_stages_age_with_the_calendar_without_new_orders(database) -> None:
    from core.figures.customer_cache import rescore_if_stale, scored_on

    with database.transaction() as session:
        customer_id = add_customer(session, [(80, "paid"), (100, "paid")])
        refresh_derived(session.connection(), [customer_id], as_of=AS_OF)
    with database.transaction() as session:
        connection = session.connection()
        assert scored_on(connection) == AS_OF
        assert rescore_if_stale(connection, today=AS_OF) == 0
        assert rescore_if_stale(connection, today=AS_OF + timedelta(days=11)) == 1
        assert scored_on(connection) == AS_OF + timedelta(days=11)
    with database.session() as session:
        customer = session.get(Customer, customer_id)
        # 91 days since the last order; the buyer's own gap is 20 days.
        assert (customer.stage, customer.overdue) == ("dormant", 4.6)


def test_derived_figures_are_not_an_edit(database) -> None:
    with database.transaction() as session:
        customer_id = add_customer(session, [(10, "paid")])
        session.get(Customer, customer_id).updated_at = datetime(2020, 1, 2, 3, 4, 5)
        session.flush()
        refresh_derived(session.connection(), as_of=AS_OF)
    with database.session() as session:
        customer = session.get(Customer, customer_id)
        assert (customer.stage, customer.updated_at) == ("new", datetime(2020, 1, 2, 3, 4, 5))
