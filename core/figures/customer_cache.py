"""Keep the figures cached on each customer row current: order counts and money, stage, RFM, rhythm.

Changed customers get their order figures recomputed from their orders. Stages, RFM scores and overdue then
get rescored for the whole shop from the cached figures alone (no order scan): RFM quintiles are relative
to the shop, and stages age with the calendar, so one new order may move other buyers too. Only rows whose
values changed are written, and each stage change is recorded in StageChange with its day.

The common case is cheaper: a few customers changed on the day the shop was last scored. Then the quintile
cuts kept from that scoring (core.figures.rfm_cuts) tell whether anyone else's score moved; if not, only the touched
customers are rescored, and a profile edit that changed none of their figures writes nothing at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from sqlalchemy import (
    BigInteger,
    Connection,
    Table,
    bindparam,
    case,
    func,
    insert,
    literal,
    select,
    type_coerce,
    update,
)
from sqlalchemy.sql import ColumnElement

from core.errors import LaokeError
from core.figures.customer_figures import CustomerFigures, figures_from_facts
from core.figures.lifecycle import STAGES, StageThresholds, load_thresholds, stage_codes
from core.figures.order_facts import (
    NONE,
    SECONDS_PER_DAY,
    OrderFacts,
    day_number,
    epoch_seconds,
    fetch_numbers,
    fetch_numbers_among,
    load_order_facts,
    seconds_column,
)
from core.figures.rfm import SEGMENTS, rfm_segments, score_customers
from core.figures.rfm_cuts import QuintileCuts
from core.figures.rhythm import overdue_ratio
from core.store.bulk import execute_rows, indexes_built_after, stores_dates_as_text, update_by_id
from core.store.models import Customer, Setting, StageChange
from core.store.settings import store_setting

CUSTOMER_TABLE: Table = Customer.__table__  # type: ignore[assignment]
TIMESTAMP_COLUMNS = ("first_order_at", "last_order_at", "first_paid_at", "last_paid_at")
WRITE_CHUNK = 20_000
SCORED_ON_KEY = "lifecycle.scored_on"
SCORING_KEY = "rfm.scoring"
# Above this many touched customers (a big import) one shop-wide rescore is the cheaper way.
TOUCHED_LIMIT = 10_000


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
    in_book: np.ndarray | None = None  # bool: not merged away (loaded for touched customers only)


def _codes(column: ColumnElement, names: Sequence[str]) -> ColumnElement:
    # Text columns become small integers in SQL, so the whole row fits one numeric matrix.
    return case({name: code for code, name in enumerate(names)}, value=column, else_=NONE)


# The small columns travel packed into one number, and NULLs as -1: the driver builds a Python object per
# value fetched, the bulk of the load, and a matrix without NULLs takes numpy's fast path.
PACKED_FIELDS = (("in_book", 2), ("segment", 16), ("m", 8), ("f", 8), ("r", 8), ("stage", 16))  # low bits first
COUNT_SHIFT = 1 << 24  # order_count and paid_orders share a number: paid_orders in the low 24 bits


def _packed_codes() -> ColumnElement:
    columns = {
        "in_book": case((Customer.merged_into_id.is_(None), 1), else_=0),
        "segment": _codes(Customer.rfm_segment, SEGMENTS) + 1,
        "m": func.coalesce(Customer.m_score, 0),
        "f": func.coalesce(Customer.f_score, 0),
        "r": func.coalesce(Customer.r_score, 0),
        "stage": _codes(Customer.stage, [str(stage) for stage in STAGES]) + 1,
    }
    packed: ColumnElement = literal(0)
    for name, size in reversed(PACKED_FIELDS):
        packed = packed * size + columns[name]
    return packed


def _unpack_codes(packed: np.ndarray) -> dict[str, np.ndarray]:
    fields = {}
    for name, size in PACKED_FIELDS:
        fields[name] = packed % size
        packed = packed // size
    return fields


def load_cached_rows(connection: Connection, ids: Sequence[int] | None = None) -> CachedRows:
    """The cached columns of the book (not merged away), or of the customers `ids` (merged or not)."""
    dialect = connection.dialect.name
    statement = (
        select(
            Customer.id,
            func.coalesce(Customer.order_count, 0) * COUNT_SHIFT + func.coalesce(Customer.paid_orders, 0),
            func.coalesce(type_coerce(Customer.total_spent, BigInteger), 0),  # whole cents, not 300k Decimals
            *(epoch_seconds(getattr(Customer, name), dialect) for name in (*TIMESTAMP_COLUMNS, "stage_since")),
            func.coalesce(Customer.median_gap_days, NONE),
            func.coalesce(Customer.overdue, NONE),
            _packed_codes(),
        )
        .order_by(Customer.id)
    )
    if ids is None:
        matrix = fetch_numbers(connection, statement.where(Customer.merged_into_id.is_(None)))
    else:
        matrix = fetch_numbers_among(connection, statement, Customer.id, ids)

    def integers(index: int) -> np.ndarray:
        return np.nan_to_num(matrix[:, index], nan=0).astype(np.int64)

    def optional(index: int) -> np.ndarray:  # -1 (NULL) back to NaN
        return np.where(matrix[:, index] < 0, np.nan, matrix[:, index])

    counts = integers(1)
    codes = _unpack_codes(integers(10))
    stage_since = seconds_column(matrix[:, 7])
    segments = np.array([None, *SEGMENTS], dtype=object)  # code 0: none
    figures = CustomerFigures(
        ids=integers(0),
        order_count=counts // COUNT_SHIFT,
        paid_orders=counts % COUNT_SHIFT,
        paid_cents=integers(2),
        first_order=seconds_column(matrix[:, 3]),
        last_order=seconds_column(matrix[:, 4]),
        first_paid=seconds_column(matrix[:, 5]),
        last_paid=seconds_column(matrix[:, 6]),
        median_gap=optional(8),
        mean_gap=np.full(len(matrix), np.nan),
    )
    return CachedRows(
        figures=figures,
        stage=(codes["stage"] - 1).clip(0).astype(np.int8),
        stage_since_day=np.where(stage_since == NONE, NONE, stage_since // SECONDS_PER_DAY),
        r=codes["r"].astype(np.int8),
        f=codes["f"].astype(np.int8),
        m=codes["m"].astype(np.int8),
        segment=segments[codes["segment"]],
        overdue=optional(9),
        in_book=codes["in_book"] == 1,
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


def rescore(figures: CustomerFigures, previous: CachedRows, as_of: date, thresholds: StageThresholds,
            scores: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None) -> CachedRows:
    """Stages, RFM and overdue from the figures; stage_since moves only when the stage does.

    The RFM scores are those of these customers among themselves unless `scores` gives them."""
    as_of_day = day_number(as_of)
    last_paid_day = figures.last_paid_day
    stage = stage_codes(figures.order_count, figures.paid_orders, last_paid_day, as_of_day, thresholds)
    changed = (stage != previous.stage) | (previous.stage_since_day == NONE)
    r, f, m = scores or score_customers(figures.paid_orders, figures.paid_cents, last_paid_day, as_of_day)
    buyers = r > 0
    segment = np.full(len(figures.ids), None, dtype=object)
    segment[buyers] = rfm_segments(r[buyers], f[buyers], m[buyers])
    recency = as_of_day - last_paid_day
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


# Cached columns in groups that usually change together. Writing only the groups that changed keeps the
# daily rescore (overdue and scores move, figures do not) away from the indexed figure columns.
GROUPS: dict[str, tuple[tuple[str, str], ...]] = {
    # group: (attribute on CachedRows or its figures, database column)
    "figures": (("order_count", "order_count"), ("paid_orders", "paid_orders"), ("paid_cents", "total_spent"),
                ("first_order", "first_order_at"), ("last_order", "last_order_at"), ("first_paid", "first_paid_at"),
                ("last_paid", "last_paid_at"), ("median_gap", "median_gap_days")),
    "stage": (("stage", "stage"), ("stage_since_day", "stage_since")),
    "scores": (("r", "r_score"), ("f", "f_score"), ("m", "m_score"), ("segment", "rfm_segment"),
               ("overdue", "overdue")),
}


def _attribute(rows: CachedRows, name: str) -> np.ndarray:
    return getattr(rows.figures, name) if hasattr(rows.figures, name) else getattr(rows, name)


def changed_groups(old: CachedRows, new: CachedRows) -> dict[str, np.ndarray]:
    """For each group of cached columns, which rows differ."""
    changed = {}
    for group, members in GROUPS.items():
        mask = np.zeros(len(new.figures.ids), dtype=bool)
        for name, _column in members:
            mask |= _differs(_attribute(old, name), _attribute(new, name))
        changed[group] = mask
    return changed


def changed_rows(old: CachedRows, new: CachedRows) -> np.ndarray:
    return np.logical_or.reduce(list(changed_groups(old, new).values()))


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


def _column_values(rows: CachedRows, name: str, chunk: np.ndarray, as_text: bool) -> list:
    """One cached column of the rows at `chunk`, ready to bind (dates as text for SQLite's raw path)."""
    values = _attribute(rows, name)[chunk]
    if name in ("first_order", "last_order", "first_paid", "last_paid"):
        return _datetimes(values, as_text)
    if name == "stage_since_day":
        days = values.astype("datetime64[D]")
        return np.datetime_as_string(days).tolist() if as_text else days.astype(object).tolist()
    if name == "stage":
        return [str(STAGES[code]) for code in values.tolist()]
    if name in ("r", "f", "m"):
        return [score or None for score in values.tolist()]
    if values.dtype.kind == "f":
        return _optional(values)
    return values.tolist()  # counts, cents (Money stores whole cents) and segment names


def write_rows(connection: Connection, rows: CachedRows, changed: dict[str, np.ndarray]) -> int:
    """Write, for each row, the groups of cached columns that changed; returns how many rows."""
    groups = list(changed)
    # Rows sharing the same set of changed groups share one UPDATE statement.
    pattern = sum(changed[group].astype(np.int64) << bit for bit, group in enumerate(groups))
    written = int(np.count_nonzero(pattern))
    columns = {column for group in groups if changed[group].any() for _name, column in GROUPS[group]}
    with indexes_built_after(connection, [CUSTOMER_TABLE], written, columns):
        for code in np.unique(pattern[pattern > 0]).tolist():
            members = [member for bit, group in enumerate(groups) if code >> bit & 1 for member in GROUPS[group]]
            positions = np.flatnonzero(pattern == code)
            for start in range(0, len(positions), WRITE_CHUNK):
                _write_chunk(connection, rows, members, positions[start : start + WRITE_CHUNK])
    return written


def _write_chunk(connection: Connection, rows: CachedRows, members: list[tuple[str, str]], chunk: np.ndarray) -> None:
    as_text = stores_dates_as_text(connection)
    values = [_column_values(rows, name, chunk, as_text) for name, _column in members]  # money as whole cents
    update_by_id(connection, CUSTOMER_TABLE, [column for _name, column in members],
                 zip(*values, rows.figures.ids[chunk].tolist(), strict=True))


def record_stage_changes(connection: Connection, old: CachedRows, new: CachedRows, as_of: date) -> int:
    # A row still without a stage day was not scored (a customer merged away before ever being scored).
    moved = np.flatnonzero(((old.stage != new.stage) | (old.stage_since_day == NONE)) & (new.stage_since_day != NONE))
    if not len(moved):
        return 0
    never_computed = (old.stage_since_day[moved] == NONE).tolist()
    names = ["customer_id", "stage", "previous_stage", "changed_on"]
    changed_on = as_of.isoformat() if stores_dates_as_text(connection) else as_of
    with indexes_built_after(connection, [StageChange.__table__], len(moved)):  # type: ignore[list-item]
        execute_rows(
            connection,
            insert(StageChange).values({name: bindparam(name) for name in names}),
            names,
            (
                (customer_id, str(STAGES[stage]), None if first else str(STAGES[previous]), changed_on)
                for customer_id, stage, previous, first in zip(
                    new.figures.ids[moved].tolist(), new.stage[moved].tolist(), old.stage[moved].tolist(),
                    never_computed, strict=True,
                )
            ),
        )
    return len(moved)


def refresh_customer_cache(
    connection: Connection,
    customer_ids: Iterable[int] | None = None,
    as_of: date | None = None,
    thresholds: StageThresholds | None = None,
    facts: OrderFacts | None = None,
) -> int:
    """Recompute the cached figures of `customer_ids` (all when None), rescore the shop, write what changed.

    `facts` are those customers' orders when the caller read them already (`refresh_derived` shares them
    with the loyalty recompute).

    When only a few customers changed on the day the shop was last scored, and the RFM quintiles did not move,
    only they are rescored. Runs inside the caller's transaction; returns how many customer rows were written.
    """
    as_of = as_of or date.today()
    thresholds = thresholds or load_thresholds(connection)
    ids = None if customer_ids is None else np.unique(np.fromiter(customer_ids, dtype=np.int64))
    if ids is not None and 0 < len(ids) <= TOUCHED_LIMIT:
        written = refresh_touched(connection, ids, as_of, thresholds, facts)
        if written is not None:
            return written
    old = load_cached_rows(connection)
    if facts is None:
        facts = load_order_facts(connection, as_of, None if ids is None else ids.tolist())
    fresh = figures_from_facts(facts, old.figures.ids if ids is None else ids)
    figures = fresh if ids is None else overlay_figures(old.figures, fresh)
    new = rescore(figures, old, as_of, thresholds)
    record_stage_changes(connection, old, new, as_of)
    written = write_rows(connection, new, changed_groups(old, new))
    _clear_merged_scores(connection)
    buyers = new.r > 0
    save_scoring(connection, Scoring(as_of, thresholds, _book_rows(connection),
                                     tuple(QuintileCuts.of(values[buyers]) for values in rfm_values(new))))
    _remember_scored_day(connection, as_of)
    return written


def refresh_touched(connection: Connection, ids: np.ndarray, as_of: date, thresholds: StageThresholds,
                    facts: OrderFacts | None = None) -> int | None:
    """Rescore just the customers `ids` (sorted) against the kept quintile cuts; None when the shop needs a
    full rescore: scored for another day or other thresholds, rows appeared or vanished unseen, a customer
    is gone, or the quintiles moved."""
    scoring = load_scoring(connection)
    if scoring is None or scoring.as_of != as_of or scoring.thresholds != thresholds:
        return None
    old = load_cached_rows(connection, ids.tolist())
    appeared = int(np.count_nonzero(old.stage_since_day == NONE))  # new customers, never scored
    if len(old.figures.ids) != len(ids) or _book_rows(connection) != scoring.rows + appeared:
        return None
    assert old.in_book is not None
    if facts is None:
        facts = load_order_facts(connection, as_of, ids.tolist())
    figures = figures_from_facts(facts, ids)
    # Buyers scored last time are those with an R score; those scored now are the buyers still in the book.
    was_buyer = old.r > 0
    buyer = old.in_book & (figures.paid_orders > 0) & (figures.last_paid_day >= 0)
    cuts, scores = [], []
    for kept, before, after in zip(scoring.cuts, rfm_values(old), rfm_values(figures), strict=True):
        moved = kept.moved(before[was_buyer], after[buyer])
        if moved is None:
            return None
        score = np.zeros(len(ids), dtype=np.int8)
        score[buyer] = moved.scores(after[buyer])
        cuts.append(moved)
        scores.append(score)
    new = _keep_merged(old, rescore(figures, old, as_of, thresholds, scores=tuple(scores)))  # type: ignore[arg-type]
    record_stage_changes(connection, old, new, as_of)
    written = write_rows(connection, new, changed_groups(old, new))
    moved_scoring = Scoring(as_of, thresholds, scoring.rows + appeared, tuple(cuts))  # type: ignore[arg-type]
    if moved_scoring != scoring:
        save_scoring(connection, moved_scoring)
    return written


def _keep_merged(old: CachedRows, new: CachedRows) -> CachedRows:
    """Customers merged away keep their cached columns but lose their RFM scores (they are no buyers now)."""
    assert old.in_book is not None
    gone = ~old.in_book
    if not gone.any():
        return new
    for name, _column in (*GROUPS["figures"], *GROUPS["stage"], ("overdue", "overdue")):
        _attribute(new, name)[gone] = _attribute(old, name)[gone]
    for name in ("r", "f", "m"):
        getattr(new, name)[gone] = 0
    new.segment[gone] = None
    return new


def rfm_values(rows: CachedRows | CustomerFigures) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """What R, F and M rank, higher is better: the last paid day, paid orders and paid cents."""
    figures = rows.figures if isinstance(rows, CachedRows) else rows
    return figures.last_paid_day, figures.paid_orders, figures.paid_cents


def _book_rows(connection: Connection) -> int:
    return int(connection.scalar(select(func.count()).select_from(Customer)) or 0)


def _clear_merged_scores(connection: Connection) -> None:
    # Only customers in the book are buyers: a merged-away row keeping its scores would count twice.
    connection.execute(
        update(Customer)
        .where(Customer.merged_into_id.is_not(None), Customer.r_score.is_not(None))
        .values(r_score=None, f_score=None, m_score=None, rfm_segment=None, updated_at=Customer.updated_at)
    )


@dataclass(frozen=True)
class Scoring:
    """What the last scoring of the shop was for, and where its quintiles fell (R, F, M)."""

    as_of: date
    thresholds: StageThresholds
    rows: int  # customer rows in the database then
    cuts: tuple[QuintileCuts, QuintileCuts, QuintileCuts]


def save_scoring(connection: Connection, scoring: Scoring) -> None:
    store_setting(connection, SCORING_KEY, {
        "as_of": scoring.as_of.isoformat(), "thresholds": scoring.thresholds.to_dict(), "rows": scoring.rows,
        "cuts": [cuts.to_json() for cuts in scoring.cuts],
    })


def load_scoring(connection: Connection) -> Scoring | None:
    stored = connection.scalar(select(Setting.value).where(Setting.key == SCORING_KEY))
    try:
        return Scoring(date.fromisoformat(stored["as_of"]), StageThresholds.from_dict(stored["thresholds"]),
                       int(stored["rows"]), tuple(QuintileCuts.from_json(cuts) for cuts in stored["cuts"]))  # type: ignore[arg-type]
    except (KeyError, TypeError, ValueError, LaokeError):  # none kept yet, or from another version
        return None


def _remember_scored_day(connection: Connection, as_of: date) -> None:
    store_setting(connection, SCORED_ON_KEY, as_of.isoformat())


def scored_on(connection: Connection) -> date | None:
    """The day stages, RFM and overdue were last computed for."""
    value = connection.scalar(select(Setting.value).where(Setting.key == SCORED_ON_KEY))
    return date.fromisoformat(value) if isinstance(value, str) else None


def rescore_if_stale(connection: Connection, today: date | None = None) -> int:
    """Stages age with the calendar: rescore everyone (from the cache, no order scan) when the last scoring
    was for an earlier day. Returns how many customers changed."""
    today = today or date.today()
    last = scored_on(connection)
    if last is not None and last >= today:
        return 0
    return refresh_customer_cache(connection, customer_ids=() if last is not None else None, as_of=today)

