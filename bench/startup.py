"""Start-up time beside its floors, and the frozen bundle's size and start-up (dist/laoke) when it is built.

    python bench/startup.py [--runs 5] [--cold]
    python -m PyInstaller installer.spec && python bench/startup.py   # the bundle's rows too

Side by side in one run, medians: `main.py --version` against `python -c pass`, and the window's first paint
(process start to the main window's first paint event, on the demo shop) against a bare `QApplication` +
`QMainWindow` that imports the same Qt modules the app had loaded by then. Prints the ratios.
`--cold` empties the page cache before every run (root only: /proc/sys/vm/drop_caches), as after a reboot.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "laoke"

# A child that reports the monotonic time (shared by every process on the machine) of the main window's first
# paint and the Qt modules loaded by then; with rows=True also of the first paint that shows the book (the landing
# Today page with its figures, or a list with rows). Then it leaves at once: exiting is not part of starting.
FIRST_PAINT_PROBE = """
import json, os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

class FirstPaint(QObject):
    def __init__(self, rows):
        super().__init__()
        self.rows, self.report = rows, {}

    def eventFilter(self, watched, event):
        if event.type() != QEvent.Type.Paint:
            return False
        if isinstance(watched, QMainWindow) and "painted" not in self.report:
            self.report["painted"] = time.monotonic()
            self.report["qt_modules"] = sorted(name for name in sys.modules if name.startswith("PySide6.Qt"))
        if "painted" in self.report and self.shows_the_book(watched):
            self.report["rows_painted"] = time.monotonic()
        if "painted" in self.report and ("rows_painted" in self.report or not self.rows):
            print(json.dumps(self.report), flush=True)
            os._exit(0)
        return False

    @staticmethod
    def shows_the_book(widget):
        # The Today page with its figures read, or a list with rows: by class name, as importing the app's
        # pages here would change what start-up loads.
        table = widget.parent()
        if isinstance(table, QTableView) and table.model() is not None and table.model().rowCount() > 0:
            return True
        while widget is not None and type(widget).__name__ != "TodayPage":
            widget = widget.parent()
        return widget is not None and getattr(widget, "desk", None) is not None

app = QApplication(sys.argv[:1])
probe = FirstPaint(rows=ROWS)
app.installEventFilter(probe)
"""
APP_WINDOW = FIRST_PAINT_PROBE.replace("ROWS", "True") + """
sys.path.insert(0, os.getcwd())
import main
main.main(sys.argv[1:])
"""
BARE_WINDOW = FIRST_PAINT_PROBE.replace("ROWS", "False") + """
import importlib
for name in json.loads(os.environ["BENCH_QT_MODULES"]):
    importlib.import_module(name)
window = QMainWindow()
window.show()
app.exec()
"""


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def drop_caches() -> None:
    subprocess.run(["sync"], check=True)
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def timed(command: list[str], environment: dict[str, str], cold: bool) -> float:
    if cold:
        drop_caches()
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=environment, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def first_paint(script: str, environment: dict[str, str], cold: bool) -> dict:
    """Seconds from starting the process to its main window's first paint (and to its list's, if asked)."""
    if cold:
        drop_caches()
    started = time.monotonic()
    output = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=environment, check=True,
                            capture_output=True, text=True, timeout=120).stdout
    report = json.loads(output.strip().splitlines()[-1])
    return {**report, "painted": report["painted"] - started,
            "rows_painted": report.get("rows_painted", started) - started}


def median_row(label: str, times: list[float], *extra: str) -> str:
    cells = [label, f"{statistics.median(times):.3f} s", f"{min(times):.3f} s", f"{max(times):.3f} s", *extra]
    return "| " + " | ".join(cells) + " |"


def ratio(times: list[float], floor: float) -> str:
    return f"{statistics.median(times) / floor:.1f}×"


def source_ratios(environment: dict[str, str], runs: int, cold: bool) -> None:
    """Each pair interleaved run by run, so a busy moment of the machine falls on both sides alike."""
    bare_python, version, app_paint, rows_paint, bare_paint = [], [], [], [], []
    qt_modules: list[str] = []
    for _ in range(runs):
        bare_python.append(timed([sys.executable, "-c", "pass"], environment, cold))
        version.append(timed([sys.executable, "main.py", "--version"], environment, cold))
        window = first_paint(APP_WINDOW, environment, cold)
        app_paint.append(window["painted"])
        rows_paint.append(window["rows_painted"])
        qt_modules = window["qt_modules"]
        bare_environment = dict(environment, BENCH_QT_MODULES=json.dumps(qt_modules))
        bare_paint.append(first_paint(BARE_WINDOW, bare_environment, cold)["painted"])
    floor_python, floor_window = statistics.median(bare_python), statistics.median(bare_paint)
    print(f"| source, {'cold' if cold else 'warm'} | median of {runs} | min | max | × its floor |")
    print("|---|---|---|---|---|")
    print(median_row("`python -c pass` (floor)", bare_python, "1"))
    print(median_row("`main.py --version` (goal ≤ 8×)", version, ratio(version, floor_python)))
    print(median_row("bare QApplication + QMainWindow, first paint (floor)", bare_paint, "1"))
    print(median_row("the window's first paint, demo shop (goal ≤ 4×)", app_paint, ratio(app_paint, floor_window)))
    print(median_row("the first paint with the book's figures (Today)", rows_paint, ratio(rows_paint, floor_window)))
    print(f"Qt modules loaded at the window's first paint: {', '.join(name[8:] for name in qt_modules)}")


def bundle_rows(environment: dict[str, str], runs: int, cold: bool) -> None:
    frozen, source = [str(BUNDLE / "laoke")], [sys.executable, "main.py"]
    variants = [
        ("CLI `--version`, source", [*source, "--version"]),
        ("CLI `--version`, frozen", [*frozen, "--version"]),
        ("CLI `stats --json`, source", [*source, "stats", "--json"]),
        ("CLI `stats --json`, frozen", [*frozen, "stats", "--json"]),
        ("window `--smoke` (every page), source", [*source, "--smoke"]),
        ("window `--smoke` (every page), frozen", [*frozen, "--smoke"]),
    ]
    print(f"bundle dist/laoke: {folder_size(BUNDLE) / 2**20:.0f} MiB, "
          f"{sum(1 for path in BUNDLE.rglob('*') if path.is_file())} files")
    print(f"| start-up, {'cold' if cold else 'warm'} | median of {runs} | min | max |")
    print("|---|---|---|---|")
    for label, command in variants:
        times = [timed(command, environment, cold) for _ in range(runs)]
        print(median_row(label, times))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="laoke-bench-"))
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", LAOKE_DB=str(folder / "shop.db"),
                       XDG_DATA_HOME=str(folder / "data"), XDG_CONFIG_HOME=str(folder / "config"))
    # An installed app runs from compiled .pyc files; a shell that forbids writing them would time the compiler.
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "main.py", "demo", "--customers", "2000"], cwd=ROOT, env=environment,
                   check=True, stdout=subprocess.DEVNULL)
    first_paint(APP_WINDOW, environment, cold=False)  # writes the .pyc files the demo did not need
    print(f"load average {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    source_ratios(environment, args.runs, args.cold)
    if (BUNDLE / "laoke").exists():
        bundle_rows(environment, args.runs, args.cold)
    else:
        print("(no bundle: python -m PyInstaller installer.spec adds the frozen rows)")
    print(f"load average {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
