"""Saved filters ("segments") shown in the side bar with a live count."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from core.customers.listing import CustomerFilter, count_customers
from core.errors import LaokeError
from core.messages import Message
from core.store.models import Segment


@dataclass(frozen=True)
class SegmentCount:
    id: int
    name: str
    filter: CustomerFilter
    customers: int


def save_segment(session: Session, name: str, customer_filter: CustomerFilter) -> int:
    """Save (or overwrite, by name) a segment."""
    name = " ".join(name.split())
    if not name:
        raise LaokeError(Message("A segment needs a name."))
    if customer_filter.ids is not None:
        raise LaokeError(Message(
            "A hand-picked list of customers cannot be saved as a segment; tag them instead.",
        ))
    segment = session.scalar(select(Segment).where(Segment.name == name))
    if segment is None:
        position = (session.scalar(select(func.max(Segment.position))) or 0) + 1
        segment = Segment(name=name, filters={}, position=position)
        session.add(segment)
    segment.filters = customer_filter.to_dict()
    session.flush()
    return segment.id


def delete_segment(session: Session, segment_id: int) -> None:
    session.execute(delete(Segment).where(Segment.id == segment_id))


def segments_with_counts(session: Session) -> list[SegmentCount]:
    found = []
    for segment in session.scalars(select(Segment).order_by(Segment.position, Segment.id)):
        customer_filter = CustomerFilter.from_dict(segment.filters)
        found.append(SegmentCount(segment.id, segment.name, customer_filter, count_customers(session, customer_filter)))
    return found
