"""The search index: the fragments of each buyer that search-as-you-type matches by prefix.

Derived data, recomputed by `refresh_search_keys` from `core.refresh.refresh_derived`, so imports, edits,
merges and the demo shop all keep it current without knowing it exists.

A query matches a buyer when it is a prefix of one of their keys:
- every suffix of the name, nickname and platform accounts (so a fragment anywhere in them matches);
- full pinyin and initials of the name from each syllable on (`zxm`, `xm`, `zhangxiaoming`, `xiaoming`),
  and of the nickname and accounts from their start; surnames read as surnames (曾 zeng, 单 shan, 解 xie,
  仇 qiu), with the everyday reading kept too, since people type both;
- the phone numbers (an account that is a phone among them) and the WeChat id;
- e-mail addresses (the profile's, an account that is one) whole and from inside, as kinds of their own so
  that rep mode can match them whole only, as it does phones;
- phones and order numbers reversed behind a mark of their own, so a prefix of the reversed query finds
  the numbers that end with it (reps read 尾号 and an order's last digits off the chat).
Each key carries its `KeyKind`, from which `core.search.query` ranks the match.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from enum import IntEnum
from functools import cache, lru_cache
from hashlib import blake2b
from itertools import repeat
from operator import itemgetter
from typing import Any
from zlib import adler32, crc32

from pypinyin import Style, lazy_pinyin
from pypinyin.constants import PHRASES_DICT
from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Integer,
    MetaData,
    Select,
    SmallInteger,
    String,
    Table,
    delete,
    func,
    insert,
    select,
    text,
    type_coerce,
)
from sqlalchemy.schema import CreateTable

from core.collector import without_cycle_collection
from core.progress import CancelToken
from core.safety.privacy import is_email, is_masked
from core.search.stamp import rows_digest
from core.store.bulk import bulk_insert
from core.store.masked import reads_masked
from core.store.models import (
    ACCOUNT_ALIAS_KINDS,
    Customer,
    CustomerAlias,
    CustomerSearchDigest,
    CustomerSearchKey,
    Order,
    Setting,
)
from core.store.settings import store_setting

KEY_LENGTH = 24
BATCH = 2000
# A full rebuild reads buyers and writes keys in chunks this big: ~24 keys a buyer, so ~120,000 rows a chunk
# (about 30 MB), never the whole index in memory; at 20,000 a first import of 50,000 orders peaked 36 MB higher.
REBUILD_CHUNK = 5_000

# Where a full rebuild collects the keys before copying them into the index in key order: appending to a
# b-tree in order is sequential, inserting 18 million keys in buyer order is random and minutes slower.
_STAGING = Table(
    "customer_search_keys_staging", MetaData(),
    Column("key", String(64), nullable=False), Column("customer_id", Integer, nullable=False),
    Column("kind", SmallInteger, nullable=False), Column("last_order_at", String(32)), prefixes=["TEMPORARY"],
)


class KeyKind(IntEnum):
    """What a key is of its buyer. Where one key is several things of one buyer the lowest kind is kept:
    for any query, a match on a lower kind ranks at least as well (see core.search.query.Rank)."""

    PHONE = 0  # a whole phone number's digits
    WHOLE = 1  # a whole name, nickname, account or WeChat id
    PINYIN = 2  # the full pinyin of a whole name, nickname or account
    INITIALS = 3  # their initials
    PART = 4  # text from inside a name, nickname or account
    PINYIN_PART = 5  # a name's pinyin from a later syllable on
    INITIALS_PART = 6
    PHONE_TAIL = 7  # PHONE_TAIL_MARK + the phone's digits reversed
    ORDER_TAIL = 8  # ORDER_TAIL_MARK + the order number reversed
    EMAIL = 9  # a whole e-mail address (an account that is one, the profile's)
    EMAIL_PART = 10  # text from inside it


# Reversed keys sit behind marks no typed (normalised) query starts with, apart from every other key.
PHONE_TAIL_MARK = "\x01"
ORDER_TAIL_MARK = "\x02"

# Surnames whose reading differs from the character's everyday reading (pypinyin gives the everyday one).
SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao", "查": "zha",
    "盖": "ge", "乐": "yue", "缪": "miao", "覃": "qin", "翟": "zhai", "尉": "yu", "种": "chong",
    "秘": "bi", "召": "shao", "员": "yun", "黑": "he", "繁": "po", "能": "nai", "长": "chang",
    "重": "chong", "宿": "su", "隗": "wei", "句": "gou", "闭": "bi", "折": "she", "过": "guo",
    "晟": "cheng", "都": "du", "华": "hua", "任": "ren", "沈": "shen", "蕃": "pi", "訾": "zi",
}
_HAN = re.compile(r"[\u3400-\u9fff]")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
_SPACES = re.compile(r"\s+")
_NOT_DIGITS = re.compile(r"\D")


def normalise(text: str | None) -> str:
    """Lower case without spaces: what both the keys and the typed query are compared as."""
    return _SPACES.sub("", text or "").lower()


def _suffixes(text: str) -> Iterator[tuple[str, KeyKind]]:
    for start in range(len(text)):
        yield text[start:start + KEY_LENGTH], KeyKind.PART if start else KeyKind.WHOLE


def _syllable_runs(syllables: list[str]) -> Iterator[tuple[str, KeyKind]]:
    """`zhangxiaoming`, `xiaoming`, `ming` and `zxm`, `xm`, `m`."""
    for start in range(len(syllables)):
        tail = syllables[start:]
        yield "".join(tail)[:KEY_LENGTH], KeyKind.PINYIN_PART if start else KeyKind.PINYIN
        yield "".join(s[0] for s in tail if s)[:KEY_LENGTH], KeyKind.INITIALS_PART if start else KeyKind.INITIALS


@cache  # bounded by the characters there are
def _character_pinyin(character: str) -> tuple[str, ...]:
    return tuple(lazy_pinyin(character, style=Style.NORMAL, errors="ignore"))


def pinyin(text: str) -> list[str]:
    """lazy_pinyin(text) without its cost (~60 µs a name) when no phrase decides a reading.

    pypinyin reads a phrase it knows as a whole (银行 yin hang) and every other character on its own, so a text
    holding no known phrase reads the same character by character, and characters repeat across a book.
    """
    length = len(text)
    if any(text[start:end] in PHRASES_DICT for start in range(length) for end in range(start + 2, length + 1)):
        return lazy_pinyin(text, style=Style.NORMAL, errors="ignore")
    return [syllable for character in text for syllable in _character_pinyin(character)]


def name_pinyin_variants(name: str) -> list[list[str]]:
    """The name's syllables, once with the surname's surname reading and once with pypinyin's reading."""
    syllables = [normalise(s) for s in pinyin(name)]
    variants = [syllables]
    surname_reading = SURNAME_READINGS.get(name[:1])
    if surname_reading and syllables and syllables[0] != surname_reading:
        variants.append([surname_reading, *syllables[1:]])
    return variants


