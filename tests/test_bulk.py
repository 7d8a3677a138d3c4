"""Bulk writes: SQLite builds plain indexes once afterwards (never leaving the file without them); ids for
rows built in Python come from the same supply as single inserts on every backend."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import Table, inspect, select

from core.demo import create_demo_shop
from core.store.bulk import indexes_built_after, new_ids, stores_dates_as_text, update_by_id
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


def test_bulk_insert_stores_what_core_would(database) -> None:  # type: ignore[no-untyped-def]
    """Money rounded to cents, times, JSON and Python-side defaults, by executemany on SQLite and COPY on
    PostgreSQL, read back the same as the rows Core's own insert wrote."""
    from datetime import datetime
    from decimal import Decimal

    from sqlalchemy import insert, select

    from core.store.bulk import bulk_insert
    from core.store.models import ImportBatch, ImportChange

    order = {"platform": "jd", "status": "paid", "paid_amount": Decimal("12.345"), "total_amount": Decimal("-0.5"),
             "created_at": datetime(2026, 5, 1, 10, 0, 1), "shipping_fee": None}
    with database.engine.begin() as connection:
        batch = connection.execute(insert(ImportBatch).values(kind="orders", file_name="a.csv", file_hash="h",
                                                              preset="jd", status="committed")).inserted_primary_key[0]
        change = {"batch_id": batch, "entity": "order", "entity_id": 1, "action": "update",
                  "before": {"status": "unpaid", "lines": [{"title": "龙井"}]}}
        bulk_insert(connection, ORDERS, [{**order, "platform_order_id": "fast"}])
        connection.execute(insert(Order), [{**order, "platform_order_id": "core"}])
        bulk_insert(connection, ImportChange.__table__, [change])  # type: ignore[arg-type]
        connection.execute(insert(ImportChange), [change])
    with database.session() as session:
        fast, core = session.scalars(select(Order).order_by(Order.platform_order_id.desc())).all()
        changes = session.scalars(select(ImportChange).order_by(ImportChange.id)).all()
    columns = ("paid_amount", "total_amount", "created_at", "shipping_fee")
    assert [getattr(fast, name) for name in columns] == [getattr(core, name) for name in columns]
    assert fast.paid_amount == Decimal("12.35")
    assert changes[0].before == changes[1].before == change["before"]


def test_bulk_insert_sends_rows_in_one_stream_on_a_server(database) -> None:  # type: ignore[no-untyped-def]
    """On PostgreSQL new rows go by COPY, not one INSERT per row; its row triggers still count the change."""
    from sqlalchemy import event

    from core.store.bulk import bulk_insert
    from core.store.changes import change_mark

    if database.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no COPY: one executemany is its fast path")
    statements: list[str] = []
    event.listen(database.engine, "before_cursor_execute",
                 lambda _conn, _cursor, statement, *_args: statements.append(statement))
    with database.engine.begin() as connection:
        before = change_mark(connection)
        bulk_insert(connection, CUSTOMERS, [{"name": f"客户{number}"} for number in range(500)])
        after = change_mark(connection)
    assert not [statement for statement in statements if statement.lstrip().upper().startswith("INSERT")]
    assert after > before
    with database.session() as session:
        assert session.query(Customer).count() == 500
        assert session.query(Customer).filter(Customer.created_at.is_(None)).count() == 0


def test_update_by_id_writes_each_rows_values_and_keeps_updated_at(database) -> None:  # type: ignore[no-untyped-def]
    """What the recompute writes (a date, cents, a stage) lands on the right rows; it is no edit."""
    with database.transaction() as session:
        session.add_all([Customer(name="甲"), Customer(name="乙"), Customer(name="丙")])
    with database.writing() as connection:
        ids = sorted(connection.scalars(select(Customer.id)))
        stamped = dict(connection.execute(select(Customer.id, Customer.updated_at)).all())
        day = "2026-11-02" if stores_dates_as_text(connection) else date(2026, 11, 2)
        update_by_id(connection, CUSTOMERS, ["stage", "stage_since", "total_spent"],
                     [("active", day, 12345, ids[0]), ("lost", None, 0, ids[2])])
    with database.session() as session:
        rows = session.execute(select(Customer.id, Customer.stage, Customer.stage_since, Customer.total_spent,
                                      Customer.updated_at).order_by(Customer.id)).all()
    assert [tuple(row[1:4]) for row in rows] == [("active", date(2026, 11, 2), Decimal("123.45")),
                                                  ("prospect", None, Decimal("0")), ("lost", None, Decimal("0"))]
    assert {row.id: row.updated_at for row in rows} == stamped
