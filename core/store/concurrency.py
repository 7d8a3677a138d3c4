"""Several reps writing one book on a server: waiting for each other, and trying again after a collision.

SQLite needs none of this (a writer holds the whole file's write lock from its first statement), so every
function here does nothing there. On PostgreSQL two transactions really overlap: work that must not
interleave (an import, a care generation) holds a named advisory lock to its commit, rows being recomputed
are locked in id order, and a transaction the server aborted because it collided with another (a
serialisation failure, a deadlock, a unique race on derived rows such as search keys) runs again from the top.
"""

from __future__ import annotations

import random
import time
import zlib
from collections.abc import Callable, Iterable
from typing import TypeVar

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from core.messages import Message

T = TypeVar("T")
Notice = Callable[[str], None]
"""Told a sentence (a core Message) when work waits for another rep or starts again."""

# SQLSTATEs after which running the same transaction again can succeed.
COLLISIONS = {"40001": "serialisation failure", "40P01": "deadlock", "23505": "unique race"}
ATTEMPTS = 5
LOCKED_PER_STATEMENT = 5000  # ids per SELECT … FOR UPDATE


def no_notice(_message: str) -> None:
    """The notice callback for callers that do not watch."""


def collided(error: BaseException) -> bool:
    """Whether the server refused this write only because another transaction got there at the same time."""
    return isinstance(error, DBAPIError) and getattr(error.orig, "sqlstate", None) in COLLISIONS


def dropped(error: BaseException) -> bool:
    """Whether the connection died under the write (the server restarted, the network blinked): the server
    rolled the transaction back, and the pool hands out a fresh connection next time."""
    return isinstance(error, DBAPIError) and error.connection_invalidated


def retrying(work: Callable[[], T], *, notice: Notice = no_notice, attempts: int = ATTEMPTS) -> T:
    """Run `work` (one whole transaction, begun and committed inside it) until it does not collide."""
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except DBAPIError as error:
            if attempt == attempts or not (collided(error) or dropped(error)):
                raise
            notice(Message(
                "The connection to the server dropped; nothing was saved, trying again ({attempt} of "
                "{attempts})…", attempt=attempt + 1, attempts=attempts,
            ) if dropped(error) else Message(
                "Another rep changed the same customers at the same moment; trying again ({attempt} of "
                "{attempts})…",
                attempt=attempt + 1, attempts=attempts,
            ))
            time.sleep(random.uniform(0.05, 0.25) * attempt)  # apart, so the two do not collide again
    raise AssertionError("unreachable")


def hold_lock(connection: Connection, name: str, waiting: str, *, notice: Notice = no_notice) -> None:
    """Hold the book-wide lock `name` until the transaction ends, first saying `waiting` if another holds it."""
    if connection.dialect.name != "postgresql":
        return
    key = {"key": zlib.crc32(f"laoke.{name}".encode())}
    if not connection.scalar(text("SELECT pg_try_advisory_xact_lock(:key)"), key):
        notice(waiting)
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), key)


def lock_rows(connection: Connection, table: str, ids: Iterable[int] | None) -> None:
    """Lock these rows of `table` (all of them when None) until the commit, in id order so two writers that
    lock overlapping rows queue instead of deadlocking."""
    if connection.dialect.name != "postgresql":
        return
    if ids is None:
        # Every row: one table lock against other writers (readers go on) instead of a million row locks.
        connection.execute(text(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE"))
        return
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), LOCKED_PER_STATEMENT):
        connection.execute(text(f"SELECT id FROM {table} WHERE id = ANY(:ids) ORDER BY id FOR UPDATE"),
                           {"ids": ordered[start : start + LOCKED_PER_STATEMENT]})