Keys = dict[str, KeyKind]
_KIND = itemgetter(1)


def _lowest_kind(pairs: list[tuple[str, KeyKind]]) -> Keys:
    """Each key once, with the lowest kind it came with: sorted so the lowest comes last and overwrites."""
    pairs.sort(key=_KIND, reverse=True)
    keys = dict(pairs)
    keys.pop("", None)
    return keys


@lru_cache(maxsize=200_000)
def _name_keys(name: str) -> tuple[tuple[str, KeyKind], ...]:
    # Names and nicknames repeat a lot across a big book; pinyin is the costly part of a refresh.
    pairs = list(_suffixes(name))
    if _HAN.search(name):
        for syllables in name_pinyin_variants(name):
            pairs.extend(_syllable_runs(syllables))
    return tuple(_lowest_kind(pairs).items())


@lru_cache(maxsize=50_000)
def _run_pinyin(han_run: str) -> tuple[str, ...]:
    return tuple(s for s in pinyin(han_run) if s)


def _handle_keys(handle: str) -> tuple[tuple[str, KeyKind], ...]:
    """A nickname's or an account's keys: its parts, and the pinyin and initials of its Chinese."""
    pairs = list(_suffixes(handle))
    if _HAN.search(handle):
        # pypinyin reads each run of Chinese characters on its own and drops the rest, so caching by run
        # gives the same syllables while "奶茶续命123" and "奶茶续命88" share one pinyin lookup.
        syllables = [s for run in _HAN_RUN.findall(handle) for s in _run_pinyin(run)]
        pairs += [("".join(syllables)[:KEY_LENGTH], KeyKind.PINYIN),
                  ("".join(s[0] for s in syllables)[:KEY_LENGTH], KeyKind.INITIALS)]
    return tuple(_lowest_kind(pairs).items())


