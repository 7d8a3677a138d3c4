"""Member tiers: each buyer's tier from their cumulative net spend (optionally within a window) or points.

The plan lives in the shop's settings. A buyer holds the highest tier whose threshold they reach; someone who
never paid for an order holds none. A tier change is kept in TierChange with its day, as stage changes are.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import Any

import numpy as np
from sqlalchemy import Connection, bindparam, case, func, insert, select

from core.errors import LaokeError
from core.figures.order_facts import (
    NONE,
    SECONDS_PER_DAY,
    OrderFacts,
    day_number,
    fetch_numbers_among,
    fetch_whole_table,
    load_order_facts,
)
from core.loyalty.points import CachedBalances
from core.messages import Message
from core.store.bulk import execute_rows, stores_dates_as_text, update_by_id
from core.store.models import Customer, Setting, TierChange

TIERS_KEY = "loyalty.tiers"
BASES = ("spend", "points")
UNKNOWN = -2  # a stored tier name the plan no longer has


@dataclass(frozen=True)
class Tier:
    name: str
    threshold: int  # yuan of net spend, or points, from which a buyer holds this tier


@dataclass(frozen=True)
class TierPlan:
    tiers: tuple[Tier, ...]  # lowest first
    basis: str = "spend"
    window_days: int | None = None  # spend counts only within the last N days (None: all time)

    def __post_init__(self) -> None:
        names = [tier.name.strip() for tier in self.tiers]
        if not names or not all(names) or len(set(names)) != len(names):
            raise LaokeError(Message("Every member tier needs a name of its own."))
        thresholds = [tier.threshold for tier in self.tiers]
        if thresholds[0] < 0 or any(low >= high for low, high in zip(thresholds, thresholds[1:], strict=False)):
            raise LaokeError(Message("Each member tier needs a higher threshold than the tier below it."))
        if self.basis not in BASES:
            raise LaokeError(Message("Tiers go by spend or by points, not {basis}.", basis=self.basis))
        if self.window_days is not None and self.window_days < 1:
            raise LaokeError(Message("The spending window must be at least one day."))

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(tier.name for tier in self.tiers)

    @property
    def changes_with_the_day(self) -> bool:
        """Whether a tier can move although nothing was imported or edited (spend leaves the window)."""
        return self.basis == "spend" and self.window_days is not None

    def to_dict(self) -> dict[str, Any]:
        return {"tiers": [[tier.name, tier.threshold] for tier in self.tiers], "basis": self.basis,
                "window_days": self.window_days}

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> TierPlan:
        return cls(tuple(Tier(str(name), int(threshold)) for name, threshold in values["tiers"]),
                   str(values.get("basis", "spend")), values.get("window_days"))


DEFAULT_PLAN = TierPlan((Tier("普通会员", 0), Tier("银卡", 1000), Tier("金卡", 5000), Tier("钻石", 20000)))


def load_tier_plan(connection: Connection) -> TierPlan:
    stored = connection.scalar(select(Setting.value).where(Setting.key == TIERS_KEY))
    try:
        return TierPlan.from_dict(stored)
    except (KeyError, TypeError, ValueError, LaokeError):  # none saved yet, or damaged
        return DEFAULT_PLAN


def tier_codes(values: np.ndarray, holders: np.ndarray, plan: TierPlan) -> np.ndarray:
    """Index into plan.tiers of each value's tier (yuan×100 or points×100), NONE where `holders` is False or the
    value is below the lowest threshold."""
    cuts = np.array([tier.threshold * 100 for tier in plan.tiers], dtype=np.int64)
    codes = np.searchsorted(cuts, values, side="right") - 1
    return np.where(holders & (codes >= 0), codes, NONE)


@dataclass(frozen=True)
class MemberRows:
    """What the loyalty recompute reads of each customer, sorted by id: once for the balances and the tiers,
    both of which would otherwise scan the wide customer rows for two or three numbers."""

    ids: np.ndarray
    in_book: np.ndarray  # False: merged away (a balance is still cached, a tier is not kept)
    paid_orders: np.ndarray
    spent_cents: np.ndarray
    points: np.ndarray
    tier: np.ndarray  # code into the plan's tiers, NONE for none, UNKNOWN for a name the plan no longer has

    @property
    def balances(self) -> CachedBalances:
        """Their cached balances, sharing `points`: what `expire_and_balance` writes, the tiers then read."""
        return CachedBalances(self.ids, self.points)

    def of_the_book(self) -> MemberRows:
        return MemberRows(*(getattr(self, field.name)[self.in_book] for field in fields(self)))


def load_member_rows(connection: Connection, plan: TierPlan, ids: list[int] | None) -> MemberRows:
    """Every customer (merged away or not), or the customers `ids`, with their balance and what their tier
    depends on (NONE where a number is missing)."""
    statement = select(
        Customer.id, case((Customer.merged_into_id.is_(None), 1), else_=0),
        *(func.coalesce(number, NONE) for number in (Customer.paid_orders, Customer.total_spent, Customer.points)),
        case({name: code for code, name in enumerate(plan.names)}, value=Customer.member_tier,
             else_=case((Customer.member_tier.is_(None), NONE), else_=UNKNOWN)),
    ).order_by(Customer.id)
    matrix = (fetch_whole_table(connection, statement, Customer.id) if ids is None
              else fetch_numbers_among(connection, statement, Customer.id, ids))
    customers, in_book, *numbers = matrix.astype(np.int64).T
    return MemberRows(customers, in_book == 1, *numbers)


def spend_in_window(orders: OrderFacts, ids: np.ndarray, as_of: date, window_days: int) -> np.ndarray:
    """Each customer's paid cents over the last `window_days` days up to `as_of`, aligned with `ids` (sorted)."""
    start = day_number(as_of - timedelta(days=window_days - 1)) * SECONDS_PER_DAY
    end = (day_number(as_of) + 1) * SECONDS_PER_DAY
    positions = np.searchsorted(ids, orders.customer_id)
    inside = (positions < len(ids)) & (orders.seconds >= start) & (orders.seconds < end)
    inside[inside] = ids[positions[inside]] == orders.customer_id[inside]
    return np.bincount(positions[inside], weights=orders.paid_cents[inside], minlength=len(ids)).astype(np.int64)


