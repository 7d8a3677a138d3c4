"""Backups of the shop's database: online copies, automatic rolling copies, and a restore that checks first.

Copies go through SQLite's backup API, so they are consistent while the app (or another program) keeps the
database open and writing. Each copy is a single self-contained file (no -wal beside it).

Automatic copies live in a `backups` folder beside the database (for the default database that is the data
folder) and are named `<stem>-<YYYYmmdd-HHMMSS-mmm>-<reason>.db`; only the newest `keep` of them stay.
A restore copies the chosen file aside, checks it (integrity, a Laoke customer book, a schema this Laoke
knows, upgrading an older one) and only then writes it into the database, after backing the replaced
database up. A refused file leaves the current database untouched.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy.exc import OperationalError

from core.db import BUSY_TIMEOUT_MS, Database, database_url, describe_operational_error
from core.errors import DatabaseError, LaokeError, describe_os_error
from core.messages import Message

DEFAULT_KEEP = 10
BACKUP_FOLDER = "backups"
SQLITE_HEADER = b"SQLite format 3\x00"
REQUIRED_TABLES = {"alembic_version", "customers", "orders"}
_STAMP_FORMAT = "%Y%m%d-%H%M%S"
_NAME_PATTERN = r"^{stem}-(?P<stamp>\d{{8}}-\d{{6}}-\d{{3}})-(?P<reason>[a-z0-9-]+)\.db$"


@dataclass(frozen=True)
class BackupEntry:
    """One automatic backup in the backups folder."""

    path: Path
    created: datetime
    reason: str
    size: int


@dataclass(frozen=True)
class BackupCheck:
    """What a checked backup file holds."""

    revision: str
    customers: int
    orders: int


@dataclass(frozen=True)
class RestoreResult:
    database: Path
    replaced_backup: Path | None  # the database as it was before the restore
    upgraded_from: str | None  # the backup's schema revision when it had to be upgraded


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


def _sqlite_failure(error: sqlite3.Error, label: Path) -> DatabaseError:
    wrapped = OperationalError("backup", None, error)
    return DatabaseError(describe_operational_error(wrapped, str(label)))


def _os_failure(error: OSError, path: Path) -> LaokeError:
    return LaokeError(describe_os_error(error) or Message("Cannot write {path}: {reason}.", path=path,
                                                          reason=error.strerror))


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return connection


def _copy_database(source: Path, target: Path) -> None:
    """Online copy of `source` into `target` (a new or existing file) through the backup API."""
    with closing(_connect(source)) as reader, closing(_connect(target)) as writer:
        reader.backup(writer)
        writer.execute("PRAGMA journal_mode=DELETE")  # the copy is one file, with no -wal beside it


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
        raise _os_failure(error, target) from error
    temporary = Path(temporary_name)
    try:
        _copy_database(source, temporary)
        os.replace(temporary, target)
    except sqlite3.Error as error:
        raise _sqlite_failure(error, source) from error
    except OSError as error:
        raise _os_failure(error, target) from error
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
    """Back the database up into its backups folder and drop all but the newest `keep` copies.

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
    prune_backups(database_path, keep=keep)
    return target


def backup_before_change(database: Database, reason: str, *, keep: int = DEFAULT_KEEP) -> Path | None:
    """The rolling backup an import (reason "before-import") or another bulk change makes first.

    A shared PostgreSQL database is backed up on its server, so this returns None for it.
    """
    if database.path is None:
        return None
    return rolling_backup(database.path, reason, keep=keep)