# Nicknames repeat across a big book; an account is one buyer's alone, so caching it would only evict them.
_nickname_keys = lru_cache(maxsize=200_000)(_handle_keys)


def phone_key_digits(phone: str | None) -> str:
    """A phone as its keys hold it: its digits."""
    return _NOT_DIGITS.sub("", phone or "")


def is_phone_like(value: str) -> bool:
    """An account that is a phone number (Youzan's 买家手机号): searched and masked as a phone."""
    return value.isdigit() and 7 <= len(value) <= 15


def _email_keys(address: str) -> list[tuple[str, KeyKind]]:
    return [(text, KeyKind.EMAIL_PART if kind == KeyKind.PART else KeyKind.EMAIL) for text, kind in _suffixes(address)]


def _phone_keys(digits: str) -> list[tuple[str, KeyKind]]:
    return [(digits[:KEY_LENGTH], KeyKind.PHONE),
            ((PHONE_TAIL_MARK + digits[::-1])[:KEY_LENGTH], KeyKind.PHONE_TAIL)]


def search_keys(
    name: str | None, nickname: str | None, phones: Iterable[str | None], wechat_id: str | None,
    accounts: Iterable[str] = (), order_numbers: Iterable[str] = (), emails: Iterable[str | None] = (),
) -> Keys:
    """Every key one buyer is found by, with what it is of them."""
    pairs = [*_name_keys(normalise(name)), *_nickname_keys(normalise(nickname))]
    for account in accounts:
        text = normalise(account)
        if is_masked(text):  # as a rep on a server reads it: the server writes the keys of its phones
            continue
        if is_phone_like(text):
            pairs.extend(_phone_keys(text))
        else:
            pairs.extend(_email_keys(text) if is_email(text) else _handle_keys(text))
    pairs.extend(pair for email in emails if email for pair in _email_keys(normalise(email)))
    for phone in phones:
        digits = "" if phone is None or is_masked(phone) else phone_key_digits(phone)
        if digits:
            pairs.extend(_phone_keys(digits))
    if wechat_id:
        pairs.append((normalise(wechat_id)[:KEY_LENGTH], KeyKind.WHOLE))
    pairs.extend(((ORDER_TAIL_MARK + normalise(number)[::-1])[:KEY_LENGTH], KeyKind.ORDER_TAIL)
                 for number in order_numbers)
    return _lowest_kind(pairs)


# The digest of what each buyer's keys are made of includes this: change it whenever `search_keys` would give
# other keys for the same buyer, and the next refresh rewrites everyone's.
KEYS_SCHEME = 3
# A refresh of everyone on SQLite rebuilds the index from scratch once more than this share of buyers changed:
# sorted appends beat that many random b-tree inserts.
REBUILD_SHARE = 0.25

_SOURCE = select(
    Customer.id, Customer.name, Customer.nickname, Customer.phone, Customer.phone_alt, Customer.wechat_id,
    Customer.email,
    # As stored (SQLite's text), copied beside the keys as it is: no datetime parsed and formatted back.
    type_coerce(Customer.last_order_at, String).label("last_order_at"),
).where(Customer.merged_into_id.is_(None))
_KEY_COLUMNS = ["key", "customer_id", "kind", "last_order_at"]
_DIGESTS = CustomerSearchDigest.__table__


CustomerSelection = Callable[[Any], ColumnElement[bool]]  # a customer-id column -> the condition on it


def _between(first: int, last: int | None) -> CustomerSelection:
    """A range of the id index (`last` None: to the end)."""
    return (lambda column: column >= first) if last is None else (lambda column: column.between(first, last))


def _among(ids: list[int]) -> CustomerSelection:
    return lambda column: column.in_(ids)


def _accounts_of(customers: CustomerSelection | None = None) -> Select:  # type: ignore[type-arg]
    query = select(CustomerAlias.customer_id, CustomerAlias.value).where(CustomerAlias.kind.in_(ACCOUNT_ALIAS_KINDS))
    return query if customers is None else query.where(customers(CustomerAlias.customer_id))


