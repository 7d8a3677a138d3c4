"""The Insights page's figures: the seeds' table, the charts' data, and which customers each bar stands for.

Everything is computed in memory from the order facts, as of the end of the chosen date range, so the page,
the CLI's `stats` and a chart "as of last March" all agree with the stage rules without reading the cache.
Each chart keeps, per bar or cell, the ids of the customers behind it: a click shows exactly those.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

import numpy as np
from sqlalchemy import Connection, select

from core.figures.arrays import distinct
from core.figures.customer_figures import CustomerFigures, figures_from_facts
from core.figures.lifecycle import STAGES, StageThresholds, load_thresholds, stage_codes
from core.figures.order_facts import (
    NONE,
    SECONDS_PER_DAY,
    OrderFacts,
    day_number,
    epoch_seconds,
    load_customers_known,
    load_order_facts,
    seconds_column,
)
from core.figures.rfm import SEGMENTS, rfm_segments, score_customers
from core.figures.rhythm import Gaps, group_medians, paid_gaps, repurchase_cycle_days
from core.figures.shops import in_shop
from core.store.models import PAID_STATUSES, Order, OrderLine

MAX_MONTHS = 24
COHORT_MONTHS = 12
GAP_BINS = (1, 15, 30, 45, 60, 90, 120, 180, 270, 365, 100_000)


def month_index(days: np.ndarray | int) -> np.ndarray:
    """Months since 1970-01 of day numbers."""
    return np.asarray(days).astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)


def month_label(index: int) -> str:
    return str(np.datetime64(int(index), "M"))


def month_end_day(index: int) -> int:
    return int(np.datetime64(int(index) + 1, "M").astype("datetime64[D]").astype(np.int64)) - 1


@dataclass
class Snapshot:
    """Every customer in the book as of one day: figures, stage and (buyers only) RFM scores."""

    as_of: date
    figures: CustomerFigures
    stage: np.ndarray  # codes into STAGES; customers not yet known as of that day are NONE
    r: np.ndarray  # 0 for non-buyers
    f: np.ndarray
    m: np.ndarray

    @property
    def ids(self) -> np.ndarray:
        return self.figures.ids


class StageClock:
    """Stages of every customer as of any day, from the orders, without recomputing money or rhythm.

    Orders are sorted by day once; asking for later and later days (the stages-by-month chart asks for 24
    month ends) only adds the orders placed since the previous day asked.
    """

    def __init__(self, facts: OrderFacts, ids: np.ndarray, known_seconds: np.ndarray,
                 thresholds: StageThresholds) -> None:
        positions = np.searchsorted(ids, facts.customer_id)
        inside = positions < len(ids)
        inside[inside] = ids[positions[inside]] == facts.customer_id[inside]
        day = facts.day[inside]
        by_day = np.argsort(day, kind="stable")
        self.positions, self.day, self.paid = positions[inside][by_day], day[by_day], facts.paid[inside][by_day]
        self.size = len(ids)
        self.known_day = known_seconds // SECONDS_PER_DAY
        self.thresholds = thresholds
        self._rewind()

    def _rewind(self) -> None:
        self.order_count = np.zeros(self.size, dtype=np.int64)
        self.paid_orders = np.zeros(self.size, dtype=np.int64)
        self.last_paid_day = np.full(self.size, NONE, dtype=np.int64)
        self.cursor, self.as_of_day = 0, NONE

    def stages(self, day: int) -> np.ndarray:
        """Each customer's stage at the end of `day` (NONE for someone not yet known then)."""
        if day < self.as_of_day:
            self._rewind()
        end = int(np.searchsorted(self.day, day, side="right"))
        placed = slice(self.cursor, end)
        self.order_count += np.bincount(self.positions[placed], minlength=self.size)
        paid = self.paid[placed]
        buyers, days = self.positions[placed][paid], self.day[placed][paid]
        self.paid_orders += np.bincount(buyers, minlength=self.size)
        np.maximum.at(self.last_paid_day, buyers, days)
        self.cursor, self.as_of_day = end, day
        codes = stage_codes(self.order_count, self.paid_orders, self.last_paid_day, day, self.thresholds)
        unknown = (self.order_count == 0) & (self.known_day > day)
        return np.where(unknown, NONE, codes).astype(np.int8)


