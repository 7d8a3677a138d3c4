"""The repurchase forecast on every buyer: P(alive), expected purchases in 90 days, the next order's value
and an expected next-order date, from the models in core.loyalty.predict fitted to the shop.

The model is refitted once a day (and after a large import) and kept in the settings; an import or edit
rescores only the buyers it touched with the kept model. A shop with too few repeat buyers gets no forecast:
the kept model says so, every forecast column is empty and the list falls back to the overdue view.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from hashlib import blake2b
from typing import Any

import numpy as np
from sqlalchemy import Connection, delete, select

from core.figures import order_facts
from core.figures.order_facts import (
    NONE,
    SECONDS_PER_DAY,
    day_number,
    epoch_seconds,
    fetch_numbers,
    fetch_numbers_among,
)
from core.loyalty.predict import (
    HORIZON_DAYS,
    MIN_REPEAT_BUYERS,
    BgNbd,
    GammaGamma,
    expected_order_value,
    expected_purchases,
    fit_bg_nbd,
    fit_gamma_gamma,
    next_order_days,
    p_alive,
)
from core.store.bulk import stores_dates_as_text, update_by_id
from core.store.models import Customer, Setting
from core.store.settings import store_setting

MODEL_KEY = "forecast.model"
# A fit on this many buyers (a fixed random sample of bigger shops) pins the four parameters well; all of
# 300,000 would cost the optimiser a minute.
FIT_SAMPLE = 20_000
# A large import refits the model rather than rescoring with yesterday's.
REFIT_AFTER = 10_000
ALIVE_FOR_A_DATE = 0.5
# P(alive), expected purchases in 90 days and the next order's value are stored as the list and the detail
# show them (a whole percent, a tenth, whole yuan): a forecast that moved less is not rewritten, which on a
# day's refit spares most of a shop's buyers whose chance of still buying barely moved.
SHOWN_DECIMALS = (2, 1, 0)
# What everyone's forecast was last written from (`_inputs_stamp`): a forecast of everyone that finds the same
# writes nothing and so need not compute anything. A forecast written by id forgets it.
STAMP_KEY = "forecast.stamp"
# Change it whenever `forecast` would give other forecasts for the same buyers and model.
FORECAST_SCHEME = 1


@dataclass(frozen=True)
class Buyers:
    """Each buyer's purchase history as the models read it, in days (a purchase day is one visit)."""

    ids: np.ndarray
    x: np.ndarray  # repeat purchase days
    t_x: np.ndarray  # days from the first purchase to the last
    T: np.ndarray  # days from the first purchase to the day forecast  # noqa: N815
    mean_repeat: np.ndarray  # mean yuan of the repeat purchase days (0 without any)


def summarise(orders: order_facts.OrderFacts, as_of: date) -> Buyers:
    paid = orders.paid & (orders.cents > 0) & (orders.seconds >= 0)
    day = orders.seconds[paid] // SECONDS_PER_DAY
    today = day_number(as_of)
    inside = day <= today
    customer, day, cents = orders.customer_id[paid][inside], day[inside], orders.cents[paid][inside]
    visits, where = np.unique((customer << 20) | day, return_inverse=True)  # one per buyer and purchase day
    visit_cents = np.bincount(where, weights=cents, minlength=len(visits))
    visit_customer, visit_day = visits >> 20, visits & 0xFFFFF
    ids, first_visit, count = np.unique(visit_customer, return_index=True, return_counts=True)
    first, last = visit_day[first_visit], visit_day[first_visit + count - 1]
    total = np.add.reduceat(visit_cents, first_visit) if len(ids) else np.zeros(0)
    x = count - 1
    repeat_cents = total - visit_cents[first_visit]
    mean_repeat = np.where(x > 0, repeat_cents / np.maximum(x, 1) / 100, 0.0)
    return Buyers(ids, x.astype(np.float64), (last - first).astype(np.float64), (today - first).astype(np.float64),
                  mean_repeat)


@dataclass(frozen=True)
class ShopModel:
    fitted_on: date
    repeat_buyers: int
    bg_nbd: BgNbd | None  # None: too few repeat buyers to fit
    gamma_gamma: GammaGamma | None

    def to_dict(self) -> dict[str, Any]:
        return {"fitted_on": self.fitted_on.isoformat(), "repeat_buyers": self.repeat_buyers,
                "bg_nbd": self.bg_nbd and self.bg_nbd.to_dict(),
                "gamma_gamma": self.gamma_gamma and self.gamma_gamma.to_dict()}

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> ShopModel:
        return cls(date.fromisoformat(values["fitted_on"]), int(values["repeat_buyers"]),
                   values["bg_nbd"] and BgNbd(**values["bg_nbd"]),
                   values["gamma_gamma"] and GammaGamma(**values["gamma_gamma"]))


