"""The little a care task needs to know about its buyer: to fill a message and to show a customer card."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.care.filters import chunks
from core.care.rules import TIER_GIFT, Channel, Rule
from core.care.templates import known_name, month_day, salutation, shorten
from core.figures.birthdays import Birthday, next_birthday
from core.safety.privacy import is_masked
from core.store.models import CalendarKind, Customer, CustomerTag, Order, Tag


@dataclass(frozen=True)
class CustomerCard:
    id: int
    name: str | None
    nickname: str | None
    gender: str | None
    phone: str | None
    wechat_id: str | None
    platform: str | None
    stage: str
    member_tier: str | None
    is_vip: bool
    do_not_contact: bool
    total_spent: Decimal
    paid_orders: int
    last_paid_at: datetime | None
    birthday: Birthday | None
    last_item: str
    tags: tuple[str, ...]

    @property
    def display_name(self) -> str:
        return self.name or self.nickname or self.phone or f"#{self.id}"

    def reachable_by(self, channel: str) -> str:
        """`channel`, or the platform's chat when this buyer has no number (or WeChat) to be reached by there:
        Pinduoduo and Douyin exports give masked phones, and an SMS task without a number is no task."""
        has_phone = bool(self.phone) and not is_masked(self.phone)
        if (channel in (Channel.SMS, Channel.PHONE) and not has_phone) or (
                channel == Channel.WECHAT and not (self.wechat_id or has_phone)):
            return Channel.PLATFORM_CHAT
        return channel

    def values(self, shop_name: str, today: date) -> dict[str, str]:
        """The placeholders a customer fills by themselves; an occasion adds or overrides the rest."""
        upcoming = _next_celebration(self.birthday, today) if self.birthday else None
        return {
            "称呼": salutation(self.name, self.nickname, self.gender),
            "姓名": known_name(self.name, self.nickname),
            "昵称": known_name(self.nickname, self.name),
            "店铺": shop_name,
            "商品": self.last_item,
            "生日": month_day(upcoming),
            "礼物": "",
            "等级": self.member_tier or "",
        }


@lru_cache(maxsize=4096)
def _next_celebration(birthday: Birthday, today: date) -> date | None:
    """Buyers share birthdays; a lunar conversion is worth remembering."""
    return next_birthday(birthday, today)


def gift_note(rule: Rule, card: CustomerCard) -> str:
    """The birthday rule's per-tier gift: VIP first, then the buyer's member tier, their stage, the default."""
    notes = rule.param("gift_notes") or {}
    return ((notes.get("vip") if card.is_vip else None) or notes.get(f"{TIER_GIFT}{card.member_tier}")
            or notes.get(card.stage) or notes.get("default") or "")


PREVIEW_VALUES = {"节日": "中秋节", "天数": "3", "日期": "8日", "订单号": "3900012345678", "运单号": "SF1234567890"}


def preview_values(rule: Rule, card: CustomerCard, shop_name: str, today: date) -> dict[str, str]:
    """What a template fills with for this customer, with sample values for the occasion's own placeholders."""
    return PREVIEW_VALUES | card.values(shop_name, today) | {"礼物": gift_note(rule, card)}


def sample_customers(session: Session, limit: int = 30) -> list[tuple[int, str]]:
    """Real buyers to preview templates on: contactable ones who bought most recently."""
    rows = session.execute(
        select(Customer.id, Customer.name, Customer.nickname)
        .where(Customer.do_not_contact.is_(False), Customer.merged_into_id.is_(None))
        .order_by(Customer.last_paid_at.desc().nulls_last(), Customer.id).limit(limit)
    )
    return [(customer_id, name or nickname or f"#{customer_id}") for customer_id, name, nickname in rows]


def load_cards(session: Session, customer_ids: Iterable[int]) -> dict[int, CustomerCard]:
    cards: dict[int, CustomerCard] = {}
    for chunk in chunks(customer_ids):
        tags: dict[int, list[str]] = {}
        for customer_id, tag in session.execute(
            select(CustomerTag.customer_id, Tag.name).join(Tag, Tag.id == CustomerTag.tag_id)
            .where(CustomerTag.customer_id.in_(chunk)).order_by(Tag.name)
        ):
            tags.setdefault(customer_id, []).append(tag)
        last_items: dict[int, str] = {}
        for customer_id, summary in session.execute(
            select(Order.customer_id, Order.item_summary).where(Order.customer_id.in_(chunk))
            .order_by(Order.created_at)
        ):
            if summary:
                last_items[customer_id] = summary
        for customer in session.scalars(select(Customer).where(Customer.id.in_(chunk))):
            cards[customer.id] = CustomerCard(
                id=customer.id, name=customer.name, nickname=customer.nickname, gender=customer.gender,
                phone=customer.phone, wechat_id=customer.wechat_id, platform=customer.platform,
                stage=customer.stage, member_tier=customer.member_tier, is_vip=customer.is_vip, do_not_contact=customer.do_not_contact,
                total_spent=customer.total_spent, paid_orders=customer.paid_orders,
                last_paid_at=customer.last_paid_at, birthday=_birthday(customer),
                last_item=shorten(last_items.get(customer.id)), tags=tuple(tags.get(customer.id, ())),
            )
    return cards


@lru_cache(maxsize=1024)
def _birthday_of(kind: str, month: int, day: int) -> Birthday:
    return Birthday(CalendarKind(kind), month, day)


def _birthday(customer: Customer) -> Birthday | None:
    if not (customer.birthday_calendar and customer.birth_month and customer.birth_day):
        return None
    try:
        return _birthday_of(customer.birthday_calendar, customer.birth_month, customer.birth_day)
    except ValueError:
        return None