def snapshot(facts: OrderFacts, ids: np.ndarray, known: np.ndarray, as_of: date,
             thresholds: StageThresholds) -> Snapshot:
    day = day_number(as_of)
    figures = figures_from_facts(facts, ids)
    stage = StageClock(facts, ids, known, thresholds).stages(day)
    r, f, m = score_customers(figures.paid_orders, figures.paid_cents, figures.last_paid_day, day)
    return Snapshot(as_of, figures, stage, r, f, m)


@dataclass(frozen=True)
class SeedRow:
    """One line of the seeds' table: a stage (or "all") and its buyers' figures."""

    key: str
    customers: int
    share: float  # of all customers known
    aov: Decimal | None  # average order value (客单价) of their paid orders; None without any
    revenue_share: float


def seeds_table(shot: Snapshot) -> list[SeedRow]:
    known = shot.stage != NONE
    total = int(known.sum())
    revenue = int(shot.figures.paid_cents[known].sum())
    rows = []
    for key, members in [("all", known), *((str(stage), shot.stage == code) for code, stage in enumerate(STAGES))]:
        cents = int(shot.figures.paid_cents[members].sum())
        orders = int(shot.figures.paid_orders[members].sum())
        rows.append(SeedRow(
            key=key,
            customers=int(members.sum()),
            share=round(int(members.sum()) / total, 4) if total else 0.0,
            aov=(Decimal(cents) / 100 / orders).quantize(Decimal("0.01")) if orders else None,
            revenue_share=round(cents / revenue, 4) if revenue else 0.0,
        ))
    return rows


def repeat_rate(figures: CustomerFigures) -> float | None:
    """Buyers with two or more paid orders, over buyers with at least one."""
    buyers = int((figures.paid_orders >= 1).sum())
    return round(int((figures.paid_orders >= 2).sum()) / buyers, 4) if buyers else None


@dataclass
class BarChart:
    """Bars by category (and, stacked, by series), and the customers behind each bar."""

    categories: list[str]
    series: list[str]
    values: np.ndarray  # categories x series
    ids: dict[tuple[int, int], np.ndarray] = field(default_factory=dict)

    def customers(self, category: int, series: int) -> np.ndarray:
        return self.ids.get((category, series), np.zeros(0, dtype=np.int64))


@dataclass
class StagesByMonth(BarChart):
    """Stages at each month's end. A month's stage codes for everyone are kept instead of id lists (24 lists
    covering 300,000 customers each would hold 58 MB); a bar's customers are picked out when asked for."""

    customer_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    codes: list[np.ndarray] = field(default_factory=list)

    def customers(self, category: int, series: int) -> np.ndarray:
        return self.customer_ids[self.codes[category] == series]


def stage_distribution(shot: Snapshot) -> BarChart:
    counts = np.array([[int((shot.stage == code).sum())] for code in range(len(STAGES))])
    ids = {(code, 0): shot.ids[shot.stage == code] for code in range(len(STAGES))}
    return BarChart([str(stage) for stage in STAGES], ["customers"], counts, ids)


def segment_distribution(shot: Snapshot) -> BarChart:
    """Buyers in each named RFM segment as of the snapshot's day."""
    buyers = shot.r > 0
    names = rfm_segments(shot.r[buyers], shot.f[buyers], shot.m[buyers])
    owners = shot.ids[buyers]
    chart = BarChart(list(SEGMENTS), ["customers"], np.zeros((len(SEGMENTS), 1), dtype=np.int64))
    for row, segment in enumerate(SEGMENTS):
        members = owners[names == segment]
        chart.values[row, 0] = len(members)
        chart.ids[(row, 0)] = members
    return chart


def month_range(start: date, end: date, limit: int = MAX_MONTHS) -> list[int]:
    first, last = int(month_index(day_number(start))), int(month_index(day_number(end)))
    return list(range(max(first, last - limit + 1), last + 1))


def stages_by_month(facts: OrderFacts, ids: np.ndarray, known: np.ndarray, start: date, end: date,
                    thresholds: StageThresholds) -> BarChart:
    """Customers in each stage at each month's end (the last month: at `end`), recomputed from the orders."""
    months = month_range(start, end)
    end_day = day_number(end)
    values = np.zeros((len(months), len(STAGES)), dtype=np.int64)
    chart = StagesByMonth([month_label(month) for month in months], [str(stage) for stage in STAGES], values,
                          customer_ids=ids)
    clock = StageClock(facts, ids, known, thresholds)
    for row, month in enumerate(months):
        codes = clock.stages(min(month_end_day(month), end_day))
        known_codes = codes[codes != NONE]
        values[row] = np.bincount(known_codes, minlength=len(STAGES))[: len(STAGES)]
        chart.codes.append(codes)
    return chart


