"""Deleting customers: the owner removes a buyer and everything the book knows only about them.

Orders stay, detached (`customer_id` NULL): they are the shop's sales record. Sales figures, reports and
tax totals must not change because a person left the customer book, and an order still on file is what
lets the next import of an overlapping sheet recognise it as already seen instead of counting it again.
Notes, tags, aliases, contact history, stage history, care tasks and search keys go with the customer;
records merged into them go too (they are the same buyer), and so do their merge records.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from core.messages import Message, stored
from core.safety.privacy import ensure_owner_mode
from core.store.models import (
    AuditEvent,
    CareTask,
    ContactPreferenceEvent,
    Customer,
    CustomerAlias,
    CustomerMerge,
    CustomerSearchKey,
    CustomerTag,
    Note,
    Order,
    StageChange,
)

CHUNK = 500  # ids per statement: well under every backend's limit on bound parameters
OWNED_TABLES = (CustomerSearchKey, CustomerAlias, CustomerTag, Note, ContactPreferenceEvent, StageChange, CareTask)


def _with_merged_records(session: Session, ids: set[int]) -> set[int]:
    """The ids and every record merged into them, however many merges deep."""
    found, frontier = set(ids), set(ids)
    while frontier:
        frontier = set(session.scalars(select(Customer.id).where(Customer.merged_into_id.in_(frontier)))) - found
        found |= frontier
    return found


def delete_customers(session: Session, customer_ids: Iterable[int]) -> int:
    """Delete these customers (owner only); returns how many existed. Their orders stay, detached."""
    ensure_owner_mode(session, Message("Deleting customers"))
    wanted = sorted(set(customer_ids))
    existing = {i for start in range(0, len(wanted), CHUNK)
                for i in session.scalars(select(Customer.id).where(Customer.id.in_(wanted[start:start + CHUNK])))}
    if not existing:
        return 0
    everyone = sorted(_with_merged_records(session, existing))
    for start in range(0, len(everyone), CHUNK):
        chunk = everyone[start:start + CHUNK]
        session.execute(update(Order).where(Order.customer_id.in_(chunk)).values(customer_id=None))
        session.execute(update(AuditEvent).where(AuditEvent.customer_id.in_(chunk)).values(customer_id=None))
        for table in OWNED_TABLES:
            session.execute(delete(table).where(table.customer_id.in_(chunk)))
        session.execute(delete(CustomerMerge).where(
            or_(CustomerMerge.kept_id.in_(chunk), CustomerMerge.merged_id.in_(chunk))))
    # Merged records point at the ones they were merged into: clear the links before deleting any of them.
    for start in range(0, len(everyone), CHUNK):
        chunk = everyone[start:start + CHUNK]
        session.execute(update(Customer).where(Customer.id.in_(chunk)).values(merged_into_id=None))
    for start in range(0, len(everyone), CHUNK):
        session.execute(delete(Customer).where(Customer.id.in_(everyone[start:start + CHUNK])))
    session.add(AuditEvent(action="delete_customers", detail=stored(Message("Customers: {count:,}",
                                                                            count=len(existing)))))
    return len(existing)
