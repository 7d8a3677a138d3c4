"""Start-up loads what the first screen needs: the heavy libraries wait for the page or command that uses them.

Each check runs in a fresh interpreter, since this test process has long since imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("pypinyin", "openpyxl", "holidays", "icalendar", "alembic", "pyqtgraph")

# The window opens as `python main.py` opens it. At its first paint (the frame, before the book opens, and before
# SQLAlchemy: the frame is drawn while the database layer loads), once the
# Today page (where it lands) shows its figures, at the first paint of the customer list with the shop's rows
# (opened from there), and once the work started in the background (rescoring, today's care count, the daily
# backup) is done, it reports the heavy libraries loaded.
OPEN_THE_WINDOW = """
import json, os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

HEAVY = json.loads(sys.argv[1])

def loaded():
    return sorted({name.split(".")[0] for name in sys.modules} & set(HEAVY))

class Paints(QObject):
    report = {}
    hooked = False

    def eventFilter(self, watched, event):
        if event.type() != QEvent.Type.Paint:
            return False
        if isinstance(watched, QMainWindow):
            self.report.setdefault("frame", loaded())
            self.report.setdefault("frame_has_the_database_layer", "sqlalchemy" in sys.modules)
            today = getattr(watched, "pages", {}).get("today")
            if today is not None and not self.hooked:
                self.hooked = True
                today.loaded.connect(lambda: (self.report.setdefault("today", loaded()),
                                              watched.show_page("customers")))
        table = watched.parent()
        if isinstance(table, QTableView) and table.model() is not None and table.model().rowCount() > 0:
            from gui.worker import wait_for_background_tasks

            self.report["list"] = loaded()
            wait_for_background_tasks()
            self.report["settled"] = loaded()
            self.report["rows"] = table.model().rowCount()
            print(json.dumps(self.report), flush=True)
            os._exit(0)
        return False

app = QApplication(sys.argv[:1])
probe = Paints()
app.installEventFilter(probe)
sys.path.insert(0, os.getcwd())
import main
main.main(sys.argv[2:])
"""


def heavy_loaded_by(code: str, *arguments: str) -> dict:
    output = subprocess.run([sys.executable, "-c", code, json.dumps(HEAVY), *arguments], cwd=ROOT, check=True,
                            capture_output=True, text=True, timeout=120).stdout
    return json.loads(output.strip().splitlines()[-1])


def test_opening_the_window_on_a_shop_loads_no_heavy_library(tmp_path: Path) -> None:
    shop = tmp_path / "shop.db"
    subprocess.run([sys.executable, "main.py", "demo", "--db", str(shop), "--customers", "50"], cwd=ROOT,
                   check=True, capture_output=True)
    report = heavy_loaded_by(OPEN_THE_WINDOW, "--db", str(shop))
    assert report["rows"] == 50  # the customer list painted the shop's buyers
    assert report == {"frame": [], "frame_has_the_database_layer": False, "today": [], "list": [], "settled": [],
                      "rows": 50}


def test_the_command_line_and_opening_a_current_book_load_no_heavy_library(tmp_path: Path) -> None:
    shop = tmp_path / "shop.db"
    subprocess.run([sys.executable, "main.py", "stats", "--db", str(shop)], cwd=ROOT, check=True,
                   capture_output=True)  # creates the book at the newest schema
    parse_and_open = f"""
import json, sys
from core.cli import build_parser
from core.store.opening import open_database

build_parser().parse_args(["stats", "--db", {str(shop)!r}])
open_database({str(shop)!r}).dispose()
print(json.dumps({{"loaded": sorted({{name.split(".")[0] for name in sys.modules}} & set(json.loads(sys.argv[1])))}}))
"""
    assert heavy_loaded_by(parse_and_open) == {"loaded": []}


def test_parsing_a_command_line_loads_not_even_the_database_layer() -> None:
    # `--version` and `--help` stay within a few times `python -c pass` (#23): SQLAlchemy and numpy alone take
    # 0.9 s to import on this machine, twenty times the interpreter's own start.
    parse = """
import json, sys
from core.cli import build_parser

build_parser().parse_args(["stats"])
print(json.dumps({"loaded": sorted({name.split(".")[0] for name in sys.modules} & set(json.loads(sys.argv[1])))}))
"""
    output = subprocess.run([sys.executable, "-c", parse, json.dumps(["sqlalchemy", "numpy", *HEAVY])], cwd=ROOT,
                            check=True, capture_output=True, text=True, timeout=120).stdout
    assert json.loads(output.strip().splitlines()[-1]) == {"loaded": []}
