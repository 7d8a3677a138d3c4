"""A full rebuild of the search index gives exactly the keys the per-customer refresh gives, index included."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, inspect, select

from core.customers.merge import merge_customers
from core.search.keys import refresh_search_keys
from core.search.query import search_customer_ids
from core.store.models import Customer, CustomerSearchKey


def all_keys(database) -> set[tuple[str, int]]:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return {tuple(row) for row in session.execute(select(CustomerSearchKey.key, CustomerSearchKey.customer_id))}


def test_full_rebuild_matches_the_per_customer_refresh(database, book) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        merge_customers(session, book["张晓明"], book["李四"])  # merged-away buyers have no keys
        ids = list(session.scalars(select(Customer.id)))
        session.execute(delete(CustomerSearchKey))
        refresh_search_keys(session.connection(), ids)
    per_customer = all_keys(database)
    assert per_customer and not any(customer_id == book["李四"] for _key, customer_id in per_customer)
    with database.transaction() as session:
        session.execute(delete(CustomerSearchKey))
        refresh_search_keys(session.connection())
    assert all_keys(database) == per_customer
    with database.session() as session:
        assert search_customer_ids(session, "zxm") == [book["张晓明"]]
        indexes = {i["name"] for i in inspect(session.connection()).get_indexes("customer_search_keys")}
        assert "ix_customer_search_keys_customer_id" in indexes
        assert "customer_search_keys_staging" not in inspect(session.connection()).get_table_names()


def test_a_failed_rebuild_leaves_the_index_as_it_was(database, book, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    before = all_keys(database)

    def broken(*_args):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    monkeypatch.setattr("core.search.keys.search_keys", broken)
    with pytest.raises(RuntimeError), database.transaction() as session:
        refresh_search_keys(session.connection())
    assert all_keys(database) == before
    with database.session() as session:
        indexes = {i["name"] for i in inspect(session.connection()).get_indexes("customer_search_keys")}
        assert "ix_customer_search_keys_customer_id" in indexes
