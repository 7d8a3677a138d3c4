"""Search-as-you-type: one box that finds a buyer by account, nickname, name, phone, order number, WeChat id,
tag or pinyin, best match first. A phone may be pasted as people write it (+86 138-1234-5678).

Every source is an indexed prefix range (see `core.search.keys`), so a keystroke costs milliseconds at a
million buyers. A very broad query (one letter, a common fragment) is capped at MATCH_LIMIT matches per
source: sorting 10,000 matches for the list's first screen took ~60-85 ms at 1M buyers, 2,000 took ~17 ms;
the user keeps typing. A source's range is read in key order, so its exact matches (the smallest keys of the
range) are never the ones the cap leaves out.

One ranking for the chat lookup, the list and the CLI (`Rank`): each match ranks by what the query is of the
key it matched, a buyer by their best match, ties by the most recent order (kept beside each key, so ranking
thousands of matches reads no customer row). In rep mode the same ranking leaves out the keys a rep may not
match: a phone's or an e-mail's start and parts, a phone's tail but its last four digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum
from functools import cache

from sqlalchemy import (
    ColumnElement,
    Select,
    Subquery,
    bindparam,
    case,
    func,
    literal,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from core.phones import compact_phone
from core.safety.privacy import RepMode, search_rep_mode
from core.search.keys import KEY_LENGTH, ORDER_TAIL_MARK, PHONE_TAIL_MARK, KeyKind, normalise
from core.store.models import Customer, CustomerSearchKey, CustomerTag, Order, Tag

MATCH_LIMIT = 2_000
ORDER_NUMBER_MIN_LENGTH = 5
ORDER_TAIL_MIN_LENGTH = 6  # reps read an order's last digits off the chat's order card
PHONE_TAIL_LENGTHS = (4, 5)  # 尾号: the digits a rep asks for
PHONE_TAIL_MIN_LENGTH = PHONE_TAIL_LENGTHS[0]
REP_PHONE_TAIL = 4  # the only tail a rep may search by: the one every masked phone shows (138****5678)
# A phone as people paste it from a chat or a slip: +86 138-1234-5678, (0571) 8888 6666.
_WRITTEN_PHONE = re.compile(r"\+?[\d\s\-()]{7,}")
# Above every character a key can hold, so `key < prefix + TOP` bounds a prefix range on a plain index.
TOP = "\U0010ffff"


class Rank(IntEnum):
    """How well a buyer matches, best first."""

    EXACT = 0  # the whole account, phone, order number, name, nickname or WeChat id
    EXACT_PINYIN = 1  # the whole name's (nickname's, account's) pinyin or initials: `wh` for 王华
    PHONE_TAIL = 2  # four or five digits a phone ends with
    PHONE_OR_ORDER = 3  # the start of a phone or an order number, an order number's tail
    PREFIX = 4  # the start of a name, nickname, account, WeChat id; a tag
    PART = 5  # a part from inside
    INITIALS = 6  # initials that are a start or a part
    DIGITS_INSIDE = 7  # digits inside an account or a nickname


_ON_EXACT_KEY = {
    KeyKind.PHONE: Rank.EXACT, KeyKind.WHOLE: Rank.EXACT, KeyKind.EMAIL: Rank.EXACT,
    KeyKind.PINYIN: Rank.EXACT_PINYIN, KeyKind.INITIALS: Rank.EXACT_PINYIN, KeyKind.PART: Rank.PART,
    KeyKind.EMAIL_PART: Rank.PART, KeyKind.PINYIN_PART: Rank.PART, KeyKind.INITIALS_PART: Rank.INITIALS,
}
_ON_KEY_PREFIX = {
    KeyKind.PHONE: Rank.PHONE_OR_ORDER, KeyKind.WHOLE: Rank.PREFIX, KeyKind.EMAIL: Rank.PREFIX,
    KeyKind.PINYIN: Rank.PREFIX, KeyKind.INITIALS: Rank.INITIALS, KeyKind.PART: Rank.PART,
    KeyKind.EMAIL_PART: Rank.PART, KeyKind.PINYIN_PART: Rank.PART, KeyKind.INITIALS_PART: Rank.INITIALS,
}
# Rep mode masks phones and e-mails, so a rep matches them whole only: a rep who could search by a prefix or
# a part would read a masked number back one digit at a time. (A phone's last four are the one tail a rep
# may type: the tail source is read only for them.)
_WHOLE_ONLY_IN_REP_MODE = (int(KeyKind.PHONE), int(KeyKind.EMAIL))
_NEVER_IN_REP_MODE = (int(KeyKind.EMAIL_PART),)


def _in_range(column, name: str):  # type: ignore[no-untyped-def]
    """`column` starts with the bound value `name` (its range's end bound as `name`_end)."""
    return (column >= bindparam(name)) & (column < bindparam(name + "_end"))


def _capped(query: Select, in_order_of=None) -> Select:  # type: ignore[type-arg, no-untyped-def]
    """At most MATCH_LIMIT matches of a source, the first in `in_order_of` (an index the range reads in)."""
    if in_order_of is not None:
        query = query.order_by(in_order_of)
    sub = query.limit(MATCH_LIMIT).subquery()
    return select(sub.c.customer_id, sub.c.rank, sub.c.last_order_at)


def _key_rank(name: str, digits: bool) -> ColumnElement[int]:
    key, kind = CustomerSearchKey.key, CustomerSearchKey.kind
    on_prefix = dict(_ON_KEY_PREFIX)
    if digits:  # digits a phone or an order starts or ends with come first; inside an account, last
        on_prefix[KeyKind.PART] = Rank.DIGITS_INSIDE
    on_exact = {**_ON_EXACT_KEY, KeyKind.PART: on_prefix[KeyKind.PART]}
    return case(
        (key == bindparam(name), case({int(k): int(r) for k, r in on_exact.items()}, value=kind)),
        else_=case({int(k): int(r) for k, r in on_prefix.items()}, value=kind),
    )


def _rep_may_match(name: str) -> ColumnElement[bool]:
    kind = CustomerSearchKey.kind
    return kind.not_in(_NEVER_IN_REP_MODE) & (
        kind.not_in(_WHOLE_ONLY_IN_REP_MODE) | (CustomerSearchKey.key == bindparam(name)))


def _keys_from(name: str, rank: ColumnElement[int], rep_mode: bool) -> Select:  # type: ignore[type-arg]
    """The keys in the range `name` binds; the last order beside each key breaks the ranking's ties without
    reading the customer rows (for a broad query, thousands of random reads in a big file)."""
    query = select(CustomerSearchKey.customer_id, rank.label("rank"), CustomerSearchKey.last_order_at).where(
        _in_range(CustomerSearchKey.key, name))
    if rep_mode:
        query = query.where(_rep_may_match(name))
    return _capped(query, CustomerSearchKey.key)


def _order_numbers(name: str) -> Select:  # type: ignore[type-arg]
    number = Order.platform_order_id
    return _capped(
        select(Order.customer_id, case((number == bindparam(name), int(Rank.EXACT)), else_=int(Rank.PHONE_OR_ORDER))
               .label("rank"), Customer.last_order_at)
        .join(Customer, Customer.id == Order.customer_id)
        .where(_in_range(number, name)),
        number,
    )


def _server_phones() -> Select:  # type: ignore[type-arg]
    """Buyers whose whole phone or last four digits the query is, as the server's SECURITY DEFINER
    `laoke_masked.find_phone` finds them for a rep who may not read the phones (core.store.masked)."""
    found = func.laoke_masked.find_phone(bindparam("search_server_phone")).table_valued("customer_id", "phone")
    rank = case((func.length(bindparam("search_server_phone")) == REP_PHONE_TAIL, int(Rank.PHONE_TAIL)),
                else_=int(Rank.EXACT))
    return (select(found.c.customer_id, rank.label("rank"), Customer.last_order_at)
            .join(Customer, Customer.id == found.c.customer_id))


def _tag_members() -> Select:  # type: ignore[type-arg]
    return _capped(
        select(CustomerTag.customer_id, literal(int(Rank.PREFIX)).label("rank"), Customer.last_order_at)
        .join(Tag, Tag.id == CustomerTag.tag_id)
        .join(Customer, Customer.id == CustomerTag.customer_id)
        .where(func.lower(Tag.name) == bindparam("search_q"))
    )


@dataclass(frozen=True)
class _Shape:
    """Which sources a query reads: the statement is built once per shape and bound to each query's values
    (building it anew cost several milliseconds a keystroke, more than running it)."""

    digits: bool
    phone_tail_rank: Rank | None
    order_tail: bool
    written_phone: bool
    order_variants: int
    rep_mode: bool
    server_phone: bool  # a rep on a server: phones found by the server's find_phone (their keys are hidden)


@cache  # a few dozen shapes at most
def _statement(shape: _Shape) -> Select:  # type: ignore[type-arg]
    sources = [_keys_from("search_q", _key_rank("search_q", shape.digits), shape.rep_mode), _tag_members()]
    if shape.phone_tail_rank is not None:
        sources.append(_keys_from("search_phone_tail", literal(int(shape.phone_tail_rank)), rep_mode=False))
    if shape.order_tail:
        sources.append(_keys_from("search_order_tail", literal(int(Rank.PHONE_OR_ORDER)), rep_mode=False))
    if shape.written_phone:
        sources.append(_keys_from("search_phone", _key_rank("search_phone", digits=True), shape.rep_mode))
    sources.extend(_order_numbers(f"search_order_{variant}") for variant in range(shape.order_variants))
    if shape.server_phone:
        sources.append(_server_phones())
    matches = union_all(*sources).subquery()
    return select(matches.c.customer_id, func.min(matches.c.rank).label("rank"),
                  func.max(matches.c.last_order_at).label("last_order_at")).group_by(matches.c.customer_id)


def _bind(values: dict[str, str], name: str, prefix: str) -> None:
    values[name], values[name + "_end"] = prefix, prefix + TOP


def _phone_tail_rank(query: str, rep_mode: bool) -> Rank | None:
    """How digits that may end a phone rank, None when the tails are not searched for them: fewer than four,
    and in rep mode anything but exactly the last four."""
    if not query.isdigit() or len(query) < PHONE_TAIL_MIN_LENGTH or (rep_mode and len(query) != REP_PHONE_TAIL):
        return None
    return Rank.PHONE_TAIL if len(query) in PHONE_TAIL_LENGTHS else Rank.PHONE_OR_ORDER


def ranked_matches(text: str, *, rep_mode: RepMode = RepMode.OFF) -> Subquery | None:
    """(customer_id, rank, last_order_at) of every buyer matching `text`, each once with their best rank; None
    when there is nothing to search for. In rep mode phones and e-mails match whole only (a phone also by its
    last four digits). Merged-away buyers are the caller's to leave out."""
    query = normalise(text)[:KEY_LENGTH]
    if not query:
        return None
    values: dict[str, str] = {}
    _bind(values, "search_q", query)
    digits = query.isdigit()
    phone_tail_rank = _phone_tail_rank(query, rep_mode)
    if phone_tail_rank is not None:
        _bind(values, "search_phone_tail", (PHONE_TAIL_MARK + query[::-1])[:KEY_LENGTH])
    order_tail = digits and len(query) >= ORDER_TAIL_MIN_LENGTH
    if order_tail:
        _bind(values, "search_order_tail", (ORDER_TAIL_MARK + query[::-1])[:KEY_LENGTH])
    phone = _phone_digits(text)
    written_phone = bool(phone) and phone != query
    if written_phone:
        _bind(values, "search_phone", phone)  # type: ignore[arg-type]
    order_number = text.strip()
    # Order numbers are stored as the platform wrote them; people type letters in either case.
    variants = sorted({order_number, order_number.upper()}) if len(order_number) >= ORDER_NUMBER_MIN_LENGTH else []
    for index, variant in enumerate(variants):
        _bind(values, f"search_order_{index}", variant)
    server_phone = rep_mode == RepMode.SERVER and bool(phone or digits)
    if server_phone:
        values["search_server_phone"] = phone or query
    shape = _Shape(digits, phone_tail_rank, order_tail, written_phone, len(variants), bool(rep_mode), server_phone)
    return _statement(shape).params(values).subquery()


def relevance_order(matches: Subquery) -> tuple[ColumnElement, ...]:  # type: ignore[type-arg]
    """Best match first, ties by the most recent order (buyers without orders last), then the newest buyer:
    all read from the matches themselves."""
    return matches.c.rank, matches.c.last_order_at.desc().nulls_last(), matches.c.customer_id.desc()


def search_ids_query(text: str, *, rep_mode: RepMode = RepMode.OFF) -> Select | None:  # type: ignore[type-arg]
    """A query for the ids of buyers matching `text`, or None when there is nothing to search for."""
    matches = ranked_matches(text, rep_mode=rep_mode)
    return None if matches is None else select(matches.c.customer_id)


def not_merged_away(customer_id: ColumnElement[int]) -> ColumnElement[bool]:
    """The buyer was not merged into another: tested on the merged ids (few, from an index), not their rows."""
    return customer_id.not_in(select(Customer.id).where(Customer.merged_into_id.is_not(None)))


def _phone_digits(text: str) -> str | None:
    """A written phone as its keys hold it (digits, without China's +86), None when `text` is no phone."""
    if not _WRITTEN_PHONE.fullmatch(text.strip()):
        return None
    return compact_phone(text.strip()).lstrip("+")[:KEY_LENGTH]


def search_customer_ids(session: Session, text: str, limit: int = 200) -> list[int]:
    """The ids of buyers matching `text` (not merged away), at most `limit`, best match first."""
    matches = ranked_matches(text, rep_mode=search_rep_mode(session))
    if matches is None:
        return []
    return list(session.scalars(
        select(matches.c.customer_id).where(not_merged_away(matches.c.customer_id))
        .order_by(*relevance_order(matches)).limit(limit)
    ))
