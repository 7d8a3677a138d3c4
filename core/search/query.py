"""Search-as-you-type: one box that finds a buyer by nickname, name, phone, order number, WeChat id, tag or pinyin.
A phone may be pasted as people write it (+86 138-1234-5678).

Every source is an indexed prefix range (see `search_keys`), so a keystroke costs milliseconds at a million
buyers. A very broad query (one letter, a common fragment) is capped at MATCH_LIMIT matches per source: sorting 10,000
matches for the list's first screen took ~60-85 ms at 1M buyers, 2,000 took ~17 ms; the user keeps typing.
"""

from __future__ import annotations

import re

from sqlalchemy import Select, func, select, union
from sqlalchemy.orm import Session

from core.phones import compact_phone
from core.safety.privacy import rep_mode_enabled
from core.search.keys import KEY_LENGTH, normalise
from core.store.models import Customer, CustomerSearchKey, CustomerTag, Order, Tag

MATCH_LIMIT = 2_000
ORDER_NUMBER_MIN_LENGTH = 5
# A phone as people paste it from a chat or a slip: +86 138-1234-5678, (0571) 8888 6666.
_WRITTEN_PHONE = re.compile(r"\+?[\d\s\-()]{7,}")
# Above every character a key can hold, so `key < prefix + TOP` bounds a prefix range on a plain index.
TOP = "\U0010ffff"


def _prefix_range(column, prefix: str):  # type: ignore[no-untyped-def]
    return (column >= prefix) & (column < prefix + TOP)


def _capped(query: Select) -> Select:  # type: ignore[type-arg]
    sub = query.limit(MATCH_LIMIT).subquery()
    return select(sub.c[0])


def search_ids_query(text: str, *, rep_mode: bool = False) -> Select | None:  # type: ignore[type-arg]
    """A query for the ids of buyers matching `text`, or None when there is nothing to search for."""
    query = normalise(text)[:KEY_LENGTH]
    if not query:
        return None
    if rep_mode and (query.isdigit() or _phone_digits(text)):
        return rep_phone_query(text, query)
    parts = [
        _capped(select(CustomerSearchKey.customer_id).where(_prefix_range(CustomerSearchKey.key, query))),
        _capped(
            select(CustomerTag.customer_id)
            .join(Tag, Tag.id == CustomerTag.tag_id)
            .where(func.lower(Tag.name) == query)
        ),
    ]
    if len(query) == 4 and query.isdigit():
        parts.append(_capped(select(Customer.id).where(Customer.phone_last4 == query)))
    phone = _phone_digits(text)
    if phone and phone != query:
        parts.append(_capped(select(CustomerSearchKey.customer_id).where(_prefix_range(CustomerSearchKey.key, phone))))
    order_number = text.strip()
    if len(order_number) >= ORDER_NUMBER_MIN_LENGTH:
        # Order numbers are stored as the platform wrote them; people type letters in either case.
        for variant in sorted({order_number, order_number.upper()}):
            parts.append(
                _capped(
                    select(Order.customer_id).where(
                        _prefix_range(Order.platform_order_id, variant), Order.customer_id.is_not(None)
                    )
                )
            )
    return union(*parts)


def rep_phone_query(text: str, query: str) -> Select:  # type: ignore[type-arg]
    """Digits typed in rep mode find a whole number or its last four digits, never a prefix or a part: a rep
    who could search by prefix would read a masked phone back one digit at a time. Order numbers still match."""
    phones = sorted({compact_phone(text.strip()), compact_phone(text.strip()).lstrip("+")})
    parts = [select(Customer.id).where(Customer.phone.in_(phones) | Customer.phone_alt.in_(phones))]
    if len(query) == 4:
        parts.append(_capped(select(Customer.id).where(Customer.phone_last4 == query)))
    if len(text.strip()) >= ORDER_NUMBER_MIN_LENGTH:
        parts.append(_capped(select(Order.customer_id).where(
            _prefix_range(Order.platform_order_id, text.strip()), Order.customer_id.is_not(None))))
    return union(*parts)


def _phone_digits(text: str) -> str | None:
    """A written phone as its keys hold it (digits, without China's +86), None when `text` is no phone."""
    if not _WRITTEN_PHONE.fullmatch(text.strip()):
        return None
    return compact_phone(text.strip()).lstrip("+")[:KEY_LENGTH]


def search_customer_ids(session: Session, text: str, limit: int = 200) -> list[int]:
    """The ids of buyers matching `text` (not merged away), at most `limit`, newest buyers first."""
    matches = search_ids_query(text, rep_mode=rep_mode_enabled(session))
    if matches is None:
        return []
    return list(
        session.scalars(
            select(Customer.id)
            .where(Customer.id.in_(matches), Customer.merged_into_id.is_(None))
            .order_by(Customer.id.desc())
            .limit(limit)
        )
    )
