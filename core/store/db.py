"""The engine factory and the session maker: one place that knows how Laoke talks to its database.

SQLite is the embedded default; a `postgresql://` URL works the same for a shop whose reps share a server.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from core.errors import DatabaseError
from core.messages import Message
from core.store.concurrency import Notice, no_notice, retrying
from core.store.masked import read_masked_when_a_rep
from core.store.passwords import with_stored_password
from core.store.stamp import stamp_writes

T = TypeVar("T")
BUSY_TIMEOUT_MS = 5000
# A checkpoint waits this long at most for another window's reader to finish its read; closing never hangs.
CHECKPOINT_WAIT_MS = 1000
# Marks a connection whose transaction will write (Database.transaction, Database.writing).
WRITES = "laoke_writes"


def database_url(target: str | Path) -> str:
    """A URL for a file path or a URL given as text."""
    text = str(target)
    if "://" in text:
        return text
    return f"sqlite+pysqlite:///{Path(text).expanduser().resolve()}"


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(target: str | Path, *, read_only: bool = False, foreign_keys: bool = True) -> Engine:
    """An engine with WAL, foreign keys and a busy timeout on every SQLite connection.

    `foreign_keys=False` is for migrations only: batch mode rebuilds tables, and dropping a parent
    table with foreign keys on would cascade-delete its children.
    """
    url = make_url(database_url(target))
    if url.get_backend_name() != "sqlite":
        engine = create_engine(with_stored_password(url), pool_pre_ping=True)
        if url.get_backend_name() == "postgresql":
            event.listen(engine, "connect", read_masked_when_a_rep)
        return engine
    if read_only:
        url = url.set(database=f"file:{url.database}?mode=ro", query={"uri": "true"})
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy own transactions: pysqlite's own BEGIN handling skips SELECTs and SAVEPOINTs.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        if not read_only:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:  # type: ignore[no-untyped-def]
        # A writer takes the write lock as it begins, so two writers take turns (waiting up to the busy
        # timeout). Begun as a reader, a writer whose first write came after another writer's commit would
        # fail at once: SQLite cannot move a read snapshot forward. Readers never wait.
        writes = connection.get_execution_options().get(WRITES) and not read_only
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    if not read_only:
        stamp_writes(engine)
    return engine


@dataclass
class Database:
    """An open shop database: its engine and a session maker for one unit of work at a time."""

    engine: Engine
    url: str
    path: Path | None
    read_only: bool = False

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> Session:
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work commits whole at the end of the block, or not at all."""
        with self._sessions() as session, session.begin():
            session.connection(execution_options={WRITES: True})
            yield session

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A Core connection for bulk writes, committed whole at the end of the block, or not at all."""
        with self.engine.connect() as connection:
            connection.execution_options(**{WRITES: True})
            with connection.begin():
                yield connection
        self.checkpoint()  # a large write: into the file itself, not left in the -wal

    def checkpoint(self) -> None:
        """Copy everything committed from the -wal into the database file and empty the -wal.

        A copy of the file alone (the one a seller puts on a USB stick) then holds the whole book. Another
        window that only reads does not stop it; one in the middle of a read delays it by a second at most,
        and what it still reads stays in the -wal until the next checkpoint.
        """
        if not is_sqlite(self.engine) or self.read_only:
            return
        with self.engine.connect() as connection:
            raw = connection.connection.dbapi_connection
            raw.execute(f"PRAGMA busy_timeout={CHECKPOINT_WAIT_MS}")
            try:
                raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            finally:
                raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")

    def write(self, work: Callable[[Session], T], *, notice: Notice = no_notice) -> T:
        """`work(session)` in a transaction, run again from the top when it collided with another rep's."""

        def once() -> T:
            with self.transaction() as session:
                return work(session)

        return retrying(once, notice=notice)

    def write_bulk(self, work: Callable[[Connection], T], *, notice: Notice = no_notice) -> T:
        """`work(connection)` on a `writing()` connection, run again from the top after a collision."""

        def once() -> T:
            with self.writing() as connection:
                return work(connection)

        return retrying(once, notice=notice)

    def dispose(self) -> None:
        self.engine.dispose()

    def close(self) -> None:
        """Checkpoint and close every idle connection: what the window does as it closes.

        The engine stays usable (a worker still finishing opens a new connection); the last connection
        to close deletes the -wal.
        """
        self.checkpoint()
        self.dispose()

    @property
    def label(self) -> str:
        return str(self.path) if self.path else make_url(self.url).render_as_string(hide_password=True)


def check_sqlite_file(path: Path, *, read_only: bool) -> None:
    if path.is_dir():
        raise DatabaseError(Message("{path} is a folder, not a Laoke database file.", path=path))
    if not path.exists():
        if read_only:
            raise DatabaseError(Message("{path} does not exist.", path=path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseError(Message(
                "Cannot create the folder {parent}: {reason}.",
                parent=path.parent, reason=error.strerror,
            )) from error
        return
    if path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise DatabaseError(Message(
                "{path} is not a Laoke database (it is not an SQLite file).",
                path=path,
            ))


def describe_operational_error(error: OperationalError, label: str) -> str:
    """Turn SQLite's terse complaints into a sentence a shop owner can act on."""
    text = str(error.orig) if error.orig is not None else str(error)
    if "locked" in text or "busy" in text:
        return Message(
            "The database {label} is busy: another Laoke window or program is writing to it. Try "
            "again.",
            label=label,
        )
    if "readonly" in text or "read-only" in text:
        return Message(
            "The database {label} is read-only: Laoke cannot save changes to it.",
            label=label,
        )
    if "disk is full" in text or "full" in text:
        return Message(
            "The disk holding {label} is full: free some space and try again. Nothing was saved.",
            label=label,
        )
    if "unable to open" in text:
        return Message(
            "Cannot open the database {label}: check that the folder exists and is writable.",
            label=label,
        )
    if error.connection_invalidated or "connection refused" in text or "could not connect" in text \
            or "No such file or directory" in text and "socket" in text:
        return Message(
            "Cannot reach the server for {label}: check that it is running and the network is up. Nothing "
            "was saved.",
            label=label,
        )
    if "malformed" in text or "not a database" in text:
        return Message("The database {label} is damaged. Restore it from a backup.", label=label)
    return Message("The database {label} reported an error: {text}", label=label, text=text)
