"""The customer book's schema: typed SQLAlchemy 2 ORM, portable between SQLite and PostgreSQL.

Derived figures (paid orders, total spent, stage, RFM) are cached on the customer row so that the list can
sort and filter a million buyers with plain indexes; `core.figures.lifecycle` keeps them current.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

CENT = Decimal("0.01")


class Money(TypeDecorator[Decimal]):
    """A Decimal amount stored as whole cents, exact on every backend and cheap to SUM."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | int | str | None, dialect: Any) -> int | None:
        if value is None:
            return None
        return int((Decimal(value) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))

    def process_result_value(self, value: int | None, dialect: Any) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(int(value)) / 100).quantize(CENT)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {Decimal: Money(), dict[str, Any]: JSON(), datetime: DateTime()}


class OrderStatus(enum.StrEnum):
    UNPAID = "unpaid"
    PAID = "paid"
    SHIPPED = "shipped"
    COMPLETED = "completed"
    CLOSED = "closed"
    REFUNDED = "refunded"


PAID_STATUSES = (OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.COMPLETED)


class Stage(enum.StrEnum):
    PROSPECT = "prospect"
    INTERESTED = "interested"
    NEW = "new"
    REPEAT = "repeat"
    LOYAL = "loyal"
    DORMANT = "dormant"
    LOST = "lost"


class Platform(enum.StrEnum):
    TAOBAO = "taobao_tmall"
    JD = "jd"
    PDD = "pdd"
    DOUYIN = "douyin"
    KUAISHOU = "kuaishou"
    WECHAT_SHOP = "wechat_shop"
    YOUZAN = "youzan"
    SHOPIFY = "shopify"
    OTHER = "other"


class CalendarKind(enum.StrEnum):
    SOLAR = "solar"
    LUNAR = "lunar"


class NoteKind(enum.StrEnum):
    VIP = "vip"
    GENERAL = "general"
    CARE = "care"


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str | None] = mapped_column(String(32), index=True)
    platform_buyer_id: Mapped[str | None] = mapped_column(String(128))
    nickname: Mapped[str | None] = mapped_column(String(128))
    name: Mapped[str | None] = mapped_column(String(128))
    phone: Mapped[str | None] = mapped_column(String(32))
    phone_alt: Mapped[str | None] = mapped_column(String(32))
    # Reps ask "尾号 1234?": an indexed tail answers in well under a millisecond at 1M buyers.
    phone_last4: Mapped[str | None] = mapped_column(String(4), index=True)
    email: Mapped[str | None] = mapped_column(String(254))
    wechat_id: Mapped[str | None] = mapped_column(String(64))
    gender: Mapped[str | None] = mapped_column(String(1))
    province: Mapped[str | None] = mapped_column(String(32), index=True)
    city: Mapped[str | None] = mapped_column(String(32), index=True)
    district: Mapped[str | None] = mapped_column(String(32))
    address: Mapped[str | None] = mapped_column(String(255))

    # Birthday: solar month/day, or the lunar month/day (+ leap flag) converted anew each year.
    birthday_calendar: Mapped[str | None] = mapped_column(String(5))
    birth_year: Mapped[int | None]
    birth_month: Mapped[int | None]
    birth_day: Mapped[int | None]
    birth_is_leap_month: Mapped[bool] = mapped_column(Boolean, default=False)

    source: Mapped[str] = mapped_column(String(16), default="import")
    is_vip: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    do_not_contact: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    dnc_reason: Mapped[str | None] = mapped_column(String(255))
    dnc_since: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=_now)
    updated_at: Mapped[datetime] = mapped_column(default=_now, onupdate=_now)

    # Cached figures, kept current by core.figures.lifecycle after every import and edit.
    order_count: Mapped[int] = mapped_column(Integer, default=0)
    paid_orders: Mapped[int] = mapped_column(Integer, default=0, index=True)
    total_spent: Mapped[Decimal] = mapped_column(default=Decimal(0), index=True)
    first_order_at: Mapped[datetime | None]
    first_paid_at: Mapped[datetime | None]
    last_order_at: Mapped[datetime | None] = mapped_column(index=True)
    last_paid_at: Mapped[datetime | None] = mapped_column(index=True)
    stage: Mapped[str] = mapped_column(String(12), default=Stage.PROSPECT, index=True)
    stage_since: Mapped[date | None] = mapped_column(Date)
    r_score: Mapped[int | None]
    f_score: Mapped[int | None]
    m_score: Mapped[int | None]
    rfm_segment: Mapped[str | None] = mapped_column(String(24))
    median_gap_days: Mapped[float | None] = mapped_column(Float)
    overdue: Mapped[float | None] = mapped_column(Float)
    # Membership, kept current by core.loyalty after every import and edit: the tier and the points balance.
    member_tier: Mapped[str | None] = mapped_column(String(32), index=True)
    tier_since: Mapped[date | None] = mapped_column(Date)
    points: Mapped[int] = mapped_column(Integer, default=0, server_default="0", index=True)
    # The repurchase forecast (core.loyalty.forecast): None where the shop has too few repeat buyers to fit.
    p_alive: Mapped[float | None] = mapped_column(Float)
    expected_90d: Mapped[float | None] = mapped_column(Float)  # expected purchase days in the next 90 days
    next_order_value: Mapped[float | None] = mapped_column(Float)  # yuan
    next_order_on: Mapped[date | None] = mapped_column(Date)  # shown only while p_alive >= 0.5
    # Set when this record was merged into another; merged customers are hidden but kept for undo.
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id", ondelete="SET NULL"), index=True)

    orders: Mapped[list[Order]] = relationship(back_populates="customer", passive_deletes=True)
    aliases: Mapped[list[CustomerAlias]] = relationship(
        back_populates="customer", cascade="all, delete-orphan", passive_deletes=True
    )
    notes: Mapped[list[Note]] = relationship(
        back_populates="customer", cascade="all, delete-orphan", passive_deletes=True
    )
    tags: Mapped[list[Tag]] = relationship(secondary="customer_tags", back_populates="customers")

    __table_args__ = (
        Index("ix_customers_platform_buyer", "platform", "platform_buyer_id"),
        Index("ix_customers_phone", "phone"),
        Index("ix_customers_birthday", "birth_month", "birth_day"),
    )

    @property
    def display_name(self) -> str:
        return self.name or self.nickname or self.platform_buyer_id or self.phone or f"#{self.id}"