def load_model(connection: Connection) -> ShopModel | None:
    stored = connection.scalar(select(Setting.value).where(Setting.key == MODEL_KEY))
    try:
        return ShopModel.from_dict(stored)
    except (KeyError, TypeError, ValueError):
        return None


def fit_shop_model(buyers: Buyers, as_of: date, last: ShopModel | None = None) -> ShopModel:
    """The shop's models fitted to its buyers, the search starting from the `last` fit where there is one."""
    repeat = int(np.count_nonzero(buyers.x > 0))
    if repeat < MIN_REPEAT_BUYERS:
        return ShopModel(as_of, repeat, None, None)
    sample = np.arange(len(buyers.ids))
    if len(sample) > FIT_SAMPLE:
        sample = np.sort(np.random.default_rng(24).choice(sample, FIT_SAMPLE, replace=False))
    bg = fit_bg_nbd(buyers.x[sample], buyers.t_x[sample], buyers.T[sample], start=last and last.bg_nbd)
    gg = fit_gamma_gamma(buyers.x[sample], buyers.mean_repeat[sample], start=last and last.gamma_gamma)
    return ShopModel(as_of, repeat, bg, gg if gg.q > 1 else None)  # q <= 1: the mean value is infinite


@dataclass(frozen=True)
class Forecast:
    ids: np.ndarray
    p_alive: np.ndarray  # NaN: no forecast
    expected: np.ndarray
    value: np.ndarray
    next_day: np.ndarray  # days since 1970, NONE for none


def forecast(model: ShopModel, buyers: Buyers, as_of: date) -> Forecast:
    """Each buyer's forecast from their history, weighed against the shop's as the fit says: where buyers
    hardly differ (every regular on one cadence and basket), the fit drives the spread parameters to their
    bound (alpha, b, q at e**9) and scores everyone near the shop's average, so a buyer's new order, even a
    large one today, may move their forecast by less than is shown (`SHOWN_DECIMALS`) and write nothing."""
    size = len(buyers.ids)
    if model.bg_nbd is None:
        empty = np.full(size, np.nan)
        return Forecast(buyers.ids, empty, empty, empty, np.full(size, NONE, dtype=np.int64))
    bg = model.bg_nbd
    alive = p_alive(bg, buyers.x, buyers.t_x, buyers.T)
    expected = expected_purchases(bg, HORIZON_DAYS, buyers.x, buyers.t_x, buyers.T)
    value = (expected_order_value(model.gamma_gamma, buyers.x, buyers.mean_repeat) if model.gamma_gamma
             else np.full(size, np.nan))
    value = np.where(buyers.x > 0, value, np.nan)  # one purchase says nothing of what the next is worth
    next_day = np.full(size, NONE, dtype=np.int64)
    dated = np.flatnonzero(alive >= ALIVE_FOR_A_DATE)
    if len(dated):
        days = next_order_days(bg, buyers.x[dated], buyers.t_x[dated], buyers.T[dated])
        found = ~np.isnan(days)
        next_day[dated[found]] = day_number(as_of) + days[found].astype(np.int64)
    return Forecast(buyers.ids, alive, expected, value, next_day)


def refit_due(model: ShopModel | None, customer_ids: Sequence[int] | None, as_of: date) -> bool:
    """Whether the kept model should be refitted before it scores these customers: it was fitted on another
    day, never, or many customers changed."""
    return model is None or model.fitted_on != as_of or (customer_ids is not None and len(customer_ids) > REFIT_AFTER)


