"""What each rule finds in the shop's data: an occasion is one reason to contact one buyer on one day.

An occasion's `dedupe_key` names the rule, the buyer and the occasion itself (the birthday's date, the order,
the month...), never the day generation ran, so finding it again maps onto the same task.
"""

from __future__ import annotations

import calendar
import hashlib
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.care.filters import chunks, eligible_customer_ids
from core.care.holidays import FESTIVAL_GENDERS, FESTIVAL_NAMES, festival_dates, festival_name
from core.care.rules import BACKLOG_SKIP, CareSettings, Rule
from core.care.templates import month_day, shorten
from core.figures.birthdays import Birthday, birthdays_between
from core.figures.insights import load_product_lines, product_gaps
from core.figures.lifecycle import load_thresholds
from core.figures.order_facts import day_number
from core.store.models import (
    PAID_STATUSES,
    CalendarKind,
    Customer,
    ImportBatch,
    Order,
    OrderLine,
    OrderStatus,
    Stage,
    TierChange,
)

ORDER_LOOKBACK_DAYS = 120  # completed orders are followed up on their completion, months after creation
# An order follow-up due up to a week before its order reached the book is still worth doing (a weekly export);
# one due earlier was the business of the days before Laoke knew the order (the backlog policy's to keep or drop).
BACKLOG_GRACE_DAYS = 7
CATCH_UP_DAYS = 7  # a caught-up backlog of win-backs is spread over this many days
BIRTHDAY_PREP = "birthday_prep"
EPOCH = date(1970, 1, 1)  # day 0 of the order arrays


@dataclass(frozen=True)
class Span:
    """The days generation covers, both ends included."""

    start: date
    end: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def days(self) -> Iterator[date]:
        day = self.start
        while day <= self.end:
            yield day
            day += timedelta(days=1)


@dataclass(frozen=True)
class Context:
    now: datetime
    settings: CareSettings
    holidays_path: Path | None = None


@dataclass(frozen=True)
class Occasion:
    rule_key: str
    customer_id: int
    due: date
    dedupe_key: str
    capped: bool
    values: dict[str, str] = field(default_factory=dict)
    order_id: int | None = None
    template: str | None = None  # None: the rule's own template
    internal: bool = False  # a reminder for the shop (prepare a gift), not a message to the buyer


def is_outreach(dedupe_key: str, rule: Rule) -> bool:
    """Whether a task counts toward the frequency cap: a birthday's preparation reminder never does."""
    return rule.capped and not dedupe_key.startswith(BIRTHDAY_PREP + ":")


