"""Team mode: one PostgreSQL database for the owner and the reps, each logging in as a role of their own.

`init_server` makes the schema and two group roles. `laoke_owner` may do everything. `laoke_rep` may read,
import, write notes and tags, work care tasks and merge, but the server itself refuses it what the owner
keeps: deleting buyers, orders or notes, undoing an import or a merge, and changing settings or care rules.
Reps read phones and addresses masked through `laoke_masked` (core.store.masked).
`add_rep` creates a rep's login role in that group. `copy_book` moves a laptop's SQLite book onto the server.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, Table, func, insert, select, text

from core.errors import DatabaseError
from core.messages import Message
from core.store.masked import SCHEMA, create_masked_reading, rep_select_grant
from core.store.models import Base

OWNER_ROLE = "laoke_owner"
REP_ROLE = "laoke_rep"
# What a rep's everyday work deletes: derived rows recomputed on every change, tags taken off, the lines
# of an order a newer export replaces, the rep's own saved filters. Nothing else.
REP_DELETES = ("customer_search_keys", "customer_search_digests", "customer_tags", "order_lines", "stage_changes",
               "segments")
# The owner's alone: a rep reads them but cannot change them.
OWNER_WRITES = ("care_rules",)
# Settings rows a rep's work keeps up to date (derived state, not choices); every other setting is the
# owner's, enforced row by row (row-level security). The forecast model and the loyalty marks are derived too.
REP_SETTINGS = ("rfm.scoring", "lifecycle.scored_on", "search.keys_pending", "search.sources_stamp", "forecast.model",
                "forecast.refit_pending", "forecast.stamp", "loyalty.evaluated_on", "loyalty.pending")
# Undo marks a batch or a merge undone: a rep may record them, not take them back.
UNDO_COLUMNS = {"import_batches": ("status", "undone_at"), "customer_merges": ("undone_at",)}
COPY_CHUNK = 5000
ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def check_role_name(name: str) -> str:
    if not ROLE_NAME.fullmatch(name):
        raise DatabaseError(Message(
            "{name} is not a usable login name: use lower-case letters, digits and _ (up to 63).", name=name))
    return name


def _role_exists(connection: Connection, name: str) -> bool:
    return bool(connection.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name}))


def create_roles(connection: Connection) -> None:
    """The owner and rep group roles (cluster-wide: made once, shared by every shop database on the server)."""
    for role in (OWNER_ROLE, REP_ROLE):
        if not _role_exists(connection, role):
            connection.execute(text(f"CREATE ROLE {role} NOLOGIN"))
    connection.execute(text(f"GRANT {REP_ROLE} TO {OWNER_ROLE}"))


def grant_privileges(connection: Connection) -> None:
    """The privileges of both groups on this database's tables; run after every schema upgrade."""
    tables = [table.name for table in Base.metadata.sorted_tables] + ["alembic_version"]
    statements = [
        f"GRANT USAGE ON SCHEMA public TO {REP_ROLE}",
        f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {OWNER_ROLE}",
        f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {OWNER_ROLE}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {REP_ROLE}",
    ]
    for table in tables:
        writes = table not in OWNER_WRITES and table != "alembic_version"
        statements.append(f"REVOKE ALL ON {table} FROM {REP_ROLE}")
        statements.append(rep_select_grant(connection, table, REP_ROLE))
        if writes:
            statements.append(f"GRANT INSERT ON {table} TO {REP_ROLE}")
            statements.append(_rep_update_grant(table))
        if table in REP_DELETES or table == "settings":
            statements.append(f"GRANT DELETE ON {table} TO {REP_ROLE}")
    derived = ", ".join(f"'{key}'" for key in REP_SETTINGS)
    statements += [
        "ALTER TABLE settings ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS anyone_reads ON settings",
        "CREATE POLICY anyone_reads ON settings FOR SELECT USING (true)",
        "DROP POLICY IF EXISTS owner_writes ON settings",
        f"CREATE POLICY owner_writes ON settings FOR ALL TO {OWNER_ROLE} USING (true)",
        "DROP POLICY IF EXISTS rep_writes_derived ON settings",
        f"CREATE POLICY rep_writes_derived ON settings FOR ALL TO {REP_ROLE} USING (key IN ({derived}))"
        f" WITH CHECK (key IN ({derived}))",
    ]
    for statement in statements:
        connection.execute(text(statement))
    create_masked_reading(connection, REP_ROLE)


