"""Duplicate buyers: finding candidates, merging two records into one, and undoing a merge.

A merge moves orders, tags, notes, aliases, contact history and care tasks from the merged record to the kept
one and fills the kept record's empty fields. The merged record stays (hidden, `merged_into_id` set) and the
`CustomerMerge` row lists exactly what moved, so undoing puts every piece back. Nothing is deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import delete, distinct, func, insert, select, text, update
from sqlalchemy.orm import Session

from core.customers.listing import listed_name, live_customer
from core.errors import LaokeError
from core.messages import Message
from core.refresh import refresh_derived
from core.safety.privacy import ensure_owner_mode, is_masked
from core.store.concurrency import lock_rows
from core.store.masked import SECRET_COLUMNS, reads_masked
from core.store.models import (
    CareTask,
    ContactPreferenceEvent,
    Customer,
    CustomerAlias,
    CustomerMerge,
    CustomerTag,
    Note,
    Order,
)

FILLABLE = ("name", "nickname", "phone", "phone_alt", "phone_last4", "email", "wechat_id", "gender", "province",
            "city", "district", "address", "birthday_calendar", "birth_year", "birth_month", "birth_day")
MOVED_TABLES = {"orders": Order, "notes": Note, "aliases": CustomerAlias,
                "contact_events": ContactPreferenceEvent, "care_tasks": CareTask}


@dataclass(frozen=True)
class DuplicatePair:
    first_id: int
    second_id: int
    reason: str  # "phone", "name_address" or "nickname"
    first_name: str = ""  # as the customer list shows them, so the owner sees whom a pair is about
    second_name: str = ""


# A nickname shared by 50,000 buyers is a popular word, not 50,000 candidates: a few members of each group
# (of each group and platform, when the pair must span platforms) are enough to review.
MEMBERS_PER_GROUP = 20
MEMBERS_PER_PLATFORM = 3


def _keyed(session: Session, key, reason: str):  # type: ignore[no-untyped-def]
    """(id, key, platform) of the live records with a `key`. A rep on a server reads phones and addresses
    masked (two numbers would look alike): there the server numbers the groups of the real values."""
    if reason in SECRET_REASONS and reads_masked(session.connection()):
        return func.laoke_masked.secret_groups(reason).table_valued("id", "key", "platform")
    # Index-only on the phone index: 4.6 s -> 0.5 s at 1M.
    return select(Customer.id, key.label("key"), Customer.platform).where(
        live_customer(), key.is_not(None), key != "").subquery()


def _pairs(session: Session, key, reason: str, across_platforms: bool, limit: int) -> list[DuplicatePair]:  # type: ignore[no-untyped-def]
    """Pairs of live records sharing `key` (on different platforms when asked).

    GROUP BY ... HAVING finds at most `limit` shared values (it sorts once, no self-join); a window numbers
    each group's members so only its first few cross into Python. Memory stays
    bounded however big the groups are (the bench's 20 popular nicknames once pulled a million rows).
    """
    keyed = _keyed(session, key, reason)
    enough = func.count(distinct(keyed.c.platform)) > 1 if across_platforms else func.count() > 1
    shared = select(keyed.c.key).group_by(keyed.c.key).having(enough).limit(limit)
    partition, cap = (([keyed.c.key, keyed.c.platform], MEMBERS_PER_PLATFORM) if across_platforms
                      else (keyed.c.key, MEMBERS_PER_GROUP))
    numbered = select(
        keyed.c.id, keyed.c.key.label("value"), keyed.c.platform,
        func.row_number().over(partition_by=partition, order_by=keyed.c.id).label("member"),
    ).where(keyed.c.key.in_(shared)).subquery()
    rows = session.execute(
        select(numbered.c.id, numbered.c.value, numbered.c.platform)
        .where(numbered.c.member <= cap)
        .order_by(numbered.c.value, numbered.c.id)
    )
    groups: dict[object, list[tuple[int, str | None]]] = {}
    for customer_id, value, platform in rows:
        groups.setdefault(value, []).append((customer_id, platform))
    pairs = []
    for members in groups.values():
        first_id, first_platform = members[0]
        pairs.extend(
            DuplicatePair(first_id, other_id, reason)
            for other_id, other_platform in members[1:]
            if not across_platforms or other_platform != first_platform
        )
    return pairs[:limit]


SECRET_REASONS = ("phone", "name_address")  # core.store.masked's secret_groups knows these
# "柠檬不酸123" and "柠檬不酸" on two platforms are likely one person: compare without trailing digits.
_BARE_NICKNAME = func.rtrim(func.lower(Customer.nickname), "0123456789_-. ")


def duplicate_candidates(session: Session, limit: int = 200) -> list[DuplicatePair]:
    """Pairs of records that may be one buyer: same phone, same name and address, or similar nickname
    on different platforms. Strongest reasons first; each pair once, with both display names."""
    found: dict[tuple[int, int], DuplicatePair] = {}
    searches = (
        (Customer.phone, "phone", False),
        (Customer.name + "|" + Customer.address, "name_address", False),
        (_BARE_NICKNAME, "nickname", True),
    )
    for key, reason, across_platforms in searches:
        for pair in _pairs(session, key, reason, across_platforms, limit):
            found.setdefault((pair.first_id, pair.second_id), pair)
    people = {customer.id: customer for customer in session.scalars(
        select(Customer).where(Customer.id.in_({customer_id for ids in found for customer_id in ids})))}
    return [
        replace(pair, first_name=_name_of(people[pair.first_id]), second_name=_name_of(people[pair.second_id]))
        for pair in found.values()
        if pair.reason != "nickname" or not _told_apart(people[pair.first_id], people[pair.second_id])
    ][:limit]


def _name_of(customer: Customer) -> str:
    return listed_name(customer.name, customer.nickname, customer.id)


def _told_apart(first: Customer, second: Customer) -> bool:
    """Whether two records' real names or phones differ: then a like nickname is a popular word, not one
    buyer ("一只鹿" and "一只鹿414" with other names and phones)."""
    def differ(one: str | None, other: str | None) -> bool:
        return bool(one and other and not is_masked(one) and not is_masked(other) and one != other)

    return differ(first.name, second.name) or differ(first.phone, second.phone)


def merge_customers(session: Session, kept_id: int, merged_id: int) -> int:
    """Merge `merged_id` into `kept_id`; returns the merge's id (for undo)."""
    if kept_id == merged_id:
        raise LaokeError(Message("Choose two different customers to merge."))
    # Locked as read: another rep merging one of the two at the same moment waits, then sees it merged.
    lock_rows(session.connection(), "customers", [kept_id, merged_id])
    kept = session.get(Customer, kept_id, populate_existing=True)
    merged = session.get(Customer, merged_id, populate_existing=True)
    for customer, number in ((kept, kept_id), (merged, merged_id)):
        if customer is None or customer.merged_into_id is not None:
            raise LaokeError(Message(
                "Customer #{number} does not exist or was already merged.",
                number=number,
            ))
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
    masked = reads_masked(session.connection())
    if masked:  # a rep on a server reads phones and addresses masked: the server fills them itself
        session.execute(text("SELECT laoke_masked.fill_from_merged(:kept, :merged)"),
                        {"kept": kept_id, "merged": merged_id})
    filled = {name: getattr(merged, name) for name in FILLABLE
              if getattr(kept, name) in (None, "") and getattr(merged, name) not in (None, "")
              and not (masked and name in SECRET_COLUMNS["customers"])}
    if merged.phone and merged.phone != kept.phone and not kept.phone_alt and not masked:
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
    """Put everything a merge moved back where it was: the owner's (reps merge; the owner checks and undoes)."""
    ensure_owner_mode(session, Message("Undoing a merge"))
    record = session.get(CustomerMerge, merge_id)
    if record is None or record.undone_at is not None:
        raise LaokeError(Message("This merge does not exist or was already undone."))
    kept, merged = session.get(Customer, record.kept_id), session.get(Customer, record.merged_id)
    if kept is None or merged is None:
        raise LaokeError(Message(
            "One of the merged customers was deleted since; the merge cannot be undone.",
        ))
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
