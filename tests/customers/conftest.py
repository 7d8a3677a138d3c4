"""A small customer book the customer tests share: a few buyers with orders, tags and birthdays."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from core.refresh import refresh_derived
from core.store.models import Customer, Order

BUYERS = [
    # name, nickname, platform, phone, city, orders [(number, amount, when)]
    ("张晓明", "柠檬不酸", "taobao_tmall", "13812341234", "杭州市", [("TB2026000001", "100.00", "2026-10-01")]),
    ("曾小红", "夏天的风", "jd", "13900005678", "上海市",
     [("JD88001", "50.00", "2026-03-01"), ("JD88002", "70.00", "2026-06-01")]),
    ("单田芳", "阿飞123", "pdd", "13700009999", "北京市", []),
    ("李四", "=1+1", "douyin", "-5", "杭州市", [("DY555001", "30.00", "2025-01-05")]),
]


def make_book(database) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Fill the database with BUYERS; returns {name: id}."""
    ids = {}
    with database.transaction() as session:
        for name, nickname, platform, phone, city, orders in BUYERS:
            customer = Customer(name=name, nickname=nickname, platform=platform, phone=phone,
                                phone_last4=phone[-4:], city=city, province="浙江省" if city == "杭州市" else None)
            session.add(customer)
            session.flush()
            ids[name] = customer.id
            for number, amount, when in orders:
                session.add(Order(platform=platform, platform_order_id=number, customer_id=customer.id,
                                  status="completed", paid_amount=Decimal(amount),
                                  created_at=datetime.fromisoformat(when)))
        session.flush()
        refresh_derived(session.connection(), as_of=datetime(2026, 11, 22).date())
    return ids


@pytest.fixture
def book(database):  # type: ignore[no-untyped-def]
    return make_book(database)