@contextmanager
def privileges_kept_across_upgrade(connection: Connection) -> Iterator[None]:
    """Around an upgrade of a team server's schema: the masked views name every column of their tables, so
    they would stop a migration that alters or drops one and miss the columns it adds. They are dropped
    before and made again after, with every grant (the new tables' too)."""
    served = connection.dialect.name == "postgresql" and connection.scalar(
        text(f"SELECT to_regnamespace('{SCHEMA}') IS NOT NULL"))
    if served:
        connection.execute(text(f"DROP SCHEMA {SCHEMA} CASCADE"))
    yield
    if served:
        grant_privileges(connection)


def _rep_update_grant(table: str) -> str:
    """UPDATE on every column but those that undo something (column privileges, enforced by the server)."""
    kept = UNDO_COLUMNS.get(table, ())
    if not kept:
        return f"GRANT UPDATE ON {table} TO {REP_ROLE}"
    columns = [column.name for column in Base.metadata.tables[table].columns if column.name not in kept]
    return f"GRANT UPDATE ({', '.join(columns)}) ON {table} TO {REP_ROLE}"


def add_rep(connection: Connection, name: str, password: str | None) -> None:
    """A login role for one rep, in the rep group; its name is what notes and tasks record as theirs."""
    name = check_role_name(name)
    verb = "ALTER" if _role_exists(connection, name) else "CREATE"
    connection.execute(text(f"{verb} ROLE {name} LOGIN"))
    if password:
        # ALTER ROLE takes no bind parameters: a literal, quotes doubled (standard_conforming_strings is on).
        quoted = password.replace("'", "''")
        connection.exec_driver_sql(f"ALTER ROLE {name} PASSWORD '{quoted}'".replace("%", "%%"))
    connection.execute(text(f"GRANT {REP_ROLE} TO {name}"))
    # Any client the rep logs in with (psql too, not only the app) reads the masked views first.
    connection.execute(text(f"ALTER ROLE {name} SET search_path = {SCHEMA}, public"))


def copy_book(source: Engine, target: Connection, progress: Callable[[int, int], None]) -> dict[str, int]:
    """Copy every row of a laptop book into an empty server schema, parents first; returns the row counts.

    Ids are kept (they tie orders to buyers), so each sequence is moved past the largest copied id; the
    who-did-it triggers are held off so the copied notes keep their authors.
    """
    tables = Base.metadata.sorted_tables
    counts: dict[str, int] = {}
    with source.connect() as reading:
        for number, table in enumerate(tables):
            target.execute(text(f"ALTER TABLE {table.name} DISABLE TRIGGER USER"))
            counts[table.name] = _copy_table(reading, target, table)
            target.execute(text(f"ALTER TABLE {table.name} ENABLE TRIGGER USER"))
            if "id" in table.c and table.c.id.autoincrement:
                target.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'),"
                    f" coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"))
            progress(number + 1, len(tables))
    return counts


def _copy_table(reading: Connection, target: Connection, table: Table) -> int:
    rows = reading.execute(select(table).execution_options(yield_per=COPY_CHUNK))
    copied = 0
    for chunk in rows.partitions():
        target.execute(insert(table), [dict(row._mapping) for row in chunk])
        copied += len(chunk)
    return copied


def row_counts(connection: Connection) -> dict[str, int]:
    return {table.name: connection.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables}
