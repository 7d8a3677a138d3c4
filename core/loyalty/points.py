"""The points ledger: points earned per yuan of each paid order, taken back when the order's net paid amount
falls or the order leaves the buyer, adjusted and redeemed by hand, and lapsing when they expire.

Order entries are reconciled, not appended blindly: for every (buyer, order) the ledger should hold exactly
what the order earns now, so re-importing the same sheet writes nothing, and an undone import or a refund
writes one entry taking the difference back. The balance is the sum of the ledger, cached on Customer.points.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
from sqlalchemy import Connection, bindparam, case, func, insert, select
from sqlalchemy.orm import Session

from core.errors import LaokeError
from core.figures.arrays import distinct
from core.figures.order_facts import (
    NONE,
    SECONDS_PER_DAY,
    OrderFacts,
    day_number,
    epoch_seconds,
    fetch_numbers_among,
    fetch_whole_table,
    seconds_column,
)
from core.messages import Message
from core.store.bulk import execute_rows, indexes_built_after, stores_dates_as_text, update_by_id
from core.store.models import Customer, Order, PointEntry, PointKind, Setting, TierChange

POINTS_KEY = "loyalty.points"
EXPIRIES = ("never", "end_of_next_year")
ID_CHUNK = 30_000
EPOCH_DAY = date(1970, 1, 1).toordinal()
ENTRY_TABLE = PointEntry.__table__


@dataclass(frozen=True)
class PointsPolicy:
    points_per_yuan: float = 1.0
    expiry: str = "never"  # or "end_of_next_year": earned in 2026, lapse after 2027-12-31
    # A member tier's own rate (tier name: points per yuan); a tier not named here earns the base rate.
    tier_rates: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not all(0 <= rate <= 1000 for rate in (self.points_per_yuan, *self.tier_rates.values())):
            raise LaokeError(Message("Points per yuan must be between 0 and 1000."))
        if self.expiry not in EXPIRIES:
            raise LaokeError(Message("Points expire never or at the end of the next year, not {expiry}.",
                                     expiry=self.expiry))

    def to_dict(self) -> dict[str, Any]:
        return {"points_per_yuan": self.points_per_yuan, "expiry": self.expiry, "tier_rates": self.tier_rates}

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> PointsPolicy:
        return cls(float(values.get("points_per_yuan", 1.0)), str(values.get("expiry", "never")),
                   {str(name): float(rate) for name, rate in (values.get("tier_rates") or {}).items()})

    def rate_of(self, tier: str | None) -> float:
        return self.tier_rates.get(tier, self.points_per_yuan) if tier else self.points_per_yuan


def load_points_policy(connection: Connection) -> PointsPolicy:
    stored = connection.scalar(select(Setting.value).where(Setting.key == POINTS_KEY))
    try:
        return PointsPolicy.from_dict(stored)
    except (AttributeError, TypeError, ValueError, LaokeError):
        return PointsPolicy()


def _expiry_days(earned_days: np.ndarray, policy: PointsPolicy) -> np.ndarray:
    """The last day (days since 1970) the points earned on each day are good for, NONE for never."""
    if policy.expiry == "never":
        return np.full(len(earned_days), NONE, dtype=np.int64)
    years = earned_days.astype("datetime64[D]").astype("datetime64[Y]")
    return (years + 2).astype("datetime64[D]").astype(np.int64) - 1


def _pair_keys(customers: np.ndarray, orders: np.ndarray) -> np.ndarray:
    return (customers << 32) | orders


@dataclass(frozen=True)
class Ledger:
    """The entries of some buyers' ledgers, as the recompute reads them: once for reconciling the orders and
    the balances both (summed in numpy: a GROUP BY over a million entries costs SQLite a sort, twice the read)."""

    customer: np.ndarray
    order: np.ndarray  # NONE: no order's entry
    points: np.ndarray
    expires_day: np.ndarray  # the last day the points are good for, NONE: never


def load_ledger(connection: Connection, customer_ids: list[int] | None) -> Ledger:
    """The ledgers of these customers (everyone when None), the entries in no particular order."""
    statement = select(PointEntry.customer_id, func.coalesce(PointEntry.order_id, NONE), PointEntry.points,
                       epoch_seconds(PointEntry.expires_on, connection.dialect.name))
    rows = (fetch_whole_table(connection, statement, PointEntry.id) if customer_ids is None  # 920,000 entries
            else fetch_numbers_among(connection, statement, PointEntry.customer_id, customer_ids))
    return Ledger(*rows[:, :3].astype(np.int64).T, _days(seconds_column(rows[:, 3])))


def _days(seconds: np.ndarray) -> np.ndarray:
    return np.where(seconds == NONE, NONE, seconds // SECONDS_PER_DAY)


def _booked_per_order(ledger: Ledger) -> tuple[np.ndarray, np.ndarray]:
    """(sorted buyer-order keys, the points booked on each) from the ledger's order entries."""
    of_orders = ledger.order != NONE
    keys, positions = np.unique(_pair_keys(ledger.customer[of_orders], ledger.order[of_orders]), return_inverse=True)
    return keys, np.bincount(positions, weights=ledger.points[of_orders], minlength=len(keys)).astype(np.int64)


