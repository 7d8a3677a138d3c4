"""Duplicate buyers: finding candidates, merging two records into one, and undoing a merge.

A merge moves orders, tags, notes, aliases, contact history and care tasks from the merged record to the kept
one and fills the kept record's empty fields. The merged record stays (hidden, `merged_into_id` set) and the
`CustomerMerge` row lists exactly what moved, so undoing puts every piece back. Nothing is deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, delete, func, insert, select, update
from sqlalchemy.orm import Session, aliased

from core.errors import LaokeError
from core.models import (
    CareTask,
    ContactPreferenceEvent,
    Customer,
    CustomerAlias,
    CustomerMerge,
    CustomerTag,
    Note,
    Order,
)
from core.refresh import refresh_derived

FILLABLE = ("name", "nickname", "phone", "phone_alt", "phone_last4", "email", "wechat_id", "gender", "province",
            "city", "district", "address", "birthday_calendar", "birth_year", "birth_month", "birth_day")
MOVED_TABLES = {"orders": Order, "notes": Note, "aliases": CustomerAlias,
                "contact_events": ContactPreferenceEvent, "care_tasks": CareTask}


@dataclass(frozen=True)
class DuplicatePair:
    first_id: int
    second_id: int
    reason: str  # "phone", "name_address" or "nickname"


def _pairs(session: Session, key, reason: str, extra=None, limit: int = 200) -> list[DuplicatePair]:  # type: ignore[no-untyped-def]
    a, b = aliased(Customer), aliased(Customer)
    conditions = [key(a) == key(b), a.id < b.id, key(a).is_not(None), key(a) != "",
                  a.merged_into_id.is_(None), b.merged_into_id.is_(None)]
    if extra is not None:
        conditions.append(extra(a, b))
    rows = session.execute(select(a.id, b.id).where(and_(*conditions)).order_by(a.id, b.id).limit(limit))
    return [DuplicatePair(first, second, reason) for first, second in rows]


def _bare_nickname(customer) -> object:  # type: ignore[no-untyped-def]
    # "柠檬不酸123" and "柠檬不酸" on two platforms are likely one person: compare without trailing digits.
    return func.rtrim(func.lower(customer.nickname), "0123456789_-. ")


def duplicate_candidates(session: Session, limit: int = 200) -> list[DuplicatePair]:
    """Pairs of records that may be one buyer: same phone, same name and address, or similar nickname
    on different platforms. Strongest reasons first; each pair once."""
    found: dict[tuple[int, int], DuplicatePair] = {}
    searches = (
        (lambda c: c.phone, "phone", None),
        (lambda c: c.name + "|" + c.address, "name_address", None),
        (_bare_nickname, "nickname", lambda a, b: a.platform != b.platform),
    )
    for key, reason, extra in searches:
        for pair in _pairs(session, key, reason, extra, limit):
            found.setdefault((pair.first_id, pair.second_id), pair)
    return list(found.values())[:limit]


def merge_customers(session: Session, kept_id: int, merged_id: int) -> int:
    """Merge `merged_id` into `kept_id`; returns the merge's id (for undo)."""
    if kept_id == merged_id:
        raise LaokeError("Choose two different customers to merge.")
    kept, merged = session.get(Customer, kept_id), session.get(Customer, merged_id)
    for customer, number in ((kept, kept_id), (merged, merged_id)):
        if customer is None or customer.merged_into_id is not None:
            raise LaokeError(f"Customer #{number} does not exist or was already merged.")
    moved: dict[str, object] = {}
    for label, table in MOVED_TABLES.items():
        ids = list(session.scalars(select(table.id).where(table.customer_id == merged_id)))
        if ids:
            session.execute(update(table).where(table.id.in_(ids)).values(customer_id=kept_id))
        moved[label] = ids
    kept_tags = set(session.scalars(select(CustomerTag.tag_id).where(CustomerTag.customer_id == kept_id)))
    new_tags = [t for t in session.scalars(select(CustomerTag.tag_id).where(CustomerTag.customer_id == merged_id))
                if t not in kept_tags]
    if new_tags:
        session.execute(insert(CustomerTag), [{"customer_id": kept_id, "tag_id": t} for t in new_tags])
    moved["tags_added"] = new_tags
    filled = {name: getattr(merged, name) for name in FILLABLE
              if getattr(kept, name) in (None, "") and getattr(merged, name) not in (None, "")}
    if merged.phone and merged.phone != kept.phone and not kept.phone_alt:
        filled["phone_alt"] = merged.phone  # the second number stays findable
    moved["filled"] = filled
    moved["flags"] = {"is_vip": kept.is_vip, "do_not_contact": kept.do_not_contact,
                      "dnc_reason": kept.dnc_reason, "dnc_since": kept.dnc_since.isoformat() if kept.dnc_since else None}
    for name, value in filled.items():
        setattr(kept, name, value)
    kept.is_vip = kept.is_vip or merged.is_vip
    if merged.do_not_contact and not kept.do_not_contact:
        kept.do_not_contact, kept.dnc_reason, kept.dnc_since = True, merged.dnc_reason, merged.dnc_since
    merged.merged_into_id = kept_id
    record = CustomerMerge(kept_id=kept_id, merged_id=merged_id, moved=moved)
    session.add(record)
    session.flush()
    refresh_derived(session.connection(), [kept_id, merged_id])
    return record.id


def undo_merge(session: Session, merge_id: int) -> None:
    """Put everything a merge moved back where it was."""
    record = session.get(CustomerMerge, merge_id)
    if record is None or record.undone_at is not None:
        raise LaokeError("This merge does not exist or was already undone.")
    kept, merged = session.get(Customer, record.kept_id), session.get(Customer, record.merged_id)
    if kept is None or merged is None:
        raise LaokeError("One of the merged customers was deleted since; the merge cannot be undone.")
    moved = record.moved
    for label, table in MOVED_TABLES.items():
        ids = moved.get(label) or []
        if ids:
            session.execute(update(table).where(table.id.in_(ids)).values(customer_id=merged.id))
    if moved.get("tags_added"):
        session.execute(delete(CustomerTag).where(
            CustomerTag.customer_id == kept.id, CustomerTag.tag_id.in_(moved["tags_added"])
        ))
    for name, value in (moved.get("filled") or {}).items():
        if getattr(kept, name) == value:  # leave fields the user edited after the merge alone
            setattr(kept, name, None)
    flags = moved.get("flags") or {}
    if flags:
        kept.is_vip = flags["is_vip"]
        kept.do_not_contact = flags["do_not_contact"]
        kept.dnc_reason = flags["dnc_reason"]
        kept.dnc_since = datetime.fromisoformat(flags["dnc_since"]) if flags["dnc_since"] else None
    merged.merged_into_id = None
    record.undone_at = datetime.now().replace(microsecond=0)
    session.flush()
    refresh_derived(session.connection(), [kept.id, merged.id])


def recent_merges(session: Session, limit: int = 20) -> list[CustomerMerge]:
    return list(session.scalars(
        select(CustomerMerge).where(CustomerMerge.undone_at.is_(None)).order_by(CustomerMerge.id.desc()).limit(limit)
    ))
