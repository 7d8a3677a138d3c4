"""Customers to xlsx: the chosen columns plus tags and notes, formula-looking text kept as text.

Owner-only (refused in rep mode) and logged. Rows are read a page at a time, so a big segment never sits in
memory as objects.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.customers.listing import CustomerFilter, CustomerRow, customer_ids, customer_rows
from core.errors import LaokeError
from core.messages import Message
from core.progress import CancelToken, ProgressCallback, no_progress
from core.safety.privacy import ensure_owner_mode
from core.safety.spreadsheet import Sheet, write_xlsx
from core.store.models import AuditEvent, Note

PAGE = 1000

# key: (header, value of a row). The GUI's visible columns use the same keys.
EXPORT_COLUMNS: dict[str, tuple[str, Callable[[CustomerRow], Any]]] = {
    "id": ("ID", lambda r: r.id),
    "name": ("Name", lambda r: r.name),
    "nickname": ("Nickname", lambda r: r.nickname),
    "platform": ("Platform", lambda r: r.platform),
    "phone": ("Phone", lambda r: r.phone),
    "stage": ("Stage", lambda r: r.stage),
    "paid_orders": ("Paid orders", lambda r: r.paid_orders),
    "total_spent": ("Total spent", lambda r: r.total_spent),
    "last_order": ("Last order", lambda r: r.last_order_at),
    "birthday": ("Birthday", lambda r: r.birthday),
    "city": ("City", lambda r: r.city),
    "vip": ("VIP", lambda r: "VIP" if r.is_vip else ""),
    "do_not_contact": ("Do not contact", lambda r: "yes" if r.do_not_contact else ""),
    "overdue": ("Overdue", lambda r: r.overdue),
    "member_tier": ("Member tier", lambda r: r.member_tier),
    "points": ("Points", lambda r: r.points),
    "p_alive": ("Still a customer", lambda r: r.p_alive),
    "expected_90d": ("Expected in 90 days", lambda r: r.expected_90d),
    "next_order": ("Next order", lambda r: r.next_order_on),
}
DEFAULT_EXPORT_COLUMNS = tuple(EXPORT_COLUMNS)


def _notes_by_customer(session: Session, ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    query = select(Note.customer_id, Note.text).where(Note.customer_id.in_(ids)).order_by(Note.created_at)
    for customer_id, text in session.execute(query):
        found[customer_id].append(text)
    return found


def _rows(session: Session, ids: list[int], columns: Sequence[str], value_names: dict[str, dict[Any, str]],
          progress: ProgressCallback, cancel: CancelToken | None) -> Iterator[list[Any]]:
    cells = [(EXPORT_COLUMNS[key][1], value_names.get(key, {})) for key in columns]
    for start in range(0, len(ids), PAGE):
        if cancel is not None:
            cancel.raise_if_cancelled()
        page = ids[start:start + PAGE]
        notes = _notes_by_customer(session, page)
        for row in customer_rows(session, page):
            values = []
            for value_of, names in cells:
                value = value_of(row)
                values.append(names.get(value, value))
            values.append(", ".join(name for name, _color in row.tags))
            values.append("\n".join(notes.get(row.id, [])))
            yield values
        progress(min(start + PAGE, len(ids)), len(ids))


def export_customers(
    session: Session,
    path: Path,
    ids: Sequence[int] | None = None,
    customer_filter: CustomerFilter | None = None,
    columns: Sequence[str] = DEFAULT_EXPORT_COLUMNS,
    headers: dict[str, str] | None = None,
    value_names: dict[str, dict[Any, str]] | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> int:
    """Write the given customers (or the filter's, or everyone) to `path`; returns how many rows.

    `headers` names the columns and `value_names` the stored codes of a column (platforms, stages) in the
    window's language; without them both stay as stored, which is what scripts want.
    """
    ensure_owner_mode(session, Message("Exporting customers"))
    unknown = [key for key in columns if key not in EXPORT_COLUMNS]
    if unknown:
        raise LaokeError(Message("Unknown export column(s): {unknown}.", unknown=', '.join(unknown)))
    chosen = list(ids) if ids is not None else customer_ids(session, customer_filter, sort="id", descending=False)
    titles = [(headers or {}).get(key, EXPORT_COLUMNS[key][0]) for key in columns]
    titles += [(headers or {}).get("tags", "Tags"), (headers or {}).get("notes", "Notes")]
    sheet = Sheet("Customers", titles, _rows(session, chosen, columns, value_names or {}, progress, cancel))
    write_xlsx(Path(path), [sheet])
    session.add(AuditEvent(action="export_customers", detail=f"{len(chosen)} customers to {Path(path).name}"))
    return len(chosen)
