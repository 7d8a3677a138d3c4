"""`python main.py import` killed with SIGKILL at any moment leaves the shop whole: before the import or after it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.safety.crashloop import CrashCase, laoke, run_crash_loop, table_counts
from tests.safety.import_sheets import COUNTED, shop, write_orders

BIG_SHEET_ORDERS = 8000  # about two seconds of importing on a shared two-core machine, on top of startup


@pytest.mark.slow
def test_an_import_killed_at_twelve_moments_leaves_before_or_after(tmp_path: Path) -> None:
    sheet = write_orders(tmp_path / "BIG.csv", BIG_SHEET_ORDERS)
    case = CrashCase(
        name=f"import of {BIG_SHEET_ORDERS} orders into a shop",
        prepare=shop,
        command=lambda database: laoke("import", str(sheet), "--db", str(database)),
        snapshot=table_counts(*COUNTED),
    )
    report = run_crash_loop(case, tmp_path, kills=12, seed=11)
    customers, _aliases, orders, _lines, batches = report.before
    assert customers > 0 and orders > 0, "the shop must hold customers before the import"
    assert report.after[2] == orders + BIG_SHEET_ORDERS and report.after[4] == batches + 1
    assert report.killed_while_running >= 10, report
    print(f"{case.name}: {report.outcomes.count('before')} before, {report.outcomes.count('after')} after, "
          f"{report.killed_while_running} killed while running")
