"""A rep's server password: in the system keyring, or else in ~/.pgpass, never in Laoke's settings or URL.

libpq reads ~/.pgpass by itself; the keyring is asked when a URL carries no password. Where no keyring
works (a server without a desktop session), the password goes to ~/.pgpass, readable by its owner only.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import URL

SERVICE = "Laoke"


def _account(url: URL) -> str:
    host = url.query.get("host") or url.host or "localhost"
    return f"{url.username}@{host}:{url.port or url.query.get('port') or 5432}/{url.database}"


def with_stored_password(url: URL) -> URL:
    """The URL with the password the keyring holds for it (unchanged when it has one, or none is kept)."""
    if url.password or not url.username:
        return url
    try:
        import keyring

        password = keyring.get_password(SERVICE, _account(url))
    except Exception:  # no keyring module or no working backend: libpq still reads ~/.pgpass
        return url
    return url.set(password=password) if password else url


def remember_password(url: URL, password: str) -> str:
    """Keep the password for this URL's login; returns where it went ("the system keyring" or the file)."""
    try:
        import keyring

        keyring.set_password(SERVICE, _account(url), password)
        return "the system keyring"
    except Exception:  # as above: fall back to the file libpq reads
        return str(_append_to_pgpass(url, password))


def _append_to_pgpass(url: URL, password: str) -> Path:
    path = Path(os.environ.get("PGPASSFILE") or Path.home() / ".pgpass")

    def field(value: object) -> str:
        return str(value).replace("\\", "\\\\").replace(":", "\\:")

    host = url.query.get("host") or url.host or "localhost"
    port = url.port or url.query.get("port") or 5432
    line = ":".join(field(part) for part in (host, port, url.database, url.username, password))
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)  # libpq ignores a password file others can read
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")
    return path
