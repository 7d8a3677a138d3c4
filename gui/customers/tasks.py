"""One session per user action, opened in the worker thread: the bridge from widgets to core functions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from core.progress import CancelToken, ProgressCallback
from core.safety.privacy import rep_mode_enabled
from core.store.db import Database


def read(database: Database, function: Callable[..., Any], *args: Any,
         progress: ProgressCallback, cancel: CancelToken, **kwargs: Any) -> Any:
    """Call `function(session, *args)` on a fresh read session."""
    with database.session() as session:
        return function(session, *args, **kwargs)


def read_until_stale(database: Database, function: Callable[..., Any], *args: Any,
                     progress: ProgressCallback, cancel: CancelToken, **kwargs: Any) -> Any:
    """Like `read`, for a read a newer one can make stale (the list's, as the user types): cancelled, its
    statement stops where it is instead of holding a core the next keystroke's read needs."""
    from core.store.interrupt import interruptible

    with database.session() as session, interruptible(session, cancel):
        return function(session, *args, **kwargs)


def write(database: Database, function: Callable[..., Any], *args: Any,
          progress: ProgressCallback, cancel: CancelToken, **kwargs: Any) -> Any:
    """Call `function(session, *args)` in a transaction that commits whole or not at all (run again when it
    collided with another rep's on a server)."""
    return database.write(lambda session: function(session, *args, **kwargs))


def write_with_progress(database: Database, function: Callable[..., Any], *args: Any,
                        progress: ProgressCallback, cancel: CancelToken, **kwargs: Any) -> Any:
    """Like `write`, for long core functions that report progress and honour Cancel."""
    return database.write(lambda session: function(session, *args, progress=progress, cancel=cancel, **kwargs))


def rows_as_shown(session, ids: list[int]):  # type: ignore[no-untyped-def]
    """The list's rows, phones masked in rep mode."""
    from core.customers.listing import customer_rows

    return customer_rows(session, ids, masked=rep_mode_enabled(session))


def detail_as_shown(session, customer_id: int, order_limit: int | None = None):  # type: ignore[no-untyped-def]
    from core.customers.detail import customer_detail

    return customer_detail(session, customer_id, masked=rep_mode_enabled(session), order_limit=order_limit)
