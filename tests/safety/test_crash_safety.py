"""A writing command killed with SIGKILL at any moment leaves the database whole: before or after, never half."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from core.store.opening import open_database
from tests.safety.crashloop import CrashCase, laoke, run_crash_loop, table_counts

COUNTED = ("customers", "orders", "order_lines", "customer_tags", "notes")


def empty_shop(path: Path) -> None:
    open_database(path).dispose()  # migrated, checkpointed, no -wal left


DEMO = CrashCase(
    name="demo --customers 600",
    prepare=empty_shop,
    command=lambda database: laoke("demo", "--db", str(database), "--customers", "600"),
    snapshot=table_counts(*COUNTED),
)


@pytest.mark.slow
def test_demo_killed_at_twelve_moments_leaves_before_or_after(tmp_path: Path) -> None:
    report = run_crash_loop(DEMO, tmp_path, kills=12)
    assert len(report.outcomes) == 12
    assert report.before == (0, 0, 0, 0, 0)
    assert report.killed_while_running >= 10, report
    print(f"{DEMO.name}: {report.outcomes.count('before')} before, {report.outcomes.count('after')} after, "
          f"{report.killed_while_running} killed while running")


# A writer that commits row by row: killing it leaves half its rows, which the harness must catch.
ROW_BY_ROW = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
for number in range(400):
    connection.execute("INSERT INTO customers (name, source, is_vip, do_not_contact, birth_is_leap_month,"
                       " created_at, updated_at, order_count, paid_orders, total_spent, stage)"
                       " VALUES ('x', 'manual', 0, 0, 0, '2025-01-01', '2025-01-01', 0, 0, 0, 'prospect')")
    time.sleep(0.003)
"""


@pytest.mark.slow
def test_the_harness_catches_a_writer_that_commits_half(tmp_path: Path) -> None:
    careless = CrashCase(
        name="row-by-row writer",
        prepare=empty_shop,
        command=lambda database: [sys.executable, "-c", ROW_BY_ROW, str(database)],
        snapshot=table_counts("customers"),
    )
    with pytest.raises(AssertionError, match="neither the state before"):
        run_crash_loop(careless, tmp_path, kills=4)


def shop_with_a_bigger_backup(path: Path) -> None:
    """A shop of 300 customers, and beside it a backup of a bigger one to restore over it."""
    from core.demo import create_demo_shop
    from core.store.backup import backup_database

    bigger = path.with_name("bigger.db")
    for target, customers in ((bigger, 2500), (path, 300)):
        database = open_database(target)
        with database.transaction() as session:
            create_demo_shop(session, customers=customers)
        database.dispose()
    backup_database(bigger, path.with_name("saved.db"))


RESTORE = CrashCase(
    name="restore a backup",
    prepare=shop_with_a_bigger_backup,
    command=lambda database: laoke("restore", str(database.with_name("saved.db")), "--db", str(database)),
    snapshot=table_counts(*COUNTED),
)


@pytest.mark.slow
def test_restore_killed_at_ten_moments_leaves_before_or_after(tmp_path: Path) -> None:
    report = run_crash_loop(RESTORE, tmp_path, kills=10)
    assert report.before[0] == 300 and report.after[0] == 2500
    assert report.killed_while_running >= 5, report
    print(f"{RESTORE.name}: {report.outcomes.count('before')} before, {report.outcomes.count('after')} after, "
          f"{report.killed_while_running} killed while running")


@pytest.mark.slow
def test_a_killed_backup_leaves_no_half_file(tmp_path: Path) -> None:
    """The copy is written beside the target and moved into place: a kill leaves no backup or a whole one
    (at most a `.part` file that never carries the backup's name)."""
    import random
    import signal
    import subprocess
    import time

    from core.store.restore import check_backup
    from tests.safety.crashloop import ROOT

    shop = tmp_path / "shop.db"
    shop_with_a_bigger_backup(shop)
    rng = random.Random(5)
    outcomes = []
    for attempt in range(6):
        target = tmp_path / f"out-{attempt}" / "backup.db"
        process = subprocess.Popen(laoke("backup", str(target), "--db", str(tmp_path / "bigger.db")), cwd=ROOT,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30  # kill while the copy is being written, a little after it starts
        while process.poll() is None and time.monotonic() < deadline and not list(target.parent.glob("*.part")):
            time.sleep(0.001)
        time.sleep(rng.uniform(0, 0.03))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        if target.exists():
            assert check_backup(target).customers == 2500
            outcomes.append("whole")
        else:
            outcomes.append("none")
    assert "none" in outcomes, "no kill landed during the copy; the test proved nothing"
