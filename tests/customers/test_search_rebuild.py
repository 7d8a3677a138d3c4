"""A full rebuild of the search index gives exactly the keys the per-customer refresh gives, index included;
a refresh of everyone rewrites only the buyers whose keys' sources changed."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import delete, inspect, select, update

from core.customers.merge import merge_customers
from core.search import keys, stamp
from core.search.keys import refresh_search_keys
from core.search.query import search_customer_ids
from core.store.models import Customer, CustomerAlias, CustomerSearchDigest, CustomerSearchKey, Order


def all_keys(database) -> set[tuple[str, int]]:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return {tuple(row) for row in session.execute(select(CustomerSearchKey.key, CustomerSearchKey.customer_id))}


def forget_index(session) -> None:  # type: ignore[no-untyped-def]
    """The keys and what they were made of, gone: the next refresh must compute every key."""
    session.execute(delete(CustomerSearchKey))
    session.execute(delete(CustomerSearchDigest))


def test_full_rebuild_matches_the_per_customer_refresh(database, book) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        merge_customers(session, book["张晓明"], book["李四"])  # merged-away buyers have no keys
        ids = list(session.scalars(select(Customer.id)))
        forget_index(session)
        refresh_search_keys(session.connection(), ids)
    per_customer = all_keys(database)
    assert per_customer and not any(customer_id == book["李四"] for _key, customer_id in per_customer)
    with database.transaction() as session:
        forget_index(session)
        refresh_search_keys(session.connection())
    assert all_keys(database) == per_customer
    with database.session() as session:
        assert search_customer_ids(session, "zxm") == [book["张晓明"]]
        indexes = {i["name"] for i in inspect(session.connection()).get_indexes("customer_search_keys")}
        assert "ix_customer_search_keys_customer_id" in indexes
        assert "customer_search_keys_staging" not in inspect(session.connection()).get_table_names()


def key_rows(database) -> list[tuple]:  # type: ignore[no-untyped-def,type-arg]
    with database.session() as session:
        return sorted(tuple(row) for row in session.execute(select(
            CustomerSearchKey.key, CustomerSearchKey.customer_id, CustomerSearchKey.kind, CustomerSearchKey.last_order_at)))


def test_keys_written_over_the_stored_ones_are_the_keys_written_anew(database, book) -> None:  # type: ignore[no-untyped-def]
    """A new order (its number, and the last-order time every key carries), a new name and a merge: the buyers'
    keys refreshed over their stored keys come out row for row as those of a refresh from nothing."""
    changed = [book["张晓明"], book["曾小红"], book["李四"]]
    with database.transaction() as session:
        session.add(Order(platform="taobao", platform_order_id="9990001112223334445", customer_id=book["张晓明"],
                          status="completed", paid_amount=Decimal("88"), created_at=datetime(2026, 11, 20, 9, 30)))
        session.execute(update(Customer).where(Customer.id == book["张晓明"])
                        .values(last_order_at=datetime(2026, 11, 20, 9, 30)))
        session.execute(update(Customer).where(Customer.id == book["曾小红"]).values(name="曾红梅"))
        merge_customers(session, book["张晓明"], book["李四"])
        refresh_search_keys(session.connection(), changed)
    over_stored = key_rows(database)
    assert ("\x02" + "9990001112223334445"[::-1])[:keys.KEY_LENGTH] in {row[0] for row in over_stored}
    assert not any(row[1] == book["李四"] for row in over_stored)
    with database.transaction() as session:
        forget_index(session)
        refresh_search_keys(session.connection(), list(session.scalars(select(Customer.id))))
    assert key_rows(database) == over_stored


def test_a_failed_rebuild_leaves_the_index_as_it_was(database, book, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    before = all_keys(database)

    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    monkeypatch.setattr("core.search.keys.search_keys", broken)
    with pytest.raises(RuntimeError), database.transaction() as session:
        session.execute(delete(CustomerSearchDigest))  # every buyer's keys must be computed again
        refresh_search_keys(session.connection())
    assert all_keys(database) == before
    with database.session() as session:
        indexes = {i["name"] for i in inspect(session.connection()).get_indexes("customer_search_keys")}
        assert "ix_customer_search_keys_customer_id" in indexes


def test_a_refresh_of_everyone_rewrites_only_the_changed(database, book, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    computed: list[str | None] = []
    real = keys.search_keys

    def counting(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        computed.append(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr("core.search.keys.search_keys", counting)
    with database.transaction() as session:
        refresh_search_keys(session.connection())
        assert computed == []  # nothing changed since the book's keys were written
        session.execute(update(Customer).where(Customer.id == book["曾小红"]).values(phone="13700001234"))
        refresh_search_keys(session.connection())
    assert computed == ["曾小红"]
    with database.session() as session:
        assert search_customer_ids(session, "13700001234") == [book["曾小红"]]


def refresh_of_everyone_finds(database, query: str) -> list[int]:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        refresh_search_keys(session.connection())
    with database.session() as session:
        return search_customer_ids(session, query)


def test_a_refresh_of_everyone_with_nothing_changed_reads_no_buyers_digests(database, book, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def outdated(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the sources stamp still fits: no buyer's digest needs reading")

    monkeypatch.setattr("core.search.keys._outdated", outdated)
    assert refresh_of_everyone_finds(database, "zxm") == [book["张晓明"]]


def test_an_order_number_or_account_changed_without_a_refresh_is_caught_by_everyones(database, book) -> None:  # type: ignore[no-untyped-def]
    """An order re-keyed in place (the importer adopts an order stored under its old name so) and an account
    renamed, neither refreshed by id: the refresh of everyone finds both buyers' keys outdated."""
    with database.transaction() as session:
        session.execute(update(Order).where(Order.platform_order_id == "JD88002").values(platform_order_id="JD99876"))
        session.add(CustomerAlias(customer_id=book["单田芳"], kind="buyer_id", platform="pdd", value="tianfang_pdd"))
    assert refresh_of_everyone_finds(database, "JD99876") == [book["曾小红"]]
    assert refresh_of_everyone_finds(database, "tianfang_p") == [book["单田芳"]]
    with database.transaction() as session:
        session.execute(update(CustomerAlias).where(CustomerAlias.value == "tianfang_pdd").values(value="shan_pdd"))
    assert refresh_of_everyone_finds(database, "tianfang_p") == []
    assert refresh_of_everyone_finds(database, "shan_pdd") == [book["单田芳"]]