class CustomerSearchKey(Base):
    """Derived by core.search.keys: the fragments search-as-you-type matches by prefix.

    Suffixes of names, nicknames, platform accounts and e-mails, pinyin and initials, phones and WeChat ids,
    lower-cased, and phones and order numbers reversed (found by their tails). A prefix range on this one
    index answers a keystroke in milliseconds at a million buyers, where LIKE '%…%' scans the table and
    FTS5 trigrams miss the two-character queries most Chinese searches are. `kind` says what the key is of
    its buyer (core.search.keys.KeyKind), so the search can rank an exact name above a fragment.
    """

    __tablename__ = "customer_search_keys"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    # No foreign key: the keys are an index of the customers, written from their rows in the same transaction,
    # and a check per key row cost more than computing the keys (440,000 rows of a first import: 1.0 of 1.7 s
    # to copy them in). Whoever deletes customers deletes their keys (core.customers.deletion, importing.undo).
    customer_id: Mapped[int] = mapped_column(primary_key=True, index=True)
    kind: Mapped[int] = mapped_column(SmallInteger, default=0)
    # The buyer's last order, copied beside each key: the ranking breaks ties by it without reading the
    # customer rows of thousands of matches (the keys are rewritten whenever it moves).
    last_order_at: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = {"sqlite_with_rowid": False}


class CustomerSearchDigest(Base):
    """Derived by core.search.keys: a fingerprint of what each buyer's keys were made from, so a refresh of
    every buyer rewrites only the keys of those whose names, phones, accounts, orders or last order moved."""

    __tablename__ = "customer_search_digests"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True)
    digest: Mapped[int] = mapped_column(BigInteger)


# The alias kinds that are a buyer's platform account (Taobao 买家会员名, JD 下单帐号, a Pinduoduo or Douyin 买家昵称,
# a Youzan buyer phone, a Shopify e-mail): what a rep sees in the chat tool, one per platform.
ACCOUNT_ALIAS_KINDS = ("buyer_id", "nickname", "email")


class CustomerAlias(Base):
    """An identity seen for a buyer in an import (buyer key, phone, email, name+address...)."""

    __tablename__ = "customer_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    platform: Mapped[str] = mapped_column(String(32), default="")
    value: Mapped[str] = mapped_column(String(255))
    first_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=_now)

    customer: Mapped[Customer] = relationship(back_populates="aliases")

    __table_args__ = (UniqueConstraint("kind", "platform", "value"),)