def refresh_tiers(connection: Connection, customer_ids: list[int] | None, as_of: date,
                  plan: TierPlan | None = None, orders: OrderFacts | None = None,
                  members: MemberRows | None = None) -> int:
    """Bring the tiers of these customers (all when None) up to date; returns how many changed.

    `orders` (a windowed plan needs them) and `members` (read with `plan`) are theirs when the caller read
    them already."""
    plan = plan or load_tier_plan(connection)
    rows = (members or load_member_rows(connection, plan, customer_ids)).of_the_book()
    if plan.basis == "points":
        values, holders = rows.points * 100, rows.points > 0
    else:
        holders = rows.paid_orders > 0
        if plan.window_days is None:
            values = rows.spent_cents
        else:
            if orders is None:
                orders = load_order_facts(connection, as_of, customer_ids)
            values = spend_in_window(orders, rows.ids, as_of, plan.window_days)
    new = tier_codes(values, holders, plan)
    moved = np.flatnonzero(new != rows.tier)
    if len(moved):
        _write_tiers(connection, plan, rows.ids[moved], rows.tier[moved], new[moved], as_of)
    return len(moved)


def _write_tiers(connection: Connection, plan: TierPlan, ids: np.ndarray, old: np.ndarray, new: np.ndarray,
                 as_of: date) -> None:
    names = np.array([None, *plan.names], dtype=object)  # code NONE (-1) is position 0
    old_names = names[old.clip(NONE) + 1].tolist()
    renamed = np.flatnonzero(old == UNKNOWN)  # a name the plan no longer has: read it as stored
    if len(renamed):
        stored = dict(connection.execute(select(Customer.id, Customer.member_tier)
                                         .where(Customer.id.in_(ids[renamed].tolist()))).all())
        for position in renamed.tolist():
            old_names[position] = stored[int(ids[position])]
    day = as_of.isoformat() if stores_dates_as_text(connection) else as_of
    new_names = names[new + 1].tolist()
    update_by_id(connection, Customer.__table__, ["member_tier", "tier_since"],  # type: ignore[arg-type]
                 ((name, None if name is None else day, cid) for name, cid in zip(new_names, ids.tolist(), strict=True)))
    upward = ((old >= 0) & (new > old)).tolist()  # a first tier is no upgrade, nor one the plan lost
    execute_rows(
        connection,
        insert(TierChange).values(customer_id=bindparam("cid"), tier=bindparam("tier"),
                                  previous_tier=bindparam("previous"), changed_on=bindparam("day"),
                                  upward=bindparam("upward")),
        ["cid", "tier", "previous", "day", "upward"],
        zip(ids.tolist(), new_names, old_names, [day] * len(ids), upward, strict=True),
    )
