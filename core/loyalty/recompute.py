"""Tiers, points, rule tags and the forecast after a change, and when the day changes: the loyalty wing's one entry for core.refresh."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import Connection, delete, select

from core.figures.order_facts import OrderFacts, load_order_facts
from core.loyalty.forecast import load_model, refit_due, refresh_forecast
from core.loyalty.points import expire_and_balance, load_ledger, sync_order_points
from core.loyalty.tag_rules import apply_tag_rules
from core.loyalty.tiers import load_member_rows, load_tier_plan, refresh_tiers
from core.store.models import Setting
from core.store.settings import store_setting

EVALUATED_ON_KEY = "loyalty.evaluated_on"
# Set by the migration that brought tiers and points: an existing book gets them at its first opening.
LOYALTY_PENDING = "loyalty.pending"
# Set by an import that left the forecast model's refit for after its commit (`refit_forecast_if_pending`).
FORECAST_REFIT_PENDING = "forecast.refit_pending"


def refresh_loyalty(connection: Connection, customer_ids: Sequence[int] | None = None,
                    as_of: date | None = None, orders: OrderFacts | None = None, *, defer_refit: bool = False) -> None:
    """Points (orders reconciled, expiries booked, balances cached), tiers, rule tags and the repurchase
    forecast of these customers (all when None). Idempotent: a second run writes nothing.

    `orders` are theirs when the caller read them already: `refresh_derived` passes the ones the figures
    were computed from, so a recompute reads the orders once. With `defer_refit` (an import) a refit the
    forecast model is due is not run here: these customers are scored with the kept model and the refit is
    marked pending, for after the commit."""
    as_of = as_of or date.today()
    ids = None if customer_ids is None else sorted(set(customer_ids))
    if ids is not None and not ids:
        return
    if orders is None:
        orders = load_order_facts(connection, as_of, ids)  # one read for the ledger, a window and the forecast
    ledger = load_ledger(connection, ids)  # read once for both, unless the first writes to it
    written = sync_order_points(connection, ids, as_of, orders, ledger=ledger)
    plan = load_tier_plan(connection)
    members = load_member_rows(connection, plan, ids)  # read once for the balances and the tiers
    expire_and_balance(connection, ids, as_of, None if written else ledger, members.balances)
    # After the balances (tiers may go by points), which brought `members.points` up to date.
    refresh_tiers(connection, ids, as_of, plan, orders, members)
    apply_tag_rules(connection, ids, as_of)  # after the tiers: a rule may ask for one
    refit = None
    if defer_refit:
        model = load_model(connection)
        # A model that found too few repeat buyers is tried again after an import: it may have brought them.
        if refit_due(model, ids, as_of) or model.bg_nbd is None:  # type: ignore[union-attr]  # None is due
            store_setting(connection, FORECAST_REFIT_PENDING, True)
            refit = False
    everyone_in_book = members.ids[members.in_book] if ids is None else None
    refresh_forecast(connection, ids, as_of, orders, refit=refit, in_book=everyone_in_book)
    if ids is None:
        store_setting(connection, EVALUATED_ON_KEY, as_of.isoformat())


def refresh_loyalty_if_stale(connection: Connection, today: date | None = None) -> bool:
    """The forecast ages with the calendar (and points lapse, windowed tiers and rules about recent orders
    move): re-evaluate the whole book once a day (and once after the upgrade that brought all this).
    Returns whether it ran."""
    today = today or date.today()
    pending = connection.scalar(select(Setting.key).where(Setting.key == LOYALTY_PENDING)) is not None
    last = connection.scalar(select(Setting.value).where(Setting.key == EVALUATED_ON_KEY))
    if not pending and isinstance(last, str) and date.fromisoformat(last) >= today:
        return False
    refresh_loyalty(connection, None, today)
    connection.execute(delete(Setting).where(Setting.key == LOYALTY_PENDING))
    return True


def refit_forecast_if_pending(connection: Connection, today: date | None = None) -> bool:
    """The refit an import left for after its commit: the model fitted to the whole shop, everyone rescored.
    Returns whether it ran."""
    if connection.scalar(select(Setting.key).where(Setting.key == FORECAST_REFIT_PENDING)) is None:
        return False
    refresh_forecast(connection, None, today or date.today(), refit=True)
    connection.execute(delete(Setting).where(Setting.key == FORECAST_REFIT_PENDING))
    return True
