"""Bulk writes: SQLite builds plain indexes once afterwards (never leaving the file without them); ids for
rows built in Python come from the same supply as single inserts on every backend."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Table, inspect

from core.demo import create_demo_shop
from core.store.bulk import indexes_built_after, new_ids
from core.store.models import Customer, Order

ORDERS: Table = Order.__table__  # type: ignore[assignment]
CUSTOMERS: Table = Customer.__table__  # type: ignore[assignment]


def index_names(connection, table: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {index["name"] for index in inspect(connection).get_indexes(table)}


@pytest.mark.sqlite_only  # elsewhere indexes stay: dropping one would lock the table against the other reps
def test_a_large_load_drops_the_plain_indexes_and_builds_them_again(database) -> None:  # type: ignore[no-untyped-def]
    with database.engine.begin() as connection:
        before = index_names(connection, "orders")
        with indexes_built_after(connection, [ORDERS], rows=1000):
            inside = index_names(connection, "orders")
        assert index_names(connection, "orders") == before
    assert "ix_orders_customer_created" in before - inside
    with database.engine.connect() as connection:
        assert index_names(connection, "orders") == before


@pytest.mark.sqlite_only
def test_an_update_drops_only_the_indexes_on_the_columns_it_writes(database) -> None:  # type: ignore[no-untyped-def]
    with database.engine.begin() as connection:
        before = index_names(connection, "customers")
        with indexes_built_after(connection, [CUSTOMERS], rows=1000, columns={"stage"}):
            assert before - index_names(connection, "customers") == {"ix_customers_stage"}


def test_a_load_small_against_the_table_keeps_its_indexes(database) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session:
        session.add_all([Customer(name="张三"), Customer(name="李四")])
        session.commit()
    with database.engine.begin() as connection:
        before = index_names(connection, "customers")
        with indexes_built_after(connection, [CUSTOMERS], rows=1):
            assert index_names(connection, "customers") == before


def test_an_error_inside_rolls_the_indexes_back(database) -> None:  # type: ignore[no-untyped-def]
    with database.engine.connect() as connection:
        before = index_names(connection, "orders")
    with (pytest.raises(RuntimeError), database.engine.begin() as connection,
          indexes_built_after(connection, [ORDERS], rows=1000)):
        raise RuntimeError("the import failed")
    with database.engine.connect() as connection:
        assert index_names(connection, "orders") == before


def every_index(database) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with database.engine.connect() as connection:
        inspector = inspect(connection)
        return {(table, index["name"]) for table in inspector.get_table_names()
                for index in inspector.get_indexes(table)}


@pytest.mark.sqlite_only
def test_scoring_a_big_book_for_the_first_time_leaves_every_index(database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import core.store.bulk

    dropped: list[str] = []
    plain_indexes = core.store.bulk._plain_indexes

    def watched(*args):  # type: ignore[no-untyped-def]
        found = plain_indexes(*args)
        dropped.extend(index.name for index in found)
        return found

    monkeypatch.setattr(core.store.bulk, "_plain_indexes", watched)
    before = every_index(database)
    with database.transaction() as session:
        create_demo_shop(session, customers=1200, today=date(2026, 11, 1))
    assert {"ix_customers_stage", "ix_stage_changes_customer_id"} <= set(dropped)  # the first scoring's writes
    assert every_index(database) == before


def test_bulk_ids_and_single_inserts_share_one_supply(database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A bulk import builds rows with their ids; a customer added by hand afterwards (the table's own
    default: PostgreSQL's sequence) and the next import must not be handed the same ones."""
    from core.importing import commit_imports, prepare_import
    from tests.safety.import_sheets import write_orders

    commit_imports(database, [prepare_import(write_orders(tmp_path / "first.csv", 40))])
    with database.transaction() as session:
        session.add(Customer(name="王芳"))
        session.add(Order(platform="jd", platform_order_id="JD1", status="paid"))
    commit_imports(database, [prepare_import(write_orders(tmp_path / "second.csv", 40, first=40))])
    with database.session() as session:
        assert session.query(Customer).count() == 41 and session.query(Order).count() == 81


def test_new_ids_are_handed_out_once_across_blocks(database) -> None:  # type: ignore[no-untyped-def]
    with database.writing() as connection:
        supply = new_ids(connection, CUSTOMERS, block=3)
        drawn = [next(supply) for _ in range(10)]
    assert len(set(drawn)) == 10 and min(drawn) >= 1