class Order(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(32))
    # The key, unique across all the seller's shops on the platform (Shopify: the export's global Id).
    platform_order_id: Mapped[str] = mapped_column(String(64))
    # The number the shop shows (Shopify's #1001) where it is not the key; see shown_number.
    order_name: Mapped[str | None] = mapped_column(String(64))
    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customers.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(12), index=True)
    status_raw: Mapped[str | None] = mapped_column(String(64))
    total_amount: Mapped[Decimal | None]
    paid_amount: Mapped[Decimal | None]
    shipping_fee: Mapped[Decimal | None]
    refund_amount: Mapped[Decimal | None]
    created_at: Mapped[datetime | None] = mapped_column(index=True)
    paid_at: Mapped[datetime | None]
    shipped_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]
    item_summary: Mapped[str | None] = mapped_column(Text)
    quantity: Mapped[int | None]
    buyer_message: Mapped[str | None] = mapped_column(Text)
    seller_remark: Mapped[str | None] = mapped_column(Text)
    receiver_name: Mapped[str | None] = mapped_column(String(128))
    receiver_phone: Mapped[str | None] = mapped_column(String(32))
    receiver_address: Mapped[str | None] = mapped_column(String(255))
    province: Mapped[str | None] = mapped_column(String(32))
    city: Mapped[str | None] = mapped_column(String(32))
    tracking_no: Mapped[str | None] = mapped_column(String(64))
    shop_name: Mapped[str | None] = mapped_column(String(128))
    # A digest of the imported fields: re-importing an unchanged row is recognised without a diff.
    content_hash: Mapped[str | None] = mapped_column(String(40))
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="SET NULL"), index=True
    )
    updated_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))

    customer: Mapped[Customer | None] = relationship(back_populates="orders")
    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def shown_number(self) -> str:
        """The order number as the seller and the buyer know it."""
        return self.order_name or self.platform_order_id

    __table_args__ = (
        UniqueConstraint("platform", "platform_order_id"),
        Index("ix_orders_customer_created", "customer_id", "created_at"),
        Index("ix_orders_platform_order_id", "platform_order_id"),
    )


class OrderLine(Base):
    __tablename__ = "order_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    sub_order_id: Mapped[str | None] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(String(255))
    sku: Mapped[str | None] = mapped_column(String(255))
    quantity: Mapped[int | None]
    unit_price: Mapped[Decimal | None]
    amount: Mapped[Decimal | None]
    status: Mapped[str | None] = mapped_column(String(12))
    status_raw: Mapped[str | None] = mapped_column(String(64))

    order: Mapped[Order] = relationship(back_populates="lines")


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    color: Mapped[str] = mapped_column(String(9), default="#5b8def")
    created_at: Mapped[datetime] = mapped_column(default=_now)

    customers: Mapped[list[Customer]] = relationship(secondary="customer_tags", back_populates="tags")


class CustomerTag(Base):
    __tablename__ = "customer_tags"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True)
    created_at: Mapped[datetime] = mapped_column(default=_now)
    # Set when a tag rule gave this tag (core.loyalty.tag_rules adds and removes it); None: typed by hand,
    # which no rule or import ever touches.
    rule_id: Mapped[int | None] = mapped_column(ForeignKey("tag_rules.id", ondelete="CASCADE"), index=True)


class TagRule(Base):
    """A rule that gives its tag to every buyer who meets its conditions (all of them, or any)."""

    __tablename__ = "tag_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), index=True)
    match_all: Mapped[bool] = mapped_column(Boolean, default=True)
    conditions: Mapped[list[Any]] = mapped_column(JSON)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=_now)


class Note(Base):
    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(8), default=NoteKind.GENERAL)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=_now)
    updated_at: Mapped[datetime] = mapped_column(default=_now, onupdate=_now)

    customer: Mapped[Customer] = relationship(back_populates="notes")


class ContactPreferenceEvent(Base):
    """The history of do-not-contact: who set or cleared it, when and why."""

    __tablename__ = "contact_preference_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    do_not_contact: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str | None] = mapped_column(String(255))
    actor: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=_now)


class StageChange(Base):
    __tablename__ = "stage_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(String(12))
    previous_stage: Mapped[str | None] = mapped_column(String(12))
    changed_on: Mapped[date] = mapped_column(Date, index=True)


class TierChange(Base):
    __tablename__ = "tier_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    tier: Mapped[str | None] = mapped_column(String(32))
    previous_tier: Mapped[str | None] = mapped_column(String(32))
    changed_on: Mapped[date] = mapped_column(Date, index=True)
    # From one tier of the plan to a higher one (not a first tier, not down): the 升级祝贺 care rule's occasion.
    upward: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class PointKind(enum.StrEnum):
    ORDER = "order"  # earned by a paid order
    REFUND = "refund"  # an order's net paid amount fell (refunded, closed)
    UNDONE = "undone"  # the order left the buyer (its import undone, or moved by a merge)
    ADJUSTMENT = "adjustment"  # typed by hand, with a note
    REDEMPTION = "redemption"  # spent on a reward
    EXPIRY = "expiry"
    REWARD = "reward"  # a spend reward used with an order (满200返20): no points move, the use is kept