def refresh_forecast(connection: Connection, customer_ids: Sequence[int] | None, as_of: date,
                     orders: order_facts.OrderFacts | None = None, *, refit: bool | None = None,
                     in_book: np.ndarray | None = None) -> int:
    """Forecast these customers (all when None) with the shop's model, refitting it first when `refit` says
    so (None: when `refit_due`). Without a refit a shop that has no model yet gets no forecast. Returns how many
    rows were written.

    `in_book` is the sorted ids of everyone in the book (not merged away) when the caller read them already:
    a forecast of everyone stamps them."""
    model = load_model(connection)
    if refit is None:
        refit = refit_due(model, customer_ids, as_of)
    if not refit and model is None:
        return 0
    if refit and customer_ids is not None:
        customer_ids, orders = None, None  # the model is fitted to the whole shop's orders
    if orders is None:
        orders = order_facts.load_order_facts(connection, as_of, None if customer_ids is None else list(customer_ids))
    buyers = summarise(orders, as_of)
    if refit:
        model = fit_shop_model(buyers, as_of, last=model)
        store_setting(connection, MODEL_KEY, model.to_dict())
    assert model is not None
    if customer_ids is not None:
        written = _write(connection, forecast(model, buyers, as_of), customer_ids)
        if written:
            connection.execute(delete(Setting).where(Setting.key == STAMP_KEY))
        return written
    stamp = _inputs_stamp(connection, model, buyers, as_of, in_book)
    if connection.scalar(select(Setting.value).where(Setting.key == STAMP_KEY)) == stamp:
        return 0  # every forecast is still the one these inputs give
    written = _write(connection, forecast(model, buyers, as_of), None)
    store_setting(connection, STAMP_KEY, stamp)
    return written


def _inputs_stamp(connection: Connection, model: ShopModel, buyers: Buyers, as_of: date,
                  in_book: np.ndarray | None = None) -> str:
    """A digest of all that everyone's forecast is computed from: the model, the day, each buyer's history and
    who is in the book (a customer in it without purchases has no forecast; `in_book` when read already)."""
    if in_book is None:
        in_book = fetch_numbers(connection, select(Customer.id).where(Customer.merged_into_id.is_(None))
                                .order_by(Customer.id))[:, 0].astype(np.int64)
    digest = blake2b(repr((FORECAST_SCHEME, model.to_dict(), as_of.isoformat())).encode(), digest_size=16)
    for values in (in_book, buyers.ids, buyers.x, buyers.t_x, buyers.T, buyers.mean_repeat):
        digest.update(np.ascontiguousarray(values).tobytes())
    return digest.hexdigest()


def _write(connection: Connection, new: Forecast, customer_ids: Sequence[int] | None) -> int:
    """Write the forecasts that changed as shown (`SHOWN_DECIMALS`, the next order to the day); customers in
    scope without purchases get none."""
    statement = select(Customer.id, Customer.p_alive, Customer.expected_90d, Customer.next_order_value,
                       epoch_seconds(Customer.next_order_on, connection.dialect.name)) \
        .where(Customer.merged_into_id.is_(None)).order_by(Customer.id)
    old = fetch_numbers_among(connection, statement, Customer.id,
                              None if customer_ids is None else sorted(set(customer_ids)))
    rows = old[:, 0].astype(np.int64)
    positions = np.searchsorted(new.ids, rows)
    known = positions < len(new.ids)
    known[known] = new.ids[positions[known]] == rows[known]
    wanted = np.full((len(rows), 4), np.nan)
    taken = positions[known]
    wanted[known] = np.column_stack([new.p_alive[taken], new.expected[taken], new.value[taken],
                                     np.where(new.next_day[taken] == NONE, np.nan, new.next_day[taken])])
    wanted[:, :3] = _as_shown(wanted[:, :3])
    before = np.column_stack([_as_shown(old[:, 1:4]), np.where(old[:, 4] < 0, np.nan, old[:, 4] // SECONDS_PER_DAY)])
    same = (wanted == before) | (np.isnan(wanted) & np.isnan(before))
    changed = np.flatnonzero(~same.all(axis=1))
    if len(changed):
        update_by_id(connection, Customer.__table__,  # type: ignore[arg-type]
                     ["p_alive", "expected_90d", "next_order_value", "next_order_on"],
                     _rows(wanted[changed], rows[changed], stores_dates_as_text(connection)))
    return len(changed)


def _as_shown(numbers: np.ndarray) -> np.ndarray:
    """P(alive), expected purchases and the next order's value (columns) rounded as the window shows them."""
    return np.column_stack([np.round(numbers[:, column], decimals) for column, decimals in enumerate(SHOWN_DECIMALS)])


def _rows(values: np.ndarray, customer_ids: np.ndarray, as_text: bool) -> Iterator[tuple]:
    """The update's rows, built column by column: a Python function per row cost 2 s for 270,000 of them."""
    dated = ~np.isnan(values[:, 3])
    days = np.where(dated, values[:, 3], 0).astype(np.int64).astype("datetime64[D]")
    next_on = (days.astype(str) if as_text else days.astype(object)).astype(object)
    next_on[~dated] = None
    columns = []
    for column in range(3):
        numbers = values[:, column].astype(object)
        numbers[np.isnan(values[:, column])] = None
        columns.append(numbers.tolist())
    return zip(*columns, next_on.tolist(), customer_ids.tolist(), strict=True)
