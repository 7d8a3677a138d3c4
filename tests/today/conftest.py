"""A small shop whose every line on the Today desk has something in it, as of 15 November 2026."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from core.store.models import CareTask, Customer, ImportBatch, Order

TODAY = date(2026, 11, 15)


def _order(customer: Customer, number: str, status: str, when: datetime, amount: str,
           refund: str | None = None) -> Order:
    return Order(platform="taobao_tmall", platform_order_id=number, customer=customer, status=status,
                 created_at=when, paid_amount=Decimal(amount), refund_amount=Decimal(refund) if refund else None)


@pytest.fixture
def desk_shop(database):  # type: ignore[no-untyped-def]
    """Returns {name: id}: 王芳 (birthday in three days, a new buyer this month), 李强 (a loyal regular long
    overdue, who bought last month and this), 赵敏 (an unpaid order yesterday), 陈静 (do not contact: on no line)."""
    noon = datetime.combine(TODAY, datetime.min.time()).replace(hour=12)
    with database.transaction() as session:
        wang = Customer(name="王芳", stage="new", birthday_calendar="solar", birth_month=11, birth_day=18,
                        first_paid_at=noon - timedelta(days=2))
        li = Customer(name="李强", stage="loyal", overdue=2.4, first_paid_at=noon - timedelta(days=400))
        zhao = Customer(name="赵敏", stage="prospect")
        chen = Customer(name="陈静", stage="loyal", is_vip=True, overdue=3.0, do_not_contact=True,
                        birthday_calendar="solar", birth_month=11, birth_day=15)
        session.add_all([wang, li, zhao, chen])
        session.flush()
        session.add_all([
            _order(wang, "A1", "paid", noon - timedelta(days=2), "120.00"),
            # Stored as an import stores it: paid net of the refund (200.00 paid, 50.00 refunded).
            _order(li, "A2", "completed", noon - timedelta(days=5), "150.00", refund="50.00"),
            _order(li, "A3", "completed", noon - timedelta(days=31), "80.00"),  # 15 October: last month
            _order(li, "A4", "completed", noon - timedelta(days=20), "999.00"),  # 26 October: after the 15th
            _order(zhao, "A5", "unpaid", noon - timedelta(days=1), "60.00"),
            _order(zhao, "A6", "unpaid", noon - timedelta(days=9), "60.00"),  # closed by the platform long ago
            _order(chen, "A7", "unpaid", noon, "60.00"),
        ])
        for day, key, status in ((TODAY, "birthday", "open"), (TODAY - timedelta(days=3), "order_followup", "open"),
                                 (TODAY, "order_review", "done"), (TODAY + timedelta(days=1), "winback", "open")):
            session.add(CareTask(customer_id=li.id, rule_key=key, dedupe_key=f"{key}:{day}", due_date=day,
                                 status=status))
        session.add(ImportBatch(file_name="淘宝-11月.xlsx", file_hash="x", started_at=noon - timedelta(days=1),
                                finished_at=noon - timedelta(days=1), orders_new=7))
        session.add(ImportBatch(file_name="undone.xlsx", file_hash="y", status="undone", started_at=noon))
        names = {customer.name: customer.id for customer in (wang, li, zhao, chen)}
    return names
