"""How soon the Today page shows its figures after the window's first paint, and what reading them costs.

    python bench/today_bench.py                        # the demo shop (2,000 buyers), as the app makes it
    python bench/today_bench.py --customers 300000     # a big book (search_bench's builder, plus birthdays,
                                                       # VIPs and unpaid orders), built in a temporary file
    python bench/today_bench.py --customers 300000 --db big.db   # ...kept, to measure again with --reuse

For each attempt a new main window is shown; the clock starts at its first paint event and stops when the
Today page has put the desk on screen. A 5 ms timer on the GUI thread records the longest gap between its
ticks meanwhile: the longest the window was unresponsive.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from core.demo import ensure_demo_database  # noqa: E402
from core.store.opening import open_database  # noqa: E402
from core.today import read_desk  # noqa: E402


def big_book(path: Path, customers: int) -> None:
    """search_bench's book, with what the desk counts: birthdays, VIPs and loyal regulars late, unpaid orders."""
    from bench.search_bench import build

    build(path, customers)
    connection = sqlite3.connect(path, isolation_level=None)
    connection.executescript("""
        UPDATE customers SET birthday_calendar = 'solar', birth_month = 1 + id % 12, birth_day = 1 + id % 29
            WHERE id % 3 = 0;
        UPDATE customers SET is_vip = 1 WHERE id % 50 = 0;
        UPDATE customers SET stage = 'loyal', overdue = (id % 40) / 10.0 WHERE id % 7 = 0;
        UPDATE customers SET first_paid_at = last_paid_at;
        INSERT INTO orders (platform, platform_order_id, customer_id, status, paid_amount, created_at)
            SELECT platform, 'U' || id, id, 'unpaid', 1000, datetime('now', '-' || (id % 5) || ' days')
            FROM customers WHERE id % 40 = 0;
        ANALYZE;
    """)
    connection.close()


def time_read(path: Path, runs: int) -> None:
    database = open_database(path)
    timings = []
    for _run in range(runs):
        started = time.perf_counter()
        with database.session() as session:
            desk = read_desk(session)
        timings.append((time.perf_counter() - started) * 1000)
    database.dispose()
    print(f"read_desk: median {statistics.median(timings):.0f} ms, max {max(timings):.0f} ms over {runs} runs "
          f"({desk.care_total:,} care tasks, {desk.birthdays.count:,} birthdays, "
          f"{desk.overdue_regulars.count:,} regulars overdue, {desk.unpaid.count:,} unpaid buyers)")


def time_window(path: Path, attempts: int) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    from gui.app import freeze_startup_heap
    from gui.context import AppContext
    from gui.main_window import MainWindow
    from gui.worker import wait_for_background_tasks

    class FirstPaint(QObject):
        at = 0.0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and not self.at:
                self.at = time.perf_counter()
            return False

    app = QApplication.instance() or QApplication([])
    warm_up = QLabel("老客")  # fonts load on the first widget shown: app start-up, not the page
    warm_up.show()
    app.processEvents()
    warm_up.close()
    freeze_startup_heap()
    results = []
    for _attempt in range(attempts):
        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(lambda ticks=ticks: ticks.append(time.perf_counter()))
        window = MainWindow(AppContext(open_database(path)))
        watch = FirstPaint()
        window.installEventFilter(watch)
        today = window.pages["today"]
        loaded: list[float] = []
        today.loaded.connect(lambda loaded=loaded: loaded.append(time.perf_counter()))
        timer.start()
        window.resize(1366, 700)
        window.show()
        while not (loaded and watch.at):
            app.processEvents()
            time.sleep(0.001)
        timer.stop()
        stalls = [later - earlier for earlier, later in zip(ticks, ticks[1:], strict=False)]
        results.append(((loaded[0] - watch.at) * 1000, max(stalls, default=0) * 1000))
        window.close()
        wait_for_background_tasks()
        window.context.database.dispose()
        window.deleteLater()
        app.processEvents()
    print("Today page, first paint → figures on screen (ms), longest GUI stall meanwhile (ms):")
    print("  " + ", ".join(f"{shown:.0f} (stall {stall:.0f})" for shown, stall in results))
    print(f"  median {statistics.median(shown for shown, _stall in results):.0f} ms")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, help="a built book of this many buyers instead of the demo")
    parser.add_argument("--attempts", type=int, default=5)
    parser.add_argument("--db", type=Path, help="build the big book here and keep it (with --customers)")
    parser.add_argument("--reuse", action="store_true", help="measure the --db as it is, without building")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.reuse and args.db:
            path = args.db
        elif args.customers:
            path = args.db or Path(folder) / "book.db"
            big_book(path, args.customers)
        else:
            path = ensure_demo_database(Path(folder) / "demo.db")
        time_read(path, args.attempts)
        time_window(path, args.attempts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