def _order_numbers_of(customers: CustomerSelection | None = None) -> Select:  # type: ignore[type-arg]
    query = select(Order.customer_id, Order.platform_order_id).where(Order.customer_id.is_not(None))
    return query if customers is None else query.where(customers(Order.customer_id))


def _handles(connection: Connection, customers: CustomerSelection) -> tuple[dict, dict]:  # type: ignore[type-arg]
    """The platform accounts and order numbers of the customers `customers` selects."""
    accounts, orders = defaultdict(list), defaultdict(list)
    for found, query in ((accounts, _accounts_of(customers)), (orders, _order_numbers_of(customers))):
        for customer_id, value in connection.execute(query).all():
            found[customer_id].append(value)
    return accounts, orders


def _hash64(value: str) -> int:
    """64 bits of a value: two C checksums (a cryptographic hash per order number cost twice their read)."""
    data = value.encode()
    return crc32(data) << 32 | adler32(data)


def _sum_of_hashes(values: Iterable[str]) -> int:
    """A fingerprint of a buyer's accounts or order numbers that needs them in no order (the sum wraps)."""
    return sum(map(_hash64, values)) & 0xFFFF_FFFF_FFFF_FFFF


def _fingerprints(connection: Connection, query: Select) -> dict[int, int]:  # type: ignore[type-arg]
    """customer id -> `_sum_of_hashes` of the values `query` gives for them, in one pass over its rows: read in
    table order, a million order numbers cost a quarter of what reading them customer by customer costs."""
    sums: dict[int, int] = defaultdict(int)
    for rows in connection.execute(query.execution_options(yield_per=REBUILD_CHUNK)).partitions():
        for customer_id, value in rows:
            sums[customer_id] += _hash64(value)
    return {customer_id: total & 0xFFFF_FFFF_FFFF_FFFF for customer_id, total in sums.items()}


def _digest(row: Any, accounts: int, orders: int) -> int:
    """What the buyer's keys are made of (their row, the fingerprints of their accounts and orders), in 64 bits."""
    made_of = repr((KEYS_SCHEME, tuple(row), accounts, orders)).encode()
    return int.from_bytes(blake2b(made_of, digest_size=8).digest(), "little", signed=True)


def _key_rows(rows: list, accounts: dict, orders: dict) -> tuple[list[tuple], list[tuple[int, int]]]:  # type: ignore[type-arg]
    """The key rows of these buyers, and each buyer's digest."""
    found: list[tuple] = []  # type: ignore[type-arg]
    digests = []
    for row in rows:
        customer_id, last_order_at = row.id, row.last_order_at
        its_accounts, its_orders = accounts.get(customer_id, ()), orders.get(customer_id, ())
        keys = search_keys(row.name, row.nickname, (row.phone, row.phone_alt), row.wechat_id,
                           its_accounts, its_orders, emails=(row.email,))
        # Tuples at C speed; the kinds as plain ints, which sqlite3 binds without looking for an adapter.
        found.extend(zip(keys, repeat(customer_id), map(int, keys.values()), repeat(last_order_at)))
        digests.append((customer_id, _digest(row, _sum_of_hashes(its_accounts), _sum_of_hashes(its_orders))))
    return found, digests


def _insert_many(connection: Connection, table: Table, columns: list[str], rows: list[tuple]) -> None:  # type: ignore[type-arg]
    """The driver's own executemany on SQLite (SQLAlchemy's per-row parameter processing costs more than the
    insert); a COPY on PostgreSQL."""
    if not rows:
        return
    if connection.dialect.name != "sqlite":
        bulk_insert(connection, table, [dict(zip(columns, row, strict=True)) for row in rows])
        return
    compiled = insert(table).compile(dialect=connection.dialect, column_keys=columns)
    connection.exec_driver_sql(compiled.string, rows)  # type: ignore[arg-type]  # sqlite3 takes the tuples


Fingerprints = tuple[dict[int, int], dict[int, int]]  # of accounts, of order numbers, by customer id


def _fingerprints_of(connection: Connection, customers: CustomerSelection | None = None) -> Fingerprints:
    return (_fingerprints(connection, _accounts_of(customers)),
            _fingerprints(connection, _order_numbers_of(customers)))


