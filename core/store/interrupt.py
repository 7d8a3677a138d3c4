"""Stopping a read whose answer nobody waits for any more (the user typed on): it frees the core at once.

SQLite calls a progress handler every few thousand steps of a statement; once the caller's cancel token is
set the handler stops the statement and the read ends with `Cancelled`. On a server the statement runs to
its end (its answer is dropped), and `Cancelled` follows it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from core.progress import Cancelled, CancelToken

STEPS_BETWEEN_CHECKS = 10_000  # SQLite virtual-machine steps: a fraction of a millisecond


@contextmanager
def interruptible(session: Session, cancel: CancelToken) -> Iterator[None]:
    """Statements of `session` run inside stop soon after `cancel` is set, raising Cancelled."""
    raw = session.connection().connection.driver_connection
    if not isinstance(raw, sqlite3.Connection):
        yield
        cancel.raise_if_cancelled()
        return
    raw.set_progress_handler(lambda: cancel.cancelled, STEPS_BETWEEN_CHECKS)
    try:
        yield
    except (OperationalError, sqlite3.OperationalError) as error:
        if cancel.cancelled:
            raise Cancelled() from error
        raise
    finally:
        raw.set_progress_handler(None, 0)  # the connection goes back to the pool
    cancel.raise_if_cancelled()
