"""The import goes through the shared workbook guard and backs the shop up first (CLI, wizard, customer sheets).

Hostile workbooks fed to `python main.py import` are refused with one clear line, in bounded memory, and
the database is left exactly as it was; every import leaves a rolling backup in the data folder.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from core.importing import commit_customer_sheets, commit_imports, prepare_import
from core.importing.customer_sheet import prepare_customer_sheet
from core.importing.readers import SheetRefused
from core.store.backup import DEFAULT_KEEP, list_backups
from core.store.opening import open_database
from tests.importing.sheets import write_sheet
from tests.safety.import_sheets import ROOT, counts, laoke, shop, write_orders
from tests.safety.test_filesafety import BILLION_LAUGHS, SHEET, replace_part, stream_part

# Runs the CLI and reports its peak resident memory (VmHWM: this process image's, not the forking parent's).
MEASURED_CLI = """
import atexit, runpy, sys
def peak():
    kib = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
    print(f"peak-mib={kib / 1024:.0f}", file=sys.stderr)
atexit.register(peak)
sys.argv = ["main.py", *sys.argv[1:]]
runpy.run_path("main.py", run_name="__main__")
"""
PEAK_LIMIT_MIB = 400


def import_measured(sheet: Path, database: Path) -> tuple[int, str, float]:
    done = subprocess.run([sys.executable, "-c", MEASURED_CLI, "import", str(sheet), "--db", str(database)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    peak = float(done.stderr.rsplit("peak-mib=", 1)[1])
    return done.returncode, done.stderr, peak


@pytest.fixture(scope="module")
def order_sheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_orders(tmp_path_factory.mktemp("sheets") / "orders.xlsx", 20, "xlsx")


@pytest.fixture(scope="module")
def zip_bomb(order_sheet: Path) -> Path:
    """The order sheet with its worksheet inflating ~1000 times to 64 MB of blanks."""
    blanks = [b" " * (1 << 20)] * 64
    return stream_part(order_sheet, order_sheet.with_name("zip-bomb.xlsx"), SHEET,
                       [b"<worksheet>", *blanks, b"</worksheet>"])


@pytest.fixture(scope="module")
def billion_laughs(order_sheet: Path) -> Path:
    return replace_part(order_sheet, order_sheet.with_name("laughs.xlsx"), SHEET, BILLION_LAUGHS.encode())


@pytest.mark.parametrize(("bomb", "message"), [("zip_bomb", "zip bomb"), ("billion_laughs", "declares a DTD")])
def test_the_cli_refuses_a_bomb_clearly_and_changes_nothing(bomb, message, request, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = request.getfixturevalue(bomb)
    database = shop(tmp_path / "shop.db")
    before = counts(database)
    returncode, stderr, peak = import_measured(path, database)
    assert returncode == 1, stderr
    assert f"laoke: {path.name}" in stderr and message in stderr
    assert "Traceback" not in stderr
    assert peak < PEAK_LIMIT_MIB, stderr
    assert counts(database) == before


def test_the_sheet_the_bombs_are_made_from_imports(order_sheet: Path, tmp_path: Path) -> None:
    """So the refusals above are the guard's doing, not a sheet the import could not read anyway."""
    database = shop(tmp_path / "shop.db")
    before = counts(database)
    returncode, stderr, peak = import_measured(order_sheet, database)
    assert returncode == 0, stderr
    assert counts(database)[2] == before[2] + 20
    assert peak < PEAK_LIMIT_MIB


def test_a_zip_bomb_is_refused_by_the_reader_as_a_refused_sheet(zip_bomb: Path) -> None:
    with pytest.raises(SheetRefused, match="zip bomb"):
        prepare_import(zip_bomb)


def test_an_import_from_the_cli_first_backs_the_shop_up(tmp_path: Path) -> None:
    database = shop(tmp_path / "shop.db")
    before = counts(database)
    done = laoke("import", str(write_orders(tmp_path / "orders.csv", 30)), "--db", str(database))
    assert done.returncode == 0, done.stderr
    [backup] = list_backups(database)
    assert backup.reason == "before-import" and backup.path.parent == tmp_path / "backups"
    assert counts(backup.path) == before != counts(database)


def test_the_newest_ten_import_backups_are_kept(tmp_path: Path) -> None:
    database = open_database(shop(tmp_path / "shop.db"))
    try:
        for number in range(DEFAULT_KEEP + 2):
            commit_imports(database, [prepare_import(write_orders(tmp_path / f"day{number}.csv", 2, first=2 * number))])
    finally:
        database.dispose()
    backups = list_backups(tmp_path / "shop.db")
    assert len(backups) == DEFAULT_KEEP and {entry.reason for entry in backups} == {"before-import"}
    assert counts(backups[0].path)[2] == counts(tmp_path / "shop.db")[2] - 2  # the newest: before the last import
    assert counts(backups[-1].path)[2] == counts(backups[0].path)[2] - 2 * (DEFAULT_KEEP - 1)


def test_a_customer_sheet_import_backs_up_too(tmp_path: Path) -> None:
    sheet = write_sheet(tmp_path / "客户.csv", [["姓名", "手机号", "微信"], ["王芳", "13800005555", "wf_88"]], "csv")
    database = open_database(tmp_path / "shop.db")
    try:
        commit_imports(database, [prepare_import(write_orders(tmp_path / "orders.csv", 2))])
        commit_customer_sheets(database, [prepare_customer_sheet(sheet)])
    finally:
        database.dispose()
    backups = list_backups(tmp_path / "shop.db")
    assert len(backups) == 2 and counts(backups[0].path)[0] == 1  # before the sheet: the one buyer of the orders


def test_the_wizard_backs_up_before_it_imports(qtbot, qsettings_isolated, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from gui.context import AppContext
    from gui.importing.page import STEP_REVIEW, STEP_SUMMARY, ImportPage
    from gui.worker import wait_for_background_tasks

    path = shop(tmp_path / "shop.db")
    before = counts(path)
    context = AppContext(open_database(path))
    page = ImportPage(context)
    qtbot.addWidget(page)
    try:
        page.open_files([write_orders(tmp_path / "orders.csv", 5)])
        qtbot.waitUntil(lambda: page.steps.currentIndex() == STEP_REVIEW, timeout=10000)
        with qtbot.waitSignal(page.finished, timeout=10000):
            qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
        assert page.steps.currentIndex() == STEP_SUMMARY
    finally:
        wait_for_background_tasks()
        context.database.dispose()
    [backup] = list_backups(path)
    assert counts(backup.path) == before and counts(path)[2] == before[2] + 5
