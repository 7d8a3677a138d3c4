"""A harness that kills a writing CLI command with SIGKILL at random moments and checks what survives.

Generic over the command: a `CrashCase` says how to make the starting database, which command writes to it,
and which figures tell "before" from "after". After every kill the database must pass
`PRAGMA integrity_check` (opened the way Laoke opens it, so the WAL is recovered) and its figures must
equal those before the command or after it, never anything in between.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
Snapshot = tuple[int, ...]


@dataclass
class CrashCase:
    name: str
    prepare: Callable[[Path], None]  # write the starting database at this path
    command: Callable[[Path], Sequence[str]]  # the full command line for a database path (see `laoke`)
    snapshot: Callable[[sqlite3.Connection], Snapshot]


@dataclass
class CrashReport:
    before: Snapshot
    after: Snapshot
    outcomes: list[str] = field(default_factory=list)  # "before" / "after" per kill
    killed_while_running: int = 0


def table_counts(*tables: str) -> Callable[[sqlite3.Connection], Snapshot]:
    def snapshot(connection: sqlite3.Connection) -> Snapshot:
        existing = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return tuple(
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] if table in existing else -1
            for table in tables
        )

    return snapshot


def laoke(*arguments: str) -> list[str]:
    """The command line that runs Laoke's CLI from this checkout."""
    return [sys.executable, "main.py", *arguments]


def check_database(path: Path, case: CrashCase) -> Snapshot:
    """Open as Laoke would after a crash (recovering the WAL), check integrity, and read the figures."""
    connection = sqlite3.connect(path)
    try:
        verdict = connection.execute("PRAGMA integrity_check").fetchall()
        assert verdict == [("ok",)], f"{case.name}: integrity_check after a kill: {verdict}"
        return case.snapshot(connection)
    finally:
        connection.close()


def _start(case: CrashCase, database: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(list(case.command(database)), cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait_for_first_write(database: Path, process: subprocess.Popen[bytes], limit: float) -> None:
    """Return once the WAL beside the database holds data (a transaction is being written) or time is up."""
    wal = database.with_name(database.name + "-wal")
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and process.poll() is None:
        if _size(wal) > 0:
            return
        time.sleep(0.001)


def _size(path: Path) -> int:
    """The file's size, 0 when it is missing: SQLite deletes the WAL when the last connection closes."""
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def run_crash_loop(case: CrashCase, folder: Path, *, kills: int = 12, seed: int = 7) -> CrashReport:
    """Kill the command `kills` times: half at random moments of its run, half just after it starts writing."""
    rng = random.Random(seed)
    template = folder / "template.db"
    case.prepare(template)
    report = CrashReport(before=check_database(_copy(template, folder / "before.db"), case), after=())

    complete = _copy(template, folder / "complete.db")
    started = time.monotonic()
    process = _start(case, complete)
    _, stderr = process.communicate(timeout=300)
    duration = time.monotonic() - started
    assert process.returncode == 0, f"{case.name} failed without a kill: {stderr.decode(errors='replace')}"
    report.after = check_database(complete, case)
    assert report.after != report.before, f"{case.name} changed nothing; the loop would prove nothing"

    for attempt in range(kills):
        database = _copy(template, folder / f"kill-{attempt}.db")
        process = _start(case, database)
        if attempt % 2:
            _wait_for_first_write(database, process, limit=duration * 2)
            time.sleep(rng.uniform(0, 0.05))
        else:
            time.sleep(rng.uniform(0.3, 1.0) * duration)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            report.killed_while_running += 1
        process.communicate(timeout=300)
        state = check_database(database, case)
        assert state in (report.before, report.after), (
            f"{case.name}: after kill {attempt} the database holds {state}, "
            f"neither the state before {report.before} nor after {report.after}"
        )
        report.outcomes.append("before" if state == report.before else "after")
    return report


def _copy(template: Path, target: Path) -> Path:
    shutil.copyfile(template, target)
    return target