def _outdated(connection: Connection, rows: list, customers: CustomerSelection,  # type: ignore[type-arg]
              fingerprints: Fingerprints) -> list[int]:
    """Of the buyers `customers` selects (`rows`: the live ones among them), those whose keys no longer fit:
    changed since their keys were written, new, or merged away."""
    accounts, orders = fingerprints
    stored = dict(connection.execute(select(_DIGESTS.c.customer_id, _DIGESTS.c.digest)
                                     .where(customers(_DIGESTS.c.customer_id))).all())
    outdated = [row.id for row in rows
                if stored.pop(row.id, None) != _digest(row, accounts.get(row.id, 0), orders.get(row.id, 0))]
    return outdated + list(stored)  # what is left of `stored` is no longer live


# Everything the keys are made of, as one digest (`_sources_stamp`), from when every buyer's keys were last
# found current. Any write of keys forgets it, so while it is kept every key is as its buyer's sources give it.
SOURCES_STAMP_KEY = "search.sources_stamp"


def _sources_digest(connection: Connection) -> str:
    """A digest of all that every buyer's keys are made of: the live buyers' rows, all accounts and order
    numbers, each with whose it is."""
    return rows_digest(connection, [(_SOURCE, Customer.id), (_accounts_of(), CustomerAlias.id),
                                    (_order_numbers_of(), Order.id)], KEYS_SCHEME)


def _sources_stamp(connection: Connection, sources: str) -> list[object]:
    """The stamp of these sources and of the digests kept (a migration that drops them asks for every key anew)."""
    return [sources, connection.scalar(select(func.count()).select_from(_DIGESTS))]


def _forget_sources_stamp(connection: Connection) -> None:
    connection.execute(delete(Setting).where(Setting.key == SOURCES_STAMP_KEY))


def _rewrite(connection: Connection, customer_ids: list[int], cancel: CancelToken | None) -> None:
    """These buyers' keys and digests written anew (a merged-away buyer's only deleted)."""
    if customer_ids:
        _forget_sources_stamp(connection)
    for start in range(0, len(customer_ids), BATCH):
        if cancel is not None:
            cancel.raise_if_cancelled()
        chunk = customer_ids[start:start + BATCH]
        masked = reads_masked(connection)  # a rep on a server sees neither phones nor their keys
        if masked:
            connection.execute(text("SELECT laoke_masked.forget_search_keys(:ids)"), {"ids": chunk})
        else:
            connection.execute(delete(CustomerSearchKey).where(CustomerSearchKey.customer_id.in_(chunk)))
        connection.execute(delete(_DIGESTS).where(_DIGESTS.c.customer_id.in_(chunk)))
        rows = list(connection.execute(_SOURCE.where(Customer.id.in_(chunk))))
        keys, digests = _key_rows(rows, *_handles(connection, _among(chunk)))
        _insert_many(connection, CustomerSearchKey.__table__, _KEY_COLUMNS, keys)
        _insert_many(connection, _DIGESTS, ["customer_id", "digest"], digests)
        if masked:
            connection.execute(text("SELECT laoke_masked.add_phone_keys(:ids, :length)"),
                               {"ids": chunk, "length": KEY_LENGTH})


def _everyone_in_chunks(connection: Connection) -> Iterator[tuple[list, CustomerSelection]]:  # type: ignore[type-arg]
    """Every live buyer, a chunk at a time in id order, with the id range the chunk spans; the ranges meet, and
    the last is open, so merged-away buyers between and after the live ones fall in one of them."""
    # yield_per on the statement: on the connection it would turn PostgreSQL's later writes into server-side
    # cursors, which cannot executemany (STACK.md).
    result = connection.execute(_SOURCE.order_by(Customer.id).execution_options(yield_per=REBUILD_CHUNK))
    first = 0
    for rows in result.partitions():
        yield rows, _between(first, rows[-1].id)
        first = rows[-1].id + 1
    yield [], _between(first, None)


