"""Has another rep changed the book? One cheap number to poll (team mode's live updates)."""

from __future__ import annotations

from sqlalchemy import Connection, text


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