def _first_paid_month(paid: OrderFacts, order_month: np.ndarray) -> np.ndarray:
    """For each paid order, the month of its buyer's first paid order (orders are sorted by buyer, time)."""
    if not len(paid):
        return order_month
    starts = np.r_[0, np.flatnonzero(paid.customer_id[1:] != paid.customer_id[:-1]) + 1]
    return np.repeat(order_month[starts], np.diff(np.r_[starts, len(paid)]))


def _buyers_by_cell(cell: np.ndarray, customer: np.ndarray, cells: int) -> tuple[np.ndarray, list[np.ndarray]]:
    """Distinct buyers per cell (cells numbered 0..cells-1): their count and ids, from one sort."""
    pairs = distinct((cell.astype(np.int64) << 32) | customer)
    pair_cell, pair_customer = pairs >> 32, pairs & 0xFFFFFFFF
    bounds = np.searchsorted(pair_cell, np.arange(cells + 1))
    return np.diff(bounds), [pair_customer[bounds[index]:bounds[index + 1]] for index in range(cells)]


def new_vs_returning(facts: OrderFacts, start: date, end: date) -> tuple[BarChart, BarChart]:
    """Per month: buyers whose first paid order fell in it (new) and the others who paid (returning);
    the second chart holds their paid revenue in yuan."""
    paid = facts.select(facts.paid)
    months = month_range(start, end)
    order_month = month_index(paid.day)
    returning = (order_month != _first_paid_month(paid, order_month)).astype(np.int64)
    row = order_month - months[0]
    inside = (row >= 0) & (row < len(months))
    cell = row[inside] * 2 + returning[inside]
    counts, members = _buyers_by_cell(cell, paid.customer_id[inside], 2 * len(months))
    cents = np.bincount(cell, weights=paid.cents[inside], minlength=2 * len(months))
    labels = [month_label(month) for month in months]
    buyers = BarChart(labels, ["new", "returning"], counts.reshape(-1, 2))
    revenue = BarChart(labels, ["new", "returning"], (cents / 100).reshape(-1, 2))
    for index, ids in enumerate(members):
        buyers.ids[divmod(index, 2)] = revenue.ids[divmod(index, 2)] = ids
    return buyers, revenue


def gap_histogram(gaps: Gaps, start: date, end: date) -> BarChart:
    """Days between a buyer's consecutive purchase days, for repeat purchases made within the range."""
    within = (gaps.end_day >= day_number(start)) & (gaps.end_day <= day_number(end))
    days, owners = gaps.days[within], gaps.customer_id[within]
    bins = np.digitize(days, GAP_BINS[1:-1])
    labels = [f"{low}–{high - 1}" for low, high in zip(GAP_BINS[:-2], GAP_BINS[1:-1], strict=True)]
    labels.append(f"{GAP_BINS[-2]}+")
    chart = BarChart(labels, ["gaps"], np.bincount(bins, minlength=len(labels)).reshape(-1, 1))
    for row in range(len(labels)):
        chart.ids[(row, 0)] = distinct(owners[bins == row])
    return chart


@dataclass
class Grid:
    """A table of cells (rows x columns) with a value each and the customers behind it."""

    rows: list[str]
    columns: list[str]
    values: np.ndarray
    ids: dict[tuple[int, int], np.ndarray] = field(default_factory=dict)

    def customers(self, row: int, column: int) -> np.ndarray:
        return self.ids.get((row, column), np.zeros(0, dtype=np.int64))

    # What a row or column stands for, as (lowest, highest), where a label alone would not say (RFM scores).
    row_ranges: list[tuple[int, int] | None] = field(default_factory=list)
    column_ranges: list[tuple[int, int] | None] = field(default_factory=list)


def _score_ranges(scores: np.ndarray, values: np.ndarray, held: list[int]) -> list[tuple[int, int] | None]:
    """The lowest and highest value behind each score held."""
    behind = (values[scores == score] for score in held)
    return [(int(members.min()), int(members.max())) for members in behind]


def _scores_held(scores: np.ndarray, order: range) -> list[int]:
    """The scores some buyer has, in `order`; all of them for a shop without buyers (an empty grid)."""
    held = [score for score in order if (scores == score).any()]
    return held or list(order)


