"""The membership as the owner reads and writes it: buyers and points per tier, and booking points by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.loyalty.points import (
    POINTS_KEY,
    LedgerLine,
    PointsPolicy,
    book_points,
    load_points_policy,
    points_ledger,
)
from core.loyalty.recompute import refresh_loyalty
from core.loyalty.rewards import Reward, load_rewards, save_rewards, use_reward
from core.loyalty.tiers import TIERS_KEY, TierPlan, load_tier_plan
from core.messages import Message
from core.safety.privacy import ensure_owner_mode
from core.store.models import Customer
from core.store.settings import set_setting


@dataclass(frozen=True)
class TierCount:
    tier: str | None  # None: buyers without a tier (never paid, or below the lowest threshold)
    threshold: int | None
    buyers: int
    points: int


def tier_counts(session: Session) -> list[TierCount]:
    """Each tier of the plan, lowest first, with its buyers and their points; then tiers no longer in the
    plan and the book's customers without a tier."""
    plan = load_tier_plan(session.connection())
    counted = {tier: (buyers, points or 0) for tier, buyers, points in session.execute(
        select(Customer.member_tier, func.count(), func.sum(Customer.points))
        .where(Customer.merged_into_id.is_(None)).group_by(Customer.member_tier))}
    rows = [TierCount(tier.name, tier.threshold, *counted.pop(tier.name, (0, 0))) for tier in plan.tiers]
    rows += [TierCount(name, None, *values) for name, values in sorted(counted.items(), key=lambda item: str(item[0]))
             if name is not None]
    if None in counted:
        rows.append(TierCount(None, None, *counted[None]))
    return rows


@dataclass(frozen=True)
class Membership:
    customer_id: int
    name: str
    tier: str | None
    tier_since: date | None
    points: int
    ledger: list[LedgerLine]
    rewards: tuple[Reward, ...]  # the shop's catalogue, to use one


def membership(session: Session, customer_id: int) -> Membership | None:
    customer = session.get(Customer, customer_id)
    if customer is None:
        return None
    return Membership(customer.id, customer.display_name, customer.member_tier, customer.tier_since,
                      customer.points, points_ledger(session, customer_id), load_rewards(session.connection()))


def book_and_refresh(session: Session, customer_id: int, points: int, note: str, *, redemption: bool = False,
                     on: date | None = None) -> Membership | None:
    """Book a hand adjustment or a redemption and bring the buyer's balance and tier up to date with it."""
    book_points(session, customer_id, points, note, redemption=redemption, on=on)
    return _refreshed(session, customer_id, on)


def reward_and_refresh(session: Session, customer_id: int, reward: str, order_number: str = "",
                       on: date | None = None) -> Membership | None:
    """Keep the use of a catalogue reward in the ledger and bring the buyer's balance and tier up to date."""
    use_reward(session, customer_id, reward, order_number, on)
    return _refreshed(session, customer_id, on)


def _refreshed(session: Session, customer_id: int, on: date | None) -> Membership | None:
    refresh_loyalty(session.connection(), [customer_id], on)
    session.expire_all()
    return membership(session, customer_id)


@dataclass(frozen=True)
class LoyaltySettings:
    plan: TierPlan
    policy: PointsPolicy
    rewards: tuple[Reward, ...]


def loyalty_settings(session: Session) -> LoyaltySettings:
    connection = session.connection()
    return LoyaltySettings(load_tier_plan(connection), load_points_policy(connection), load_rewards(connection))


def save_loyalty_settings(session: Session, settings: LoyaltySettings) -> LoyaltySettings:
    """Store the tiers and the points rules, then recompute everyone's points and tier with them (a new rate
    applies to past orders too: their entries are reconciled to what each order earns at that rate)."""
    ensure_owner_mode(session, Message("Changing the loyalty settings"))
    set_setting(session, TIERS_KEY, settings.plan.to_dict())
    set_setting(session, POINTS_KEY, settings.policy.to_dict())
    save_rewards(session, settings.rewards)
    session.flush()
    refresh_loyalty(session.connection())
    return settings