def _kept_expiry(connection: Connection, keys: np.ndarray) -> np.ndarray:
    """The day the earning of each buyer-order key lapses, as booked (NONE: never, or nothing booked)."""
    found: dict[int, int] = {}
    orders = sorted(set((keys & 0xFFFFFFFF).tolist()))
    for start in range(0, len(orders), ID_CHUNK):
        for customer, order, expires_on in connection.execute(
            select(PointEntry.customer_id, PointEntry.order_id, PointEntry.expires_on)
            .where(PointEntry.order_id.in_(orders[start : start + ID_CHUNK]), PointEntry.expires_on.is_not(None))
        ):
            key = customer << 32 | order
            found[key] = max(found.get(key, NONE), expires_on.toordinal() - EPOCH_DAY)
    return np.array([found.get(key, NONE) for key in keys.tolist()], dtype=np.int64)


def order_rates(connection: Connection, orders: OrderFacts, customer_ids: list[int] | None,
                policy: PointsPolicy) -> np.ndarray:
    """Points per yuan of each order: the rate of the tier its buyer held the day before the order's day (as
    the tier history kept it), so a tier reached today does not re-rate the orders that reached it; the base
    rate before the buyer held a tier."""
    rates = np.full(len(orders), policy.points_per_yuan)
    if not policy.tier_rates:
        return rates
    names = list(policy.tier_rates)
    history = fetch_numbers_among(connection, select(
        TierChange.customer_id, epoch_seconds(TierChange.changed_on, connection.dialect.name),
        case({name: code for code, name in enumerate(names)}, value=TierChange.tier, else_=NONE),
    ), TierChange.customer_id, customer_ids).astype(np.int64)
    change_keys = _pair_keys(history[:, 0], history[:, 1] // SECONDS_PER_DAY)
    by_key = np.argsort(change_keys, kind="stable")  # of two changes on one day the later one was written last
    change_keys, codes = change_keys[by_key], history[by_key, 2]
    order_keys = _pair_keys(orders.customer_id, np.maximum(orders.seconds, 0) // SECONDS_PER_DAY)
    last = np.searchsorted(change_keys, order_keys, side="left") - 1  # the last change before the order's day
    held = last >= 0
    held[held] = (change_keys[last[held]] >> 32) == orders.customer_id[held]
    code = np.full(len(orders), NONE, dtype=np.int64)
    code[held] = codes[last[held]]
    table = np.array([*(policy.tier_rates[name] for name in names), policy.points_per_yuan])
    return table[code]  # NONE (-1) picks the base rate at the end


def sync_order_points(connection: Connection, customer_ids: list[int] | None, as_of: date,
                      orders: OrderFacts, policy: PointsPolicy | None = None, ledger: Ledger | None = None) -> int:
    """Make the order entries of these customers (all when None) add up to what each order earns now.

    `orders` are theirs (`load_order_facts`: the orders the figures count, dated up to `as_of`), and so is
    `ledger` when the caller read it already. Returns how many entries were written."""
    policy = policy or load_points_policy(connection)
    order_keys = _pair_keys(orders.customer_id, orders.order_id)
    by_key = np.argsort(order_keys, kind="stable")
    order_keys = order_keys[by_key]
    rates = order_rates(connection, orders, customer_ids, policy)[by_key]
    earned = np.floor(orders.paid_cents[by_key] * rates / 100 + 1e-9).astype(np.int64)
    booked_keys, booked = _booked_per_order(ledger or load_ledger(connection, customer_ids))
    if np.array_equal(order_keys, booked_keys) and np.array_equal(earned, booked):
        return 0  # the common case, a recompute with nothing changed

    keys = distinct(np.concatenate([order_keys, booked_keys]))  # np.union1d hashes: 1.9 s for 1M entries
    at_order, at_booked = np.searchsorted(keys, order_keys), np.searchsorted(keys, booked_keys)
    target = np.zeros(len(keys), dtype=np.int64)
    target[at_order] = earned
    current = np.zeros(len(keys), dtype=np.int64)
    current[at_booked] = booked
    due = np.flatnonzero(target != current)
    if not len(due):
        return 0
    exists = np.zeros(len(keys), dtype=bool)
    exists[at_order] = True
    booked_before = np.zeros(len(keys), dtype=bool)
    booked_before[at_booked] = True
    order_day = np.full(len(keys), NONE, dtype=np.int64)
    order_day[at_order] = np.where(orders.seconds[by_key] < 0, NONE, orders.seconds[by_key] // SECONDS_PER_DAY)

    keys, exists, booked_before, order_day = keys[due], exists[due], booked_before[due], order_day[due]
    difference = target[due] - current[due]
    earning = difference > 0
    kinds = np.where(earning, str(PointKind.ORDER), np.where(exists, str(PointKind.REFUND), str(PointKind.UNDONE)))
    # An order's first earning is booked on the order's day and lapses with it; later entries about it are
    # booked today and keep the day its earning lapses.
    first = earning & ~booked_before & (order_day != NONE)
    day = np.where(first, order_day, as_of.toordinal() - EPOCH_DAY)
    kept = _kept_expiry(connection, keys[booked_before])
    expires = np.full(len(keys), NONE, dtype=np.int64)
    expires[booked_before] = kept
    expiry = np.where(booked_before & (expires >= 0), expires, _expiry_days(day, policy))
    _insert_entries(connection, keys >> 32, kinds, difference, keys & 0xFFFFFFFF, day, expiry, None)
    return len(due)


def _insert_entries(connection: Connection, customers: np.ndarray, kinds: np.ndarray, points: np.ndarray,
                    orders: np.ndarray | None, days: np.ndarray, expiry: np.ndarray, note: str | None) -> None:
    as_text = stores_dates_as_text(connection)

    def dates(values: np.ndarray) -> list:
        stamps = values.astype("datetime64[D]")
        text = np.datetime_as_string(stamps).tolist() if as_text else stamps.astype(object).tolist()
        return [None if value == NONE else stamp for value, stamp in zip(values.tolist(), text, strict=True)]

    now = date.today().isoformat() + " 00:00:00.000000" if as_text else date.today()
    names = ["customer_id", "kind", "points", "order_id", "booked_on", "expires_on", "note", "created_at"]
    with indexes_built_after(connection, [ENTRY_TABLE], len(customers)):  # type: ignore[list-item]
        execute_rows(
            connection, insert(PointEntry).values({name: bindparam(name) for name in names}), names,
            zip(customers.tolist(), kinds.tolist(), points.tolist(),
                [None] * len(customers) if orders is None else orders.tolist(), dates(days), dates(expiry),
                [note] * len(customers), [now] * len(customers), strict=True),
        )


@dataclass(frozen=True)
class CachedBalances:
    """The balances cached on some customers (Customer.points), sorted by id, as a caller read them already."""

    ids: np.ndarray
    points: np.ndarray


def load_cached_balances(connection: Connection, customer_ids: list[int] | None) -> CachedBalances:
    """The cached balance of every customer (merged away or not), or of the customers `customer_ids`."""
    rows = fetch_numbers_among(connection, select(Customer.id, Customer.points).order_by(Customer.id),
                               Customer.id, customer_ids).astype(np.int64)
    return CachedBalances(rows[:, 0], rows[:, 1])


def expire_and_balance(connection: Connection, customer_ids: list[int] | None, as_of: date,
                       ledger: Ledger | None = None, cached: CachedBalances | None = None) -> int:
    """Book the expiry of points past their day, oldest first, and cache each balance; returns how many
    balances changed. `ledger` is these customers' as it stands, and `cached` their cached balances, when the
    caller read them already; `cached.points` are brought up to date in place, so the caller reads on from
    the balances as written (the tiers may go by points).

    Spending (redemptions, deductions, earlier expiries) uses the oldest points first, so what lapses now
    is whatever of the lapsed earnings was not spent: lapsed earnings − everything spent so far, if positive."""
    ledger = ledger or load_ledger(connection, customer_ids)
    customers, position = np.unique(ledger.customer, return_inverse=True)

    def summed(where: np.ndarray, points: np.ndarray) -> np.ndarray:
        return np.bincount(position[where], weights=points[where], minlength=len(customers)).astype(np.int64)

    never = ledger.expires_day == NONE
    balance = summed(np.full(len(position), True), ledger.points)
    lapsed = summed(~never & (ledger.expires_day < day_number(as_of)), ledger.points)
    due = np.maximum(0, lapsed - summed(never & (ledger.points < 0), -ledger.points))
    expiring = np.flatnonzero(due > 0)
    if len(expiring):
        day = np.full(len(expiring), as_of.toordinal() - EPOCH_DAY, dtype=np.int64)
        _insert_entries(connection, customers[expiring], np.full(len(expiring), str(PointKind.EXPIRY)),
                        -due[expiring], None, day, np.full(len(expiring), NONE), None)
        balance = balance - due
    cached = cached or load_cached_balances(connection, customer_ids)
    return _cache_balances(connection, customers, balance, cached)


def _cache_balances(connection: Connection, customers: np.ndarray, balance: np.ndarray,
                    cached: CachedBalances) -> int:
    want = np.zeros(len(cached.ids), dtype=np.int64)  # a customer without entries has none
    positions = np.searchsorted(cached.ids, customers)
    known = positions < len(cached.ids)
    known[known] = cached.ids[positions[known]] == customers[known]
    want[positions[known]] = balance[known]
    changed = np.flatnonzero(want != cached.points)
    if len(changed):
        update_by_id(connection, Customer.__table__, ["points"],  # type: ignore[arg-type]
                     zip(want[changed].tolist(), cached.ids[changed].tolist(), strict=True))
        cached.points[changed] = want[changed]
    return len(changed)


def book_points(session: Session, customer_id: int, points: int, note: str, *, redemption: bool = False,
                on: date | None = None) -> PointEntry:
    """A hand-made entry: an adjustment (either sign) or a redemption (points spent on a reward named in
    `note`, never more than the balance). The caller refreshes the buyer's loyalty afterwards."""
    note = note.strip()
    if not note:
        raise LaokeError(Message("Say why: a points adjustment or redemption needs a note."))
    if points == 0:
        raise LaokeError(Message("The number of points must not be zero."))
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise LaokeError(Message("There is no customer #{customer_id}.", customer_id=customer_id))
    on = on or date.today()
    if redemption:
        if points > customer.points:
            raise LaokeError(Message("{name} has {balance} points, fewer than the {points} to redeem.",
                                     name=customer.display_name, balance=customer.points, points=points))
        points = -points
    entry = PointEntry(customer_id=customer_id, kind=PointKind.REDEMPTION if redemption else PointKind.ADJUSTMENT,
                       points=points, booked_on=on, note=note,
                       # Points given by hand lapse like earned ones; points taken are spending.
                       expires_on=_hand_expiry(session, on) if points > 0 else None)
    session.add(entry)
    session.flush()
    return entry


def _hand_expiry(session: Session, on: date) -> date | None:
    day = on.toordinal() - EPOCH_DAY
    last = int(_expiry_days(np.array([day]), load_points_policy(session.connection()))[0])
    return None if last == NONE else date.fromordinal(last + EPOCH_DAY)


@dataclass(frozen=True)
class LedgerLine:
    booked_on: date
    kind: str
    points: int
    balance: int  # after this entry
    order_number: str | None
    expires_on: date | None
    note: str | None


def points_ledger(session: Session, customer_id: int) -> list[LedgerLine]:
    """The buyer's ledger, oldest first, each line with the balance after it."""
    rows = session.execute(
        select(PointEntry.booked_on, PointEntry.kind, PointEntry.points, Order.platform_order_id,
               PointEntry.expires_on, PointEntry.note)
        .outerjoin(Order, (Order.id == PointEntry.order_id) & (Order.customer_id == PointEntry.customer_id))
        .where(PointEntry.customer_id == customer_id)
        .order_by(PointEntry.booked_on, PointEntry.id)
    ).all()
    lines, balance = [], 0
    for booked_on, kind, points, number, expires_on, note in rows:
        balance += points
        lines.append(LedgerLine(booked_on, kind, points, balance, number, expires_on, note))
    return lines
