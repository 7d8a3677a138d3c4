"""The store: schema, connection settings, exact money, refusing files that are not ours."""

from __future__ import annotations

import sqlite3
import threading
import time
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import IntegrityError

from core.errors import DatabaseError
from core.store.migrate import head_revision
from core.store.models import Base, Customer, CustomerTag, Order, OrderLine, Tag
from core.store.opening import open_database


def test_new_database_has_the_whole_schema_at_head(database) -> None:
    tables = set(inspect(database.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    with database.engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head_revision()


def test_migrations_match_the_models(database) -> None:
    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == [], "models changed without a migration"


@pytest.mark.sqlite_only
def test_connections_use_wal_foreign_keys_and_a_busy_timeout(database) -> None:
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


@pytest.mark.parametrize("second", ["session", "core"])
def test_two_writers_at_once_take_turns_instead_of_failing(database, second) -> None:  # type: ignore[no-untyped-def]
    # As when the care calendar generates while the window's start-up rescore runs: each reads, then writes.
    reading = threading.Event()

    def other_writer() -> None:
        reading.wait(5)
        if second == "session":
            with database.transaction() as session:
                session.add(Customer(name="乙"))
        else:
            with database.writing() as connection:
                connection.execute(Customer.__table__.insert().values(name="乙"))

    thread = threading.Thread(target=other_writer)
    thread.start()
    with database.transaction() as session:
        session.scalar(select(func.count()).select_from(Customer))
        reading.set()
        time.sleep(0.3)  # long enough for the other writer to commit, were it not made to wait its turn
        session.add(Customer(name="甲"))
    thread.join(10)
    with database.session() as session:
        assert sorted(session.scalars(select(Customer.name))) == ["乙", "甲"]


def test_amounts_round_trip_exactly_and_sum_as_decimal(database) -> None:
    with database.transaction() as session:
        for index, amount in enumerate(["0.10", "0.20", "19.99", "1234567.89"]):
            session.add(Order(platform="jd", platform_order_id=str(index), status="paid",
                              paid_amount=Decimal(amount)))
    with database.session() as session:
        assert session.scalar(select(func.sum(Order.paid_amount))) == Decimal("1234588.18")
        assert session.scalar(select(Order.paid_amount).where(Order.platform_order_id == "0")) == Decimal("0.10")


def test_order_ids_are_unique_per_platform_only(database) -> None:
    with database.transaction() as session:
        session.add(Order(platform="jd", platform_order_id="1001", status="paid"))
        session.add(Order(platform="pdd", platform_order_id="1001", status="paid"))
    with pytest.raises(IntegrityError, match="(?i)unique"), database.transaction() as session:
        session.add(Order(platform="jd", platform_order_id="1001", status="paid"))


def test_deleting_a_customer_removes_their_tags_but_keeps_their_orders(database) -> None:
    with database.transaction() as session:
        customer = Customer(name="张晓明")
        tag = Tag(name="回头客")
        session.add_all([customer, tag])
        session.flush()
        session.add(CustomerTag(customer_id=customer.id, tag_id=tag.id))
        order = Order(platform="jd", platform_order_id="9", status="paid", customer_id=customer.id)
        order.lines.append(OrderLine(title="龙井", quantity=1))
        session.add(order)
    with database.transaction() as session:
        session.execute(text("DELETE FROM customers"))
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(CustomerTag)) == 0
        assert session.scalar(select(Order.customer_id)) is None
        assert session.scalar(select(func.count()).select_from(OrderLine)) == 1


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "orders.db"
    path.write_bytes(b"%PDF-1.7 not a database")
    with pytest.raises(DatabaseError, match="not a Laoke database"):
        open_database(path)
    assert path.read_bytes() == b"%PDF-1.7 not a database"


def test_an_unrelated_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE things (id INTEGER)")
    with pytest.raises(DatabaseError, match="not a Laoke customer book"):
        open_database(path)


def test_a_database_from_a_newer_laoke_is_refused(db_path: Path) -> None:
    open_database(db_path).dispose()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    with pytest.raises(DatabaseError, match="newer version of Laoke"):
        open_database(db_path)


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="is a folder"):
        open_database(tmp_path)
