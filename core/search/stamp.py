"""One digest of whole tables' rows, read a range of their key at a time: how `core.search.keys` tells that
nothing its keys are made of changed since every buyer's keys were last found current.

Reading a million order numbers as Python rows cost more than comparing them; on SQLite each range's rows come
instead as one string per column (`group_concat`, which sees the rows in one order for every column of the
select) and go into the digest at C speed. Elsewhere the rows come through SQLAlchemy and are joined into the
same strings in Python (`_joined`, the portable twin): both give one digest for the same rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from hashlib import blake2b
from typing import Any

from sqlalchemy import Column, Connection, Select, func, literal, select

from core.store.bulk import in_key_ranges

# Rows of a key range: a few MB of text each.
CHUNK = 100_000
# Between the values of a column. A value holding it would leave the text ambiguous; the lengths beside it
# are not (NULL's is -1).
SEPARATOR = "\x1f"
_NULL_LENGTH = -1


def rows_digest(connection: Connection, tables: Sequence[tuple[Select, Column]], salt: object) -> str:  # type: ignore[type-arg]
    """The digest of the rows of each select (an integer owner column, then text columns), read in ranges of
    the table's integer key given beside it, and of `salt`."""
    digest = blake2b(repr(salt).encode(), digest_size=16)
    for statement, key in tables:
        for part in _joined_chunks(connection, statement, key):
            digest.update(part.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _joined_chunks(connection: Connection, statement: Select, key: Column) -> Iterator[str]:  # type: ignore[type-arg]
    sqlite = connection.dialect.name == "sqlite"
    for part in in_key_ranges(connection, statement, key, CHUNK):
        # SQLite reads a range of its key in key order; an ORDER BY would cost it a copy of the rows (a third of
        # the read). Rows read in another order would only make the digest differ, never match wrongly.
        yield from _aggregated(connection, part) if sqlite else _joined(connection, part.order_by(key))


def _aggregated(connection: Connection, statement: Select) -> Sequence[str]:  # type: ignore[type-arg]
    """SQLite's fast path: the owners, and each text column's values and lengths, as one string each."""
    rows = statement.subquery()
    owner, *texts = rows.c
    aggregates = [func.group_concat(owner)]
    for column in texts:
        aggregates += [func.group_concat(func.coalesce(column, ""), literal(SEPARATOR)),
                       func.group_concat(func.coalesce(func.length(column), _NULL_LENGTH))]
    return [text or "" for text in connection.execute(select(*aggregates)).one()]


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value)  # a timestamp on a server


def _joined(connection: Connection, statement: Select) -> Sequence[str]:  # type: ignore[type-arg]
    """The portable twin of `_aggregated`: the same strings, joined in Python."""
    rows = connection.execute(statement).all()
    parts = [",".join(str(row[0]) for row in rows)]
    for index in range(1, len(statement.selected_columns)):
        values = [row[index] for row in rows]
        parts += [SEPARATOR.join("" if value is None else _text(value) for value in values),
                  ",".join(str(_NULL_LENGTH if value is None else len(_text(value))) for value in values)]
    return parts
