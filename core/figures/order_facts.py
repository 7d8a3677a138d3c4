"""The few facts of each order that stages, RFM and the charts need, as numpy arrays.

A million orders as Python objects would cost seconds and hundreds of MB; as five arrays they load in about
a second and every figure after that is a vectorised pass. Reading is the only database-specific part,
behind `epoch_seconds` and `fetch_numbers`: on SQLite timestamps become epoch seconds in SQL and rows go
straight from the driver's cursor into an array; every other backend takes the portable path through
SQLAlchemy rows and Python datetimes.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import numpy as np
from sqlalchemy import (
    BigInteger,
    Connection,
    Integer,
    Select,
    and_,
    case,
    cast,
    func,
    select,
    type_coerce,
)
from sqlalchemy.sql import ColumnElement

from core.figures.shops import customers_of_shops, in_shop
from core.store.bulk import in_key_ranges
from core.store.models import PAID_STATUSES, Customer, Money, Order

SECONDS_PER_DAY = 86_400
NONE = -1  # a missing timestamp or day in the integer arrays
# SQLite limits bound parameters per statement; chunks of ids stay well below it.
ID_CHUNK = 30_000
# Rows of a key range `fetch_whole_table` reads at a time: a few MB of text.
WHOLE_TABLE_CHUNK = 200_000
EPOCH = datetime(1970, 1, 1)
# What an order brought in, net of refunds: the one figure behind revenue, a buyer's total spent, RFM monetary,
# the KPI table's average order value and the care rules. The importer stores paid_amount net (each layout says
# whether its paid column already is); a sheet with no paid column falls back to the order total.
NET_PAID = func.coalesce(Order.paid_amount, Order.total_amount)


@dataclass(frozen=True)
class OrderFacts:
    """One entry per order, sorted by customer then creation time."""

    customer_id: np.ndarray  # int64
    seconds: np.ndarray  # int64 creation time, seconds since 1970-01-01 (wall time, as stored)
    paid: np.ndarray  # bool: status paid, shipped or completed
    cents: np.ndarray  # int64 amount paid (the order total when the sheet gave no paid amount)
    order_id: np.ndarray  # int64: the points ledger reconciles each order's earning by it

    @property
    def paid_cents(self) -> np.ndarray:
        """What each order brought in, 0 unless it counts as bought."""
        return np.where(self.paid, self.cents, 0)

    @property
    def day(self) -> np.ndarray:
        return self.seconds // SECONDS_PER_DAY

    def __len__(self) -> int:
        return len(self.customer_id)

    def select(self, mask: np.ndarray) -> OrderFacts:
        return OrderFacts(self.customer_id[mask], self.seconds[mask], self.paid[mask], self.cents[mask],
                          self.order_id[mask])


def net_paid(paid_amount: Decimal | None, total_amount: Decimal | None) -> Decimal | None:
    """NET_PAID for one order already loaded (0.00 paid is a refund, not a missing amount)."""
    return paid_amount if paid_amount is not None else total_amount


def day_number(day: date) -> int:
    """Days since 1970-01-01, the unit every array here counts in."""
    return (day - date(1970, 1, 1)).days


def epoch_seconds(column: ColumnElement, dialect_name: str) -> ColumnElement:
    """`column` (a DateTime or Date) as epoch seconds where the database can say so, NONE for NULL.

    Elsewhere the column itself is selected and `fetch_numbers` converts the datetimes.
    """
    if dialect_name == "sqlite":
        # unixepoch() (SQLite 3.38+) is about four times faster than strftime('%s') over a million rows.
        seconds = func.unixepoch(column) if sqlite3.sqlite_version_info >= (3, 38) else cast(
            func.strftime("%s", column), Integer
        )
        return func.coalesce(seconds, NONE)
    return column


def _as_number(value: object) -> float:
    if value is None:
        return np.nan
    if isinstance(value, datetime):
        return (value - EPOCH).total_seconds()
    if isinstance(value, date):
        return float(day_number(value) * SECONDS_PER_DAY)
    return float(value)  # type: ignore[arg-type]


def fetch_numbers_among(connection: Connection, statement: Select, column: Any, ids: Sequence[int] | None) -> np.ndarray:
    """`fetch_numbers` of the rows whose `column` is one of `ids` (every row when None), ID_CHUNK ids a query:
    an IN list of a million ids would pass SQLite's and the drivers' limits."""
    if ids is None:
        return fetch_numbers(connection, statement)
    parts = [fetch_numbers(connection, statement.where(column.in_(ids[start : start + ID_CHUNK])))
             for start in range(0, len(ids), ID_CHUNK)]
    return np.concatenate(parts) if parts else np.zeros((0, len(statement.selected_columns)))


def fetch_numbers(connection: Connection, statement: Select) -> np.ndarray:
    """The rows of a select whose columns are all numbers (or datetimes) as a float64 matrix; NULL is NaN.

    Money comes as stored, in cents, on every backend (SQLite's driver gives cents; through SQLAlchemy's
    rows `Money` would give yuan). float64 holds epoch seconds and cents exactly (below 2**53).
    """
    width = len(statement.selected_columns)
    if connection.dialect.name == "sqlite":
        compiled = statement.compile(dialect=connection.dialect, compile_kwargs={"render_postcompile": True})
        parameters = compiled.construct_params()
        cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            rows = cursor.execute(str(compiled), [parameters[name] for name in compiled.positiontup or ()]).fetchall()
        finally:
            cursor.close()
        try:
            # A flat iterator is about a fifth faster than np.array over a list of tuples...
            flat = np.fromiter(itertools.chain.from_iterable(rows), dtype=np.float64, count=len(rows) * width)
            return flat.reshape(len(rows), width)
        except TypeError:  # ...but cannot take NULLs, which np.array turns into NaN.
            return np.array(rows, dtype=np.float64).reshape(len(rows), width)
    in_cents = statement.with_only_columns(
        *(type_coerce(column, BigInteger) if isinstance(column.type, Money) else column
          for column in statement.selected_columns), maintain_column_froms=True)
    rows = connection.execute(in_cents).all()
    return np.array([[_as_number(value) for value in row] for row in rows], dtype=np.float64).reshape(-1, width)


def fetch_whole_table(connection: Connection, statement: Select, key: Any) -> np.ndarray:
    """`fetch_numbers` of a select over a whole table; `key` is the table's integer key, and a select ordered
    by it gives the rows in that order. On SQLite every column must be an integer, never NULL.

    A million rows come to SQLite's driver as Python tuples at twice the cost of reading them; on SQLite each
    range of `key` comes instead as one comma-joined text per column (`group_concat`, which sees the rows in
    one order for every column of a select), parsed at C speed."""
    if connection.dialect.name != "sqlite":
        return fetch_numbers(connection, statement)
    parts = [np.zeros((0, len(statement.selected_columns)), dtype=np.int64)]
    for block in in_key_ranges(connection, statement, key, WHOLE_TABLE_CHUNK):
        rows = block.subquery()
        texts = connection.execute(select(*(func.group_concat(column) for column in rows.c))).one()
        if texts[0] is not None:  # None: no rows in this range
            parts.append(np.column_stack([np.fromstring(text, dtype=np.int64, sep=",") for text in texts]))
    return np.concatenate(parts).astype(np.float64)


def seconds_column(values: np.ndarray) -> np.ndarray:
    """A fetched timestamp column as int64 epoch seconds, NONE for NULL."""
    return np.where(np.isnan(values) | (values < 0), NONE, values).astype(np.int64)


def order_is_paid() -> ColumnElement[bool]:
    """Whether an order counts as bought: its status is paid, shipped or completed."""
    return Order.status.in_([str(status) for status in PAID_STATUSES])


def order_paid_cents() -> ColumnElement:
    """NET_PAID in whole cents, 0 where an order has no amount at all.

    Every figure of money a buyer paid (spend, RFM, tiers, points) reads this one expression."""
    return type_coerce(func.coalesce(NET_PAID, 0), BigInteger)


def load_order_facts(
    connection: Connection, until: date, customer_ids: Iterable[int] | None = None, shop: str | None = None
) -> OrderFacts:
    """Every dated order of a customer created up to the end of `until` (of these customers when given, of
    one shop when `shop` is given)."""
    paid = order_is_paid()
    amount = order_paid_cents()
    # The date limit is applied to the arrays: in SQL it would steer SQLite into the created_at index and a
    # random-order walk of the table, several times slower than one sequential scan.
    # The paid flag rides in the amount's lowest bit: one value fewer per order for the driver to build.
    base = select(
        Order.customer_id, epoch_seconds(Order.created_at, connection.dialect.name), amount * 2 + case((paid, 1), else_=0),
        Order.id,
    ).where(and_(Order.customer_id.is_not(None), Order.created_at.is_not(None)), in_shop(shop))
    matrix = fetch_numbers_among(connection, base, Order.customer_id,
                                 None if customer_ids is None else sorted(set(customer_ids)))
    customer = matrix[:, 0].astype(np.int64)
    seconds = seconds_column(matrix[:, 1])
    limit = (day_number(until) + 1) * SECONDS_PER_DAY
    # One stable sort on (customer, time) packed into an int64: about 3x faster than lexsort on two keys.
    order = np.argsort((customer << 32) | (seconds & 0xFFFFFFFF), kind="stable")
    order = order[seconds[order] < limit]
    amount_and_paid = np.rint(matrix[order, 2]).astype(np.int64)
    return OrderFacts(customer[order], seconds[order], (amount_and_paid & 1).astype(bool), amount_and_paid >> 1,
                      matrix[order, 3].astype(np.int64))


def load_customers_known(connection: Connection, shop: str | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Ids of the customers in the book (not merged away; with an order in `shop` when given), sorted, and
    since when each is known (seconds)."""
    query = select(Customer.id, epoch_seconds(Customer.created_at, connection.dialect.name)).where(
        Customer.merged_into_id.is_(None))
    if shop is not None:
        query = query.where(Customer.id.in_(customers_of_shops([shop])))
    matrix = fetch_numbers(connection, query.order_by(Customer.id))
    return matrix[:, 0].astype(np.int64), seconds_column(matrix[:, 1])