class PointEntry(Base):
    """One line of a buyer's points ledger; the balance is their sum (cached on Customer.points).

    Entries about an order name it by id without a foreign key: when the order goes, its entries stay as the
    history of what was earned and taken back."""

    __tablename__ = "point_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    points: Mapped[int] = mapped_column(Integer)
    order_id: Mapped[int | None] = mapped_column(Integer)
    booked_on: Mapped[date] = mapped_column(Date)
    # Earned points lapse after this day (an order's reversals carry the same day); None: never.
    expires_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    reward: Mapped[str | None] = mapped_column(String(64))  # the catalogue's reward a REWARD entry used
    created_at: Mapped[datetime] = mapped_column(default=_now)


class ImportBatch(Base):
    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(12), default="orders")
    file_name: Mapped[str] = mapped_column(String(255))
    file_hash: Mapped[str] = mapped_column(String(64), index=True)
    preset: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(12), default="committed")
    started_at: Mapped[datetime] = mapped_column(default=_now)
    finished_at: Mapped[datetime | None]
    undone_at: Mapped[datetime | None]
    rows_read: Mapped[int] = mapped_column(Integer, default=0)
    rows_rejected: Mapped[int] = mapped_column(Integer, default=0)
    orders_new: Mapped[int] = mapped_column(Integer, default=0)
    orders_updated: Mapped[int] = mapped_column(Integer, default=0)
    orders_unchanged: Mapped[int] = mapped_column(Integer, default=0)
    customers_new: Mapped[int] = mapped_column(Integer, default=0)
    customers_matched: Mapped[int] = mapped_column(Integer, default=0)
    report: Mapped[dict[str, Any] | None]
    # On a server: the rep's database role, written by a trigger from session_user (migration 0007).
    imported_by: Mapped[str | None] = mapped_column(String(64))


class ImportChange(Base):
    """What a batch did to one row, with the row's previous values, so the batch can be undone."""

    __tablename__ = "import_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batches.id", ondelete="CASCADE"), index=True)
    entity: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[int]
    action: Mapped[str] = mapped_column(String(8))
    before: Mapped[dict[str, Any] | None]


class ColumnMapping(Base):
    """A user's saved mapping for a sheet layout no preset knows."""

    __tablename__ = "column_mappings"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(12), default="orders")
    platform: Mapped[str | None] = mapped_column(String(32))
    header_signature: Mapped[str | None] = mapped_column(String(64), index=True)
    mapping: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=_now)


class Segment(Base):
    """A saved customer filter shown in the side bar."""

    __tablename__ = "segments"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    filters: Mapped[dict[str, Any]]
    position: Mapped[int] = mapped_column(Integer, default=0)


class CustomerMerge(Base):
    """A merge of one customer into another, with what moved, so it can be undone."""

    __tablename__ = "customer_merges"

    id: Mapped[int] = mapped_column(primary_key=True)
    kept_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    merged_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    moved: Mapped[dict[str, Any]]
    merged_at: Mapped[datetime] = mapped_column(default=_now)
    undone_at: Mapped[datetime | None]
    merged_by: Mapped[str | None] = mapped_column(String(64))  # session_user on a server, as imported_by


class CareRule(Base):
    __tablename__ = "care_rules"

    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    priority: Mapped[int] = mapped_column(Integer, default=50)
    params: Mapped[dict[str, Any]]
    template: Mapped[str] = mapped_column(Text, default="")


class CareTask(Base):
    __tablename__ = "care_tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    rule_key: Mapped[str] = mapped_column(String(32))
    # rule + customer + occasion: generating twice finds the same key and adds nothing.
    dedupe_key: Mapped[str] = mapped_column(String(128), unique=True)
    due_date: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)
    priority: Mapped[int] = mapped_column(Integer, default=50)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="SET NULL"))
    message: Mapped[str | None] = mapped_column(Text)
    channel: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    snoozed_until: Mapped[date | None] = mapped_column(Date)
    skip_reason: Mapped[str | None] = mapped_column(String(255))
    done_at: Mapped[datetime | None]
    worked_by: Mapped[str | None] = mapped_column(String(64))  # who last changed its status, on a server
    created_at: Mapped[datetime] = mapped_column(default=_now)
    updated_at: Mapped[datetime] = mapped_column(default=_now, onupdate=_now)


class AuditEvent(Base):
    """Sensitive actions (revealing a phone in rep mode, exports, restores), kept for the owner."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=_now, index=True)
    actor: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id", ondelete="SET NULL"))
    detail: Mapped[str | None] = mapped_column(Text)


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=_now, onupdate=_now, server_default=func.now())
