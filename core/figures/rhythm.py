"""Buying rhythm: the days between a buyer's paid orders, and how overdue their next one is.

Gaps count whole calendar days between distinct purchase days; two orders on the same day are one visit
(a split basket), so they add no gap of zero that would make every later day look "overdue".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
from sqlalchemy import Connection

from core.figures.arrays import runs
from core.figures.order_facts import OrderFacts, day_number, load_order_facts


@dataclass(frozen=True)
class Gaps:
    """One entry per gap between two consecutive purchase days of the same buyer."""

    customer_id: np.ndarray
    days: np.ndarray
    end_day: np.ndarray  # the day of the later order


def paid_gaps(facts: OrderFacts) -> Gaps:
    paid = facts.select(facts.paid)
    day = paid.day
    same_buyer = paid.customer_id[1:] == paid.customer_id[:-1]
    days = np.diff(day)
    keep = same_buyer & (days > 0)
    return Gaps(paid.customer_id[1:][keep], days[keep], day[1:][keep])


def group_medians(groups: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The distinct groups, each one's median value and count (vectorised: one sort, no Python loop)."""
    if len(groups) == 0:
        empty = np.zeros(0)
        return groups[:0], empty, empty.astype(np.int64)
    order = np.lexsort((values, groups))
    groups, values = groups[order], values[order]
    keys, starts, counts = runs(groups)
    lower = values[starts + (counts - 1) // 2]
    upper = values[starts + counts // 2]
    return keys, (lower + upper) / 2.0, counts


def median_gap_days(ids: np.ndarray, gaps: Gaps) -> np.ndarray:
    """Each customer's median gap in days (NaN without two purchase days), aligned with sorted `ids`."""
    result = np.full(len(ids), np.nan)
    keys, medians, _counts = group_medians(gaps.customer_id, gaps.days.astype(np.float64))
    if len(keys):
        result[np.searchsorted(ids, keys)] = medians
    return result


def mean_gap_days(ids: np.ndarray, gaps: Gaps) -> np.ndarray:
    result = np.full(len(ids), np.nan)
    positions = np.searchsorted(ids, gaps.customer_id)
    totals = np.bincount(positions, weights=gaps.days, minlength=len(ids))
    counts = np.bincount(positions, minlength=len(ids))
    has = counts > 0
    result[has] = totals[has] / counts[has]
    return result


def overdue_ratio(days_since_last_paid: np.ndarray, median_gap: np.ndarray) -> np.ndarray:
    """Days since the last paid order over the buyer's own median gap; NaN where there is no rhythm yet.

    1.0 means "about when they usually come back"; 2.0 means twice as long as usual.
    """
    result = np.full(len(median_gap), np.nan)
    known = np.isfinite(median_gap) & (median_gap > 0) & (days_since_last_paid >= 0)
    # One decimal is all a reader needs, and it moves every few days rather than daily, so the daily rescore
    # rewrites far fewer rows.
    result[known] = np.round(days_since_last_paid[known] / median_gap[known], 1)
    return result


def repurchase_cycle_days(facts: OrderFacts) -> float | None:
    """The shop's repurchase cycle: the median days from a buyer's first to second paid purchase day."""
    gaps = paid_gaps(facts)
    if len(gaps.days) == 0:
        return None
    first_gap = np.r_[True, gaps.customer_id[1:] != gaps.customer_id[:-1]]
    return float(np.median(gaps.days[first_gap]))


@dataclass(frozen=True)
class BuyingRhythm:
    """One buyer's rhythm, for the customer detail: the gaps themselves and what they add up to."""

    gaps_days: list[int]
    mean_gap_days: float | None
    median_gap_days: float | None
    days_since_last_paid: int | None
    overdue: float | None


def buying_rhythm(connection: Connection, customer_id: int, as_of: date | None = None) -> BuyingRhythm:
    """The days between this customer's purchase days, their mean and median, and how overdue they are."""
    as_of = as_of or date.today()
    facts = load_order_facts(connection, as_of, [customer_id])
    gaps = paid_gaps(facts).days.astype(int).tolist()
    paid_days = facts.day[facts.paid]
    since = day_number(as_of) - int(paid_days.max()) if len(paid_days) else None
    median = float(np.median(gaps)) if gaps else None
    overdue = overdue_ratio(np.array([since if since is not None else -1], dtype=np.float64),
                            np.array([median if median is not None else np.nan]))[0]
    return BuyingRhythm(
        gaps_days=gaps,
        mean_gap_days=round(float(np.mean(gaps)), 1) if gaps else None,
        median_gap_days=median,
        days_since_last_paid=since,
        overdue=None if np.isnan(overdue) else float(overdue),
    )
