"""Opening a database written by an older Laoke upgrades it, after copying it to a backup beside it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import select, text

from core.store.backup import list_backups
from core.store.db import make_engine
from core.store.migrate import alembic_config, head_revision, listed_head, upgrade_connection
from core.store.models import Base, Customer
from core.store.opening import open_database

OLDER_REVISIONS = [
    script.revision
    for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()
    if script.revision != head_revision()
]


def _database_at(path: Path, revision: str) -> None:
    engine = make_engine(path, foreign_keys=False)
    with engine.begin() as connection:
        upgrade_connection(connection, revision)
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO customers (id, name, source, is_vip, do_not_contact, birth_is_leap_month,"
                           " created_at, updated_at, order_count, paid_orders, total_spent, stage)"
                           " VALUES (1, '王芳', 'manual', 1, 0, 0, '2025-01-01', '2025-01-01', 0, 0, 0, 'prospect')")
        connection.execute("INSERT INTO orders (id, platform, platform_order_id, customer_id, status, paid_amount)"
                           " VALUES (1, 'taobao_tmall', '3901', 1, 'paid', 16800)")


@pytest.mark.parametrize("revision", OLDER_REVISIONS)
def test_an_older_database_is_backed_up_then_upgraded_with_its_data(tmp_path: Path, revision: str) -> None:
    path = tmp_path / "shop.db"
    _database_at(path, revision)

    database = open_database(path)
    try:
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision()
            assert connection.exec_driver_sql("SELECT name FROM customers").scalar() == "王芳"
            assert connection.exec_driver_sql("SELECT paid_amount FROM orders").scalar() == 16800
    finally:
        database.dispose()

    backups = [entry.path for entry in list_backups(path) if entry.reason == f"before-upgrade-{revision}"]
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)
        assert connection.execute("SELECT name FROM customers").fetchone() == ("王芳",)


def test_a_current_database_is_opened_without_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "shop.db"
    open_database(path).dispose()
    open_database(path).dispose()
    assert list_backups(path) == []


@pytest.mark.empty_database
@pytest.mark.parametrize("revision", OLDER_REVISIONS)
def test_each_backend_upgrades_an_older_schema_with_its_data(db_target: str, revision: str) -> None:
    engine = make_engine(db_target, foreign_keys=False)
    with engine.begin() as connection:
        upgrade_connection(connection, revision)
        connection.execute(text(
            "INSERT INTO customers (name, source, is_vip, do_not_contact, birth_is_leap_month, created_at,"
            " updated_at, order_count, paid_orders, total_spent, stage)"
            " VALUES ('王芳', 'manual', TRUE, FALSE, FALSE, '2025-01-01', '2025-01-01', 0, 0, 0, 'prospect')"))
    engine.dispose()

    database = open_database(db_target)
    try:
        with database.transaction() as session:
            assert session.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()
            # Ids still come from where the old schema's came from: a new buyer does not collide.
            session.add(Customer(name="李强"))
        with database.session() as session:
            assert session.scalars(select(Customer.name).order_by(Customer.id)).all() == ["王芳", "李强"]
    finally:
        database.dispose()


def test_the_scripts_lines_name_the_head_alembic_finds() -> None:
    # Opening a current book trusts these lines instead of loading Alembic; a re-chained or new script must
    # still name one head, the one Alembic upgrades to.
    assert listed_head() == head_revision()


@pytest.mark.empty_database
def test_every_migration_steps_back_down_and_up_again(db_target: str) -> None:
    # A release whose upgrade went wrong is undone by stepping back (`alembic downgrade -1`): each downgrade
    # must run on both backends and leave the schema the next upgrade starts from.
    engine = make_engine(db_target, foreign_keys=False)
    try:
        with engine.begin() as connection:
            upgrade_connection(connection)
            for revision in [*OLDER_REVISIONS, None]:  # newest first, then the empty schema
                command.downgrade(alembic_config(connection), "-1")
                assert MigrationContext.configure(connection).get_current_revision() == revision
            upgrade_connection(connection)
            assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    finally:
        engine.dispose()
