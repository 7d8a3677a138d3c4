"""Keep the figures cached on each customer row current: order counts and money, stage, RFM, rhythm.

Changed customers get their order figures recomputed from their orders. Stages, RFM scores and overdue then
get rescored for the whole shop from the cached figures alone (no order scan): RFM quintiles are relative
to the shop, and stages age with the calendar, so one new order may move other buyers too. Only rows whose
values changed are written, and each stage change is recorded in StageChange with its day.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from sqlalchemy import BigInteger, Connection, bindparam, case, insert, select, type_coerce, update
from sqlalchemy.sql import ColumnElement

from core.customer_figures import CustomerFigures, figures_from_facts
from core.lifecycle import STAGES, StageThresholds, load_thresholds, stage_codes
from core.models import Customer, StageChange
from core.order_facts import (
    NONE,
    SECONDS_PER_DAY,
    day_number,
    epoch_seconds,
    fetch_numbers,
    load_order_facts,
    seconds_column,
)
from core.rfm import SEGMENTS, rfm_scores, rfm_segments
from core.rhythm import overdue_ratio

TIMESTAMP_COLUMNS = ("first_order_at", "last_order_at", "first_paid_at", "last_paid_at")
WRITE_CHUNK = 20_000


@dataclass
class CachedRows:
    """The cached columns of every customer in the book, as arrays sorted by id."""

    figures: CustomerFigures
    stage: np.ndarray  # int8 codes into STAGES
    stage_since_day: np.ndarray  # NONE when the stage was never computed
    r: np.ndarray  # int8, 0 for none
    f: np.ndarray
    m: np.ndarray
    segment: np.ndarray  # object: str or None
    overdue: np.ndarray  # float, NaN for none


def _codes(column: ColumnElement, names: Sequence[str]) -> ColumnElement:
    # Text columns become small integers in SQL, so the whole row fits one numeric matrix.
    return case({name: code for code, name in enumerate(names)}, value=column, else_=NONE)


def load_cached_rows(connection: Connection) -> CachedRows:
    dialect = connection.dialect.name
    matrix = fetch_numbers(
        connection,
        select(
            Customer.id,
            Customer.order_count,
            Customer.paid_orders,
            type_coerce(Customer.total_spent, BigInteger),  # whole cents, without making 300k Decimals
            *(epoch_seconds(getattr(Customer, name), dialect) for name in (*TIMESTAMP_COLUMNS, "stage_since")),
            Customer.median_gap_days,
            _codes(Customer.stage, [str(stage) for stage in STAGES]),
            Customer.r_score,
            Customer.f_score,
            Customer.m_score,
            _codes(Customer.rfm_segment, SEGMENTS),
            Customer.overdue,
        )
        .where(Customer.merged_into_id.is_(None))
        .order_by(Customer.id),
    )

    def integers(index: int) -> np.ndarray:
        return np.nan_to_num(matrix[:, index], nan=0).astype(np.int64)

    stage_since = seconds_column(matrix[:, 8])
    segment_codes = np.nan_to_num(matrix[:, 14], nan=NONE).astype(np.int64)
    segments = np.array([*SEGMENTS, None], dtype=object)  # NONE (-1) picks the trailing None
    figures = CustomerFigures(
        ids=integers(0),
        order_count=integers(1),
        paid_orders=integers(2),
        paid_cents=integers(3),
        first_order=seconds_column(matrix[:, 4]),
        last_order=seconds_column(matrix[:, 5]),
        first_paid=seconds_column(matrix[:, 6]),
        last_paid=seconds_column(matrix[:, 7]),
        median_gap=matrix[:, 9].copy(),
        mean_gap=np.full(len(matrix), np.nan),
    )
    return CachedRows(
        figures=figures,
        stage=np.nan_to_num(matrix[:, 10], nan=0).clip(0).astype(np.int8),
        stage_since_day=np.where(stage_since == NONE, NONE, stage_since // SECONDS_PER_DAY),
        r=integers(11).astype(np.int8),
        f=integers(12).astype(np.int8),
        m=integers(13).astype(np.int8),
        segment=segments[segment_codes],
        overdue=matrix[:, 15].copy(),
    )


def overlay_figures(cached: CustomerFigures, fresh: CustomerFigures) -> CustomerFigures:
    """The cached figures with those of the customers in `fresh` replaced (ids not in the book are skipped)."""
    positions = np.searchsorted(cached.ids, fresh.ids)
    inside = positions < len(cached.ids)
    inside[inside] = cached.ids[positions[inside]] == fresh.ids[inside]
    merged = CustomerFigures(**{name: value.copy() for name, value in vars(cached).items()})
    for name, value in vars(fresh).items():
        if name != "ids":
            getattr(merged, name)[positions[inside]] = value[inside]
    return merged


def rescore(figures: CustomerFigures, previous: CachedRows, as_of: date, thresholds: StageThresholds) -> CachedRows:
    """Stages, RFM and overdue for everyone from their figures; stage_since moves only when the stage does."""
    as_of_day = day_number(as_of)
    last_paid_day = figures.last_paid_day
    stage = stage_codes(figures.order_count, figures.paid_orders, last_paid_day, as_of_day, thresholds)
    changed = (stage != previous.stage) | (previous.stage_since_day == NONE)
    size = len(figures.ids)
    r, f, m = (np.zeros(size, dtype=np.int8) for _ in range(3))
    segment = np.full(size, None, dtype=object)
    buyers = (figures.paid_orders > 0) & (last_paid_day != NONE)
    recency = as_of_day - last_paid_day
    if buyers.any():
        r[buyers], f[buyers], m[buyers] = rfm_scores(
            recency[buyers], figures.paid_orders[buyers], figures.paid_cents[buyers]
        )
        segment[buyers] = rfm_segments(r[buyers], f[buyers], m[buyers])
    return CachedRows(
        figures=figures,
        stage=stage,
        stage_since_day=np.where(changed, as_of_day, previous.stage_since_day),
        r=r,
        f=f,
        m=m,
        segment=segment,
        overdue=overdue_ratio(np.where(buyers, recency, -1).astype(np.float64), figures.median_gap),
    )


def _differs(old: np.ndarray, new: np.ndarray) -> np.ndarray:
    if old.dtype.kind == "f":
        return ~((old == new) | (np.isnan(old) & np.isnan(new)))
    return old != new


def changed_rows(old: CachedRows, new: CachedRows) -> np.ndarray:
    pairs = [(getattr(old.figures, name), getattr(new.figures, name)) for name in
             ("order_count", "paid_orders", "paid_cents", "first_order", "last_order", "first_paid", "last_paid",
              "median_gap")]
    pairs += [(getattr(old, name), getattr(new, name)) for name in
              ("stage", "stage_since_day", "r", "f", "m", "segment", "overdue")]
    changed = np.zeros(len(new.figures.ids), dtype=bool)
    for before, after in pairs:
        changed |= _differs(before, after)
    return changed


def _datetimes(seconds: np.ndarray, as_text: bool) -> list:
    stamps = np.where(seconds == NONE, np.iinfo(np.int64).min, seconds).astype("datetime64[s]")
    if not as_text:
        return stamps.astype(object).tolist()
    # SQLAlchemy's own storage format for DateTime on SQLite, so reads and comparisons see no difference.
    text = np.char.add(np.char.replace(np.datetime_as_string(stamps, unit="s"), "T", " "), ".000000")
    return [None if missing else value for value, missing in zip(text.tolist(), np.isnat(stamps).tolist(),
                                                                  strict=True)]


def _optional(values: np.ndarray) -> list:
    return [None if value != value else value for value in values.tolist()]  # NaN -> NULL


def _cached_values(rows: CachedRows, chunk: np.ndarray, as_text: bool) -> dict[str, list]:
    """The cached columns of the rows at `chunk`, ready to bind (dates as text for SQLite's raw path)."""
    figures = rows.figures
    since = rows.stage_since_day[chunk].astype("datetime64[D]")
    return {
        "order_count": figures.order_count[chunk].tolist(),
        "paid_orders": figures.paid_orders[chunk].tolist(),
        "total_spent": figures.paid_cents[chunk].tolist(),  # Money stores whole cents
        **{name: _datetimes(getattr(figures, key)[chunk], as_text) for name, key in
           zip(TIMESTAMP_COLUMNS, ("first_order", "last_order", "first_paid", "last_paid"), strict=True)},
        "median_gap_days": _optional(figures.median_gap[chunk]),
        "stage": [str(STAGES[code]) for code in rows.stage[chunk].tolist()],
        "stage_since": np.datetime_as_string(since).tolist() if as_text else since.astype(object).tolist(),
        "r_score": [score or None for score in rows.r[chunk].tolist()],
        "f_score": [score or None for score in rows.f[chunk].tolist()],
        "m_score": [score or None for score in rows.m[chunk].tolist()],
        "rfm_segment": rows.segment[chunk].tolist(),
        "overdue": _optional(rows.overdue[chunk]),
    }


def write_rows(connection: Connection, rows: CachedRows, mask: np.ndarray) -> int:
    """Write the cached columns of the rows in `mask`; returns how many.

    SQLite's fast path binds plain tuples on the driver's cursor (six times faster than SQLAlchemy's
    executemany with a dict and type processing per value); other backends take the portable statement.
    """
    positions = np.flatnonzero(mask)
    sqlite = connection.dialect.name == "sqlite"
    for start in range(0, len(positions), WRITE_CHUNK):
        chunk = positions[start : start + WRITE_CHUNK]
        values = _cached_values(rows, chunk, as_text=sqlite)
        ids = rows.figures.ids[chunk].tolist()
        if sqlite:
            assignments = ", ".join(f"{name} = ?" for name in values)
            cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            try:
                cursor.executemany(f"UPDATE customers SET {assignments} WHERE id = ?",
                                   zip(*values.values(), ids, strict=True))
            finally:
                cursor.close()
            continue
        statement = (
            update(Customer)
            .where(Customer.id == bindparam("cid"))
            .values({name: bindparam(name, type_=BigInteger) if name == "total_spent" else bindparam(name)
                     for name in values})
            .execution_options(synchronize_session=False)
        )
        names = [*values, "cid"]
        connection.execute(statement, [dict(zip(names, row, strict=True))
                                       for row in zip(*values.values(), ids, strict=True)])
    return len(positions)


def record_stage_changes(connection: Connection, old: CachedRows, new: CachedRows, as_of: date) -> int:
    moved = np.flatnonzero((old.stage != new.stage) | (old.stage_since_day == NONE))
    if not len(moved):
        return 0
    never_computed = old.stage_since_day[moved] == NONE
    records = [
        {
            "customer_id": customer_id,
            "stage": str(STAGES[stage]),
            "previous_stage": None if first else str(STAGES[previous]),
            "changed_on": as_of,
        }
        for customer_id, stage, previous, first in zip(
            new.figures.ids[moved].tolist(), new.stage[moved].tolist(), old.stage[moved].tolist(),
            never_computed.tolist(), strict=True,
        )
    ]
    connection.execute(insert(StageChange), records)
    return len(records)


def refresh_customer_cache(
    connection: Connection,
    customer_ids: Iterable[int] | None = None,
    as_of: date | None = None,
    thresholds: StageThresholds | None = None,
) -> int:
    """Recompute the cached figures of `customer_ids` (all when None), rescore the shop, write what changed.

    Runs inside the caller's transaction; returns how many customer rows were written.
    """
    as_of = as_of or date.today()
    thresholds = thresholds or load_thresholds(connection)
    old = load_cached_rows(connection)
    ids = None if customer_ids is None else np.unique(np.fromiter(customer_ids, dtype=np.int64))
    facts = load_order_facts(connection, as_of, None if ids is None else ids.tolist())
    fresh = figures_from_facts(facts, old.figures.ids if ids is None else ids)
    figures = fresh if ids is None else overlay_figures(old.figures, fresh)
    new = rescore(figures, old, as_of, thresholds)
    record_stage_changes(connection, old, new, as_of)
    return write_rows(connection, new, changed_rows(old, new))
