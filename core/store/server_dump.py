"""Backups of a book on a PostgreSQL server: `pg_dump` in its custom format, `pg_restore` into an empty database.

The tools come with PostgreSQL's client (Debian: postgresql-client); Laoke finds them on PATH or in
/usr/lib/postgresql/N/bin, and says how to get them when neither has them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import make_url

from core.errors import LaokeError
from core.messages import Message
from core.store.db import make_engine


def is_server_url(target: str | Path | None) -> bool:
    return target is not None and str(target).startswith("postgresql")


def dump_server(url: str, output: Path) -> Path:
    """The whole database at `url` in pg_dump's custom format (what pg_restore reads)."""
    output = Path(output).expanduser().resolve()
    _run("pg_dump", url, "--format=custom", f"--file={output}")
    return output


def restore_server(url: str, source: Path) -> None:
    """Put a pg_dump file into the database at `url`, which must be empty (a new database), all or nothing."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            if inspect(connection).get_table_names():
                raise LaokeError(Message(
                    "Restore into a new, empty database: {database} already holds tables.",
                    database=make_url(url).render_as_string(hide_password=True),
                ))
    finally:
        engine.dispose()
    _run("pg_restore", url, "--single-transaction", "--exit-on-error", "--no-owner", str(Path(source).resolve()))


def _tool(name: str) -> str:
    found = shutil.which(name) or next(
        (str(path) for path in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True)), None)
    if found is None:
        raise LaokeError(Message(
            "{tool} is not installed: install PostgreSQL's client tools (Debian: apt-get install "
            "postgresql-client), or run {tool} on the server.",
            tool=name,
        ))
    return found


def _run(name: str, url: str, *arguments: str) -> None:
    """Run a libpq tool against `url`: its parts go as libpq's own variables, the password never on argv."""
    parts = make_url(url)
    host = parts.query.get("host") or parts.host
    variables = {"PGHOST": host, "PGPORT": parts.query.get("port") or parts.port, "PGUSER": parts.username,
                 "PGPASSWORD": parts.password, "PGDATABASE": parts.database}
    environment = os.environ | {key: str(value) for key, value in variables.items() if value}
    done = subprocess.run([_tool(name), *arguments, f"--dbname={parts.database}"], env=environment,
                          capture_output=True, text=True)
    if done.returncode:
        raise LaokeError(Message("{tool} failed: {reason}", tool=name, reason=done.stderr.strip()[-500:]))
