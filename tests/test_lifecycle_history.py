"""Stage history rebuilt from the orders, as the demo shop does."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from core.demo import create_demo_shop
from core.store.models import Customer, StageChange

TODAY = date(2026, 11, 1)


def test_demo_shop_has_a_stage_history_that_ends_in_each_current_stage(database) -> None:
    with database.transaction() as session:
        create_demo_shop(session, customers=200, today=TODAY)
    with database.session() as session:
        changes = session.execute(
            select(StageChange.customer_id, StageChange.previous_stage, StageChange.stage, StageChange.changed_on)
            .order_by(StageChange.customer_id, StageChange.changed_on)
        ).all()
        customers = {c.id: c for c in session.scalars(select(Customer))}
    assert len({change.changed_on for change in changes}) > 12
    last = {}
    for change in changes:
        previous = last.get(change.customer_id)
        assert change.previous_stage == (previous.stage if previous else None)
        last[change.customer_id] = change
    for customer_id, change in last.items():
        assert customers[customer_id].stage == change.stage
        assert customers[customer_id].stage_since == change.changed_on
    # Buyers drift from new through dormant to lost month by month.
    assert {("new", "dormant"), ("dormant", "lost")} <= {(c.previous_stage, c.stage) for c in changes}


def test_one_customers_history_for_the_detail(database) -> None:
    from core.figures.stage_history import stage_history_of

    with database.transaction() as session:
        create_demo_shop(session, customers=60, today=TODAY)
    with database.session() as session:
        customer = session.scalars(select(Customer).where(Customer.stage == "lost")).first()
        history = stage_history_of(session.connection(), customer.id)
    assert history[0][1] is None and history[-1][2] == "lost"
    assert [day for day, _previous, _stage in history] == sorted(day for day, _previous, _stage in history)
    assert all(previous == before[2] for (_day, previous, _stage), before in zip(history[1:], history, strict=False))
