"""The shop's headline figures, for the CLI's `stats` and the status of every page."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from core.figures.insights import shop_health
from core.figures.order_facts import NET_PAID
from core.figures.shops import customers_of_shops, in_shop
from core.store.models import PAID_STATUSES, Customer, Order


def shop_stats(session: Session, as_of: date | None = None, shop: str | None = None) -> dict[str, Any]:
    """Counts of customers and orders and paid revenue up to the end of `as_of` (today by default), of the
    whole book or of one shop (its orders, and the buyers with an order there).

    Revenue sums what buyers paid net of refunds (NET_PAID) over orders whose status is paid, shipped or
    completed.
    """
    as_of = as_of or date.today()
    until = datetime.combine(as_of, datetime.max.time())
    in_range = ((Order.created_at <= until) | Order.created_at.is_(None)) & in_shop(shop)
    paid = Order.status.in_([str(s) for s in PAID_STATUSES])
    customers = session.scalar(
        select(func.count()).select_from(Customer).where(
            # A buyer is known from their first order, whenever the sheet holding it was imported.
            Customer.merged_into_id.is_(None),
            func.coalesce(Customer.first_order_at, Customer.created_at) <= until,
            true() if shop is None else Customer.id.in_(customers_of_shops([shop])),
        )
    )
    orders = session.scalar(select(func.count()).select_from(Order).where(in_range))
    paid_orders, revenue = session.execute(
        select(func.count(), func.sum(NET_PAID)).where(
            in_range, paid
        )
    ).one()
    return {
        "customers": customers or 0,
        "orders": orders or 0,
        "paid_orders": paid_orders or 0,
        "revenue": str(Decimal(revenue or 0).quantize(Decimal("0.01"))),
        "as_of": as_of.isoformat(),
        # Stages, repeat rate, AOV and repurchase cycle, recomputed as of that day by the lifecycle rules.
        **shop_health(session.connection(), as_of, shop),
    }