def rfm_grid(shot: Snapshot) -> Grid:
    """Buyers by R score (rows, 5 at the top) and F score (columns), with what each score stands for.

    Ties leave some scores to nobody (most buyers order once, and all one-order buyers share one F score):
    a score no buyer has gets no row or column, rather than a line of zeros nobody could ever fill.
    """
    buyers = shot.r > 0
    r_held, f_held = _scores_held(shot.r[buyers], range(5, 0, -1)), _scores_held(shot.f[buyers], range(1, 6))
    grid = Grid([f"R{score}" for score in r_held], [f"F{score}" for score in f_held],
                np.zeros((len(r_held), len(f_held)), dtype=np.int64))
    for row, r in enumerate(r_held):
        for column, f in enumerate(f_held):
            members = shot.ids[(shot.r == r) & (shot.f == f)]
            grid.values[row, column] = len(members)
            grid.ids[(row, column)] = members
    if buyers.any():
        recency = day_number(shot.as_of) - shot.figures.last_paid_day
        grid.row_ranges = _score_ranges(shot.r[buyers], recency[buyers], r_held)
        grid.column_ranges = _score_ranges(shot.f[buyers], shot.figures.paid_orders[buyers], f_held)
    else:
        grid.row_ranges, grid.column_ranges = [None] * len(r_held), [None] * len(f_held)
    return grid


def cohort_retention(facts: OrderFacts, start: date, end: date) -> Grid:
    """Per month of first paid order (rows), the share of that cohort paying again k months later."""
    paid = facts.select(facts.paid)
    cohorts = month_range(start, end, limit=COHORT_MONTHS)
    grid = Grid([month_label(month) for month in cohorts], [f"+{k}" for k in range(COHORT_MONTHS)],
                np.full((len(cohorts), COHORT_MONTHS), np.nan))
    order_month = month_index(paid.day)
    first_month = _first_paid_month(paid, order_month)
    row, offset = first_month - cohorts[0], order_month - first_month
    inside = (row >= 0) & (row < len(cohorts)) & (offset < COHORT_MONTHS)
    counts, members = _buyers_by_cell(row[inside] * COHORT_MONTHS + offset[inside], paid.customer_id[inside],
                                      len(cohorts) * COHORT_MONTHS)
    counts = counts.reshape(len(cohorts), COHORT_MONTHS)
    last_month = int(month_index(day_number(end)))
    for index, cohort in enumerate(cohorts):
        size = counts[index, 0]  # everyone in a cohort paid in its first month
        seen = min(COHORT_MONTHS, last_month - cohort + 1)  # months that have begun by the end of the range
        if size:
            grid.values[index, :seen] = counts[index, :seen] / size
        for k in range(seen):
            grid.ids[(index, k)] = members[index * COHORT_MONTHS + k]
    return grid


@dataclass(frozen=True)
class ProductLines:
    """Paid order lines: who bought which product title on which day."""

    customer_id: np.ndarray
    day: np.ndarray
    title_code: np.ndarray  # index into titles
    titles: list[str]


def load_product_lines(connection: Connection, shop: str | None = None) -> ProductLines:
    paid = Order.status.in_([str(status) for status in PAID_STATUSES])
    rows = connection.execute(
        select(Order.customer_id, epoch_seconds(Order.created_at, connection.dialect.name), OrderLine.title)
        .join(Order, OrderLine.order_id == Order.id)
        .where(paid, Order.customer_id.is_not(None), Order.created_at.is_not(None), OrderLine.title.is_not(None),
               in_shop(shop))
    ).all()
    titles, codes = np.unique(np.array([row[2] for row in rows], dtype=object).astype(str), return_inverse=True)
    seconds = seconds_column(np.array([_seconds_of(row[1]) for row in rows], dtype=np.float64))
    return ProductLines(np.array([row[0] for row in rows], dtype=np.int64), seconds // SECONDS_PER_DAY,
                        codes.astype(np.int64), titles.tolist())


def _seconds_of(value: object) -> float:
    if isinstance(value, datetime):
        return (value - datetime(1970, 1, 1)).total_seconds()
    return float(value)  # type: ignore[arg-type]


@dataclass(frozen=True)
class ProductGaps:
    """Per product title some buyer bought again: the median days between their purchases of it, and who."""

    title_codes: np.ndarray
    median_days: np.ndarray
    buyers: list[np.ndarray]