def prune_backups(database_path: str | Path, *, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete the automatic backups beyond the newest `keep`; returns what was deleted."""
    removed = []
    for entry in list_backups(database_path)[max(keep, 1):]:
        entry.path.unlink(missing_ok=True)
        removed.append(entry.path)
    return removed


def daily_backup(database_path: str | Path, *, keep: int = DEFAULT_KEEP, today: date | None = None) -> Path | None:
    """The first start of a day backs the database up; later starts that day do nothing."""
    today = today or date.today()
    if any(entry.reason == "daily" and entry.created.date() == today for entry in list_backups(database_path)):
        return None
    return rolling_backup(database_path, "daily", keep=keep)


def check_backup(path: str | Path) -> BackupCheck:
    """Is this file a sound Laoke database? Raises DatabaseError saying why not. Reads, never writes."""
    path = Path(path).expanduser()
    with _private_copy(path) as copy:
        return _check_copy(copy, path)


@contextmanager
def _private_copy(path: Path) -> Iterator[Path]:
    """A copy of the file (and its -wal) in a temporary folder, so checks never touch the original."""
    if not path.is_file():
        raise DatabaseError(Message("{path} does not exist.", path=path))
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise DatabaseError(Message(
                "{path} is not a Laoke backup (it is not an SQLite database file).",
                path=path,
            ))
    with tempfile.TemporaryDirectory(prefix="laoke-restore-") as folder:
        copy = Path(folder) / "candidate.db"
        try:
            shutil.copyfile(path, copy)
            wal = path.with_name(path.name + "-wal")
            if wal.is_file():
                shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        except OSError as error:
            raise _os_failure(error, copy) from error
        yield copy


def _check_copy(copy: Path, original: Path) -> BackupCheck:
    from core.migrate import known_revisions

    try:
        with closing(_connect(copy)) as connection:
            verdict = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            if verdict != ["ok"]:
                raise DatabaseError(Message(
                    "{original} is damaged ({verdict}); it cannot be restored.",
                    original=original, verdict=verdict[0],
                ))
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not tables >= REQUIRED_TABLES:
                raise DatabaseError(Message(
                    "{original} is an SQLite file but not a Laoke customer book.",
                    original=original,
                ))
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            customers = connection.execute("SELECT count(*) FROM customers").fetchone()[0]
            orders = connection.execute("SELECT count(*) FROM orders").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise DatabaseError(Message(
            "{original} is damaged or not a Laoke database ({error}); it cannot be restored.",
            original=original, error=error,
        )) from error
    if revision is None:
        raise DatabaseError(Message(
            "{original} is an SQLite file but not a Laoke customer book.",
            original=original,
        ))
    if revision[0] not in known_revisions():
        raise DatabaseError(
            Message(
                "{original} was written by a newer version of Laoke (schema {revision}). Update "
                "Laoke to restore it.",
                original=original, revision=revision[0],
            )
        )
    return BackupCheck(revision=revision[0], customers=customers, orders=orders)


def restore_database(
    backup_path: str | Path, database_path: str | Path, *, keep: int = DEFAULT_KEEP
) -> RestoreResult:
    """Replace the database's contents with a checked (and, if older, upgraded) copy of `backup_path`.

    The current database is backed up first (reason `before-restore`). Works while other connections hold
    the database open: the copy is written through SQLite, which they see as one committed change.
    """
    from core.migrate import ensure_current, head_revision

    backup_path = Path(backup_path).expanduser().resolve()
    database_path = sqlite_file(database_path)
    if backup_path == database_path:
        raise LaokeError(Message("Choose a backup file, not the database that is open."))
    with _private_copy(backup_path) as copy:
        check = _check_copy(copy, backup_path)
        upgraded_from = None
        if check.revision != head_revision():
            ensure_current(database_url(copy), None)
            upgraded_from = check.revision
        replaced = rolling_backup(database_path, "before-restore", keep=keep)
        try:
            database_path.parent.mkdir(parents=True, exist_ok=True)
            with closing(_connect(copy)) as reader, closing(_connect(database_path)) as writer:
                reader.backup(writer)
                writer.execute("PRAGMA journal_mode=WAL")
        except sqlite3.Error as error:
            raise _sqlite_failure(error, database_path) from error
        except OSError as error:
            raise _os_failure(error, database_path) from error
    return RestoreResult(database=database_path, replaced_backup=replaced, upgraded_from=upgraded_from)
