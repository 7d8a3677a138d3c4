"""Bring a database file to the current schema, copying it to a backup beside it first."""

from __future__ import annotations

import re
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from core.errors import DatabaseError
from core.messages import Message
from core.paths import resource_path


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(resource_path("core/migrations")))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "core/migrations has no revisions"
    return head


def known_revisions() -> set[str]:
    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_connection(connection: Connection, revision: str = "head") -> None:
    command.upgrade(alembic_config(connection), revision)


def backup_before_upgrade(path: Path, revision: str) -> Path | None:
    """A consistent copy of the file (SQLite backup API, WAL included) among the rolling backups."""
    from core.backup import rolling_backup

    return rolling_backup(path, "before-upgrade-" + re.sub(r"[^a-z0-9-]", "-", revision.lower()))


def ensure_current(url: str, path: Path | None) -> Path | None:
    """Create or upgrade the schema at `url`. Returns the backup made before an upgrade, if any."""
    from core.db import make_engine

    engine = make_engine(url, foreign_keys=False)
    try:
        with engine.connect() as connection:
            revision = current_revision(connection)
            has_tables = bool(inspect(connection).get_table_names())
        head = head_revision()
        if revision == head:
            return None
        if revision is None and has_tables:
            raise DatabaseError(Message(
                "{database} holds tables that are not a Laoke customer book.",
                database=path or url,
            ))
        if revision is not None and revision not in known_revisions():
            raise DatabaseError(
                Message(
                    "{database} was written by a newer version of Laoke (schema {revision}). Update "
                    "Laoke to open it.",
                    database=path or url, revision=revision,
                )
            )
        backup = backup_before_upgrade(path, revision) if path is not None and revision is not None else None
        with engine.begin() as connection:
            upgrade_connection(connection)
        return backup
    finally:
        engine.dispose()
