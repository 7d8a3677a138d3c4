"""Backups that can always bring the book back: copies kept by kind, a copy only when the book was written,
restores that refuse whatever is not a whole book, one-line refusals, and no leftovers of a killed copy."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from core.demo import create_demo_shop
from core.errors import DatabaseError
from core.importing import commit_imports, prepare_files, writer
from core.store.backup import backup_database, backup_folder, list_backups, rolling_backup
from core.store.models import Customer
from core.store.opening import open_database
from core.store.restore import restore_database
from core.store.stamp import write_stamp
from main import main
from tests.gui.test_import_wizard import _sheet
from tests.importing.test_import_files import ALICE, BOB


@pytest.fixture
def shop(database):  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        create_demo_shop(session, customers=40)
    return database


def test_the_write_stamp_moves_with_each_write_and_not_with_reads(shop, db_path) -> None:
    before = write_stamp(db_path)
    with shop.session() as session:
        session.query(Customer).count()
    assert write_stamp(db_path) == before
    with shop.transaction() as session:
        session.add(Customer(name="新客", source="manual"))
    assert write_stamp(db_path) == before + 1
    with shop.writing() as connection:
        connection.exec_driver_sql("UPDATE customers SET nickname = 'x' WHERE id = 1")
    assert write_stamp(db_path) == before + 2


def test_routine_copies_never_push_out_the_copies_before_an_upgrade_or_a_restore(shop, db_path, tmp_path) -> None:
    rolling_backup(db_path, "before-upgrade-0003")
    restore_database(backup_database(db_path, tmp_path / "saved.db"), db_path)
    sheet = _sheet(tmp_path, ALICE, BOB)
    for _ in range(11):  # re-imports of an unchanged file, as a shop does every month
        commit_imports(shop, prepare_files(shop, [sheet]))
    kinds = [entry.kind for entry in list_backups(db_path)]
    assert kinds.count("before-upgrade") == 1 and kinds.count("before-restore") == 1
    assert kinds.count("before-import") <= 10


def test_a_before_import_copy_only_when_the_book_was_written_since_the_last_copy(shop, db_path, tmp_path,
                                                                                   monkeypatch) -> None:
    prepared = prepare_files(shop, [_sheet(tmp_path, ALICE, BOB)])

    def disk_full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(writer, "refresh_derived", disk_full)
    for _attempt in range(3):  # the import fails, the seller frees space and tries again
        with pytest.raises(sqlite3.OperationalError):
            commit_imports(shop, prepared)
    assert [entry.reason for entry in list_backups(db_path)] == ["before-import"]
    monkeypatch.undo()
    commit_imports(shop, prepared)
    assert len(list_backups(db_path)) == 1, "the failed attempts changed nothing, so the copy still holds the book"
    paid_more = (*ALICE[:3], "120.00", ALICE[4])  # a file that changes an order: the import is going to write
    commit_imports(shop, prepare_files(shop, [_sheet(tmp_path, paid_more, name="second.csv")]))
    assert len(list_backups(db_path)) == 2, "the last import wrote the book: the next one copies it first"


def _drop_table(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE care_tasks")


def _drop_column(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("ALTER TABLE customers DROP COLUMN wechat_id")


@pytest.mark.parametrize("spoil", [_drop_table, _drop_column], ids=["table", "column"])
def test_a_plain_copy_missing_part_of_its_schema_is_refused(shop, db_path, tmp_path, spoil) -> None:
    shop.dispose()
    plain = tmp_path / "laoke-copy.db"
    shutil.copyfile(db_path, plain)  # a plain copy of laoke.db, no checksum inside
    spoil(plain)
    with pytest.raises(DatabaseError, match="lacks parts of a Laoke customer book") as refused:
        restore_database(plain, db_path)
    assert "missing" in refused.value.details
    assert list_backups(db_path) == []


def test_a_whole_plain_copy_still_restores(shop, db_path, tmp_path) -> None:
    shop.dispose()
    plain = tmp_path / "laoke-copy.db"
    shutil.copyfile(db_path, plain)
    assert restore_database(plain, db_path).replaced_backup is not None


def test_every_single_byte_overwrite_of_a_laoke_copy_is_refused(shop, db_path, tmp_path) -> None:
    saved = backup_database(db_path, tmp_path / "saved.db")
    data = saved.read_bytes()
    spoiled = tmp_path / "spoiled.db"
    chance = random.Random(20)
    accepted = []
    for _ in range(40):
        offset = chance.randrange(100, len(data))  # past the header's fixed fields SQLite checks itself
        altered = bytearray(data)
        altered[offset] ^= 1 + chance.randrange(255)
        spoiled.write_bytes(bytes(altered))
        try:
            restore_database(spoiled, tmp_path / "scratch.db")
            accepted.append(offset)
        except DatabaseError:
            pass
        for leftover in tmp_path.glob("scratch.db*"):
            leftover.unlink()
    assert accepted == []


def test_a_damaged_schema_text_is_refused_in_words(shop, db_path, tmp_path) -> None:
    shop.dispose()
    plain = tmp_path / "laoke-copy.db"
    shutil.copyfile(db_path, plain)
    with sqlite3.connect(plain) as connection:
        connection.execute("PRAGMA writable_schema=ON")
        connection.execute("UPDATE sqlite_master SET sql = CAST(X'43524541544520ff' AS TEXT) || substr(sql, 7) "
                           "WHERE name = 'care_tasks'")
    with pytest.raises(DatabaseError, match="damaged"):
        restore_database(plain, db_path)


def test_a_refused_restore_is_one_line_in_the_cli(shop, db_path, tmp_path, capsys) -> None:
    saved = backup_database(db_path, tmp_path / "saved.db")
    data = bytearray(saved.read_bytes())
    for offset in range(4096 * 2, len(data), 4096):  # scribble over every page but the first
        data[offset + 100 : offset + 300] = b"\xa5" * 200
    saved.write_bytes(bytes(data))
    assert main(["restore", str(saved), "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("laoke: ") and "cannot be restored" in err


def test_what_a_killed_copy_left_is_cleaned_at_the_next_start(shop, db_path) -> None:
    folder = backup_folder(db_path)
    folder.mkdir(exist_ok=True)
    old = time.time() - 3600
    leftovers = [folder / ".shop-20261201-101010-000-before-restore.db.k2j3.part",
                 folder / ".shop-20261201-101010-000-before-restore.db.k2j3.part-journal"]
    recent = folder / ".shop-20261201-111111-000-daily.db.a1b2.part"  # another Laoke may be writing it
    for path in [*leftovers, recent]:
        path.write_bytes(b"x" * 1000)
    for path in leftovers:
        os.utime(path, (old, old))
    shop.dispose()
    open_database(db_path).dispose()  # the next start
    assert [path.exists() for path in leftovers] == [False, False]
    assert recent.exists()