def product_gaps(lines: ProductLines, end: date) -> ProductGaps:
    """The repurchase gap of every title bought again by the same buyer on a later day, up to `end`."""
    keep = lines.day <= day_number(end)
    title, customer, day = lines.title_code[keep], lines.customer_id[keep], lines.day[keep]
    order = np.lexsort((day, customer, title))
    title, customer, day = title[order], customer[order], day[order]
    same = (title[1:] == title[:-1]) & (customer[1:] == customer[:-1])
    gaps = np.diff(day)
    again = same & (gaps > 0)
    keys, medians, _counts = group_medians(title[1:][again], gaps[again].astype(np.float64))
    buyers = [distinct(customer[1:][again][title[1:][again] == key]) for key in keys]
    return ProductGaps(keys, medians, buyers)


def product_repurchase_gaps(lines: ProductLines, end: date, limit: int = 15) -> Grid:
    """The titles with the most repeat buyers first, with their median gap; ids are those repeat buyers."""
    gaps = product_gaps(lines, end)
    ranking = sorted(range(len(gaps.title_codes)),
                     key=lambda index: (-len(gaps.buyers[index]), gaps.median_days[index]))[:limit]
    grid = Grid([lines.titles[gaps.title_codes[index]] for index in ranking], ["buyers", "median_days"],
                np.array([[len(gaps.buyers[index]), gaps.median_days[index]] for index in ranking],
                         dtype=np.float64).reshape(-1, 2))
    for row, index in enumerate(ranking):
        grid.ids[(row, 0)] = grid.ids[(row, 1)] = gaps.buyers[index]
    return grid


@dataclass
class Insights:
    """Everything the Insights page shows for one date range."""

    start: date
    end: date
    seeds: list[SeedRow]
    repeat_rate: float | None
    repurchase_cycle_days: float | None
    stage_distribution: BarChart
    segment_distribution: BarChart
    stages_by_month: StagesByMonth
    new_returning_buyers: BarChart
    new_returning_revenue: BarChart
    gap_histogram: BarChart
    rfm_grid: Grid
    cohorts: Grid
    product_gaps: Grid


@dataclass
class ShopData:
    """What every figure is computed from, loaded once per refresh of the page."""

    facts: OrderFacts
    ids: np.ndarray
    known: np.ndarray
    thresholds: StageThresholds
    lines: ProductLines


def load_shop_data(connection: Connection, as_of: date, shop: str | None = None) -> ShopData:
    """The whole book's data, or one shop's (its orders and the buyers who placed them) when `shop` is given."""
    ids, known = load_customers_known(connection, shop)
    return ShopData(load_order_facts(connection, as_of, shop=shop), ids, known, load_thresholds(connection),
                    load_product_lines(connection, shop))


def build_insights(data: ShopData, start: date, end: date) -> Insights:
    facts = data.facts.select(data.facts.seconds < (day_number(end) + 1) * SECONDS_PER_DAY)
    shot = snapshot(facts, data.ids, data.known, end, data.thresholds)
    buyers, revenue = new_vs_returning(facts, start, end)
    return Insights(
        start=start,
        end=end,
        seeds=seeds_table(shot),
        repeat_rate=repeat_rate(shot.figures),
        repurchase_cycle_days=repurchase_cycle_days(facts),
        stage_distribution=stage_distribution(shot),
        segment_distribution=segment_distribution(shot),
        stages_by_month=stages_by_month(facts, data.ids, data.known, start, end, data.thresholds),
        new_returning_buyers=buyers,
        new_returning_revenue=revenue,
        gap_histogram=gap_histogram(paid_gaps(facts), start, end),
        rfm_grid=rfm_grid(shot),
        cohorts=cohort_retention(facts, start, end),
        product_gaps=product_repurchase_gaps(data.lines, end),
    )


def shop_health(connection: Connection, as_of: date, shop: str | None = None) -> dict[str, object]:
    """Stage counts, repeat rate, average order value and repurchase cycle as of a day (for `stats`), of the
    whole book or of one shop."""
    ids, known = load_customers_known(connection, shop)
    data = ShopData(load_order_facts(connection, as_of, shop=shop), ids, known, load_thresholds(connection),
                    ProductLines(*(np.zeros(0, dtype=np.int64),) * 3, []))
    shot = snapshot(data.facts, data.ids, data.known, as_of, data.thresholds)
    orders = int(shot.figures.paid_orders.sum())
    cents = int(shot.figures.paid_cents.sum())
    return {
        "stages": {str(stage): int((shot.stage == code).sum()) for code, stage in enumerate(STAGES)},
        "repeat_rate": repeat_rate(shot.figures),
        "aov": str((Decimal(cents) / 100 / orders).quantize(Decimal("0.01"))) if orders else None,
        "repurchase_cycle_days": repurchase_cycle_days(data.facts),
    }
