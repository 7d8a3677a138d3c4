"""Opening a book: check the file, copy it aside before an upgrade, bring its schema up to date, make its engine.

Opened to write, a book is a live one: what a killed copy left in its backups folder goes, and so does the
checksum of a copy opened as a book (it would only go stale and refuse a later restore).

This sits above `db` (engines), `migrate` (the schema) and `backup` (copies), so that none of them needs
another: the order of the steps lives here alone.
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

from sqlalchemy.engine import make_url

from core.store.backup import remove_leftovers, rolling_backup
from core.store.db import Database, check_sqlite_file, database_url, make_engine
from core.store.migrate import ensure_current
from core.store.seal import SEAL_TABLE


def open_database(target: str | Path, *, read_only: bool = False, upgrade: bool = True) -> Database:
    """Open (creating or upgrading as needed) the database at `target`, a file path or a URL."""
    url = database_url(target)
    parsed = make_url(url)
    path = Path(parsed.database) if parsed.get_backend_name() == "sqlite" and parsed.database else None
    if path is not None:
        check_sqlite_file(path, read_only=read_only)
    if upgrade and not read_only:
        ensure_current(url, path, before_upgrade=None if path is None else partial(backup_before_upgrade, path))
    engine = make_engine(url, read_only=read_only)
    if path is not None and not read_only:
        remove_leftovers(path)
        with engine.begin() as connection:
            connection.exec_driver_sql(f"DROP TABLE IF EXISTS {SEAL_TABLE}")
    return Database(engine=engine, url=url, path=path, read_only=read_only)


def backup_before_upgrade(path: Path, revision: str) -> Path | None:
    """A consistent copy of the file (SQLite backup API, WAL included) among the rolling backups."""
    return rolling_backup(path, "before-upgrade-" + re.sub(r"[^a-z0-9-]", "-", revision.lower()))
