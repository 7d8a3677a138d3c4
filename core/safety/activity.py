"""Who did what, newest first: the owner's one view of the audit log and of every change a rep signs.

The audit log (`audit_events`) holds what is sensitive (a phone revealed, a rep's phone search, an export, a
deletion, the passphrase); imports, merges, notes and worked care tasks carry who made them in their own rows
(on a server, the rep's database role from `session_user`; on a laptop nobody but the owner). Each source is
read newest first up to the limit, so the log costs the same in a shop with years of history.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from heapq import merge
from itertools import islice

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from core.messages import Message, from_stored
from core.safety.privacy import ensure_owner_mode
from core.store.models import AuditEvent, CareTask, Customer, CustomerMerge, ImportBatch, Note

READING_ACTIVITY = Message("Reading the activity log")
WORKED_STATUSES = ("done", "skipped")
NOTE_PREVIEW = 80  # characters of a note's text: enough to recognise it in a list
# What each entry says was done: the terminal prints the English, the window its translation.
ACTION_WORDS = {
    "reveal_phone": Message("Revealed a phone"),
    "reveal_phone_care_task": Message("Revealed a phone (care task)"),
    "rep_phone_search": Message("Searched by phone"),
    "export_customers": Message("Exported customers"),
    "delete_customers": Message("Deleted customers"),
    "owner_passphrase_set": Message("Set the owner's passphrase"),
    "owner_passphrase_changed": Message("Changed the owner's passphrase"),
    "owner_passphrase_removed": Message("Removed the owner's passphrase"),
    "owner_unlocked": Message("Unlocked as the owner"),
    "owner_locked": Message("Locked"),
    "import": Message("Imported"),
    "import_undone": Message("Undid an import"),
    "merge": Message("Merged buyers"),
    "note": Message("Wrote a note"),
    "care_done": Message("Did a care task"),
    "care_skipped": Message("Skipped a care task"),
}


@dataclass(frozen=True)
class Activity:
    at: datetime
    who: str | None  # a server's database role; None on a laptop
    action: str  # an audit action (`reveal_phone`, …) or `import`, `import_undone`, `merge`, `note`, `care_done`
    customer_id: int | None
    customer_name: str | None
    # A note's start; a care task's rule key (the window names the rule); else a Message: an import's file and
    # counts, a merge, an audit entry's own words.
    detail: str
    counts: dict[str, int] = field(default_factory=dict)  # an import's new and updated orders, new customers


def recent_activity(session: Session, limit: int = 200) -> list[Activity]:
    """The newest `limit` entries of every source together, newest first. Owner only."""
    ensure_owner_mode(session, READING_ACTIVITY)
    sources = (_audit_events, _imports, _undone_imports, _merges, _notes, _worked_care_tasks)
    entries = [list(reader(session, limit)) for reader in sources]
    return list(islice(merge(*entries, key=lambda entry: entry.at, reverse=True), limit))


def _named(query: Select, customer_id) -> Select:  # type: ignore[type-arg, no-untyped-def]
    """The query with the buyer's name (or nickname) beside each row, when it names a buyer still in the book."""
    buyer = aliased(Customer)
    return query.add_columns(func.coalesce(buyer.name, buyer.nickname)).outerjoin(buyer, buyer.id == customer_id)


def _audit_events(session: Session, limit: int) -> list[Activity]:
    query = _named(select(AuditEvent.at, AuditEvent.actor, AuditEvent.action, AuditEvent.customer_id,
                          AuditEvent.detail), AuditEvent.customer_id)
    return [Activity(at, who, action, customer_id, name, from_stored(detail or ""))
            for at, who, action, customer_id, detail, name in
            session.execute(query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(limit))]


def _imports(session: Session, limit: int) -> list[Activity]:
    at = func.coalesce(ImportBatch.finished_at, ImportBatch.started_at)
    query = select(at, ImportBatch.imported_by, ImportBatch.file_name, ImportBatch.orders_new,
                   ImportBatch.orders_updated, ImportBatch.customers_new).order_by(at.desc()).limit(limit)
    return [Activity(when, who, "import", None, None,
                     Message("{file} · new orders: {orders_new:,} · updated: {orders_updated:,} · new customers: "
                             "{customers_new:,}", file=file_name, orders_new=new, orders_updated=updated,
                             customers_new=customers),
                     {"orders_new": new, "orders_updated": updated, "customers_new": customers})
            for when, who, file_name, new, updated, customers in session.execute(query)]


def _undone_imports(session: Session, limit: int) -> list[Activity]:
    query = select(ImportBatch.undone_at, ImportBatch.file_name).where(ImportBatch.undone_at.is_not(None)) \
        .order_by(ImportBatch.undone_at.desc()).limit(limit)
    # Undoing is owner-only, so nobody but the owner did it.
    return [Activity(when, None, "import_undone", None, None, file_name) for when, file_name in session.execute(query)]


def _merges(session: Session, limit: int) -> list[Activity]:
    merged = aliased(Customer)
    query = _named(select(CustomerMerge.merged_at, CustomerMerge.merged_by, CustomerMerge.kept_id,
                          func.coalesce(merged.name, merged.nickname, ""), CustomerMerge.undone_at)
                   .join(merged, merged.id == CustomerMerge.merged_id), CustomerMerge.kept_id)
    return [Activity(when, who, "merge", kept_id, name,
                     Message("{name} merged in, since undone", name=merged_name) if undone
                     else Message("{name} merged in", name=merged_name))
            for when, who, kept_id, merged_name, undone, name in
            session.execute(query.order_by(CustomerMerge.merged_at.desc()).limit(limit))]


def _notes(session: Session, limit: int) -> list[Activity]:
    query = _named(select(Note.created_at, Note.author, Note.customer_id, Note.text), Note.customer_id)
    return [Activity(when, who, "note", customer_id, name, text[:NOTE_PREVIEW])
            for when, who, customer_id, text, name in
            session.execute(query.order_by(Note.created_at.desc(), Note.id.desc()).limit(limit))]


def _worked_care_tasks(session: Session, limit: int) -> list[Activity]:
    at = func.coalesce(CareTask.done_at, CareTask.updated_at)
    query = _named(select(at, CareTask.worked_by, CareTask.status, CareTask.customer_id, CareTask.rule_key)
                   .where(CareTask.status.in_(WORKED_STATUSES)), CareTask.customer_id)
    return [Activity(when, who, f"care_{status}", customer_id, name, rule_key)
            for when, who, status, customer_id, rule_key, name in
            session.execute(query.order_by(at.desc()).limit(limit))]
