"""Opening the database in a window: a second Laoke opens read-only, and failures are explained, not raised."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy.exc import OperationalError

import core.store.db
from core.safety.privacy import set_owner_passphrase
from core.store.db import describe_operational_error
from core.store.opening import open_database
from gui.safety import opening
from gui.safety.opening import lock_path, open_for_window, release_lock
from main import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def messages(monkeypatch):  # type: ignore[no-untyped-def]
    """Message boxes the code would show, recorded instead: (kind, title, text)."""
    shown: list[tuple[str, str, str]] = []
    for kind in ("information", "critical", "warning"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(
            lambda parent, title, text, *rest, kind=kind: shown.append((kind, title, text))))
    return shown


def start_laoke_window(db_path: Path) -> subprocess.Popen[bytes]:
    """A real first Laoke window (offscreen) on the database, in its own process."""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen([sys.executable, "main.py", "--db", str(db_path), "--lang", "en"], cwd=ROOT,
                               env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not lock_path(db_path).exists():
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
        assert time.monotonic() < deadline, "the first Laoke never took its lock"
        time.sleep(0.05)
    return process


def test_a_second_laoke_opens_read_only_and_cannot_write(qapp, db_path, messages) -> None:
    open_database(db_path).dispose()
    first = start_laoke_window(db_path)
    try:
        second = open_for_window(db_path, None)
        assert second is not None and second.read_only
        assert messages[0][0] == "information" and "already open on this database" in messages[0][2]
        with pytest.raises(OperationalError) as failure, second.transaction() as session:
            set_owner_passphrase(session, "secret")
        assert "read-only" in describe_operational_error(failure.value, "shop.db")
        second.dispose()
    finally:
        first.send_signal(signal.SIGKILL)  # even a crashed first window must not lock the shop out for ever
        first.wait(timeout=30)
    messages.clear()
    third = open_for_window(db_path, None)
    assert third is not None and not third.read_only and messages == []
    with third.transaction() as session:
        set_owner_passphrase(session, "secret")
    third.dispose()
    release_lock(db_path)


def test_the_same_window_reopening_its_database_keeps_writing(qapp, db_path, messages) -> None:
    first = open_for_window(db_path, None)
    again = open_for_window(db_path, None)
    assert first is not None and again is not None and not again.read_only and messages == []
    first.dispose()
    again.dispose()
    release_lock(db_path)
    assert not lock_path(db_path).exists()


def test_a_read_only_file_opens_read_only_with_a_reason(qapp, read_only_shop, messages) -> None:
    database = open_for_window(read_only_shop, None)
    assert database is not None and database.read_only
    assert "read-only" in messages[0][2]
    database.dispose()


def test_cli_on_a_read_only_file_reads_and_refuses_writes_clearly(read_only_shop, tmp_path, capsys) -> None:
    assert main(["stats", "--db", str(read_only_shop)]) == 0
    saved = tmp_path / "saved.db"
    assert main(["backup", str(saved), "--db", str(read_only_shop)]) == 0
    capsys.readouterr()
    assert main(["restore", str(saved), "--db", str(read_only_shop)]) == 1
    err = capsys.readouterr().err
    assert "is read-only" in err and "Traceback" not in err


def test_a_data_folder_that_cannot_be_made_is_explained(qapp, tmp_path, messages) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    assert open_for_window(blocker / "Laoke" / "laoke.db", None) is None
    assert messages[0][0] == "critical" and "Cannot create the folder" in messages[0][2]


def test_a_missing_data_folder_is_created_and_locked(qapp, tmp_path, messages) -> None:
    database = open_for_window(tmp_path / "new" / "Laoke" / "laoke.db", None)
    assert database is not None and not database.read_only and messages == []
    assert lock_path(tmp_path / "new" / "Laoke" / "laoke.db").exists()
    database.dispose()
    release_lock(tmp_path / "new" / "Laoke" / "laoke.db")


def test_a_damaged_file_is_explained(qapp, tmp_path, messages) -> None:
    bad = tmp_path / "shop.db"
    bad.write_text("这不是数据库")
    assert open_for_window(bad, None) is None
    assert "not a Laoke database" in messages[0][2]
    assert not opening._held_locks.get(bad)


@pytest.fixture
def writer_holding_the_lock(db_path, monkeypatch):  # type: ignore[no-untyped-def]
    """Another program in the middle of writing, and a short busy timeout so the test does not wait 5 s."""
    import sqlite3

    open_database(db_path).dispose()
    monkeypatch.setattr(core.store.db, "BUSY_TIMEOUT_MS", 200)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO settings (key, value) VALUES ('x', '1')")
    yield db_path
    other.rollback()
    other.close()


def test_cli_write_on_a_locked_database_is_a_clear_message(writer_holding_the_lock, capsys) -> None:
    assert main(["demo", "--db", str(writer_holding_the_lock), "--customers", "5"]) == 1
    err = capsys.readouterr().err
    assert "is busy: another Laoke window or program is writing to it" in err and "Traceback" not in err


@pytest.fixture
def shop_path_for_disk_full(db_path):  # type: ignore[no-untyped-def]
    open_database(db_path).dispose()
    return db_path


def test_a_full_disk_during_a_backup_is_a_clear_message(shop_path_for_disk_full, monkeypatch, capsys) -> None:
    import sqlite3

    import core.store.backup

    def full(source, target):  # type: ignore[no-untyped-def]
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(core.store.backup, "_copy_database", full)
    target = shop_path_for_disk_full.with_name("copy.db")
    assert main(["backup", str(target), "--db", str(shop_path_for_disk_full)]) == 1
    err = capsys.readouterr().err
    assert "is full: free some space" in err and "Traceback" not in err
    assert not target.exists() and not list(target.parent.glob("*.part"))


@pytest.fixture
def root_logger_restored():  # type: ignore[no-untyped-def]
    import logging

    handlers = list(logging.getLogger().handlers)
    yield
    for handler in logging.getLogger().handlers:
        if handler not in handlers:
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_an_unexpected_cli_error_is_logged_not_dumped(monkeypatch, db_path, capsys, root_logger_restored) -> None:
    import core.store.backup
    from core.logs import log_file

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(core.store.backup, "list_backups", broken)
    assert main(["backups", "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert "unexpected error" in err and str(log_file()) in err and "Traceback" not in err
    assert "ZeroDivisionError: a bug" in log_file().read_text(encoding="utf-8")


def test_the_first_start_of_the_day_backs_up_in_the_background(qapp, qtbot, db_path) -> None:
    from core.store.backup import list_backups
    from gui.safety.opening import start_daily_backup
    from gui.worker import wait_for_background_tasks

    database = open_database(db_path)
    start_daily_backup(database)
    wait_for_background_tasks()
    qtbot.waitUntil(lambda: [entry.reason for entry in list_backups(db_path)] == ["daily"])
    start_daily_backup(database)
    wait_for_background_tasks()
    assert len(list_backups(db_path)) == 1
    database.dispose()


def test_a_full_disk_in_any_command_or_task_is_named(monkeypatch, db_path, capsys, qtbot) -> None:
    import errno

    import core.store.backup
    from gui.worker import run_in_background

    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device", str(db_path))

    monkeypatch.setattr(core.store.backup, "list_backups", full)
    assert main(["backups", "--db", str(db_path)]) == 1
    assert "The disk is full" in capsys.readouterr().err

    failures: list[tuple[str, str]] = []
    run_in_background(lambda *, progress, cancel: full(), on_failure=lambda *failure: failures.append(failure))
    qtbot.waitUntil(lambda: bool(failures))
    assert failures[0][0].startswith("The disk is full") and "OSError" in failures[0][1]


def test_laoke_debug_shows_the_traceback_to_a_developer(monkeypatch, db_path) -> None:
    import core.store.backup

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(core.store.backup, "list_backups", broken)
    monkeypatch.setenv("LAOKE_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        main(["backups", "--db", str(db_path)])