def test_keys_written_by_id_forget_the_sources_stamp(database, book) -> None:  # type: ignore[no-untyped-def]
    """A buyer refreshed by id after an edit, then put back without a refresh: every source is as stamped
    again, but that buyer's keys are not, so the refresh of everyone must not trust the stamp."""
    with database.transaction() as session:
        session.execute(update(Customer).where(Customer.id == book["曾小红"]).values(phone="13700004321"))
        refresh_search_keys(session.connection(), [book["曾小红"]])
    with database.transaction() as session:
        session.execute(update(Customer).where(Customer.id == book["曾小红"]).values(phone="13900005678"))
    assert refresh_of_everyone_finds(database, "13700004321") == []
    assert refresh_of_everyone_finds(database, "13900005678") == [book["曾小红"]]


def test_the_portable_read_of_the_sources_joins_what_sqlites_aggregate_does(database, book) -> None:  # type: ignore[no-untyped-def]
    """Both readers of the stamp, on one book: NULLs, empty text, Chinese, the separator inside a value."""
    with database.transaction() as session:
        session.execute(update(Customer).where(Customer.id == book["单田芳"])
                        .values(nickname="", wechat_id=f"a{stamp.SEPARATOR}b", email=None))
        session.add(CustomerAlias(customer_id=book["李四"], kind="nickname", platform="douyin", value="抖音小李"))
    sources = [(keys._SOURCE, Customer.id), (keys._accounts_of(), CustomerAlias.id), (keys._order_numbers_of(), Order.id)]
    with database.session() as session:
        connection = session.connection()
        for statement, key in sources:
            joined = stamp._joined(connection, statement.order_by(key))
            assert joined[0]  # some rows
            if connection.dialect.name == "sqlite":
                assert list(stamp._aggregated(connection, statement)) == list(joined)
