"""How well the repurchase forecast fits this shop: the model fitted on the shop's orders up to a cut-off
(calibration), its expected repeat purchases after it compared with what each buyer actually bought then
(holdout), per group of buyers by how often they came back before the cut-off. The same check as on CDNOW
(bench/cdnow_check.py), on the shop's own orders.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from sqlalchemy import Connection

from core.figures.arrays import distinct
from core.figures.order_facts import SECONDS_PER_DAY, OrderFacts, day_number, load_order_facts
from core.loyalty.forecast import fit_shop_model, summarise
from core.loyalty.predict import expected_purchases

HOLDOUT_MAX_DAYS = 365
HOLDOUT_MIN_DAYS = 28
TOP_GROUP = 7  # buyers with this many repeat purchase days or more form the last group ("7+")


@dataclass(frozen=True)
class FrequencyGroup:
    repeats: int | None  # repeat purchase days before the cut-off (TOP_GROUP: that many or more; None: everyone)
    buyers: int
    actual: float  # mean repeat purchase days after the cut-off
    predicted: float


@dataclass(frozen=True)
class HoldoutCheck:
    calibration_end: date
    holdout_end: date
    repeat_buyers: int  # buyers who came back before the cut-off: below MIN_REPEAT_BUYERS, no model, no groups
    groups: tuple[FrequencyGroup, ...]

    @property
    def fitted(self) -> bool:
        return bool(self.groups)


def frequency_groups(x: np.ndarray, actual: np.ndarray, predicted: np.ndarray) -> tuple[FrequencyGroup, ...]:
    """Mean actual and predicted holdout purchases by calibration repeats 0..6, 7+, then everyone."""
    groups = []
    for repeats in range(TOP_GROUP + 1):
        members = x >= repeats if repeats == TOP_GROUP else x == repeats
        if members.any():
            groups.append(FrequencyGroup(repeats, int(members.sum()), float(actual[members].mean()),
                                         float(predicted[members].mean())))
    if len(x):
        groups.append(FrequencyGroup(None, len(x), float(actual.mean()), float(predicted.mean())))
    return tuple(groups)


def holdout_days(orders: OrderFacts, as_of: date) -> int:
    """Half of the shop's history, at most a year: enough before the cut-off to fit, enough after to count."""
    if not len(orders):
        return HOLDOUT_MIN_DAYS
    first = int(orders.seconds[orders.seconds >= 0].min(initial=day_number(as_of) * SECONDS_PER_DAY)
                // SECONDS_PER_DAY)
    return int(np.clip((day_number(as_of) - first) // 2, HOLDOUT_MIN_DAYS, HOLDOUT_MAX_DAYS))


def holdout_purchases(orders: OrderFacts, ids: np.ndarray, after: date, until: date) -> np.ndarray:
    """Each buyer's purchase days after `after` up to `until`, aligned with `ids` (sorted)."""
    paid = orders.paid & (orders.cents > 0) & (orders.seconds >= 0)
    day = orders.seconds[paid] // SECONDS_PER_DAY
    inside = (day > day_number(after)) & (day <= day_number(until))
    visits = distinct((orders.customer_id[paid][inside] << 20) | day[inside])
    positions = np.searchsorted(ids, visits >> 20)
    known = positions < len(ids)
    known[known] = ids[positions[known]] == (visits >> 20)[known]
    return np.bincount(positions[known], minlength=len(ids)).astype(np.float64)


def holdout_check(connection: Connection, as_of: date | None = None, days: int | None = None) -> HoldoutCheck:
    """Fit on the orders up to `days` (half the history, at most a year) before `as_of`, compare after."""
    as_of = as_of or date.today()
    orders = load_order_facts(connection, as_of)
    days = days or holdout_days(orders, as_of)
    cut_off = as_of - timedelta(days=days)
    buyers = summarise(orders, cut_off)
    model = fit_shop_model(buyers, cut_off)
    if model.bg_nbd is None:
        return HoldoutCheck(cut_off, as_of, model.repeat_buyers, ())
    predicted = expected_purchases(model.bg_nbd, float(days), buyers.x, buyers.t_x, buyers.T)
    actual = holdout_purchases(orders, buyers.ids, cut_off, as_of)
    return HoldoutCheck(cut_off, as_of, model.repeat_buyers, frequency_groups(buyers.x, actual, predicted))