def _chosen_in_chunks(connection: Connection, customer_ids: Iterable[int]) -> Iterator[tuple[list, CustomerSelection]]:  # type: ignore[type-arg]
    """These buyers, BATCH at a time: the live ones' rows and the ids of the chunk."""
    ids = sorted(set(customer_ids))
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        yield list(connection.execute(_SOURCE.where(Customer.id.in_(chunk)))), _among(chunk)


@without_cycle_collection  # millions of (key, id) tuples: 15.8 -> 12.7 s for 300k customers
def rebuild_search_keys(connection: Connection, cancel: CancelToken | None = None) -> None:
    """Every live buyer's keys from scratch, inside the caller's transaction, in one pass over the book.

    The index table is dropped and created again (emptying 18 million keys row by row took longer than
    computing them), keys go to a temporary staging table in big executemany chunks, then into the new table
    in key order, and its secondary index is built once at the end: sorts instead of millions of random
    b-tree inserts. Portable DDL and SQL throughout; the caller's transaction keeps it all-or-nothing.
    """
    table = CustomerSearchKey.__table__
    _forget_sources_stamp(connection)
    table.drop(connection)
    connection.execute(CreateTable(table))  # without its indexes: built after the keys are in
    connection.execute(delete(_DIGESTS))
    _STAGING.drop(connection, checkfirst=True)
    _STAGING.create(connection)
    for rows, customers in _everyone_in_chunks(connection):
        if cancel is not None:
            cancel.raise_if_cancelled()
        keys, digests = _key_rows(rows, *_handles(connection, customers))
        _insert_many(connection, _STAGING, _KEY_COLUMNS, keys)
        _insert_many(connection, _DIGESTS, ["customer_id", "digest"], digests)
    staged = select(*_STAGING.c).order_by(_STAGING.c.key, _STAGING.c.customer_id)
    connection.execute(insert(table).from_select(_KEY_COLUMNS, staged))
    _STAGING.drop(connection)
    for index in table.indexes:
        index.create(connection)


@without_cycle_collection
def refresh_search_keys(connection: Connection, customer_ids: Iterable[int] | None = None,
                        cancel: CancelToken | None = None) -> None:
    """Bring the keys of these customers (all when None) up to date, inside the caller's transaction.

    Only buyers whose digest moved are rewritten: a refresh of everyone after a rescore reads what the keys
    are made of and writes nothing, and while the sources stamp fits it compares no buyer's digest at all.
    On SQLite, when most buyers changed (or none has a digest yet), the index is rebuilt from scratch instead.
    On a server the table always stays: dropping it needs its owner (a rep is not) and would lock every other
    rep's search out until the commit.
    """
    if customer_ids is None:
        sources = _sources_digest(connection)  # the same before and after: keys are made of them, not of keys
        stored = connection.scalar(select(Setting.value).where(Setting.key == SOURCES_STAMP_KEY))
        if stored != _sources_stamp(connection, sources):
            _refresh_outdated(connection, None, cancel)
            store_setting(connection, SOURCES_STAMP_KEY, _sources_stamp(connection, sources))
        return
    _refresh_outdated(connection, customer_ids, cancel)


def _refresh_outdated(connection: Connection, customer_ids: Iterable[int] | None, cancel: CancelToken | None) -> None:
    """`refresh_search_keys` by the buyers' digests."""
    outdated: list[int] = []
    live = 0
    rebuilds = connection.dialect.name == "sqlite"
    if customer_ids is None and rebuilds and connection.scalar(select(_DIGESTS.c.customer_id).limit(1)) is None:
        rebuild_search_keys(connection, cancel)  # nobody has keys yet (a first import): no digests to compare
        return
    if customer_ids is None:
        everyone = _fingerprints_of(connection)  # in one pass over each table, not chunk by chunk
        chunks = ((rows, customers, everyone) for rows, customers in _everyone_in_chunks(connection))
    else:
        chunks = ((rows, customers, _fingerprints_of(connection, customers))
                  for rows, customers in _chosen_in_chunks(connection, customer_ids))
    for rows, customers, fingerprints in chunks:
        if cancel is not None:
            cancel.raise_if_cancelled()
        outdated += _outdated(connection, rows, customers, fingerprints)
        live += len(rows)
    if customer_ids is None and rebuilds and len(outdated) > REBUILD_SHARE * live:
        rebuild_search_keys(connection, cancel)
        return
    _rewrite(connection, outdated, cancel)
