"""Has another rep changed the book? One cheap number to poll (team mode's live updates)."""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.exc import OperationalError

from core.errors import DatabaseError
from core.store.db import Database, describe_operational_error


def change_mark(connection: Connection) -> int | None:
    """A number that grows whenever anyone changes buyers, tags, notes, orders or care tasks on the server
    (the sequence migration 0007 feeds from triggers); None on SQLite, where nobody else writes the book.

    A poller that sees it move reloads what it shows. The number moves when the change is made, a moment
    before its commit, so a poller reloads once more on the next tick after a move.
    """
    if connection.dialect.name != "postgresql":
        return None
    return int(connection.scalar(text("SELECT last_value + CASE WHEN is_called THEN 1 ELSE 0 END"
                                      " FROM laoke_changes")) or 0)


def read_change_mark(database: Database) -> int | None:
    """`change_mark` on a connection of its own; a server that cannot be reached is a DatabaseError saying so
    in one sentence (the pool reconnects on the next call once the server is back)."""
    try:
        with database.engine.connect() as connection:
            return change_mark(connection)
    except OperationalError as error:
        raise DatabaseError(describe_operational_error(error, database.label)) from error
