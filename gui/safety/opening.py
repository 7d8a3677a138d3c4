"""Opening the shop's database for a window: one writing window per database, and clear words when it can't.

A second Laoke on the same file finds the first one's lock (a QLockFile beside the database, held while the
window has it open) and opens the database read-only, saying so. A read-only file or folder opens read-only
too. A missing, damaged or locked database is explained in a message box, never a traceback.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from core.errors import LaokeError
from core.refresh import finish_pending_rebuilds
from core.store.backup import daily_backup
from core.store.db import Database, database_url, describe_operational_error
from core.store.opening import open_database
from gui.core_text import core_text
from gui.worker import run_in_background

log = logging.getLogger(__name__)
LOCK_SUFFIX = ".lock"
_held_locks: dict[Path, QLockFile] = {}


def sqlite_path(target: str | Path) -> Path | None:
    url = make_url(database_url(target))
    return Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None


def lock_path(database_path: Path) -> Path:
    return database_path.with_name(database_path.name + LOCK_SUFFIX)


def is_writable(path: Path) -> bool:
    """Can Laoke write this database file (and the -wal beside it)? A missing file counts as writable."""
    if path.exists():
        return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    return True


def _take_lock(path: Path) -> bool | None:
    """True: this window now holds the database. False: another Laoke does. None: no lock could be made."""
    if path in _held_locks:
        return True
    lock = QLockFile(str(lock_path(path)))
    lock.setStaleLockTime(0)  # held for as long as the window is open; a dead owner's lock is cleared by pid
    if lock.tryLock(0):
        _held_locks[path] = lock
        return True
    return False if lock.error() == QLockFile.LockError.LockFailedError else None


def release_lock(path: Path | None) -> None:
    lock = _held_locks.pop(path, None) if path is not None else None
    if lock is not None:
        lock.unlock()


def read_only_reason(path: Path) -> str | None:
    """Why this window must open `path` read-only, or None; takes the lock when it can write."""
    if not is_writable(path):
        return QCoreApplication.translate("DatabaseOpening", "The database file or its folder is read-only, so Laoke opens it read-only: you can look "
                   "but not change anything. To work in it, copy it to a folder you can write to, or ask "
                   "whoever manages this computer for write access.")
    if path.parent.is_dir() and _take_lock(path) is False:
        return QCoreApplication.translate("DatabaseOpening", "Laoke is already open on this database in another window. This window opens it "
                   "read-only, so the two never write over each other: make changes in the other window.")
    return None


def open_for_window(target: str | Path, parent: QWidget | None) -> Database | None:
    """Open the database a window shows; explain and return None when it cannot be opened at all."""
    path = sqlite_path(target)
    reason = read_only_reason(path) if path is not None else None
    try:
        database = open_database(target, read_only=reason is not None)
    except LaokeError as error:
        _refuse(parent, core_text(error), path)
        return None
    except OperationalError as error:
        _refuse(parent, core_text(describe_operational_error(error, str(path or target))), path)
        return None
    if reason is not None:
        QMessageBox.information(parent, QCoreApplication.translate("DatabaseOpening", "Opened read-only"), reason)
    else:
        if path is not None:
            _take_lock(path)  # a database just created in a new folder had no folder to lock in before
        finish_pending_rebuilds(database)
    return database


def _refuse(parent: QWidget | None, message: str, path: Path | None) -> None:
    release_lock(path)
    QMessageBox.critical(parent, QCoreApplication.translate("DatabaseOpening", "Cannot open the database"), message)


def _backup_today(path: Path, *, progress, cancel):  # type: ignore[no-untyped-def]
    return daily_backup(path)


def start_daily_backup(database: Database) -> None:
    """The first start of the day copies the database into its backups folder, in the background."""
    if database.path is None or database.read_only:
        return
    run_in_background(
        _backup_today, database.path,
        on_failure=lambda message, details: log.warning("daily backup failed: %s %s", message, details),
    )
