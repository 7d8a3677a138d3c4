"""Two Laoke processes importing into one database at once: the second waits for the first or says the
database is busy; neither corrupts it, and what lands is exactly the imports that reported success."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.safety.import_sheets import ROOT, counts, laoke, shop, write_orders

ORDERS = 3000


def start_import(sheet: Path, database: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "main.py", "import", str(sheet), "--db", str(database)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    _out, error = process.communicate(timeout=300)
    assert "Traceback" not in error and "unexpected" not in error, error
    assert process.returncode == 0 or "is busy: another Laoke window or program is writing to it" in error, error
    return process.returncode, error


def integrity(database: Path) -> list[tuple[str]]:
    with sqlite3.connect(database) as connection:
        return connection.execute("PRAGMA integrity_check").fetchall()


@pytest.mark.slow
def test_two_imports_of_different_sheets_at_once(tmp_path: Path) -> None:
    database = shop(tmp_path / "shop.db")
    first = write_orders(tmp_path / "first.csv", ORDERS)
    second = write_orders(tmp_path / "second.csv", ORDERS, first=ORDERS)
    before = counts(database)
    processes = [start_import(first, database), start_import(second, database)]
    succeeded = [finish(process)[0] == 0 for process in processes]
    assert integrity(database) == [("ok",)]
    after = counts(database)
    assert after[2] == before[2] + ORDERS * sum(succeeded)  # orders: every successful import whole, no other
    assert after[4] == before[4] + sum(succeeded)  # batches
    assert any(succeeded)
    print(f"two imports at once: {sum(succeeded)} of 2 succeeded, the other {'waited' if all(succeeded) else 'said busy'}")


@pytest.mark.slow
def test_the_same_sheet_imported_twice_at_once_is_stored_once(tmp_path: Path) -> None:
    database = shop(tmp_path / "shop.db")
    sheet = write_orders(tmp_path / "orders.csv", ORDERS)
    before = counts(database)
    processes = [start_import(sheet, database), start_import(sheet, database)]
    succeeded = [finish(process)[0] == 0 for process in processes]
    assert integrity(database) == [("ok",)]
    after = counts(database)
    assert after[:4] == counts_after_one_import(tmp_path, sheet)[:4]  # no order or customer twice
    assert after[2] == before[2] + ORDERS and after[4] == before[4] + sum(succeeded)


def counts_after_one_import(tmp_path: Path, sheet: Path) -> tuple[int, ...]:
    alone = shop(tmp_path / "alone.db")
    assert laoke("import", str(sheet), "--db", str(alone)).returncode == 0
    return counts(alone)


def test_an_import_while_another_program_holds_the_write_lock_says_busy(tmp_path: Path) -> None:
    """The second writer waits the busy timeout (5 s), then refuses in one clear line and changes nothing."""
    database = shop(tmp_path / "shop.db")
    sheet = write_orders(tmp_path / "orders.csv", 20)
    before = counts(database)
    holder = sqlite3.connect(database, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        done = laoke("import", str(sheet), "--db", str(database))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("laoke: The database") and "is busy" in done.stderr and "Traceback" not in done.stderr
    assert counts(database) == before and integrity(database) == [("ok",)]
    assert laoke("import", str(sheet), "--db", str(database)).returncode == 0  # once the lock is gone, it imports
    assert counts(database)[2] == before[2] + 20


def test_the_wizard_explains_when_another_program_holds_the_write_lock(qtbot, qsettings_isolated, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from core.store.opening import open_database
    from gui.context import AppContext
    from gui.importing.page import STEP_REVIEW, ImportPage
    from gui.worker import wait_for_background_tasks

    database = shop(tmp_path / "shop.db")
    before = counts(database)
    context = AppContext(open_database(database))
    page = ImportPage(context)
    qtbot.addWidget(page)
    holder = sqlite3.connect(database, isolation_level=None)
    try:
        page.open_files([write_orders(tmp_path / "orders.csv", 5)])
        qtbot.waitUntil(lambda: page.steps.currentIndex() == STEP_REVIEW, timeout=10000)
        holder.execute("BEGIN IMMEDIATE")
        with qtbot.waitSignal(page.finished, timeout=30000):
            qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        wait_for_background_tasks()
        context.database.dispose()
    assert page.steps.currentIndex() == STEP_REVIEW
    assert "Nothing was imported" in page.review_message.text() and "busy" in page.review_message.text()
    assert counts(database) == before
