"""Finding buyers as the customer list, the chat lookup and the CLI do: a rep's search by digits is a reveal.

In rep mode a phone's digits find a whole number or its last four only (core.search.query), yet a match still
tells the rep whose number it is: every such search that finds someone goes to the audit log, like the
detail's Reveal, before any id is handed back. Logged here, at the entry the three callers share, not inside
the ranking: a search with a digit in it counts, whatever source matched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy.orm import Session

from core.customers.listing import RELEVANCE, CustomerFilter, customer_ids
from core.errors import LaokeError
from core.messages import Message, stored
from core.progress import CancelToken
from core.safety.privacy import rep_mode_enabled
from core.store.db import Database
from core.store.interrupt import interruptible
from core.store.models import AuditEvent

PHONE_SEARCH = "rep_phone_search"
IDS_LOGGED = 50  # a last-four search may find dozens: the log names the first ones and counts the rest


def find_customer_ids(database: Database, customer_filter: CustomerFilter, sort: str = RELEVANCE,
                      descending: bool = True, limit: int | None = None,
                      cancel: CancelToken | None = None) -> list[int]:
    """`customer_ids` for the list and the CLI, a rep's search by digits logged first; a read `cancel` stops
    (the user typed on) ends at once."""
    return _logged_search(database, customer_filter.search, lambda session: customer_ids(
        session, customer_filter, sort, descending, limit=limit), cancel)


def look_up_customer_ids(database: Database, text: str, limit: int) -> list[int]:
    """The chat lookup's best matches for `text`, a rep's search by digits logged first."""
    from core.search.query import search_customer_ids  # pypinyin under it: loaded by the first search

    return _logged_search(database, text, lambda session: search_customer_ids(session, text, limit=limit))


def reveals_by_digits(session: Session, text: str) -> bool:
    """Whether searching `text` can tell this run a buyer's number: rep mode, and a digit in the search."""
    return any(character.isdigit() for character in text) and rep_mode_enabled(session)


def _logged_search(database: Database, text: str, search: Callable[[Session], list[int]],
                   cancel: CancelToken | None = None) -> list[int]:
    with database.session() as session:
        if cancel is None:
            found = search(session)
        else:
            with interruptible(session, cancel):
                found = search(session)
        logged = bool(found) and reveals_by_digits(session, text)
    if logged:
        if database.read_only:
            raise LaokeError(Message(
                "In rep mode a search by phone is logged for the shop owner, and this book is open read-only, "
                "so Laoke cannot log it. Search by name instead, or open the book in a window that can write to it."))
        database.write(lambda session: log_phone_search(session, text, found))
    return found


def log_phone_search(session: Session, text: str, found: Sequence[int]) -> None:
    """One audit entry per search: the buyer when it found one, else how many and which (the first ones)."""
    shown = ", ".join([f"#{customer_id}" for customer_id in found[:IDS_LOGGED]] + ["…"][:len(found) > IDS_LOGGED])
    session.add(AuditEvent(action=PHONE_SEARCH, customer_id=found[0] if len(found) == 1 else None, detail=stored(
        Message("“{text}”: {count:,} found ({ids})", text=text.strip(), count=len(found), ids=shown))))
