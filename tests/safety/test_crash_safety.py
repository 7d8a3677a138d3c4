"""A writing command killed with SIGKILL at any moment leaves the database whole: before or after, never half."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from core.db import open_database
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
    from core.backup import backup_database
    from core.demo import create_demo_shop

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
