"""Bring a database to the current schema with Alembic; what to do before an upgrade is the caller's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from core.errors import DatabaseError
from core.messages import Message
from core.paths import resource_path
from core.store.db import make_engine


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(resource_path("core/store/migrations")))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "core/store/migrations has no revisions"
    return head


def known_revisions() -> set[str]:
    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_connection(connection: Connection, revision: str = "head") -> None:
    command.upgrade(alembic_config(connection), revision)


def ensure_current(
    url: str, path: Path | None, *, before_upgrade: Callable[[str], Path | None] | None = None
) -> Path | None:
    """Create or upgrade the schema at `url` (the file `path`, for messages).

    `before_upgrade(revision)` runs before an existing schema is upgraded (a new one is only created); what it
    returns (the backup it made) is returned.
    """
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
        backup = before_upgrade(revision) if before_upgrade is not None and revision is not None else None
        with engine.begin() as connection:
            upgrade_connection(connection)
        return backup
    finally:
        engine.dispose()
