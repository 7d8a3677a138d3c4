"""One customer's refresh rescores just that customer while the quintiles hold, and the shop otherwise;
either way the result equals a full recompute."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import numpy as np
import pytest
from sqlalchemy import Connection, insert, select, update

from core.figures import customer_cache
from core.figures.customer_cache import load_scoring
from core.refresh import refresh_derived
from core.store.models import Customer, Order, StageChange

AS_OF = date(2026, 6, 30)
CACHED = (Customer.id, Customer.order_count, Customer.paid_orders, Customer.total_spent, Customer.last_paid_at,
          Customer.median_gap_days, Customer.stage, Customer.stage_since, Customer.r_score, Customer.f_score,
          Customer.m_score, Customer.rfm_segment, Customer.overdue)


def add_order(connection: Connection, customer_id: int, days_ago: int, cents: int, status: str = "paid") -> None:
    connection.execute(insert(Order).values(
        platform="jd", platform_order_id=f"{customer_id}-{days_ago}-{cents}-{status}", customer_id=customer_id,
        status=status, paid_amount=Decimal(cents) / 100,
        created_at=datetime.combine(AS_OF - timedelta(days=days_ago), datetime.min.time()) + timedelta(hours=9)))


def build_shop(connection: Connection, rng: np.random.Generator, size: int = 80) -> list[int]:
    ids = []
    for number in range(size):
        ids.append(connection.execute(insert(Customer).values(name=f"buyer {number}")).inserted_primary_key[0])
        for _ in range(int(rng.integers(0, 4))):
            add_order(connection, ids[-1], int(rng.integers(0, 500)), int(rng.integers(1, 40)) * 500)
    refresh_derived(connection, as_of=AS_OF)
    return ids


def cached(connection: Connection) -> list[tuple]:
    return [tuple(row) for row in connection.execute(select(*CACHED).order_by(Customer.id))]


def assert_equals_full_recompute(connection: Connection) -> None:
    before, scoring, changes = cached(connection), load_scoring(connection), stage_changes(connection)
    assert customer_cache.refresh_customer_cache(connection, as_of=AS_OF) == 0  # nothing left to correct
    assert cached(connection) == before
    assert load_scoring(connection) == scoring
    assert stage_changes(connection) == changes


def stage_changes(connection: Connection) -> int:
    return len(connection.execute(select(StageChange.id)).all())


@pytest.fixture
def full_rescores(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the shop-wide rescores."""
    calls: list[int] = []
    original = customer_cache.load_cached_rows

    def counting(connection, ids=None):  # type: ignore[no-untyped-def]
        if ids is None:
            calls.append(1)
        return original(connection, ids)

    monkeypatch.setattr(customer_cache, "load_cached_rows", counting)
    return calls


def test_a_profile_edit_rescores_no_one_else(database, full_rescores) -> None:  # type: ignore[no-untyped-def]
    with database.engine.begin() as connection:
        ids = build_shop(connection, np.random.default_rng(1))
        full_rescores.clear()
        connection.execute(update(Customer).where(Customer.id == ids[5]).values(name="renamed", birth_month=3))
        refresh_derived(connection, [ids[5]], as_of=AS_OF)
        assert full_rescores == []
        assert_equals_full_recompute(connection)


@pytest.mark.parametrize("seed", range(3))
def test_new_orders_rescore_incrementally_or_fully_and_equal_a_full_recompute(database, full_rescores,
                                                                               seed: int) -> None:  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(seed)
    with database.engine.begin() as connection:
        ids = build_shop(connection, rng)
        incremental = full = 0
        for step in range(25):
            touched = [int(rng.choice(ids))]
            add_order(connection, touched[0], int(rng.integers(0, 400)), int(rng.integers(1, 40)) * 500,
                      str(rng.choice(["paid", "unpaid", "completed"])))
            if step % 7 == 0:  # a new customer, as an import adds them
                touched.append(connection.execute(insert(Customer).values(name="new")).inserted_primary_key[0])
                ids.append(touched[-1])
                add_order(connection, touched[-1], int(rng.integers(0, 400)), 1000)
            full_rescores.clear()
            refresh_derived(connection, touched, as_of=AS_OF)
            full += len(full_rescores)
            incremental += not full_rescores
            assert_equals_full_recompute(connection)
        assert incremental and full  # both paths were taken


def test_a_merge_takes_the_merged_customer_out_of_the_quintiles(database) -> None:  # type: ignore[no-untyped-def]
    with database.engine.begin() as connection:
        ids = build_shop(connection, np.random.default_rng(7))
        kept, merged = ids[0], ids[1]
        add_order(connection, merged, 3, 2000)
        refresh_derived(connection, [merged], as_of=AS_OF)
        connection.execute(update(Order).where(Order.customer_id == merged).values(customer_id=kept))
        connection.execute(update(Customer).where(Customer.id == merged).values(merged_into_id=kept))
        refresh_derived(connection, [kept, merged], as_of=AS_OF)
        assert connection.scalar(select(Customer.r_score).where(Customer.id == merged)) is None
        assert_equals_full_recompute(connection)


def test_customers_removed_without_a_refresh_force_a_full_rescore(database, full_rescores) -> None:  # type: ignore[no-untyped-def]
    with database.engine.begin() as connection:
        ids = build_shop(connection, np.random.default_rng(3))
        # As an import's undo does: its customers and orders go, only the others are refreshed.
        connection.execute(Order.__table__.delete().where(Order.customer_id.in_(ids[:3])))
        connection.execute(Customer.__table__.delete().where(Customer.id.in_(ids[:3])))
        full_rescores.clear()
        refresh_derived(connection, [ids[4]], as_of=AS_OF)
        assert full_rescores == [1]
        assert_equals_full_recompute(connection)
