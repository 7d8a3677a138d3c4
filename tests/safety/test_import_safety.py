"""The import goes through the shared workbook guard and backs the shop up first.

Hostile workbooks fed to `python main.py import` are refused with one clear line, in bounded memory, and
the database is left exactly as it was; every import leaves a rolling backup in the data folder.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from core.importing import prepare_import
from core.importing.readers import SheetRefused
from tests.safety.import_sheets import ROOT, counts, shop, write_orders
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
