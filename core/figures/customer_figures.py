"""Each buyer's order figures (counts, money, first and last dates, rhythm) from their orders, vectorised."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.figures.arrays import runs
from core.figures.order_facts import NONE, SECONDS_PER_DAY, OrderFacts
from core.figures.rhythm import mean_gap_days, median_gap_days, paid_gaps


@dataclass
class CustomerFigures:
    """Arrays aligned with `ids` (sorted); timestamps in epoch seconds, NONE when there is none."""

    ids: np.ndarray
    order_count: np.ndarray
    paid_orders: np.ndarray
    paid_cents: np.ndarray
    first_order: np.ndarray
    last_order: np.ndarray
    first_paid: np.ndarray
    last_paid: np.ndarray
    median_gap: np.ndarray  # float days, NaN without two purchase days
    mean_gap: np.ndarray

    @property
    def last_paid_day(self) -> np.ndarray:
        return np.where(self.last_paid == NONE, NONE, self.last_paid // SECONDS_PER_DAY)


def _first_and_last(positions: np.ndarray, seconds: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    # Orders are sorted by customer then time, so a group's first entry is its earliest and its last the latest.
    first = np.full(size, NONE, dtype=np.int64)
    last = np.full(size, NONE, dtype=np.int64)
    if len(positions):
        keys, starts, counts = runs(positions)
        first[keys] = seconds[starts]
        last[keys] = seconds[starts + counts - 1]
    return first, last


def figures_from_facts(facts: OrderFacts, ids: np.ndarray) -> CustomerFigures:
    """The figures of the customers `ids` (sorted); orders of anyone else are ignored."""
    size = len(ids)
    positions = np.searchsorted(ids, facts.customer_id)
    known = positions < size
    known[known] = ids[positions[known]] == facts.customer_id[known]
    facts = facts.select(known)
    positions = positions[known]
    paid_positions = positions[facts.paid]
    first_order, last_order = _first_and_last(positions, facts.seconds, size)
    first_paid, last_paid = _first_and_last(paid_positions, facts.seconds[facts.paid], size)
    gaps = paid_gaps(facts)
    return CustomerFigures(
        ids=ids,
        order_count=np.bincount(positions, minlength=size).astype(np.int64),
        paid_orders=np.bincount(paid_positions, minlength=size).astype(np.int64),
        paid_cents=np.rint(
            np.bincount(paid_positions, weights=facts.cents[facts.paid], minlength=size)
        ).astype(np.int64),
        first_order=first_order,
        last_order=last_order,
        first_paid=first_paid,
        last_paid=last_paid,
        median_gap=median_gap_days(ids, gaps),
        mean_gap=mean_gap_days(ids, gaps),
    )
