"""Printing results: JSON for scripts, plain lines for people."""

from __future__ import annotations

import getpass
import json
import os
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.paths import default_db_path
from core.progress import ProgressCallback, no_progress

if TYPE_CHECKING:
    from core.store.db import Database

OWNER_PASSPHRASE_VARIABLE = "LAOKE_OWNER_PASSPHRASE"


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def counted(count: int, noun: str) -> str:
    """"1 customer", "2,000 customers": the nouns the CLI counts all take an s."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def emit(args: Any, data: Any, lines: list[str]) -> None:
    if getattr(args, "json", False):
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_default)
        sys.stdout.write("\n")
    else:
        for line in lines:
            print(line)


def terminal_progress(label: str) -> ProgressCallback:
    """A percentage after `label` on stderr, rewritten in place, for a person at a terminal.

    Scripts and pipes get nothing, so their stderr stays the list of problems.
    """
    if not sys.stderr.isatty():
        return no_progress
    shown = -1

    def show(done: int, total: int) -> None:
        nonlocal shown
        percent = done * 100 // max(total, 1)
        if percent != shown:
            shown = percent
            sys.stderr.write(f"\r{label} {percent}%" + ("\n" if done >= total else ""))
            sys.stderr.flush()

    return show


def say_on_stderr(message: str) -> None:
    """A notice while work goes on (waiting for another rep's import, trying again): one line on stderr."""
    print(f"laoke: {message}", file=sys.stderr, flush=True)


def open_for(args: Any, *, read_only: bool = False, owner_only: str | None = None) -> Database:
    """The database a command works on: --db, else LAOKE_DB, else the data folder.

    With an owner's passphrase set, a command works in rep mode unless `--owner` unlocks it. `owner_only`
    names the action of a command reps may not run at all (back up, restore, undo).
    """
    from core.refresh import finish_pending_rebuilds, refit_forecast_after_import
    from core.safety.privacy import ensure_owner_mode
    from core.store.opening import open_database

    database = open_database(args.db or default_db_path(), read_only=read_only)
    try:
        if getattr(args, "owner", False):
            _unlock(database)
        if owner_only is not None:
            with database.session() as session:
                ensure_owner_mode(session, owner_only)
        if not read_only:
            finish_pending_rebuilds(database)
            refit_forecast_after_import(database)  # left by a window closed before it ran
    except BaseException:
        database.dispose()
        raise
    return database


def _unlock(database: Database) -> None:
    from core.safety.privacy import has_owner_passphrase, unlock_owner

    with database.transaction() as session:
        if has_owner_passphrase(session):
            passphrase = os.environ.get(OWNER_PASSPHRASE_VARIABLE)
            if passphrase is None:
                passphrase = getpass.getpass("Owner's passphrase: ")
            unlock_owner(session, passphrase)
