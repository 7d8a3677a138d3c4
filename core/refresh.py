"""One call after any change to customers or orders: recompute everything derived from them.

Writers (imports, edits, merges, the demo shop) call `refresh_derived` inside their transaction with the
customers they touched; each room that caches derived data (figures and stages, RFM, search keys, tiers
and points, care tasks) adds its own recompute here, so no writer needs to know the list.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Connection, delete, select

from core.progress import CancelToken, ProgressCallback, no_progress
from core.store.concurrency import lock_rows
from core.store.models import Setting

if TYPE_CHECKING:
    from core.store.db import Database


def refresh_derived(
    connection: Connection, customer_ids: Iterable[int] | None = None, as_of: date | None = None,
    cancel: CancelToken | None = None, *, defer_refit: bool = False,
) -> None:
    """Bring the derived data of these customers (all when None) up to date, as of `as_of` (today).

    `cancel` is heard between the steps and while the search keys are written (the longest step). An import
    says `defer_refit`: the forecast model's refit, when one is due, waits for `refit_forecast_after_import`.
    """
    # Here, not at the top: opening a book imports this module, and these bring numpy, pypinyin and holidays.
    from core.care.generate import withdraw_vanished
    from core.figures.customer_cache import refresh_customer_cache
    from core.figures.order_facts import load_order_facts
    from core.loyalty.recompute import refresh_loyalty
    from core.search.keys import refresh_search_keys

    cancel = cancel or CancelToken()
    as_of = as_of or date.today()
    customer_ids = None if customer_ids is None else list(customer_ids)  # read by several recomputes
    # On a server, another rep's transaction recomputing the same buyers waits here until this one commits,
    # rather than both deleting the old search keys and both inserting the new ones.
    lock_rows(connection, "customers", customer_ids)
    # Their orders, read once: the figures and the loyalty recompute both work from them.
    facts = load_order_facts(connection, as_of, customer_ids)
    # Figures, stages (with their history), RFM scores and overdue; thresholds come from the shop's settings.
    refresh_customer_cache(connection, customer_ids=customer_ids, as_of=as_of, facts=facts)
    cancel.raise_if_cancelled()
    refresh_search_keys(connection, customer_ids, cancel)
    cancel.raise_if_cancelled()
    # Points and tiers read the figures just written (spend, paid orders).
    refresh_loyalty(connection, customer_ids, as_of, facts, defer_refit=defer_refit)
    cancel.raise_if_cancelled()
    # Care: only the cheap part (opted out, 催付 order now paid); full generation runs when the calendar opens.
    withdraw_vanished(connection, customer_ids)


# Set by a migration that adds derived data it may not compute itself (migrations import no feature code).
SEARCH_KEYS_PENDING = "search.keys_pending"


def finish_pending_rebuilds(database: Database) -> None:
    """Right after opening a writable book: fill what an upgrade left marked as pending (all search keys,
    everyone's tiers and points)."""
    from core.loyalty.recompute import LOYALTY_PENDING, refresh_loyalty_if_stale

    with database.session() as session:
        if session.get(Setting, SEARCH_KEYS_PENDING) is None and session.get(Setting, LOYALTY_PENDING) is None:
            return
    with database.writing() as connection:
        if connection.scalar(select(Setting.key).where(Setting.key == SEARCH_KEYS_PENDING)) is not None:
            from core.search.keys import refresh_search_keys

            refresh_search_keys(connection)
            connection.execute(delete(Setting).where(Setting.key == SEARCH_KEYS_PENDING))
        refresh_loyalty_if_stale(connection)


def rescore_database_if_stale(database: Database, progress: ProgressCallback = no_progress,
                              cancel: CancelToken | None = None) -> int:
    """When a database opens on a later day than it was last scored: stages, RFM and overdue (from the cached
    figures), and tiers and points where they move with the day; after an import, the forecast refit it left.
    Returns how many customers' scores changed (a refit counts as one change: everyone's forecast moved)."""
    from core.figures.customer_cache import rescore_if_stale
    from core.loyalty.recompute import refresh_loyalty_if_stale

    if database.read_only:
        return 0
    refitted = refit_forecast_after_import(database)
    with database.writing() as connection:
        changed = rescore_if_stale(connection)
        refresh_loyalty_if_stale(connection)
    return changed + refitted


def refit_forecast_after_import(database: Database) -> bool:
    """The forecast model's refit an import left pending, in a transaction of its own after the import's (the
    window runs it in the background, the CLI before it ends). Returns whether it ran."""
    from core.loyalty.recompute import FORECAST_REFIT_PENDING, refit_forecast_if_pending

    with database.session() as session:
        if session.get(Setting, FORECAST_REFIT_PENDING) is None:
            return False
    with database.writing() as connection:
        return refit_forecast_if_pending(connection)
