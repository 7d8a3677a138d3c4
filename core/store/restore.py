"""A restore that checks first: the chosen file is copied aside, checked (the checksum a Laoke copy carries,
integrity, a Laoke customer book with the whole schema of its revision, upgrading an older one) and only then
written into the database, after backing the replaced database up. A refused file leaves the current database
untouched; the refusal is one line, with what SQLite found as its details."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from core.errors import DatabaseError, LaokeError
from core.messages import Message
from core.store.backup import (
    DEFAULT_KEEP,
    REQUIRED_TABLES,
    SQLITE_HEADER,
    connect_file,
    os_failure,
    rolling_backup,
    sqlite_failure,
    sqlite_file,
)
from core.store.db import database_url, make_engine
from core.store.migrate import ensure_current, head_revision, known_revisions, upgrade_connection
from core.store.seal import content_digest, drop_seal, stored_checksum
from core.store.stamp import move_stamp, read_stamp, write_stamp

INTEGRITY_DETAIL_LINES = 100  # of SQLite's report, behind "Show details"


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
            raise os_failure(error, copy) from error
        yield copy


def _check_copy(copy: Path, original: Path) -> BackupCheck:
    try:
        with closing(connect_file(copy)) as connection:
            _check_seal(connection, copy, original)
            _check_integrity(connection, original)
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not tables >= REQUIRED_TABLES:
                raise DatabaseError(Message(
                    "{original} is an SQLite file but not a Laoke customer book.",
                    original=original,
                ))
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            if revision is None:
                raise DatabaseError(Message(
                    "{original} is an SQLite file but not a Laoke customer book.",
                    original=original,
                ))
            if revision[0] not in known_revisions():
                raise DatabaseError(Message(
                    "{original} was written by a newer version of Laoke (schema {revision}). Update "
                    "Laoke to restore it.",
                    original=original, revision=revision[0],
                ))
            _check_schema(connection, revision[0], original)
            customers = connection.execute("SELECT count(*) FROM customers").fetchone()[0]
            orders = connection.execute("SELECT count(*) FROM orders").fetchone()[0]
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:  # a damaged schema text fails to decode
        raise DatabaseError(Message(
            "{original} is damaged or not a Laoke database; it cannot be restored.",
            original=original,
        ), details=f"{type(error).__name__}: {error}") from error
    return BackupCheck(revision=revision[0], customers=customers, orders=orders)


def _check_seal(connection: sqlite3.Connection, copy: Path, original: Path) -> None:
    """A copy Laoke made carries its checksum: any byte changed since shows here."""
    checksum = stored_checksum(connection)
    if checksum is None:
        return
    content = content_digest(connection, copy)
    if checksum != content:
        raise DatabaseError(Message(
            "{original} was changed or damaged after Laoke copied it (its checksum does not match); it "
            "cannot be restored.",
            original=original,
        ), details=f"stored checksum {checksum}\ncontent checksum {content}")


def _check_integrity(connection: sqlite3.Connection, original: Path) -> None:
    verdict = [row[0] for row in connection.execute(f"PRAGMA integrity_check({INTEGRITY_DETAIL_LINES})")]
    if verdict != ["ok"]:
        raise DatabaseError(Message(
            "{original} is damaged; it cannot be restored.",
            original=original,
        ), details="\n".join(verdict))


def _check_schema(connection: sqlite3.Connection, revision: str, original: Path) -> None:
    """Every table, column and index the file's schema revision has must be there."""
    missing = sorted(schema_of_revision(revision) - _schema(connection))
    if missing:
        raise DatabaseError(Message(
            "{original} lacks parts of a Laoke customer book ({count} tables, columns or indexes); it cannot "
            "be restored.",
            original=original, count=len(missing),
        ), details="\n".join(f"missing {kind} {name}" for kind, name in missing))


@cache
def schema_of_revision(revision: str) -> frozenset[tuple[str, str]]:
    """The tables, columns and indexes a book at `revision` has, built by its migrations in a scratch file."""
    with tempfile.TemporaryDirectory(prefix="laoke-schema-") as folder:
        path = Path(folder) / "reference.db"
        engine = make_engine(path, foreign_keys=False)
        try:
            with engine.begin() as connection:
                upgrade_connection(connection, revision)
        finally:
            engine.dispose()
        with closing(connect_file(path)) as reference:
            return frozenset(_schema(reference))


def _schema(connection: sqlite3.Connection) -> set[tuple[str, str]]:
    parts = set()
    for kind, name, table in connection.execute(
            "SELECT type, name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index', 'view', 'trigger') "
            "AND name NOT LIKE 'sqlite_%'").fetchall():
        parts.add((kind, name))
        if kind == "table":
            quoted = table.replace('"', '""')
            parts.update(("column", f"{table}.{row[1]}") for row in connection.execute(f'PRAGMA table_info("{quoted}")'))
    return parts


def restore_database(
    backup_path: str | Path, database_path: str | Path, *, keep: int = DEFAULT_KEEP
) -> RestoreResult:
    """Replace the database's contents with a checked (and, if older, upgraded) copy of `backup_path`.

    The current database is backed up first (reason `before-restore`). Works while other connections hold
    the database open: the copy is written through SQLite, which they see as one committed change.
    """
    backup_path = Path(backup_path).expanduser().resolve()
    database_path = sqlite_file(database_path)
    if backup_path == database_path:
        raise LaokeError(Message("Choose a backup file, not the database that is open."))
    with _private_copy(backup_path) as copy:
        check = _check_copy(copy, backup_path)
        with closing(connect_file(copy)) as connection:
            drop_seal(connection)
        upgraded_from = None
        if check.revision != head_revision():
            ensure_current(database_url(copy), None)
            upgraded_from = check.revision
        replaced = rolling_backup(database_path, "before-restore", keep=keep)
        try:
            database_path.parent.mkdir(parents=True, exist_ok=True)
            stamp = write_stamp(database_path) if database_path.is_file() else 0
            with closing(connect_file(copy)) as reader, closing(connect_file(database_path)) as writer:
                reader.backup(writer)
                writer.execute("PRAGMA journal_mode=WAL")
                # The book was written: its stamp moves on from where it was, whatever the copy carried.
                writer.execute(f"PRAGMA user_version={max(stamp, read_stamp(writer))}")
                move_stamp(writer)
        except sqlite3.Error as error:
            raise sqlite_failure(error, database_path) from error
        except OSError as error:
            raise os_failure(error, database_path) from error
    return RestoreResult(database=database_path, replaced_backup=replaced, upgraded_from=upgraded_from)

