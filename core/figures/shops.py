"""The seller's shops as filters: which orders and which buyers belong to one shop.

Kept apart from the order facts (numpy): the customer list and its filters read these on the GUI's first page.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, Select, select, true
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from core.store.models import Order


def in_shop(shop: str | None) -> ColumnElement[bool]:
    """The orders of one of the seller's shops (all orders when None)."""
    return true() if shop is None else Order.shop_name == shop


def customers_of_shops(shops: Iterable[str]) -> Select:  # type: ignore[type-arg]
    """The buyers with an order in any of these shops."""
    return select(Order.customer_id).where(Order.shop_name.in_(list(shops)), Order.customer_id.is_not(None))


def shop_names(connection: Connection | Session) -> list[str]:
    """The shops the book's orders come from, by name, for the shop filters."""
    query = select(Order.shop_name).where(Order.shop_name.is_not(None), Order.shop_name != "").distinct()
    return sorted(connection.scalars(query))
