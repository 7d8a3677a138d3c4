"""Backups of the shop's database: online copies and automatic rolling copies (`restore` puts one back).

Copies go through SQLite's backup API, so they are consistent while the app (or another program) keeps the
database open and writing. Each copy is a single self-contained file (no -wal beside it).

Automatic copies live in a `backups` folder beside the database (for the default database that is the data
folder) and are named `<stem>-<YYYYmmdd-HHMMSS-mmm>-<reason>.db`. Each kind keeps its own newest `keep`
copies, so routine ones (daily, before an import) never push out the copy before an upgrade or a restore.
Every copy carries its checksum inside (core.store.seal) and the write stamp of the book it was taken from
(core.store.stamp): a before-import copy is made only when the book was written since the last copy.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy.exc import OperationalError

from core.errors import DatabaseError, LaokeError, describe_os_error
from core.messages import Message
from core.store.db import BUSY_TIMEOUT_MS, Database, describe_operational_error
from core.store.seal import seal_copy
from core.store.stamp import write_stamp

DEFAULT_KEEP = 10
BACKUP_FOLDER = "backups"
SQLITE_HEADER = b"SQLite format 3\x00"
REQUIRED_TABLES = {"alembic_version", "customers", "orders"}
_STAMP_FORMAT = "%Y%m%d-%H%M%S"
_NAME_PATTERN = r"^{stem}-(?P<stamp>\d{{8}}-\d{{6}}-\d{{3}})-(?P<reason>[a-z0-9-]+)\.db$"
# What a copy being written leaves when it is killed: the hidden temporary file and its journal.
_LEFTOVER_PATTERN = re.compile(r"^\..+\.part(-journal|-wal|-shm)?$")
LEFTOVER_AGE = timedelta(minutes=10)  # younger ones may be another Laoke's copy still being written


@dataclass(frozen=True)
class BackupEntry:
    """One automatic backup in the backups folder."""

    path: Path
    created: datetime
    reason: str
    size: int

    @property
    def kind(self) -> str:
        """What the copy was for, the pool it is kept in: "before-upgrade-0003" is a "before-upgrade"."""
        return backup_kind(self.reason)


def backup_kind(reason: str) -> str:
    return "before-upgrade" if reason.startswith("before-upgrade") else reason


def backup_folder(database_path: Path) -> Path:
    return Path(database_path).parent / BACKUP_FOLDER


def sqlite_file(target: str | Path) -> Path:
    """The file behind a database path or URL; backups here are for SQLite files only."""
    text = str(target)
    if "://" in text and not text.startswith("sqlite"):
        raise LaokeError(Message(
            "Back up a shared PostgreSQL database on its server (pg_dump); Laoke backs up files.",
        ))
    if text.startswith("sqlite"):
        text = text.split("///", 1)[1]
    return Path(text).expanduser().resolve()


def sqlite_failure(error: sqlite3.Error, label: Path) -> DatabaseError:
    wrapped = OperationalError("backup", None, error)
    return DatabaseError(describe_operational_error(wrapped, str(label)))


def os_failure(error: OSError, path: Path) -> LaokeError:
    return LaokeError(describe_os_error(error) or Message("Cannot write {path}: {reason}.", path=path,
                                                          reason=error.strerror))


def connect_file(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return connection


def _copy_database(source: Path, target: Path) -> None:
    """Online copy of `source` into `target` (a new or existing file) through the backup API."""
    with closing(connect_file(source)) as reader, closing(connect_file(target)) as writer:
        reader.backup(writer)
        writer.execute("PRAGMA journal_mode=DELETE")  # the copy is one file, with no -wal beside it
        seal_copy(writer, target)


def backup_database(database_path: str | Path, target: str | Path) -> Path:
    """Copy the database to `target`, consistent even while it is in use; `target` appears whole or not at all."""
    source = sqlite_file(database_path)
    target = Path(target).expanduser().resolve()
    if not source.is_file() or source.stat().st_size == 0:
        raise DatabaseError(Message("There is no database at {source} to back up.", source=source))
    if target == source:
        raise LaokeError(Message("A backup must go to another file than the database itself."))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        os.close(handle)
    except OSError as error:
        raise os_failure(error, target) from error
    temporary = Path(temporary_name)
    try:
        _copy_database(source, temporary)
        os.replace(temporary, target)
    except sqlite3.Error as error:
        raise sqlite_failure(error, source) from error
    except OSError as error:
        raise os_failure(error, target) from error
    finally:
        temporary.unlink(missing_ok=True)
    return target


def _backup_name(database_path: Path, reason: str, when: datetime) -> str:
    stamp = when.strftime(_STAMP_FORMAT) + f"-{when.microsecond // 1000:03d}"
    return f"{database_path.stem}-{stamp}-{reason}.db"


def list_backups(database_path: str | Path) -> list[BackupEntry]:
    """The automatic backups of this database, newest first."""
    database_path = sqlite_file(database_path)
    folder = backup_folder(database_path)
    pattern = re.compile(_NAME_PATTERN.format(stem=re.escape(database_path.stem)))
    entries = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = pattern.match(path.name)
            if match and path.is_file():
                created = datetime.strptime(match["stamp"][:-4], _STAMP_FORMAT).replace(
                    microsecond=int(match["stamp"][-3:]) * 1000
                )
                entries.append(BackupEntry(path, created, match["reason"], path.stat().st_size))
    return sorted(entries, key=lambda entry: (entry.created, entry.path.name), reverse=True)


def rolling_backup(database_path: str | Path, reason: str, *, keep: int = DEFAULT_KEEP) -> Path | None:
    """Back the database up into its backups folder and drop all but the newest `keep` copies of its kind.

    Call it before anything that rewrites many rows (an import, a migration, a restore). Returns None when
    there is no database file yet, so there is nothing to lose.
    """
    database_path = sqlite_file(database_path)
    if not re.fullmatch(r"[a-z0-9-]+", reason):
        raise ValueError(f"a backup reason is lowercase words joined by '-', not {reason!r}")
    if not database_path.is_file() or database_path.stat().st_size == 0:
        return None
    when = datetime.now()
    target = backup_folder(database_path) / _backup_name(database_path, reason, when)
    while target.exists():  # two backups within one millisecond
        when += timedelta(milliseconds=1)
        target = backup_folder(database_path) / _backup_name(database_path, reason, when)
    backup_database(database_path, target)
    prune_backups(database_path, keep=keep, kind=backup_kind(reason))
    return target


def backup_before_change(
    database: Database, reason: str, *, room_for_rows: int = 0, keep: int = DEFAULT_KEEP
) -> Path | None:
    """The rolling backup an import (reason "before-import") or another bulk change makes first.

    No copy is made when the book was not written since its last copy: that copy already holds it (and a
    retry after a failed import finds the disk as the failure left it). Refuses before copying anything when the disk lacks the room for the copy and `room_for_rows` (what the
    change will write), so a full disk is met with how much to free, not with a copy that takes the room the
    import needed. A shared PostgreSQL database is backed up on its server, so this returns None for it.
    """
    if database.path is None:
        return None
    copying = written_since_last_copy(database.path)
    copy_size = database.path.stat().st_size if copying else 0
    ensure_room(database.path, copy_size + room_for_rows)
    return rolling_backup(database.path, reason, keep=keep) if copying else None


def written_since_last_copy(database_path: str | Path) -> bool:
    """Did Laoke write the book after its newest automatic copy was taken? (True when it has none.)

    Compares the book's write stamp with the one its newest copy carries; the speed of an import into a big
    book that has not changed depends on it.
    """
    database_path = sqlite_file(database_path)
    if not database_path.is_file() or database_path.stat().st_size == 0:
        return False
    entries = list_backups(database_path)
    if not entries:
        return True
    try:
        return write_stamp(entries[0].path) != write_stamp(database_path)
    except sqlite3.Error:
        return True  # a copy that cannot be read holds nothing


def free_space(folder: Path) -> int:
    return shutil.disk_usage(folder).free


def ensure_room(database_path: Path, needed: int) -> None:
    """Refuse a change whose copy and rows would not fit on the disk holding the database."""
    free = free_space(database_path.parent)
    if free < needed:
        raise DatabaseError(Message(
            "The disk holding {path} has {free} MB free; this import needs about {needed} MB (a copy of the "
            "customer book before the import, and room for the new rows). Free some space and try again. "
            "Nothing was saved.",
            path=database_path, free=free // 2**20, needed=-(-needed // 2**20),
        ))


def prune_backups(database_path: str | Path, *, kind: str, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete the automatic backups of `kind` beyond its newest `keep`; returns what was deleted."""
    removed = []
    for entry in [entry for entry in list_backups(database_path) if entry.kind == kind][max(keep, 1):]:
        entry.path.unlink(missing_ok=True)
        removed.append(entry.path)
    return removed


def remove_leftovers(database_path: str | Path, *, now: datetime | None = None) -> list[Path]:
    """Delete what a killed copy left in the backups folder (a hidden `.part` file and its journal).

    Called as Laoke starts; a leftover younger than LEFTOVER_AGE stays, as another Laoke may still be
    writing it.
    """
    folder = backup_folder(sqlite_file(database_path))
    cutoff = ((now or datetime.now()) - LEFTOVER_AGE).timestamp()
    removed = []
    if folder.is_dir():
        for path in folder.iterdir():
            if _LEFTOVER_PATTERN.match(path.name) and path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
                removed.append(path)
    return removed


def daily_backup(database_path: str | Path, *, keep: int = DEFAULT_KEEP, today: date | None = None) -> Path | None:
    """The first start of a day backs the database up; later starts that day do nothing."""
    today = today or date.today()
    if any(entry.reason == "daily" and entry.created.date() == today for entry in list_backups(database_path)):
        return None
    return rolling_backup(database_path, "daily", keep=keep)


