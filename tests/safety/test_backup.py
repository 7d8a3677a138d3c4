"""Backups and restore, in core and through the CLI, with the database held open by another connection."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.demo import create_demo_shop
from core.errors import DatabaseError, LaokeError
from core.store.backup import (
    backup_before_change,
    backup_database,
    backup_folder,
    daily_backup,
    list_backups,
    rolling_backup,
)
from core.store.models import Customer
from core.store.opening import open_database
from core.store.restore import check_backup, restore_database
from main import main


def customer_count(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT count(*) FROM customers").fetchone()[0]


def add_customers(database, count: int, prefix: str = "新客") -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        for number in range(count):
            session.add(Customer(name=f"{prefix}{number}", source="manual"))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def shop(database):  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        create_demo_shop(session, customers=40)
    return database


def test_backup_while_another_connection_writes_holds_only_committed_rows(shop, db_path, tmp_path) -> None:
    with shop.session() as session, session.begin():
        session.add(Customer(name="未提交", source="manual"))
        session.flush()
        target = backup_database(db_path, tmp_path / "copy.db")
    assert customer_count(target) == 40
    assert check_backup(target).customers == 40
    assert not Path(str(target) + "-wal").exists(), "a backup is one self-contained file"
    assert customer_count(db_path) == 41


def test_cli_backup_then_restore_round_trip_keeps_the_replaced_database(shop, db_path, tmp_path, capsys) -> None:
    out = tmp_path / "saved" / "shop-backup.db"
    assert main(["backup", str(out), "--db", str(db_path)]) == 0
    add_customers(shop, 5)
    assert customer_count(db_path) == 45

    with shop.session() as reader:  # another connection holds the database open during the restore
        assert reader.scalar(select(func.count()).select_from(Customer)) == 45
        assert main(["restore", str(out), "--db", str(db_path), "--json"]) == 0
    assert "replaced_backup" in capsys.readouterr().out

    with shop.session() as session:  # the engine that was open sees the restored rows
        assert session.scalar(select(func.count()).select_from(Customer)) == 40
    kept = list_backups(db_path)
    assert [entry.reason for entry in kept] == ["before-restore"]
    assert customer_count(kept[0].path) == 45
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_core_restore_while_the_database_is_open_and_then_writable(shop, db_path, tmp_path) -> None:
    saved = backup_database(db_path, tmp_path / "saved.db")
    add_customers(shop, 3)
    result = restore_database(saved, db_path)
    assert result.upgraded_from is None and result.replaced_backup is not None
    add_customers(shop, 2, prefix="还原后")
    assert customer_count(db_path) == 42


def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 2, len(data), 4096):  # scribble over every page but the header page
        data[offset + 100 : offset + 300] = b"\xa5" * 200
    path.write_bytes(bytes(data))


def _foreign(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")


def _newer(path: Path) -> None:
    with sqlite3.connect(path) as connection:  # as a newer Laoke would copy it: its own checksum not known here
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
        connection.execute("DROP TABLE laoke_copy_seal")


def _text(path: Path) -> None:
    path.write_text("客户,电话\n王芳,13800001234\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("spoil", "message"),
    [(_corrupt, "damaged"), (_foreign, "not a Laoke customer book"), (_newer, "newer version of Laoke"),
     (_text, "not an SQLite database file")],
)
def test_a_bad_backup_is_refused_and_the_database_is_untouched(shop, db_path, tmp_path, spoil, message) -> None:
    bad = tmp_path / "bad.db"
    if spoil is _foreign:
        bad.touch()
    else:
        backup_database(db_path, bad)
    spoil(bad)
    shop.dispose()  # checkpoint the WAL so the file's bytes are the whole database
    before = digest(db_path)

    with pytest.raises(DatabaseError, match=message):
        restore_database(bad, db_path)
    assert digest(db_path) == before
    assert list_backups(db_path) == []


def test_cli_refusal_is_one_clear_line(shop, db_path, tmp_path, capsys) -> None:
    bad = tmp_path / "notes.db"
    _text(bad)
    assert main(["restore", str(bad), "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("laoke: ") and "not an SQLite database file" in err and "Traceback" not in err
    assert customer_count(db_path) == 40


@pytest.fixture
def newer_laoke(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """Migrations as a later Laoke would ship them: one more revision that adds a table."""
    import core.store.migrate
    from core.paths import resource_path

    scripts = tmp_path / "migrations"
    shutil.copytree(resource_path("core/store/migrations"), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    old_head = core.store.migrate.head_revision()
    (scripts / "versions" / "9000_test.py").write_text(
        f'''"""a later schema"""
import sqlalchemy as sa
from alembic import op

revision = "9000"
down_revision = "{old_head}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("later_feature", sa.Column("id", sa.Integer, primary_key=True))


def downgrade():
    op.drop_table("later_feature")
''',
        encoding="utf-8",
    )
    monkeypatch.setattr(core.store.migrate, "migrations_folder", lambda: scripts)
    return old_head


def test_an_older_backup_is_upgraded_on_restore(db_path, tmp_path, newer_laoke) -> None:
    import core.store.migrate
    from core.store.db import make_engine

    old = tmp_path / "old.db"  # a backup written by the older Laoke: schema at the old head, with a customer
    engine = make_engine(old, foreign_keys=False)
    with engine.begin() as connection:
        core.store.migrate.upgrade_connection(connection, newer_laoke)
        connection.exec_driver_sql(
            "INSERT INTO customers (name, source, is_vip, do_not_contact, birth_is_leap_month, created_at, updated_at,"
            " order_count, paid_orders, total_spent, stage) VALUES ('王芳', 'manual', 0, 0, 0, '2025-01-01',"
            " '2025-01-01', 0, 0, 0, 'prospect')"
        )
    engine.dispose()

    database = open_database(db_path)  # the current database, at the newer schema
    database.dispose()
    result = restore_database(old, db_path)
    assert result.upgraded_from == newer_laoke
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("9000",)
        assert connection.execute("SELECT id FROM later_feature").fetchall() == []
        assert connection.execute("SELECT name FROM customers").fetchall() == [("王芳",)]
    with sqlite3.connect(old) as connection:  # the backup file itself is never changed
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (newer_laoke,)


def test_rolling_backups_keep_the_newest_n(shop, db_path) -> None:
    made = [rolling_backup(db_path, "before-import", keep=3) for _ in range(5)]
    kept = list_backups(db_path)
    assert [entry.path for entry in kept] == made[:1:-1]
    assert all(entry.path.parent == backup_folder(db_path) for entry in kept)
    assert all(customer_count(entry.path) == 40 for entry in kept)


def test_daily_backup_once_a_day(shop, db_path) -> None:
    first = daily_backup(db_path)
    assert first is not None and first.parent == db_path.parent / "backups"
    assert daily_backup(db_path) is None
    assert daily_backup(db_path, today=date(2099, 1, 1)) is not None
    assert [entry.reason for entry in list_backups(db_path)] == ["daily", "daily"]
    assert list_backups(db_path)[-1].created.date() == datetime.now().date()


def test_an_import_backs_up_first_and_a_server_database_is_skipped(shop, db_path) -> None:
    from core.store.db import Database

    made = backup_before_change(shop, "before-import")
    assert made is not None and list_backups(db_path)[0].reason == "before-import"
    server = Database(engine=shop.engine, url="postgresql+psycopg://shop@server/laoke", path=None)
    assert backup_before_change(server, "before-import") is None


def test_nothing_to_back_up_before_the_first_database(tmp_path) -> None:
    assert rolling_backup(tmp_path / "none.db", "daily") is None
    with pytest.raises(DatabaseError, match="no database"):
        backup_database(tmp_path / "none.db", tmp_path / "out.db")


def test_a_postgresql_database_is_pointed_to_pg_dump() -> None:
    with pytest.raises(LaokeError, match="pg_dump"):
        rolling_backup("postgresql+psycopg://shop@server/laoke", "daily")


def test_cli_lists_backups(shop, db_path, capsys) -> None:
    assert main(["backups", "--db", str(db_path)]) == 0
    assert "No automatic backups yet." in capsys.readouterr().out
    rolling_backup(db_path, "manual")
    assert main(["backups", "--db", str(db_path)]) == 0
    assert "manual" in capsys.readouterr().out


def test_an_upgrade_backs_the_old_file_up_among_the_rolling_backups(shop, db_path, newer_laoke) -> None:
    shop.dispose()
    open_database(db_path).dispose()  # the newer Laoke opens the shop and upgrades it
    (entry,) = list_backups(db_path)
    assert entry.reason == f"before-upgrade-{newer_laoke}"
    assert check_backup(entry.path).revision == newer_laoke
    assert customer_count(entry.path) == 40


def test_restore_onto_a_new_computer_creates_the_database(shop, db_path, tmp_path) -> None:
    saved = backup_database(db_path, tmp_path / "usb" / "shop.db")
    fresh = tmp_path / "new-computer" / "Laoke" / "laoke.db"
    result = restore_database(saved, fresh)
    assert result.replaced_backup is None
    database = open_database(fresh)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Customer)) == 40
    database.dispose()
