"""The checksum every copy Laoke makes carries inside the file itself (a sidecar is lost when a file is
copied alone), so a restore can tell a whole copy from one whose bytes were altered since.

The checksum covers every byte of the file but what writing it changes: its own text (read as the placeholder
it replaced, the same length, so SQLite overwrites it in place) and the two header fields that move with every
write (the change counter and the version it is valid for).
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

SEAL_TABLE = "laoke_copy_seal"
_PLACEHOLDER = "0" * 64  # the same length as the checksum, so writing it changes that one page only
_MOVING_HEADER_FIELDS = ((24, 28), (92, 96))


def seal_copy(connection: sqlite3.Connection, path: Path) -> None:
    """Write the checksum into the copy at `path` (in rollback-journal mode, no -wal) through `connection`."""
    connection.execute(f"CREATE TABLE {SEAL_TABLE} (checksum TEXT NOT NULL)")
    connection.execute(f"INSERT INTO {SEAL_TABLE} VALUES (?)", (_PLACEHOLDER,))
    connection.execute(f"UPDATE {SEAL_TABLE} SET checksum = ?", (content_digest(connection, path),))


def stored_checksum(connection: sqlite3.Connection) -> str | None:
    """The checksum a copy carries, or None for a file Laoke did not copy (a plain laoke.db, an old backup)."""
    if connection.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (SEAL_TABLE,)).fetchone() is None:
        return None
    row = connection.execute(f"SELECT checksum FROM {SEAL_TABLE}").fetchone()
    return row[0] if row else ""


def content_digest(connection: sqlite3.Connection, path: Path) -> str:
    """The SHA-256 of the file's pages as the checksum sees them."""
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    seal_page = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (SEAL_TABLE,)).fetchone()[0]
    checksum = (stored_checksum(connection) or _PLACEHOLDER).encode("ascii", "replace")
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        number = 0
        while page := handle.read(page_size):
            number += 1
            if number == 1:
                page = _without_moving_fields(page)
            if number == seal_page:
                page = page.replace(checksum, _PLACEHOLDER.encode("ascii"), 1)
            digest.update(page)
    return digest.hexdigest()


def drop_seal(connection: sqlite3.Connection) -> None:
    """A restored copy is a live book again: its checksum would only go stale."""
    connection.execute(f"DROP TABLE IF EXISTS {SEAL_TABLE}")


def _without_moving_fields(page: bytes) -> bytes:
    header = bytearray(page)
    for start, end in _MOVING_HEADER_FIELDS:
        header[start:end] = bytes(end - start)
    return bytes(header)
