"""Whom a rule may contact: its filters, and never a do-not-contact or merged-away buyer."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from core.care.rules import Filters
from core.store.models import Customer, CustomerTag, Tag

CHUNK = 900  # stays under SQLite's bound-parameter limit on old builds
WHOLE_TABLE_ABOVE = 5000
T = TypeVar("T", int, str)  # beyond this many candidates one scan beats many IN lists


def contactable_query(filters: Filters) -> Select:
    query = select(Customer.id).where(Customer.do_not_contact.is_(False), Customer.merged_into_id.is_(None))
    if filters.stages:
        query = query.where(Customer.stage.in_(filters.stages))
    if filters.platforms:
        query = query.where(Customer.platform.in_(filters.platforms))
    if filters.vip_only:
        query = query.where(Customer.is_vip.is_(True))
    if filters.member_tiers:
        query = query.where(Customer.member_tier.in_(filters.member_tiers))
    if filters.min_spend:
        query = query.where(Customer.total_spent >= filters.min_spend)
    if filters.tags:
        tagged = select(CustomerTag.customer_id).join(Tag, Tag.id == CustomerTag.tag_id).where(
            Tag.name.in_(filters.tags))
        query = query.where(Customer.id.in_(tagged))
    return query


def eligible_customer_ids(session: Session, filters: Filters, among: Iterable[int] | None = None) -> set[int]:
    """The ids (of `among`, or of every customer) the filters accept and who may be contacted."""
    query = contactable_query(filters)
    if among is None:
        return set(session.scalars(query))
    wanted = set(among)
    if len(wanted) > WHOLE_TABLE_ABOVE:
        return wanted & set(session.scalars(query))
    found: set[int] = set()
    for chunk in chunks(wanted):
        found.update(session.scalars(query.where(Customer.id.in_(chunk))))
    return found


def chunks(values: Iterable[T], size: int = CHUNK) -> Iterable[list[T]]:
    ordered = sorted(set(values))
    for index in range(0, len(ordered), size):
        yield ordered[index:index + size]
