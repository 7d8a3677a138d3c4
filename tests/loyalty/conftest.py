"""A tiny shop for the loyalty tests: buyers added with orders, then refreshed as every writer does."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from core.refresh import refresh_derived
from core.store.models import Customer, Order

AS_OF = date(2026, 11, 22)


class Shop:
    def __init__(self, database) -> None:  # type: ignore[no-untyped-def]
        self.database = database
        self.numbers = 0

    def buyer(self, name: str, *orders: tuple[str, str], as_of: date = AS_OF) -> int:
        """A buyer with orders (amount, day), completed; returns the id."""
        with self.database.transaction() as session:
            customer = Customer(name=name, platform="taobao_tmall")
            session.add(customer)
            session.flush()
            self._orders(session, customer.id, orders)
            refresh_derived(session.connection(), [customer.id], as_of=as_of)
            return customer.id

    def order(self, customer_id: int, amount: str, day: str, as_of: date = AS_OF, status: str = "completed") -> int:
        with self.database.transaction() as session:
            (order_id,) = self._orders(session, customer_id, [(amount, day)], status)
            refresh_derived(session.connection(), [customer_id], as_of=as_of)
            return order_id

    def _orders(self, session, customer_id, orders, status="completed"):  # type: ignore[no-untyped-def]
        ids = []
        for amount, day in orders:
            self.numbers += 1
            order = Order(platform="taobao_tmall", platform_order_id=f"TB{self.numbers:06}", customer_id=customer_id,
                          status=status, paid_amount=Decimal(amount), created_at=datetime.fromisoformat(day))
            session.add(order)
            session.flush()
            ids.append(order.id)
        return ids

    def refresh(self, ids=None, as_of: date = AS_OF) -> None:  # type: ignore[no-untyped-def]
        with self.database.writing() as connection:
            refresh_derived(connection, ids, as_of=as_of)

    def customer(self, customer_id: int) -> Customer:
        with self.database.session() as session:
            return session.get(Customer, customer_id)


@pytest.fixture
def shop(database) -> Shop:  # type: ignore[no-untyped-def]
    return Shop(database)
