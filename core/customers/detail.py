"""Everything the detail panel and the chat-lookup card show about one buyer, read in one go."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from core.customers.listing import Account, birthday_text, listed_name, rule_tags_by_customer
from core.customers.profile import birthday_of
from core.errors import LaokeError
from core.figures.birthdays import age_on, celebration_date, next_birthday
from core.figures.order_facts import net_paid
from core.messages import Message
from core.safety.privacy import is_masked, mask_address, mask_alias, mask_email, mask_phone
from core.store.models import (
    ACCOUNT_ALIAS_KINDS,
    PAID_STATUSES,
    ContactPreferenceEvent,
    Customer,
    CustomerAlias,
    Note,
    NoteKind,
    Order,
    OrderStatus,
)


@dataclass
class OrderLineView:
    title: str | None
    sku: str | None
    quantity: int | None
    amount: Decimal | None


@dataclass
class OrderView:
    id: int
    platform: str
    number: str
    status: str
    created_at: datetime | None
    amount: Decimal | None
    summary: str | None
    lines: list[OrderLineView]


@dataclass
class NoteView:
    id: int
    kind: str
    text: str
    author: str | None
    created_at: datetime
    updated_at: datetime


@dataclass
class ContactEventView:
    do_not_contact: bool
    reason: str | None
    actor: str | None
    at: datetime


@dataclass
class Figures:
    paid_orders: int
    total_spent: Decimal
    average_order_value: Decimal | None
    first_order_at: datetime | None
    last_order_at: datetime | None
    median_gap_days: float | None  # between purchase days: what the overdue ratio divides by


@dataclass
class BirthdayView:
    text: str
    calendar: str | None
    month: int | None
    day: int | None
    is_leap_month: bool
    year: int | None
    this_year: date | None
    next: date | None
    age: int | None


@dataclass
class ForecastView:
    """What the repurchase forecast and the rhythm say about a buyer (core.loyalty.forecast)."""

    median_gap_days: float | None
    days_since_last_paid: int | None
    overdue: float | None
    p_alive: float | None  # None: the shop has too few repeat buyers to fit the model
    expected_90d: float | None
    next_order_value: float | None
    next_order_on: date | None


@dataclass
class CustomerDetail:
    id: int
    profile: dict[str, str | None]
    stage: str
    is_vip: bool
    do_not_contact: bool
    dnc_reason: str | None
    dnc_since: datetime | None
    tags: list[tuple[str, str]]
    aliases: list[tuple[str, str, str]]
    birthday: BirthdayView
    figures: Figures
    orders: list[OrderView]
    vip_notes: list[NoteView] = field(default_factory=list)
    notes: list[NoteView] = field(default_factory=list)
    contact_history: list[ContactEventView] = field(default_factory=list)
    accounts: list[Account] = field(default_factory=list)
    # The phone to reach the buyer by: theirs, or else the one the newest order shows as the platform masked it.
    phone_shown: str | None = None
    rule_tags: frozenset[str] = frozenset()  # those of `tags` a tag rule gave: the rules keep them, not the owner
    member_tier: str | None = None
    points: int = 0
    forecast: ForecastView | None = None

    @property
    def display_name(self) -> str:
        return listed_name(self.profile.get("name"), self.profile.get("nickname"), self.id)


def _figures(customer: Customer) -> Figures:
    return Figures(
        paid_orders=customer.paid_orders,
        total_spent=customer.total_spent,
        average_order_value=(customer.total_spent / customer.paid_orders).quantize(Decimal("0.01"))
        if customer.paid_orders else None,
        first_order_at=customer.first_order_at,
        last_order_at=customer.last_order_at,
        median_gap_days=customer.median_gap_days,
    )


def _birthday(customer: Customer, today: date) -> BirthdayView:
    birthday = birthday_of(customer)
    return BirthdayView(
        text=birthday_text(customer.birthday_calendar, customer.birth_month, customer.birth_day,
                           bool(customer.birth_is_leap_month)),
        calendar=customer.birthday_calendar, month=customer.birth_month, day=customer.birth_day,
        is_leap_month=bool(customer.birth_is_leap_month), year=customer.birth_year,
        this_year=celebration_date(birthday, today.year) if birthday else None,
        next=next_birthday(birthday, today) if birthday else None,
        age=age_on(birthday, today) if birthday else None,
    )


def _note(note: Note) -> NoteView:
    return NoteView(note.id, note.kind, note.text, note.author, note.created_at, note.updated_at)


def _masked_receiver_phone(orders: list[Order]) -> str | None:
    """A platform that masks phones (138****1234) leaves the buyer without one; the newest order still shows it."""
    return next((o.receiver_phone for o in orders if o.receiver_phone and is_masked(o.receiver_phone)), None)


def customer_detail(session: Session, customer_id: int, masked: bool = False,
                    order_limit: int | None = None, today: date | None = None) -> CustomerDetail:
    """One buyer, newest orders first; phones and address masked when `masked` (rep mode)."""
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise LaokeError(Message("Customer #{customer_id} does not exist.", customer_id=customer_id))
    today = today or date.today()
    orders = list(session.scalars(
        select(Order).options(selectinload(Order.lines)).where(Order.customer_id == customer_id)
        .order_by(Order.created_at.desc().nulls_last(), Order.id.desc())
    ))
    notes = list(session.scalars(
        select(Note).where(Note.customer_id == customer_id).order_by(Note.created_at.desc(), Note.id.desc())
    ))
    events = session.scalars(
        select(ContactPreferenceEvent).where(ContactPreferenceEvent.customer_id == customer_id)
        .order_by(ContactPreferenceEvent.at.desc(), ContactPreferenceEvent.id.desc())
    )
    aliases = [(kind, platform, mask_alias(kind, value) if masked else value) for kind, platform, value in session.execute(
        select(CustomerAlias.kind, CustomerAlias.platform, CustomerAlias.value)
        .where(CustomerAlias.customer_id == customer_id).order_by(CustomerAlias.id)
    )]
    phone = mask_phone if masked else (lambda value: value)
    profile = {
        "name": customer.name, "nickname": customer.nickname, "platform": customer.platform,
        "platform_buyer_id": customer.platform_buyer_id,
        "phone": phone(customer.phone), "phone_alt": phone(customer.phone_alt),
        "email": mask_email(customer.email) if masked else customer.email,
        "wechat_id": customer.wechat_id, "gender": customer.gender, "province": customer.province,
        "city": customer.city, "district": customer.district,
        "address": mask_address(customer.address) if masked else customer.address,
    }
    shown_orders = orders[:order_limit] if order_limit else orders
    return CustomerDetail(
        id=customer.id, profile=profile, stage=customer.stage, is_vip=customer.is_vip,
        do_not_contact=customer.do_not_contact, dnc_reason=customer.dnc_reason, dnc_since=customer.dnc_since,
        tags=sorted((tag.name, tag.color) for tag in customer.tags),
        rule_tags=rule_tags_by_customer(session, [customer.id]).get(customer.id, frozenset()),
        aliases=aliases,
        accounts=[Account(platform, value) for kind, platform, value in aliases if kind in ACCOUNT_ALIAS_KINDS],
        phone_shown=phone(customer.phone) or _masked_receiver_phone(orders),
        birthday=_birthday(customer, today),
        figures=_figures(customer),
        orders=[
            OrderView(o.id, o.platform, o.shown_number, o.status, o.created_at, _shown_amount(o), o.item_summary,
                      [OrderLineView(li.title, li.sku, li.quantity, li.amount) for li in o.lines])
            for o in shown_orders
        ],
        vip_notes=[_note(n) for n in notes if n.kind == NoteKind.VIP],
        notes=[_note(n) for n in notes if n.kind != NoteKind.VIP],
        contact_history=[ContactEventView(e.do_not_contact, e.reason, e.actor, e.at) for e in events],
        member_tier=customer.member_tier, points=customer.points,
        forecast=ForecastView(
            customer.median_gap_days,
            (today - customer.last_paid_at.date()).days if customer.last_paid_at else None, customer.overdue,
            customer.p_alive, customer.expected_90d, customer.next_order_value, customer.next_order_on,
        ) if customer.paid_orders else None,
    )


def _shown_amount(order: Order) -> Decimal | None:
    """What an unpaid order would cost; what any other order brought in, net of refunds (0.00 once refunded)."""
    if order.status in PAID_STATUSES or order.status == OrderStatus.REFUNDED:
        return net_paid(order.paid_amount, order.total_amount)
    return order.total_amount if order.total_amount is not None else order.paid_amount
