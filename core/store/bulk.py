"""Writing many rows at once: each backend's fast path behind a single function.

SQLAlchemy's executemany builds a dict per row and runs each value through its type (about six times slower
than the driver itself for 300,000 rows). On SQLite the statement is compiled once and the rows go to the
driver's cursor as plain tuples; new rows on PostgreSQL go by COPY, which sends them in one stream instead
of one round trip per row.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from itertools import count, repeat
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Connection,
    DateTime,
    Index,
    Select,
    Table,
    bindparam,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.sql import Executable

from core.store.models import Money

# How many ids one trip to a sequence reserves: a bulk writer's chunk, so an import of 200,000 orders asks
# 100 times, and leaves at most one block's gap behind.
ID_BLOCK = 2000


def stores_dates_as_text(connection: Connection) -> bool:
    """Whether `execute_rows` wants dates and times as text (SQLite's fast path) rather than objects."""
    return connection.dialect.name == "sqlite"


def execute_rows(connection: Connection, statement: Executable, names: Sequence[str],
                 rows: Iterable[Sequence[object]]) -> None:
    """Run `statement` (whose bind parameters are `names`) once per row; rows hold values in `names` order."""
    if not stores_dates_as_text(connection):
        connection.execute(statement, [dict(zip(names, row, strict=True)) for row in rows])
        return
    compiled = statement.compile(dialect=connection.dialect)
    order = [names.index(name) for name in compiled.positiontup or ()]
    if order != list(range(len(names))):  # reordering costs ~2 µs a row: only when the statement needs it
        rows = ([row[index] for index in order] for row in rows)
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(str(compiled), rows)
    finally:
        cursor.close()


def stored_table(connection: Connection, table: Table) -> str:
    """The table itself, named so (on a server, `public.`): a rep's search path finds the masked view of
    the same name first (core.store.masked), which takes no COPY and no new phones."""
    name = connection.dialect.identifier_preparer.quote(table.name)
    return f"public.{name}" if connection.dialect.name == "postgresql" else name


def on_stored_tables(connection: Connection, statement: Executable) -> Executable:
    """`statement` naming the tables themselves (see `stored_table`): for an UPDATE that writes phones."""
    if connection.dialect.name != "postgresql":
        return statement
    return statement.execution_options(schema_translate_map={None: "public"})


def in_key_ranges(connection: Connection, statement: Select, key: Any, size: int) -> Iterator[Select]:  # type: ignore[type-arg]
    """`statement` restricted to consecutive ranges of its table's integer `key`, `size` keys each, that cover
    every row: a whole table read a block at a time, in key order."""
    first, last = connection.execute(select(func.min(key), func.max(key))).one()
    if first is None:
        return
    for start in range(first, last + 1, size):
        yield statement.where(key.between(start, start + size - 1))


def update_by_id(connection: Connection, table: Table, columns: Sequence[str],
                 rows: Iterable[Sequence[object]]) -> None:
    """Set `columns` of the rows of `table` whose id ends each row (values in `columns` order, then the id).

    Derived figures are not an edit: `updated_at` keeps its value. On SQLite one executemany (dates as text,
    as `stores_dates_as_text` says); on PostgreSQL the rows go by COPY into a temporary table and one
    UPDATE … FROM writes them all: one statement per row made a full stage recompute of 200,000 buyers
    5.4 times slower on a server than on SQLite.
    """
    if connection.dialect.name != "postgresql":
        statement = update(table).where(table.c.id == bindparam("row_id")).values(
            {column: bindparam(column, type_=BigInteger if isinstance(table.c[column].type, Money) else None)
             for column in columns}).execution_options(synchronize_session=False)
        if "updated_at" in table.c:
            statement = statement.values(updated_at=table.c.updated_at)
        execute_rows(connection, statement, [*columns, "row_id"], rows)
        return
    quote = connection.dialect.identifier_preparer.quote
    names = ", ".join(quote(column) for column in columns)
    target = stored_table(connection, table)
    connection.exec_driver_sql(f"CREATE TEMPORARY TABLE laoke_updates ON COMMIT DROP AS SELECT {names},"
                               f" id AS row_id FROM {target} WITH NO DATA")
    _copy_rows(connection, f"laoke_updates ({names}, row_id)", rows)
    assignments = ", ".join(f"{quote(column)} = source.{quote(column)}" for column in columns)
    connection.exec_driver_sql(f"UPDATE {target} AS target SET {assignments}"
                               " FROM laoke_updates AS source WHERE target.id = source.row_id")
    connection.exec_driver_sql("DROP TABLE laoke_updates")


def bulk_insert(connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert many new rows (all with the same keys), storing exactly what Core's `insert` would.

    Each column's own bind conversion and Python-side defaults are applied here (money to cents, times to
    text on SQLite); the rows then go to the driver as tuples: one executemany on SQLite, one COPY on
    PostgreSQL (at 20,000 rows the per-row round trips of executemany made a server import 3.6 times slower
    than SQLite's). COPY fires the same row triggers as INSERT, so the change counter and authors still hold.
    """
    if not rows:
        return
    if connection.dialect.name not in ("sqlite", "postgresql"):  # any other backend: Core's own insert
        connection.execute(insert(table), list(rows))
        return
    columns = list(rows[0])
    defaults = _python_defaults(table, columns)
    names = columns + list(defaults)
    sqlite = connection.dialect.name == "sqlite"
    processors = [(position, processor) for position, name in enumerate(names)
                  if (processor := _bind_processor(table.c[name].type, connection, sqlite)) is not None]
    pick = itemgetter(*columns) if len(columns) > 1 else (lambda row: (row[columns[0]],))
    # Column by column: each processor mapped over its column and the rows zipped back, all at C speed.
    by_column: list[Iterable[Any]] = [*zip(*map(pick, rows), strict=True),
                                      *(repeat(value, len(rows)) for value in defaults.values())]
    for position, processor in processors:
        by_column[position] = map(processor, by_column[position])
    stored = list(zip(*by_column, strict=True))
    quote = connection.dialect.identifier_preparer.quote
    into = f"{stored_table(connection, table)} ({', '.join(quote(name) for name in names)})"
    if sqlite:
        connection.exec_driver_sql(f"INSERT INTO {into} VALUES ({', '.join('?' * len(names))})", stored)
        return
    _copy_rows(connection, into, stored)


def _copy_rows(connection: Connection, into: str, rows: Iterable[Sequence[object]]) -> None:
    """PostgreSQL's COPY of `rows` into `into` (a table and its columns), in one stream."""
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(f"COPY {into} FROM STDIN") as copy:
            for values in rows:
                copy.write_row(values)
    finally:
        cursor.close()


def whole_cents(amount: Decimal | None) -> int | None:
    """What a Money column stores for `amount`, as `Money` itself would round it, without its per-call cost."""
    if amount is None:
        return None
    cents = amount * 100
    whole = int(cents)
    return whole if whole == cents else int(cents.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _bind_processor(column_type: Any, connection: Connection, sqlite: bool) -> Callable[[Any], Any] | None:
    """The column's bind conversion; money and SQLite's times by a shortcut that stores exactly what Core would."""
    if isinstance(column_type, Money):
        return whole_cents
    if sqlite and isinstance(column_type, DateTime):
        return _sqlite_datetime
    if not sqlite and isinstance(column_type, JSON):  # COPY takes text; None is JSON null, as Core stores it
        return json.dumps
    return column_type.bind_processor(connection.dialect)  # type: ignore[no-any-return]


def _sqlite_datetime(value: datetime | None) -> str | None:
    # SQLAlchemy's SQLite storage format: "2026-05-01 10:00:00.000000".
    return None if value is None else value.isoformat(" ", "microseconds")


def _python_defaults(table: Table, present: list[str]) -> dict[str, Any]:
    """The values Core would fill in for the columns a row leaves out (evaluated once per statement)."""
    defaults = {}
    for column in table.columns:
        if column.name in present or column.default is None or column.primary_key:
            continue
        default = column.default
        defaults[column.name] = default.arg(None) if default.is_callable else default.arg  # type: ignore[attr-defined,operator]
    return defaults


def new_ids(connection: Connection, table: Table, block: int = ID_BLOCK) -> Iterator[int]:
    """Endless new primary keys for `table`, so a bulk writer can build rows (and their children) with ids.

    On PostgreSQL they come from the table's own sequence, `block` at a time in one statement: other reps
    draw from it at the same moment, so the ids are unique though not always consecutive, and what a rolled
    back import drew is never handed out twice. On SQLite the caller's transaction holds the write lock
    (BEGIN IMMEDIATE), so nobody else can insert and max(id)+1 onwards stays free until the commit.
    """
    if connection.dialect.name == "sqlite":
        yield from count((connection.scalar(select(func.max(table.c.id))) or 0) + 1)
        return
    draw = text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :block)")
    while True:
        yield from connection.scalars(draw, {"table": stored_table(connection, table), "block": block}).all()


# Below this many rows the indexes' upkeep is too small to matter, and not even the table's rows are counted
# (a profile edit rescoring one customer would pay for the count).
SMALL_WRITE = 1000


@contextmanager
def indexes_built_after(connection: Connection, tables: Sequence[Table], rows: int,
                        columns: Collection[str] | None = None) -> Iterator[None]:
    """Around writing `rows` rows into `tables`: on SQLite, when that is at least as many rows as the first
    table holds, drop the tables' plain (non-unique) indexes (those on `columns` when given: what an update
    writes) and build each once afterwards.

    One sort per index is cheaper than a B-tree update per row when most rows are new (a first import of
    50,000 orders: 1.25 s of inserts become 0.8 s, rebuilding included). Unique indexes stay, as they guard
    the data. Elsewhere nothing changes: on PostgreSQL dropping an index would lock the table against the
    other reps until the commit.
    """
    if connection.dialect.name != "sqlite" or not tables or rows < SMALL_WRITE:
        yield
        return
    large = rows >= (connection.scalar(select(func.count()).select_from(tables[0])) or 0)
    dropped = [index for table in tables for index in _plain_indexes(connection, table, columns)] if large else []
    for index in dropped:
        index.drop(connection)
    yield  # on an error the caller rolls back, and the dropped indexes come back with everything else
    for index in dropped:
        index.create(connection)


def _plain_indexes(connection: Connection, table: Table, columns: Collection[str] | None) -> list[Index]:
    """The table's non-unique indexes (on `columns` when given) that the database file really has."""
    present = {found["name"] for found in inspect(connection).get_indexes(table.name)}
    return [index for index in table.indexes if not index.unique and index.name in present
            and (columns is None or any(column.name in columns for column in index.columns))]
