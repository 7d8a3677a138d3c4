"""Small shops built by hand, so each care rule can be tested at its edges."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from itertools import count
from typing import Any

import pytest
from sqlalchemy.orm import Session

from core.care.rules import RULE_SPECS, default_rule, save_rule
from core.store.models import CareRule, Customer, Order, OrderLine
from core.store.settings import set_setting

NOW = datetime(2026, 11, 22, 10, 0)
TODAY = NOW.date()
ALL_RULES = tuple(spec.key for spec in RULE_SPECS)


@pytest.fixture
def session(database):  # type: ignore[no-untyped-def]
    with database.session() as session:
        set_setting(session, "shop_name", "老客茶铺")
        session.commit()
        yield session


def only_rules(session: Session, *keys: str, **params: Any) -> None:
    """Switch every rule off but these; `params` go to all of them."""
    for key in ALL_RULES:
        rule = default_rule(key)
        save_rule(session, rule.__class__(rule.key, rule.kind, key in keys, rule.priority,
                                          rule.params | params, rule.template))
    session.flush()


def set_rule(session: Session, key: str, *, enabled: bool = True, priority: int | None = None, **params: Any) -> None:
    row = session.get(CareRule, key)
    rule = default_rule(key)
    stored = (row.params if row else {}) | params
    save_rule(session, rule.__class__(key, rule.kind, enabled, priority or (row.priority if row else rule.priority),
                                      rule.params | stored, rule.template))
    session.flush()


_ids = count(1)


@pytest.fixture
def add_customer(session: Session) -> Callable[..., Customer]:
    def add(**fields: Any) -> Customer:
        number = next(_ids)
        values = {"name": f"王{number}号", "gender": "F", "stage": "repeat", "phone": f"1380000{number:04d}",
                  "platform": "taobao_tmall"} | fields
        customer = Customer(**values)
        session.add(customer)
        session.flush()
        return customer

    return add


@pytest.fixture
def add_order(session: Session) -> Callable[..., Order]:
    def add(customer: Customer, status: str, created_at: datetime, **fields: Any) -> Order:
        order = Order(platform="taobao_tmall", platform_order_id=f"T{next(_ids)}", customer_id=customer.id,
                      status=status, created_at=created_at, total_amount=Decimal("88.00"),
                      item_summary=fields.pop("item_summary", "明前龙井 250g"), **fields)
        order.lines.append(OrderLine(title=order.item_summary, quantity=1, amount=Decimal("88.00")))
        session.add(order)
        session.flush()
        return order

    return add