def _day(value: datetime | date | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February falls on 28 February in common years."""
    year = day.year + years
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


def birthday_occasions(session: Session, rule: Rule, span: Span, context: Context) -> Iterable[Occasion]:
    ahead = int(rule.param("days_ahead") or 0)
    on_the_day = bool(rule.param("on_the_day"))
    rows = session.execute(
        select(Customer.id, Customer.birthday_calendar, Customer.birth_month, Customer.birth_day).where(
            Customer.birthday_calendar.is_not(None), Customer.birth_month.is_not(None),
            Customer.birth_day.is_not(None), Customer.merged_into_id.is_(None),
        )
    )
    celebrations: dict[tuple[str, int, int], list[date]] = {}  # many buyers share a birthday: convert once
    for customer_id, kind, month, day in rows:
        if (kind, month, day) not in celebrations:
            try:
                # Leap months and birth years do not move the celebration (leap months use the ordinary month).
                birthday = Birthday(CalendarKind(kind), month, day)
            except ValueError:
                birthday = None
            celebrations[kind, month, day] = [] if birthday is None else birthdays_between(
                birthday, span.start, span.end + timedelta(days=ahead))
        for when in celebrations[kind, month, day]:
            if on_the_day and when in span:
                yield Occasion(rule.key, customer_id, when, f"birthday:{customer_id}:{when}", rule.capped,
                               {"生日": month_day(when), "天数": "0"})
            if ahead and when - timedelta(days=ahead) in span:
                yield Occasion(rule.key, customer_id, when - timedelta(days=ahead),
                               f"{BIRTHDAY_PREP}:{customer_id}:{when}", False,
                               {"生日": month_day(when), "天数": str(ahead)}, template=rule.param("prep_template"),
                               internal=True)


def holiday_occasions(session: Session, rule: Rule, span: Span, context: Context) -> Iterable[Occasion]:
    before = int(rule.param("days_before") or 0)
    chosen = set(rule.param("festivals") or ())
    due_festivals = []
    for year in range(span.start.year, span.end.year + 2):
        for key, day in festival_dates(year, context.holidays_path).items():
            # A festival the shop added in holidays.json is one it wants to greet.
            if (key in chosen or key not in FESTIVAL_NAMES) and day - timedelta(days=before) in span:
                due_festivals.append((key, day))
    if not due_festivals:
        return
    eligible = eligible_customer_ids(session, rule.filters)
    genders = _genders(session, eligible) if any(key in FESTIVAL_GENDERS for key, _day in due_festivals) else {}
    for customer_id in sorted(eligible):
        for key, day in due_festivals:
            if key in FESTIVAL_GENDERS and genders.get(customer_id) != FESTIVAL_GENDERS[key]:
                continue
            yield Occasion(rule.key, customer_id, day - timedelta(days=before),
                           f"holiday:{key}:{day.year}:{customer_id}", rule.capped,
                           {"节日": festival_name(key), "日期": month_day(day), "天数": str(before)})


def _genders(session: Session, ids: set[int]) -> dict[int, str]:
    """The known genders (one read of the table: cheaper than binding many ids)."""
    return dict(session.execute(select(Customer.id, Customer.gender).where(Customer.gender.is_not(None))).all()) \
        if ids else {}


def _orders(session: Session, statuses: Iterable[str], span: Span):  # type: ignore[no-untyped-def]
    """The orders a follow-up rule looks at, each with `arrived`: when its import batch brought it into the book."""
    since = datetime.combine(span.start - timedelta(days=ORDER_LOOKBACK_DAYS), time.min)
    return session.execute(
        select(Order.id, Order.customer_id, Order.created_at, Order.paid_at, Order.shipped_at,
               Order.completed_at, Order.item_summary,
               func.coalesce(Order.order_name, Order.platform_order_id).label("shown_number"), Order.tracking_no,
               ImportBatch.started_at.label("arrived"))
        .outerjoin(ImportBatch, ImportBatch.id == Order.import_batch_id)
        .where(Order.status.in_([str(status) for status in statuses]), Order.customer_id.is_not(None),
               Order.created_at >= since)
    )


def _backlog(order, due: date, context: Context) -> bool:  # type: ignore[no-untyped-def]
    """Whether a follow-up fell due well before its order reached the book, and the shop skips such backlog."""
    if context.settings.backlog != BACKLOG_SKIP or order.arrived is None:
        return False
    arrived = min(_day(order.arrived), context.now.date())  # generation as of an earlier day: known by then
    return due < arrived - timedelta(days=BACKLOG_GRACE_DAYS)


def _order_values(order, days: int | None = None) -> dict[str, str]:  # type: ignore[no-untyped-def]
    values = {"商品": shorten(order.item_summary), "订单号": order.shown_number or "",
              "运单号": order.tracking_no or ""}
    if days is not None:
        values["天数"] = str(days)
    return values


def into_send_window(moment: datetime, settings: CareSettings) -> datetime:
    """The first moment at or after `moment` inside the daily send window."""
    if settings.in_send_window(moment.time()):
        return moment
    if moment.time() < settings.window_start:
        return datetime.combine(moment.date(), settings.window_start)
    return datetime.combine(moment.date() + timedelta(days=1), settings.window_start)


def unpaid_occasions(session: Session, rule: Rule, span: Span, context: Context) -> Iterable[Occasion]:
    """催付: once, inside the send window, and only within 24 hours of the order's creation."""
    delay = timedelta(hours=float(rule.param("delay_hours") or 0))
    for order in _orders(session, [OrderStatus.UNPAID], span):
        if order.created_at is None:
            continue
        deadline = order.created_at + timedelta(hours=24)
        send_at = into_send_window(order.created_at + delay, context.settings)
        if send_at > deadline or context.now > deadline or send_at.date() not in span:
            continue
        yield Occasion(rule.key, order.customer_id, send_at.date(), f"order_unpaid:{order.id}", rule.capped,
                       _order_values(order), order_id=order.id)


def shipped_occasions(session: Session, rule: Rule, span: Span, context: Context) -> Iterable[Occasion]:
    for order in _orders(session, [OrderStatus.SHIPPED], span):
        due = _day(order.shipped_at or order.paid_at or order.created_at)
        if due in span and not _backlog(order, due, context):
            yield Occasion(rule.key, order.customer_id, due, f"order_shipped:{order.id}", rule.capped,
                           _order_values(order), order_id=order.id)


def _after_completion(prefix: str) -> Callable[[Session, Rule, Span, Context], Iterable[Occasion]]:
    def find(session: Session, rule: Rule, span: Span, context: Context) -> Iterable[Occasion]:
        days = int(rule.param("days_after") or 0)
        for order in _orders(session, [OrderStatus.COMPLETED], span):
            finished = _day(order.completed_at or order.shipped_at or order.created_at)
            if (finished is not None and finished + timedelta(days=days) in span
                    and not _backlog(order, finished + timedelta(days=days), context)):
                yield Occasion(rule.key, order.customer_id, finished + timedelta(days=days),
                               f"{prefix}:{order.id}", rule.capped, _order_values(order, days), order_id=order.id)

    return find


def refund_occasions(session: Session, rule: Rule, span: Span, context: Context) -> Iterable[Occasion]:
    for order in _orders(session, [OrderStatus.REFUNDED], span):
        due = max(filter(None, (_day(order.completed_at), _day(order.shipped_at), _day(order.paid_at),
                                _day(order.created_at))))
        if due in span and not _backlog(order, due, context):
            yield Occasion(rule.key, order.customer_id, due, f"order_refund:{order.id}", rule.capped,
                           _order_values(order), order_id=order.id)


def anniversary_occasions(session: Session, rule: Rule, span: Span, context: Context) -> Iterable[Occasion]:
    """相识一百天 and one year: from the first paid order."""
    marks = [int(days) for days in rule.param("days") or ()]
    if not marks:
        return
    since = datetime.combine(span.start - timedelta(days=max(marks) + 1), time.min)
    until = datetime.combine(span.end - timedelta(days=min(marks) - 1), time.min)
    rows = session.execute(select(Customer.id, Customer.first_paid_at).where(
        Customer.first_paid_at >= since, Customer.first_paid_at < until, Customer.merged_into_id.is_(None)))
    for customer_id, first_paid_at in rows:
        first = first_paid_at.date()
        for days in marks:
            when = add_years(first, days // 365) if days % 365 == 0 else first + timedelta(days=days)
            if when in span:
                yield Occasion(rule.key, customer_id, when, f"anniversary:{customer_id}:{days}", rule.capped,
                               {"天数": str((when - first).days)})


def winback_occasions(session: Session, rule: Rule, span: Span, context: Context) -> Iterable[Occasion]:
    """When a buyer turns dormant; buying again makes them active, and the task withdraws.

    A first import makes every long-quiet buyer dormant on the day it ran (their stage_since): thousands of
    win-backs on one day. They turned dormant long before, `active_days` after their last paid order; skipping
    the backlog uses that day (so it falls before the span), catching up spreads them over a week instead.
    """
    delay = timedelta(days=int(rule.param("days_after") or 0))
    active_days = load_thresholds(session.connection()).active_days
    rows = session.execute(select(Customer.id, Customer.stage_since, Customer.last_paid_at).where(
        Customer.stage == Stage.DORMANT, Customer.merged_into_id.is_(None)))
    for customer_id, stage_since, last_paid_at in rows:
        quiet_since = _day(last_paid_at) + timedelta(days=active_days + 1) if last_paid_at else None
        became = stage_since or quiet_since
        if became is None:
            continue
        due = became + delay
        if quiet_since is not None and quiet_since < became:  # dormant before the book knew them: backlog
            if context.settings.backlog == BACKLOG_SKIP:
                due = quiet_since + delay
            else:
                due += timedelta(days=customer_id % CATCH_UP_DAYS)
        if due in span:
            yield Occasion(rule.key, customer_id, due, f"winback:{customer_id}:{became}", rule.capped,
                           {"天数": str((became - _day(last_paid_at)).days) if last_paid_at else ""})


def repurchase_occasions(session: Session, rule: Rule, span: Span, context: Context) -> Iterable[Occasion]:
    """Overdue against the buyer's own rhythm, a product gap the shop set, or one it learned from its orders."""
    yield from _rhythm_occasions(session, rule, span)
    manual_gaps = {keyword: int(days) for keyword, days in (rule.param("product_gaps") or {}).items()}
    for keyword, gap_days in manual_gaps.items():
        yield from _keyword_occasions(session, rule, span, keyword, gap_days)
    if rule.param("learned_gaps"):
        yield from _learned_gap_occasions(session, rule, span, context.now.date(), manual_gaps)


def _rhythm_occasions(session: Session, rule: Rule, span: Span) -> Iterable[Occasion]:
    factor = float(rule.param("rhythm_factor") or 1)
    rows = session.execute(select(Customer.id, Customer.last_paid_at, Customer.median_gap_days).where(
        Customer.median_gap_days.is_not(None), Customer.last_paid_at.is_not(None),
        Customer.stage != Stage.LOST, Customer.merged_into_id.is_(None)))
    for customer_id, last_paid_at, gap in rows:
        last = last_paid_at.date()
        wait = math.ceil(gap * factor)
        if last + timedelta(days=wait) in span:
            yield Occasion(rule.key, customer_id, last + timedelta(days=wait),
                           f"repurchase:{customer_id}:rhythm:{last}", rule.capped, {"天数": str(wait)})


def _keyword_occasions(session: Session, rule: Rule, span: Span, keyword: str, gap_days: int) -> Iterable[Occasion]:
    last_bought = session.execute(
        select(Order.customer_id, func.max(Order.created_at))
        .join(OrderLine, OrderLine.order_id == Order.id)
        .where(OrderLine.title.contains(keyword, autoescape=True), Order.customer_id.is_not(None),
               Order.status.in_([str(status) for status in PAID_STATUSES]))
        .group_by(Order.customer_id)
    )
    for customer_id, last_at in last_bought:
        last = _day(last_at if isinstance(last_at, datetime) else datetime.fromisoformat(str(last_at)))
        due = last + timedelta(days=gap_days)
        if due in span:
            yield Occasion(rule.key, customer_id, due, f"repurchase:{customer_id}:{keyword}:{last}", rule.capped,
                           {"商品": keyword, "天数": str(gap_days)})


def _learned_gap_occasions(session: Session, rule: Rule, span: Span, today: date,
                           manual_gaps: dict[str, int]) -> Iterable[Occasion]:
    """Each buyer's last purchase of a title, plus the median gap the shop's repeat buyers of it show.

    Only titles at least `min_repeat_buyers` buyers bought again count, so one buyer's habit is not a rule;
    a title a keyword the shop set covers keeps the shop's gap.
    """
    lines = load_product_lines(session.connection())
    gaps = product_gaps(lines, today)
    enough = int(rule.param("min_repeat_buyers") or 1)
    learned = {int(code): max(1, round(float(days))) for code, days, buyers
               in zip(gaps.title_codes, gaps.median_days, gaps.buyers, strict=True)
               if len(buyers) >= enough and not any(keyword in lines.titles[code] for keyword in manual_gaps)}
    if not learned:
        return
    keep = np.isin(lines.title_code, list(learned)) & (lines.day <= day_number(today))
    title, customer, day = lines.title_code[keep], lines.customer_id[keep], lines.day[keep]
    order = np.lexsort((day, customer, title))
    title, customer, day = title[order], customer[order], day[order]
    last_of_pair = np.append((title[1:] != title[:-1]) | (customer[1:] != customer[:-1]), True)
    due_by_pair = {}
    for code, customer_id, last_day in zip(title[last_of_pair].tolist(), customer[last_of_pair].tolist(),
                                           day[last_of_pair].tolist(), strict=True):
        last = EPOCH + timedelta(days=last_day)
        if last + timedelta(days=learned[code]) in span:
            due_by_pair[(customer_id, code)] = last
    active = _active_customers(session, {customer_id for customer_id, _code in due_by_pair})
    for (customer_id, code), last in due_by_pair.items():
        if customer_id in active:
            title_text = lines.titles[code]
            yield Occasion(rule.key, customer_id, last + timedelta(days=learned[code]),
                           f"repurchase:{customer_id}:{_title_key(title_text)}:{last}", rule.capped,
                           {"商品": shorten(title_text), "天数": str(learned[code])})


def _title_key(title: str) -> str:
    """A short stable name for a product title: dedupe keys have 128 characters, titles can be long."""
    return "title-" + hashlib.blake2s(title.encode(), digest_size=6).hexdigest()


def _active_customers(session: Session, customer_ids: set[int]) -> set[int]:
    """Of these buyers, the ones not lost and not merged into another record."""
    active: set[int] = set()
    for chunk in chunks(sorted(customer_ids)):
        active.update(session.scalars(select(Customer.id).where(
            Customer.id.in_(chunk), Customer.stage != Stage.LOST, Customer.merged_into_id.is_(None))))
    return active


def vip_checkin_occasions(session: Session, rule: Rule, span: Span, context: Context) -> Iterable[Occasion]:
    """Every N days per VIP, staggered by customer id so the calls spread over the month."""
    every = max(1, int(rule.param("every_days") or 30))
    for customer_id in sorted(eligible_customer_ids(session, rule.filters)):
        for day in span.days():
            if (day.toordinal() + customer_id) % every == 0:
                yield Occasion(rule.key, customer_id, day, f"vip_checkin:{customer_id}:{day}", rule.capped,
                               {"天数": str(every)})


def member_day_occasions(session: Session, rule: Rule, span: Span, context: Context) -> Iterable[Occasion]:
    wanted = int(rule.param("day_of_month") or 8)
    days = []
    month_start = span.start.replace(day=1)
    while month_start <= span.end:
        last = calendar.monthrange(month_start.year, month_start.month)[1]
        day = month_start.replace(day=min(wanted, last))
        if day in span:
            days.append(day)
        month_start = month_start.replace(day=last) + timedelta(days=1)
    if not days:
        return
    for customer_id in sorted(eligible_customer_ids(session, rule.filters)):
        for day in days:
            yield Occasion(rule.key, customer_id, day, f"member_day:{customer_id}:{day:%Y-%m}", rule.capped,
                           {"日期": f"{wanted}日"})


def tier_upgrade_occasions(session: Session, rule: Rule, span: Span, context: Context) -> Iterable[Occasion]:
    """升级祝贺 on the day a buyer moved up a member tier; once per tier, however often they fall back and
    climb again (a tier over a spending window can)."""
    rows = session.execute(select(TierChange.customer_id, TierChange.tier, TierChange.changed_on).where(
        TierChange.upward.is_(True), TierChange.changed_on >= span.start, TierChange.changed_on <= span.end))
    for customer_id, tier, changed_on in rows:
        yield Occasion(rule.key, customer_id, changed_on, f"tier_upgrade:{customer_id}:{tier}", rule.capped,
                       {"等级": tier})


FINDERS: dict[str, Callable[[Session, Rule, Span, Context], Iterable[Occasion]]] = {
    "birthday": birthday_occasions,
    "holiday": holiday_occasions,
    "order_unpaid": unpaid_occasions,
    "order_shipped": shipped_occasions,
    "order_followup": _after_completion("order_followup"),
    "order_review": _after_completion("order_review"),
    "order_refund": refund_occasions,
    "anniversary": anniversary_occasions,
    "winback": winback_occasions,
    "repurchase": repurchase_occasions,
    "vip_checkin": vip_checkin_occasions,
    "member_day": member_day_occasions,
    "tier_upgrade": tier_upgrade_occasions,
}
