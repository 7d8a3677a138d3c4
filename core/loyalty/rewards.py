"""The shop's reward catalogue (满200返20, 100积分抵10元) and each use of a reward, kept in the points ledger.

A points reward costs points: its use is a redemption of that many, never more than the balance. A spend
reward comes with an order that reaches its minimum: its use moves no points and names the order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from core.errors import LaokeError
from core.figures.order_facts import net_paid
from core.loyalty.points import book_points
from core.messages import Message
from core.store.models import Order, PointEntry, PointKind, Setting
from core.store.settings import set_setting

REWARDS_KEY = "loyalty.rewards"
NAME_LENGTH = 64


@dataclass(frozen=True)
class Reward:
    name: str  # what the buyer is told, and what the ledger keeps
    value: int  # yuan it gives: 返20, 抵10元
    points: int = 0  # points it costs; 0 for a spend reward
    min_spend: int = 0  # yuan an order must reach for a spend reward: 满200

    def __post_init__(self) -> None:
        if not self.name.strip() or len(self.name) > NAME_LENGTH:
            raise LaokeError(Message("A reward needs a name of at most {length} characters.", length=NAME_LENGTH))
        if self.value <= 0 or self.points < 0 or self.min_spend < 0 or (self.points > 0) == (self.min_spend > 0):
            raise LaokeError(Message("A reward gives some yuan and either costs points or needs an order of a "
                                     "minimum spend: {name}", name=self.name))

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "value": self.value, "points": self.points, "min_spend": self.min_spend}


DEFAULT_REWARDS = (Reward("满200返20", 20, min_spend=200), Reward("100积分抵10元", 10, points=100))


def load_rewards(connection: Connection) -> tuple[Reward, ...]:
    stored = connection.scalar(select(Setting.value).where(Setting.key == REWARDS_KEY))
    if stored is None:
        return DEFAULT_REWARDS
    try:
        return tuple(Reward(**values) for values in stored)
    except (TypeError, LaokeError):  # damaged: the shop sets them again
        return DEFAULT_REWARDS


def save_rewards(session: Session, rewards: tuple[Reward, ...]) -> None:
    names = [reward.name.strip() for reward in rewards]
    if len(set(names)) != len(names):
        raise LaokeError(Message("Every reward needs a name of its own."))
    set_setting(session, REWARDS_KEY, [reward.to_dict() for reward in rewards])


def use_reward(session: Session, customer_id: int, name: str, order_number: str = "",
               on: date | None = None) -> PointEntry:
    """Keep in the buyer's ledger that they used the reward `name`; the caller refreshes their loyalty."""
    reward = next((reward for reward in load_rewards(session.connection()) if reward.name == name), None)
    if reward is None:
        raise LaokeError(Message("The shop has no reward called {name}.", name=name))
    note = f"{reward.name} {order_number.strip()}".strip()
    if reward.points:
        entry = book_points(session, customer_id, reward.points, note, redemption=True, on=on)
    else:
        order = _qualifying_order(session, customer_id, reward, order_number.strip())
        if session.scalar(select(PointEntry.id).where(PointEntry.order_id == order.id,
                                                      PointEntry.reward == reward.name)) is not None:
            raise LaokeError(Message("{name} was already used with order {number}.", name=reward.name,
                                     number=order_number.strip()))
        entry = PointEntry(customer_id=customer_id, kind=PointKind.REWARD, points=0, order_id=order.id,
                           booked_on=on or date.today(), note=note)
        session.add(entry)
    entry.reward = reward.name
    session.flush()
    return entry


def _qualifying_order(session: Session, customer_id: int, reward: Reward, number: str) -> Order:
    order = session.scalar(select(Order).where(Order.customer_id == customer_id, Order.platform_order_id == number))
    if order is None:
        raise LaokeError(Message("Name one of the buyer's orders for {name}: {number} is not one.",
                                 name=reward.name, number=number or "—"))
    paid = net_paid(order.paid_amount, order.total_amount) or Decimal(0)
    if paid < reward.min_spend:
        raise LaokeError(Message("Order {number} paid ¥{paid}, less than the ¥{minimum} {name} needs.",
                                 number=number, paid=paid, minimum=reward.min_spend, name=reward.name))
    return order


def reward_uses(session: Session) -> dict[str, int]:
    """How often each reward was used."""
    return dict(session.execute(select(PointEntry.reward, func.count()).where(PointEntry.reward.is_not(None))
                                .group_by(PointEntry.reward)).all())
