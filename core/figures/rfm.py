"""RFM: how recently, how often and how much each buyer paid, scored 1–5 against the rest of the shop.

Scores are quintiles of the shop's own buyers, by percentile rank with ties sharing their mid-rank: every
one-order buyer gets the same F score, and a shop whose buyers all look alike scores them all 3 rather than
spreading equals across five bins. That keeps the scores meaningful for a shop with a few hundred buyers.
"""

from __future__ import annotations

import numpy as np

SEGMENTS = (
    "champions",
    "loyal",
    "promising",
    "cant_lose",
    "at_risk",
    "needs_attention",
    "hibernating",
    "lost",
)


def quintile_scores(values: np.ndarray, higher_is_better: bool = True) -> np.ndarray:
    """1–5 by mid-rank percentile within `values`; equal values always get equal scores."""
    values = np.asarray(values, dtype=np.float64)
    count = len(values)
    if count == 0:
        return np.zeros(0, dtype=np.int8)
    ranked = values if higher_is_better else -values
    _distinct, group, ties = np.unique(ranked, return_inverse=True, return_counts=True)
    return standing_scores(np.cumsum(ties) - ties, ties, count)[group]


def standing_scores(below: np.ndarray, ties: np.ndarray, count: int) -> np.ndarray:
    """The 1–5 score of values with `below` buyers under them and `ties` buyers on them, of `count` buyers."""
    mid_rank = np.asarray(below) + np.asarray(ties) / 2.0  # buyers below, counting half of the ties
    return np.clip(np.floor(5.0 * mid_rank / count) + 1, 1, 5).astype(np.int8)


def rfm_scores(
    recency_days: np.ndarray, paid_orders: np.ndarray, paid_cents: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """R, F and M scores of buyers (everyone given must have at least one paid order)."""
    return (
        quintile_scores(recency_days, higher_is_better=False),
        quintile_scores(paid_orders),
        quintile_scores(paid_cents),
    )


def score_customers(
    paid_orders: np.ndarray, paid_cents: np.ndarray, last_paid_day: np.ndarray, as_of_day: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """R, F and M of every customer (0 for those without a paid order), scored among the buyers only."""
    r, f, m = (np.zeros(len(paid_orders), dtype=np.int8) for _ in range(3))
    buyers = (paid_orders > 0) & (last_paid_day >= 0)
    if buyers.any():
        r[buyers], f[buyers], m[buyers] = rfm_scores(
            as_of_day - last_paid_day[buyers], paid_orders[buyers], paid_cents[buyers]
        )
    return r, f, m


def rfm_segments(r: np.ndarray, f: np.ndarray, m: np.ndarray) -> np.ndarray:
    """The named segment of each buyer, from R and the rounded mean of F and M (first rule that matches)."""
    r = np.asarray(r)
    value = (np.asarray(f, dtype=np.int16) + np.asarray(m, dtype=np.int16) + 1) // 2
    conditions = [
        (r >= 4) & (value >= 4),  # bought lately, often and much
        (r >= 3) & (value >= 3),
        r >= 4,  # bought lately, not much yet
        (r <= 2) & (value >= 4),  # were among the best, gone quiet
        (r <= 2) & (value == 3),
        r == 3,
        r == 2,
    ]
    return np.select(conditions, list(SEGMENTS[:-1]), default=SEGMENTS[-1]).astype(object)


def rfm_segment(r: int, f: int, m: int) -> str:
    return str(rfm_segments(np.array([r]), np.array([f]), np.array([m]))[0])
