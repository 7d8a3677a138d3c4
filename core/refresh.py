"""One call after any change to customers or orders: recompute everything derived from them.

Writers (imports, edits, merges, the demo shop) call `refresh_derived` inside their transaction with the
customers they touched; each room that caches derived data (figures and stages, RFM, search keys, care
tasks) adds its own recompute here, so no writer needs to know the list.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Connection, delete, select

from core.progress import CancelToken
from core.store.models import Setting

if TYPE_CHECKING:
    from core.store.db import Database


def refresh_derived(
    connection: Connection, customer_ids: Iterable[int] | None = None, as_of: date | None = None,
    cancel: CancelToken | None = None,
) -> None:
    """Bring the derived data of these customers (all when None) up to date, as of `as_of` (today).

    `cancel` is heard between the steps and while the search keys are written (the longest step).
    """
    # Here, not at the top: opening a book imports this module, and these bring numpy, pypinyin and holidays.
    from core.care.generate import withdraw_vanished
    from core.figures.customer_cache import refresh_customer_cache
    from core.search.keys import refresh_search_keys

    cancel = cancel or CancelToken()
    customer_ids = None if customer_ids is None else list(customer_ids)  # read by several recomputes
    # Figures, stages (with their history), RFM scores and overdue; thresholds come from the shop's settings.
    refresh_customer_cache(connection, customer_ids=customer_ids, as_of=as_of)
    cancel.raise_if_cancelled()
    refresh_search_keys(connection, customer_ids, cancel)
    cancel.raise_if_cancelled()
    # Care: only the cheap part (opted out, 催付 order now paid); full generation runs when the calendar opens.
    withdraw_vanished(connection, customer_ids)


# Set by a migration that adds derived data it may not compute itself (migrations import no feature code).
SEARCH_KEYS_PENDING = "search.keys_pending"


def finish_pending_rebuilds(database: Database) -> None:
    """Right after opening a writable book: fill what an upgrade left marked as pending (all search keys)."""
    with database.session() as session:
        if session.get(Setting, SEARCH_KEYS_PENDING) is None:
            return
    with database.writing() as connection:
        if connection.scalar(select(Setting.key).where(Setting.key == SEARCH_KEYS_PENDING)) is not None:
            from core.search.keys import refresh_search_keys

            refresh_search_keys(connection)
            connection.execute(delete(Setting).where(Setting.key == SEARCH_KEYS_PENDING))
