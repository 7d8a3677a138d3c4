"""Each buyer's place in the lifecycle, from their orders, as of a given day.

A paid order is one whose status is paid, shipped or completed; its date is its creation time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Connection, and_, bindparam, case, func, select, update

from core.models import PAID_STATUSES, Customer, Order, Stage


@dataclass(frozen=True)
class StageThresholds:
    """The rules' numbers; Settings may change them."""

    active_days: int = 90
    dormant_days: int = 365
    repeat_min_orders: int = 2
    loyal_min_orders: int = 4


def lifecycle_stage(
    order_count: int,
    paid_orders: int,
    last_paid_at: datetime | date | None,
    as_of: date,
    thresholds: StageThresholds = StageThresholds(),
) -> Stage:
    if order_count == 0:
        return Stage.PROSPECT
    if paid_orders == 0 or last_paid_at is None:
        return Stage.INTERESTED
    last_day = last_paid_at.date() if isinstance(last_paid_at, datetime) else last_paid_at
    days_since = (as_of - last_day).days
    if days_since > thresholds.dormant_days:
        return Stage.LOST
    if days_since > thresholds.active_days:
        return Stage.DORMANT
    if paid_orders >= thresholds.loyal_min_orders:
        return Stage.LOYAL
    if paid_orders >= thresholds.repeat_min_orders:
        return Stage.REPEAT
    return Stage.NEW


def _order_figures_query(as_of: date, customer_ids: Iterable[int] | None):
    paid = Order.status.in_([str(s) for s in PAID_STATUSES])
    paid_created = case((paid, Order.created_at))
    until = datetime.combine(as_of, datetime.max.time())
    query = (
        select(
            Order.customer_id,
            func.count().label("order_count"),
            func.count(paid_created).label("paid_orders"),
            func.coalesce(
                func.sum(case((paid, func.coalesce(Order.paid_amount, Order.total_amount)), else_=0)), 0
            ).label("total_spent"),
            func.min(Order.created_at).label("first_order_at"),
            func.max(Order.created_at).label("last_order_at"),
            func.min(paid_created).label("first_paid_at"),
            func.max(paid_created).label("last_paid_at"),
        )
        .where(and_(Order.customer_id.is_not(None), Order.created_at <= until))
        .group_by(Order.customer_id)
    )
    if customer_ids is not None:
        query = query.where(Order.customer_id.in_(list(customer_ids)))
    return query


def refresh_customer_figures(
    connection: Connection,
    as_of: date | None = None,
    customer_ids: Iterable[int] | None = None,
    thresholds: StageThresholds = StageThresholds(),
) -> int:
    """Recompute the cached order figures and stage of the given customers (all when None).

    Returns how many customers were updated. Runs inside the caller's transaction.
    """
    as_of = as_of or date.today()
    ids = None if customer_ids is None else sorted(set(customer_ids))
    figures = {row.customer_id: row for row in connection.execute(_order_figures_query(as_of, ids))}
    target_ids = ids if ids is not None else connection.scalars(
        select(Customer.id).where(Customer.merged_into_id.is_(None))
    ).all()
    updates = []
    for customer_id in target_ids:
        row = figures.get(customer_id)
        order_count = row.order_count if row else 0
        paid_orders = row.paid_orders if row else 0
        last_paid_at = _as_datetime(row.last_paid_at) if row else None
        updates.append(
            {
                "cid": customer_id,
                "order_count": order_count,
                "paid_orders": paid_orders,
                "total_spent": _as_decimal(row.total_spent) if row else Decimal(0),
                "first_order_at": _as_datetime(row.first_order_at) if row else None,
                "last_order_at": _as_datetime(row.last_order_at) if row else None,
                "first_paid_at": _as_datetime(row.first_paid_at) if row else None,
                "last_paid_at": last_paid_at,
                "stage": str(lifecycle_stage(order_count, paid_orders, last_paid_at, as_of, thresholds)),
            }
        )
    if updates:
        statement = (
            update(Customer)
            .where(Customer.id == bindparam("cid"))
            .values({key: bindparam(key) for key in updates[0] if key != "cid"})
            .execution_options(synchronize_session=False)
        )
        connection.execute(statement, updates)
    return len(updates)


def _as_datetime(value: datetime | str | None) -> datetime | None:
    # Aggregates over a DateTime column come back as text from SQLite.
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)


def _as_decimal(cents_or_amount: Decimal | int | None) -> Decimal:
    # SUM over a Money column keeps the Money type, so this is already a Decimal in yuan.
    return Decimal(cents_or_amount or 0)
