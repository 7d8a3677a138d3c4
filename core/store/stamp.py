"""Laoke's own write stamp: a number that moves with every committed write Laoke makes to an SQLite book.

SQLite's file change counter does not move in WAL mode, so "was the book written since its last copy?" needs a
stamp of our own. It lives in the file's header (`PRAGMA user_version`, which Laoke uses for nothing else):
it commits with the write itself, costs no table, and a copy carries the stamp of the book it was taken from.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import Engine, event

_CHANGES_AT_BEGIN = "laoke_changes_at_begin"
_STAMP_LIMIT = 2**31 - 1  # user_version is a signed 32-bit integer


def write_stamp(path: str | Path) -> int:
    """The write stamp of the SQLite book at `path` (0 for a book Laoke never wrote since stamps began)."""
    with closing(sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)) as connection:
        return read_stamp(connection)


def read_stamp(connection: sqlite3.Connection) -> int:
    return connection.execute("PRAGMA user_version").fetchone()[0]


def move_stamp(connection: sqlite3.Connection) -> None:
    """Move the stamp on, inside the caller's write transaction."""
    connection.execute(f"PRAGMA user_version={read_stamp(connection) % _STAMP_LIMIT + 1}")


def stamp_writes(engine: Engine) -> None:
    """Every transaction on `engine` that changed a row moves the stamp as it commits."""

    @event.listens_for(engine, "begin")
    def _remember_changes(connection) -> None:  # type: ignore[no-untyped-def]
        connection.info[_CHANGES_AT_BEGIN] = connection.connection.dbapi_connection.total_changes

    @event.listens_for(engine, "commit")
    def _stamp_if_written(connection) -> None:  # type: ignore[no-untyped-def]
        raw = connection.connection.dbapi_connection
        if raw.total_changes != connection.info.pop(_CHANGES_AT_BEGIN, raw.total_changes):
            move_stamp(raw)
