"""The customer list: filters that combine, a sort on any column done by the database, rows fetched by id.

The list works over ids: `customer_ids` returns the ordered ids of everyone matching (ints are cheap even at
a million), `customer_rows` fetches the few rows on screen. Nothing ever loads the whole book as objects.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session, aliased

from core.addresses import normal_province
from core.customers.birthday_filter import birthday_between_condition, birthday_this_month_condition
from core.figures.shops import customers_of_shops
from core.safety.privacy import RepMode, mask_alias, mask_phone, search_rep_mode
from core.store.models import ACCOUNT_ALIAS_KINDS, CalendarKind, Customer, CustomerAlias, CustomerTag, Tag

# Sort keys the list offers, each a column (or expression) the database orders by.
SORT_COLUMNS: dict[str, Any] = {
    "name": func.coalesce(Customer.name, Customer.nickname),
    "nickname": Customer.nickname,
    "platform": Customer.platform,
    "stage": Customer.stage,
    "paid_orders": Customer.paid_orders,
    "total_spent": Customer.total_spent,
    "last_order": Customer.last_order_at,
    "birthday": Customer.birth_month * 100 + Customer.birth_day,
    "city": Customer.city,
    "vip": Customer.is_vip,
    "do_not_contact": Customer.do_not_contact,
    "overdue": Customer.overdue,
    "member_tier": Customer.member_tier,
    "points": Customer.points,
    "p_alive": Customer.p_alive,
    "expected_90d": Customer.expected_90d,
    "next_order_value": Customer.next_order_value,
    "next_order": Customer.next_order_on,
    "id": Customer.id,
}
DEFAULT_SORT = "last_order"
# Best match first while there is a search (core.search.query.Rank), the default order without one.
RELEVANCE = "relevance"
ID_CHUNK = 20_000


@dataclass
class CustomerFilter:
    """What the list shows. Every part is optional; the parts combine with AND. Saved as a segment's JSON."""

    search: str = ""
    tags_any: list[str] = field(default_factory=list)
    tags_all: list[str] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)
    platforms: list[str] = field(default_factory=list)
    province: str | None = None
    city: str | None = None
    vip: bool | None = None
    do_not_contact: bool | None = None
    birthday_this_month: bool = False
    birthday_within_days: int | None = None
    spent_min: Decimal | None = None
    spent_max: Decimal | None = None
    orders_min: int | None = None
    orders_max: int | None = None
    last_order_after: date | None = None
    last_order_before: date | None = None
    ids: list[int] | None = None
    tiers: list[str] = field(default_factory=list)  # member tier is any of these
    tags_none: list[str] = field(default_factory=list)  # has none of these tags
    shops: list[str] = field(default_factory=list)  # has an order in any of the seller's shops named

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, leaving out what is unset."""
        data: dict[str, Any] = {}
        for key, value in asdict(self).items():
            if value is None or value == "" or value == [] or value is False and key == "birthday_this_month":
                continue
            data[key] = str(value) if isinstance(value, Decimal | date) else value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CustomerFilter:
        known = {f.name for f in fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        for key in ("spent_min", "spent_max"):
            if values.get(key) is not None:
                values[key] = Decimal(str(values[key]))
        for key in ("last_order_after", "last_order_before"):
            if isinstance(values.get(key), str):
                values[key] = date.fromisoformat(values[key])
        return cls(**values)

    def is_empty(self) -> bool:
        return not self.to_dict()


def _tag_members(names: list[str]) -> Select:  # type: ignore[type-arg]
    return select(CustomerTag.customer_id).join(Tag, Tag.id == CustomerTag.tag_id).where(Tag.name.in_(names))


def live_customer() -> ColumnElement[bool]:
    """Not merged into another record.

    Written as `id NOT IN (merged ids)` rather than `merged_into_id IS NULL`: the merged ids are few and come
    from an index, and the test then needs only the row id, so a sorted scan of a million buyers stays on its
    index instead of reading every row (10.8 s against 2.1 s, measured at 1M with a cold cache).
    """
    merged = aliased(Customer)
    return Customer.id.not_in(select(merged.id).where(merged.merged_into_id.is_not(None)))


def filter_conditions(customer_filter: CustomerFilter, today: date | None = None, *,
                      with_search: bool = True, rep_mode: RepMode = RepMode.OFF) -> list[ColumnElement[bool]]:
    """The WHERE conditions for a filter (its search left to the caller unless `with_search`); merged-away
    customers never show. In rep mode digits find whole phones or their last four only."""
    f = customer_filter
    today = today or date.today()
    conditions: list[ColumnElement[bool]] = [live_customer()]
    matches = None
    if f.search and with_search:
        from core.search.query import search_ids_query  # pypinyin under it: loaded by the first search

        matches = search_ids_query(f.search, rep_mode=rep_mode)
    if matches is not None:
        conditions.append(Customer.id.in_(matches))
    if f.ids is not None:
        conditions.append(Customer.id.in_(f.ids))
    if f.tags_any:
        conditions.append(Customer.id.in_(_tag_members(f.tags_any)))
    conditions.extend(Customer.id.in_(_tag_members([name])) for name in f.tags_all)
    if f.tags_none:
        conditions.append(Customer.id.not_in(_tag_members(f.tags_none)))
    if f.stages:
        conditions.append(Customer.stage.in_(f.stages))
    if f.platforms:
        conditions.append(Customer.platform.in_(f.platforms))
    if f.shops:
        conditions.append(Customer.id.in_(customers_of_shops(f.shops)))
    if f.province:
        conditions.append(Customer.province == normal_province(f.province))  # 浙江 finds 浙江省
    if f.city:
        conditions.append(Customer.city == f.city)
    if f.vip is not None:
        conditions.append(Customer.is_vip.is_(f.vip))
    if f.do_not_contact is not None:
        conditions.append(Customer.do_not_contact.is_(f.do_not_contact))
    if f.birthday_this_month:
        conditions.append(birthday_this_month_condition(today))
    if f.birthday_within_days is not None:
        conditions.append(birthday_between_condition(today, today + timedelta(days=f.birthday_within_days)))
    if f.tiers:
        conditions.append(Customer.member_tier.in_(f.tiers))
    if f.spent_min is not None:
        conditions.append(Customer.total_spent >= f.spent_min)
    if f.spent_max is not None:
        conditions.append(Customer.total_spent <= f.spent_max)
    if f.orders_min is not None:
        conditions.append(Customer.paid_orders >= f.orders_min)
    if f.orders_max is not None:
        conditions.append(Customer.paid_orders <= f.orders_max)
    if f.last_order_after is not None:
        conditions.append(Customer.last_order_at >= datetime.combine(f.last_order_after, datetime.min.time()))
    if f.last_order_before is not None:
        conditions.append(Customer.last_order_at < datetime.combine(f.last_order_before, datetime.min.time()))
    return conditions


def customer_ids(
    session: Session,
    customer_filter: CustomerFilter | None = None,
    sort: str = DEFAULT_SORT,
    descending: bool = True,
    limit: int | None = None,
    offset: int = 0,
    today: date | None = None,
) -> list[int]:
    """The ids of the customers the filter matches, in the asked order (ties by id).

    RELEVANCE puts a search's best matches first (the order the chat lookup and the CLI show too); without a
    search it is the default order."""
    customer_filter = customer_filter or CustomerFilter()
    if sort not in SORT_COLUMNS and sort != RELEVANCE:
        raise ValueError(f"cannot sort by {sort!r}; choose one of {RELEVANCE}, {', '.join(SORT_COLUMNS)}")
    rep_mode = search_rep_mode(session)
    matches = None
    if customer_filter.search:
        from core.search.query import ranked_matches, relevance_order  # pypinyin under it: the first search

        matches = ranked_matches(customer_filter.search, rep_mode=rep_mode)
    column = SORT_COLUMNS[DEFAULT_SORT if sort == RELEVANCE else sort]
    descending = descending or sort == RELEVANCE
    # Blanks (a prospect's last order) are the smallest on every backend: PostgreSQL would put them first
    # in a descending list, SQLite last.
    order = ((column.desc().nulls_last(), Customer.id.desc()) if descending
             else (column.asc().nulls_first(), Customer.id.asc()))
    if matches is not None and sort == RELEVANCE and replace(customer_filter, search="").is_empty():
        # The matches carry what they are ranked by: no customer row is read (thousands, for a broad query).
        from core.search.query import not_merged_away

        query = select(matches.c.customer_id).where(not_merged_away(matches.c.customer_id)).order_by(
            *relevance_order(matches))
    elif matches is not None:
        # The matches (a few thousand at most) lead: asked for an order, the database could otherwise walk
        # that column's index through the whole book looking for them.
        query = select(Customer.id).select_from(matches).join(Customer, Customer.id == matches.c.customer_id) \
            .where(*filter_conditions(customer_filter, today, with_search=False)) \
            .order_by(*(relevance_order(matches) if sort == RELEVANCE else order))
    else:
        query = select(Customer.id).where(
            *filter_conditions(replace(customer_filter, search=""), today, rep_mode=rep_mode)).order_by(*order)
    query = query.offset(offset).limit(limit)
    # Streamed in chunks: a million Row objects at once would cost ~180 MB for a moment; ints cost ~36 MB.
    return list(session.scalars(query.execution_options(yield_per=ID_CHUNK)))


def count_customers(session: Session, customer_filter: CustomerFilter | None = None,
                    today: date | None = None) -> int:
    query = select(func.count()).select_from(Customer).where(
        *filter_conditions(customer_filter or CustomerFilter(), today, rep_mode=search_rep_mode(session))
    )
    return int(session.scalar(query) or 0)


@dataclass
class CustomerRow:
    """One line of the list, as shown."""

    id: int
    name: str | None
    nickname: str | None
    platform: str | None
    phone: str | None
    phone_alt: str | None
    stage: str
    tags: list[tuple[str, str]]
    paid_orders: int
    total_spent: Decimal
    last_order_at: datetime | None
    birthday: str
    city: str | None
    province: str | None
    is_vip: bool
    do_not_contact: bool
    overdue: float | None
    r_score: int | None
    f_score: int | None
    m_score: int | None
    rfm_segment: str | None
    accounts: list[str] = field(default_factory=list)
    member_tier: str | None = None
    points: int = 0
    median_gap_days: float | None = None
    p_alive: float | None = None
    expected_90d: float | None = None
    next_order_value: float | None = None  # yuan, the expected value of the next order (Gamma-Gamma)
    next_order_on: date | None = None
    rule_tags: frozenset[str] = frozenset()  # those of `tags` a tag rule gave (and keeps up to date)

    @property
    def display_name(self) -> str:
        return listed_name(self.name, self.nickname, self.id)


def listed_name(name: str | None, nickname: str | None, customer_id: int) -> str:
    """How lists, the detail and the duplicates name a buyer: never by phone, as reps see them too."""
    return name or nickname or f"#{customer_id}"


def birthday_text(calendar: str | None, month: int | None, day: int | None, leap: bool = False) -> str:
    """`05-01` for a solar birthday, `农历 闰4-15` for a lunar one, '' when unknown."""
    if not month or not day:
        return ""
    if calendar == str(CalendarKind.LUNAR):
        return f"农历 {'闰' if leap else ''}{month}-{day}"
    return f"{month:02d}-{day:02d}"


def tags_by_customer(session: Session, ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    found: dict[int, list[tuple[str, str]]] = defaultdict(list)
    query = (
        select(CustomerTag.customer_id, Tag.name, Tag.color)
        .join(Tag, Tag.id == CustomerTag.tag_id)
        .where(CustomerTag.customer_id.in_(ids))
        .order_by(CustomerTag.customer_id, Tag.name)
    )
    for customer_id, name, color in session.execute(query):
        found[customer_id].append((name, color))
    return found


def rule_tags_by_customer(session: Session, ids: list[int]) -> dict[int, frozenset[str]]:
    """The tags a tag rule gave each of these buyers; a tag typed by hand is not among them."""
    given: dict[int, set[str]] = defaultdict(set)
    for customer_id, name in session.execute(select(CustomerTag.customer_id, Tag.name).join(Tag).where(
            CustomerTag.customer_id.in_(ids), CustomerTag.rule_id.is_not(None))):
        given[customer_id].add(name)
    return {customer_id: frozenset(names) for customer_id, names in given.items()}


@dataclass(frozen=True)
class Account:
    """A buyer's account on a platform, as the rep sees it in the chat (masked in rep mode when a phone)."""

    platform: str
    value: str


