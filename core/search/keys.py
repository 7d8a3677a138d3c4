"""The search index: the fragments of each buyer that search-as-you-type matches by prefix.

Derived data, recomputed by `refresh_search_keys` from `core.refresh.refresh_derived`, so imports, edits,
merges and the demo shop all keep it current without knowing it exists.

A query matches a buyer when it is a prefix of one of their keys:
- every suffix of the name and nickname (so a fragment anywhere in them matches);
- full pinyin and initials of the name from each syllable on (`zxm`, `xm`, `zhangxiaoming`, `xiaoming`),
  and of the nickname from its start; surnames read as surnames (曾 zeng, 单 shan, 解 xie, 仇 qiu), with
  the everyday reading kept too, since people type both;
- the phone numbers and the WeChat id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

from pypinyin import Style, lazy_pinyin
from pypinyin.constants import PHRASES_DICT
from sqlalchemy import Column, Connection, Integer, MetaData, String, Table, delete, insert, select
from sqlalchemy.schema import CreateTable

from core.collector import without_cycle_collection
from core.progress import CancelToken
from core.store.models import Customer, CustomerSearchKey

KEY_LENGTH = 24
BATCH = 2000
# A full rebuild reads buyers and writes keys in chunks this big: ~20 keys a buyer, so ~400,000 rows a chunk
# (tens of MB at most), never the whole index in memory.
REBUILD_CHUNK = 20_000

# Where a full rebuild collects the keys before copying them into the index in key order: appending to a
# b-tree in order is sequential, inserting 18 million keys in buyer order is random and minutes slower.
_STAGING = Table(
    "customer_search_keys_staging", MetaData(),
    Column("key", String(64), nullable=False), Column("customer_id", Integer, nullable=False),
    prefixes=["TEMPORARY"],
)

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


def normalise(text: str | None) -> str:
    """Lower case without spaces: what both the keys and the typed query are compared as."""
    return _SPACES.sub("", text or "").lower()


def _suffixes(text: str) -> Iterator[str]:
    for start in range(len(text)):
        yield text[start:start + KEY_LENGTH]


def _syllable_runs(syllables: list[str]) -> Iterator[str]:
    """`zhangxiaoming`, `xiaoming`, `ming` and `zxm`, `xm`, `m`."""
    for start in range(len(syllables)):
        tail = syllables[start:]
        yield "".join(tail)[:KEY_LENGTH]
        yield "".join(syllable[0] for syllable in tail if syllable)[:KEY_LENGTH]


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


@lru_cache(maxsize=200_000)
def _name_keys(name: str) -> frozenset[str]:
    # Names and nicknames repeat a lot across a big book; pinyin is the costly part of a refresh.
    keys = set(_suffixes(name))
    if _HAN.search(name):
        for syllables in name_pinyin_variants(name):
            keys.update(_syllable_runs(syllables))
    return frozenset(keys)


@lru_cache(maxsize=50_000)
def _run_pinyin(han_run: str) -> tuple[str, ...]:
    return tuple(s for s in pinyin(han_run) if s)


@lru_cache(maxsize=200_000)
def _nickname_keys(nickname: str) -> frozenset[str]:
    keys = set(_suffixes(nickname))
    if _HAN.search(nickname):
        # pypinyin reads each run of Chinese characters on its own and drops the rest, so caching by run
        # gives the same syllables while "奶茶续命123" and "奶茶续命88" share one pinyin lookup.
        syllables = [s for run in _HAN_RUN.findall(nickname) for s in _run_pinyin(run)]
        keys.add("".join(syllables)[:KEY_LENGTH])
        keys.add("".join(s[0] for s in syllables)[:KEY_LENGTH])
    return frozenset(keys)


def search_keys(
    name: str | None, nickname: str | None, phones: Iterable[str | None], wechat_id: str | None
) -> set[str]:
    """Every key one buyer is found by."""
    keys = set(_name_keys(normalise(name))) | _nickname_keys(normalise(nickname))
    for phone in phones:
        digits = re.sub(r"\D", "", phone or "")
        if digits:
            keys.add(digits[:KEY_LENGTH])
    if wechat_id:
        keys.add(normalise(wechat_id)[:KEY_LENGTH])
    keys.discard("")
    return keys


_SOURCE = select(
    Customer.id, Customer.name, Customer.nickname, Customer.phone, Customer.phone_alt, Customer.wechat_id
).where(Customer.merged_into_id.is_(None))


def _key_rows(rows: Iterable) -> list[tuple[str, int]]:  # type: ignore[type-arg]
    return [
        (key, row.id)
        for row in rows
        for key in search_keys(row.name, row.nickname, (row.phone, row.phone_alt), row.wechat_id)
    ]


def _insert_many(connection: Connection, table: Table, rows: list[tuple[str, int]]) -> None:
    """The driver's own executemany: SQLAlchemy's per-row parameter processing costs more than the insert."""
    compiled = insert(table).compile(dialect=connection.dialect, column_keys=["key", "customer_id"])
    # Positional drivers (sqlite3: `?, ?`) take the tuples as they are; named ones (psycopg) take dicts.
    params = rows if compiled.positional else [{"key": key, "customer_id": cid} for key, cid in rows]
    connection.exec_driver_sql(compiled.string, params)  # type: ignore[arg-type]


@without_cycle_collection  # millions of (key, id) tuples: 15.8 -> 12.7 s for 300k customers
def rebuild_search_keys(connection: Connection, cancel: CancelToken | None = None) -> None:
    """Every live buyer's keys from scratch, inside the caller's transaction, in one pass over the book.

    The index table is dropped and created again (emptying 18 million keys row by row took longer than
    computing them), keys go to a temporary staging table in big executemany chunks, then into the new table
    in key order, and its secondary index is built once at the end: sorts instead of millions of random
    b-tree inserts. Portable DDL and SQL throughout; the caller's transaction keeps it all-or-nothing.
    """
    table = CustomerSearchKey.__table__
    table.drop(connection)
    connection.execute(CreateTable(table))  # without its indexes: built after the keys are in
    _STAGING.drop(connection, checkfirst=True)
    _STAGING.create(connection)
    # yield_per on the statement: on the connection it would turn PostgreSQL's later writes into server-side
    # cursors, which cannot executemany (STACK.md).
    result = connection.execute(_SOURCE.order_by(Customer.id).execution_options(yield_per=REBUILD_CHUNK))
    for rows in result.partitions():
        if cancel is not None:
            cancel.raise_if_cancelled()
        _insert_many(connection, _STAGING, _key_rows(rows))
    staged = select(_STAGING.c.key, _STAGING.c.customer_id).order_by(_STAGING.c.key, _STAGING.c.customer_id)
    connection.execute(insert(table).from_select(["key", "customer_id"], staged))
    _STAGING.drop(connection)
    for index in table.indexes:
        index.create(connection)


def refresh_search_keys(connection: Connection, customer_ids: Iterable[int] | None = None,
                        cancel: CancelToken | None = None) -> None:
    """Recompute the keys of these customers (all when None), inside the caller's transaction."""
    if customer_ids is None and connection.dialect.name == "sqlite":
        rebuild_search_keys(connection, cancel)
        return
    if customer_ids is None:
        # On a server the table stays: dropping it needs its owner (a rep is not) and would lock every other
        # rep's search out until the commit. Everyone's keys are recomputed in place instead.
        customer_ids = connection.scalars(select(Customer.id)).all()
    ids = sorted(set(customer_ids))
    for start in range(0, len(ids), BATCH):
        if cancel is not None:
            cancel.raise_if_cancelled()
        chunk = ids[start:start + BATCH]
        connection.execute(delete(CustomerSearchKey).where(CustomerSearchKey.customer_id.in_(chunk)))
        pending = _key_rows(connection.execute(_SOURCE.where(Customer.id.in_(chunk))))
        if pending:
            _insert_many(connection, CustomerSearchKey.__table__, pending)
