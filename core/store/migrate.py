"""Bring a database to the current schema with Alembic; what to do before an upgrade is the caller's.

Alembic (and Mako under it) takes ~0.3 s to import, so a book already at the newest revision is recognised
without it: the revision it records by a plain query, the newest one from the scripts' own lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect

from core.errors import DatabaseError
from core.messages import Message
from core.paths import resource_path
from core.store.db import make_engine

if TYPE_CHECKING:
    from alembic.config import Config

# `revision = '0003'` and `down_revision = '0001'` (or None), as Alembic's template writes them, typed or not.
_REVISION_LINE = re.compile(r"^(revision|down_revision)\b[^=\n]*=\s*['\"]?(\w*)", re.MULTILINE)


def migrations_folder() -> Path:
    return resource_path("core/store/migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_folder()))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "core/store/migrations has no revisions"
    return head


def listed_head() -> str | None:
    """The newest revision as the scripts' `revision` and `down_revision` lines chain them, without Alembic;
    None unless they name exactly one (a merge's tuple, say): Alembic decides then."""
    follows: dict[str, str] = {}
    for script in (migrations_folder() / "versions").glob("*.py"):
        lines = dict(_REVISION_LINE.findall(script.read_text(encoding="utf-8")))
        if lines.get("revision"):
            follows[lines["revision"]] = lines.get("down_revision", "")
    heads = set(follows) - set(follows.values())
    return heads.pop() if len(heads) == 1 else None


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def stored_revision(connection: Connection) -> str | None:
    """The revision the book records in Alembic's own table, by a plain query; None for a new book."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def upgrade_connection(connection: Connection, revision: str = "head") -> None:
    from alembic import command

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
            revision = stored_revision(connection)
            if revision is not None and revision == listed_head():
                return None
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
        from core.store.server import privileges_kept_across_upgrade

        with engine.begin() as connection, privileges_kept_across_upgrade(connection):
            upgrade_connection(connection)
        return backup
    finally:
        engine.dispose()
