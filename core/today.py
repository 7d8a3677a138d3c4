"""The desk a seller opens every morning: what today holds, read from what is stored.

It reads the care calendar as planned (it never plans it), the orders, the cached customer figures and the
import history, with a handful of aggregate queries, so the Today page can show it moments after the window
appears. Each line that names buyers carries their ids, so the page can open exactly that list.

It sits above `customers` (it asks the customer book's birthday condition) and beside `demo`.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import case, distinct, func, or_, select
from sqlalchemy.orm import Session

from core.care.rules import unpaid_remind_days
from core.care.tasks import day_counts
from core.customers.birthday_filter import birthday_between_condition
from core.figures.order_facts import NET_PAID
from core.store.models import PAID_STATUSES, Customer, ImportBatch, Order, OrderStatus, Stage
from core.store.settings import DEMO_MADE_ON_KEY, get_setting

# "Overdue" is days since the last paid order over the buyer's own median gap: half as long again as usual
# is late enough to ring a regular, early enough that they have not gone elsewhere for good.
REGULAR_OVERDUE_AT = 1.5
BIRTHDAY_WEEK_DAYS = 7
EARLIEST = date(1900, 1, 1)


@dataclass(frozen=True)
class Buyers:
    """A line on the desk that names buyers: how many, and who (to open the list of exactly them)."""

    ids: list[int] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.ids)


@dataclass(frozen=True)
class MonthFigures:
    """Paid orders from `first` to `last`: who bought, and what the shop kept."""

    first: date
    last: date
    new_buyers: int
    returning_buyers: int
    net_revenue: Decimal

    @property
    def repeat_rate(self) -> float | None:
        """Of the buyers in the span, the share who had bought before it."""
        buyers = self.new_buyers + self.returning_buyers
        return self.returning_buyers / buyers if buyers else None


@dataclass(frozen=True)
class LastImport:
    file_name: str
    finished_at: datetime | None
    orders_new: int


@dataclass(frozen=True)
class Desk:
    today: date
    care_by_kind: dict[str, int]  # rule kind → open tasks due today or overdue
    unpaid: Buyers  # buyers with an order still unpaid from the last `unpaid_days` days
    unpaid_orders: int
    unpaid_days: int  # the shop's 催付 window (Settings ▸ Care calendar)
    birthdays: Buyers  # birthdays from today through the next six days
    overdue_regulars: Buyers  # VIPs and loyal buyers late against their own rhythm
    last_import: LastImport | None
    newest_order_at: datetime | None
    orders: int  # in the book, however they came
    demo_made_on: date | None  # the book is the demo shop, its orders made up on this day
    this_month: MonthFigures
    last_month: MonthFigures

    @property
    def care_total(self) -> int:
        return sum(self.care_by_kind.values())

    @property
    def newest_order_age_days(self) -> int | None:
        return (self.today - self.newest_order_at.date()).days if self.newest_order_at else None


def _contactable():  # type: ignore[no-untyped-def]
    return (Customer.do_not_contact.is_(False), Customer.merged_into_id.is_(None))


def care_due_by_kind(session: Session, today: date) -> dict[str, int]:
    by_kind: dict[str, int] = {}
    for kinds in day_counts(session, EARLIEST, today).values():
        for kind, count in kinds.items():
            by_kind[kind] = by_kind.get(kind, 0) + count
    return by_kind


def unpaid_to_remind(session: Session, today: date, days: int) -> tuple[Buyers, int]:
    """Unpaid orders from today and the `days` - 1 before it: older ones the platform has closed."""
    since = datetime.combine(today - timedelta(days=days - 1), time.min)
    # Counted here rather than by GROUP BY customer_id, which made SQLite walk every order in customer order
    # (330 ms at 300,000 orders) instead of picking the few unpaid ones by status.
    query = (select(Order.customer_id).join(Customer, Customer.id == Order.customer_id)
             .where(Order.status == OrderStatus.UNPAID, Order.created_at >= since, *_contactable()))
    orders = list(session.scalars(query))
    return Buyers(sorted(set(orders))), len(orders)


def birthdays_this_week(session: Session, today: date) -> Buyers:
    condition = birthday_between_condition(today, today + timedelta(days=BIRTHDAY_WEEK_DAYS - 1))
    query = select(Customer.id).where(condition, *_contactable()).order_by(Customer.id)
    return Buyers(list(session.scalars(query)))


def overdue_regulars(session: Session) -> Buyers:
    query = (select(Customer.id)
             .where(or_(Customer.is_vip.is_(True), Customer.stage == Stage.LOYAL),
                    Customer.overdue >= REGULAR_OVERDUE_AT, *_contactable())
             .order_by(Customer.overdue.desc(), Customer.id))
    return Buyers(list(session.scalars(query)))


def last_import(session: Session) -> LastImport | None:
    batch = session.scalars(select(ImportBatch).where(ImportBatch.status == "committed")
                            .order_by(ImportBatch.started_at.desc(), ImportBatch.id.desc()).limit(1)).first()
    return LastImport(batch.file_name, batch.finished_at, batch.orders_new) if batch else None


def _demo_made_on(session: Session) -> date | None:
    made_on = get_setting(session, DEMO_MADE_ON_KEY)
    return date.fromisoformat(made_on) if made_on else None


def month_figures(session: Session, first: date, last: date) -> MonthFigures:
    start, end = datetime.combine(first, time.min), datetime.combine(last + timedelta(days=1), time.min)
    in_span = (Order.status.in_(list(PAID_STATUSES)), Order.created_at >= start, Order.created_at < end)
    revenue = session.scalar(select(func.sum(NET_PAID)).where(*in_span))
    # Two counts in one row, not a GROUP BY on `first_paid_at >= :start`: PostgreSQL sees the grouped and the
    # selected comparison as two expressions (each its own parameter) and refuses the query.
    is_new = Customer.first_paid_at >= start
    buyers = (select(func.count(distinct(case((is_new, Order.customer_id)))),
                     func.count(distinct(case((is_new, None), else_=Order.customer_id))))
              .join(Customer, Customer.id == Order.customer_id).where(*in_span))
    new_buyers, returning_buyers = session.execute(buyers).one()
    return MonthFigures(first, last, new_buyers, returning_buyers, _money(revenue))


def _money(total: Decimal | None) -> Decimal:
    return total if total is not None else Decimal("0.00")


def month_so_far_spans(today: date) -> tuple[tuple[date, date], tuple[date, date]]:
    """This month up to today, and last month up to the same day (or its end): like against like."""
    this_first = today.replace(day=1)
    last_first = (this_first - timedelta(days=1)).replace(day=1)
    last_day = min(today.day, calendar.monthrange(last_first.year, last_first.month)[1])
    return (this_first, today), (last_first, last_first.replace(day=last_day))


def read_desk(session: Session, today: date | None = None) -> Desk:
    today = today or date.today()
    unpaid_days = unpaid_remind_days(session)
    unpaid, unpaid_orders = unpaid_to_remind(session, today, unpaid_days)
    this_span, last_span = month_so_far_spans(today)
    return Desk(
        today=today,
        care_by_kind=care_due_by_kind(session, today),
        unpaid=unpaid,
        unpaid_orders=unpaid_orders,
        unpaid_days=unpaid_days,
        birthdays=birthdays_this_week(session, today),
        overdue_regulars=overdue_regulars(session),
        last_import=last_import(session),
        newest_order_at=session.scalar(select(func.max(Order.created_at))),
        orders=session.scalar(select(func.count()).select_from(Order)) or 0,
        demo_made_on=_demo_made_on(session),
        this_month=month_figures(session, *this_span),
        last_month=month_figures(session, *last_span),
    )