def accounts_by_customer(session: Session, ids: list[int], masked: bool = False) -> dict[int, list[Account]]:
    """Each buyer's platform accounts, in the order the imports first saw them."""
    found: dict[int, list[Account]] = defaultdict(list)
    query = (
        select(CustomerAlias.customer_id, CustomerAlias.kind, CustomerAlias.platform, CustomerAlias.value)
        .where(CustomerAlias.customer_id.in_(ids), CustomerAlias.kind.in_(ACCOUNT_ALIAS_KINDS))
        .order_by(CustomerAlias.customer_id, CustomerAlias.id)
    )
    for customer_id, kind, platform, value in session.execute(query):
        found[customer_id].append(Account(platform, mask_alias(kind, value) if masked else value))
    return found


def customer_rows(session: Session, ids: list[int], masked: bool = False) -> list[CustomerRow]:
    """The rows for these ids, in the same order; missing ids are left out. Phones masked in rep mode."""
    if not ids:
        return []
    c = Customer
    query = select(
        c.id, c.name, c.nickname, c.platform, c.phone, c.phone_alt, c.stage, c.paid_orders, c.total_spent,
        c.last_order_at, c.birthday_calendar, c.birth_month, c.birth_day, c.birth_is_leap_month, c.city,
        c.province, c.is_vip, c.do_not_contact, c.overdue, c.r_score, c.f_score, c.m_score, c.rfm_segment,
        c.member_tier, c.points, c.median_gap_days, c.p_alive, c.expected_90d, c.next_order_value, c.next_order_on,
    ).where(c.id.in_(ids))
    tags, by_rules = tags_by_customer(session, ids), rule_tags_by_customer(session, ids)
    accounts = accounts_by_customer(session, ids, masked)
    by_id = {}
    for r in session.execute(query):
        by_id[r.id] = CustomerRow(
            id=r.id, name=r.name, nickname=r.nickname, platform=r.platform,
            phone=mask_phone(r.phone) if masked else r.phone,
            phone_alt=mask_phone(r.phone_alt) if masked else r.phone_alt,
            stage=r.stage, tags=tags.get(r.id, []), paid_orders=r.paid_orders, total_spent=r.total_spent,
            last_order_at=r.last_order_at,
            birthday=birthday_text(r.birthday_calendar, r.birth_month, r.birth_day, r.birth_is_leap_month),
            city=r.city, province=r.province, is_vip=r.is_vip, do_not_contact=r.do_not_contact,
            overdue=r.overdue, r_score=r.r_score, f_score=r.f_score, m_score=r.m_score,
            rfm_segment=r.rfm_segment, accounts=[account.value for account in accounts.get(r.id, [])],
            member_tier=r.member_tier, points=r.points,
            median_gap_days=r.median_gap_days, p_alive=r.p_alive, expected_90d=r.expected_90d,
            next_order_value=r.next_order_value,
            next_order_on=r.next_order_on, rule_tags=by_rules.get(r.id, frozenset()),
        )
    return [by_id[i] for i in ids if i in by_id]
