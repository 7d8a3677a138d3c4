"""How fast the customer book answers at a million buyers: search latency, list first paint, memory.

    python bench/search_bench.py                       # 1,000,000 customers (builds ~1.5 GB, minutes)
    python bench/search_bench.py --customers 100000    # a quicker look
    python bench/search_bench.py --db book.db --reuse  # measure an already built book again
    python bench/search_bench.py --db book.db --reuse --rebuild-index  # time a full search-index rebuild
    python bench/search_bench.py --db book.db --reuse --first-paint    # the list's first paint alone
    python bench/search_bench.py --db book.db --reuse --keystrokes     # keystroke to repainted matches alone

Building uses plain sqlite3 bulk inserts (the way an import's fast path would) and the product's own
`search_keys` function for the search index. Measuring runs in a fresh process, so the peak RSS printed is what
the open customer page costs, not the build.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.demo import GIVEN, NICK_WORDS, PLACES, SURNAMES  # noqa: E402
from core.search.keys import search_keys  # noqa: E402
from core.store.opening import open_database  # noqa: E402

MORE_NICK_WORDS = ["吃货小分队", "奶茶续命", "周末去露营", "猫咪的主人", "江南烟雨", "快乐星球", "打工人",
                   "早睡早起", "甜甜圈", "追风少年", "花开富贵", "一杯清茶", "宝宝辅食", "健身达人", "书虫",
                   "绿豆汤", "小确幸", "海边的卡夫卡", "咖啡不加糖", "南山南"]
PLATFORMS = ["taobao_tmall", "jd", "pdd", "douyin", "kuaishou", "wechat_shop"]
CHUNK = 20_000
QUERIES_PER_KIND = 200
KEYSTROKES_PER_KIND = 40


def fake_account(rng: random.Random, customer_id: int, platform: str, nickname: str) -> tuple[str, str] | None:
    """The buyer's platform account, as the chat shows it: Taobao and JD keys, the others' nicknames."""
    if platform == "taobao_tmall":
        return "buyer_id", rng.choice([f"tb{customer_id * 7919 % 10**9:09d}", f"tb_{nickname}{customer_id}"])
    if platform == "jd":
        return "buyer_id", f"jd_{customer_id * 104729 % 10**10:010d}"
    return ("nickname", f"{nickname}{customer_id}") if rng.random() < 0.5 else None


def fake_customer(rng: random.Random, customer_id: int, today: datetime) -> tuple[tuple, tuple, tuple | None]:
    name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice([1, 2, 2])))
    nickname = rng.choice(NICK_WORDS + MORE_NICK_WORDS) + (str(rng.randint(1, 99999)) if rng.random() < 0.8 else "")
    phone = "1" + rng.choice("3456789") + f"{rng.randrange(10**9):09d}"
    province, city, _districts = rng.choice(PLACES)
    platform = rng.choice(PLATFORMS)
    last_order = today - timedelta(days=rng.randint(0, 900), seconds=rng.randint(0, 86399))
    paid = rng.choice([1, 1, 1, 2, 2, 3, 5])
    spent = paid * rng.randint(2000, 40000)
    customer = (customer_id, platform, nickname, name, phone, phone[-4:], province, city, "import", 0, 0,
                last_order.isoformat(sep=" "), last_order.isoformat(sep=" "), paid, paid, spent,
                "repeat" if paid > 1 else "new", today.isoformat(sep=" "), today.isoformat(sep=" "), 0)
    order_number = f"{rng.randrange(10**17, 10**18)}"
    order = (customer_id, platform, order_number, customer_id, "completed", spent, last_order.isoformat(sep=" "))
    account = fake_account(rng, customer_id, platform, nickname)
    alias = None if account is None else (customer_id, account[0], platform, account[1], today.isoformat(sep=" "))
    return customer, order, alias


def build(path: Path, customers: int, seed: int = 1) -> None:
    """Create the schema with the product's migrations, then bulk-insert customers, orders and search keys."""
    open_database(path).dispose()
    rng = random.Random(seed)
    today = datetime(2026, 11, 22, 12, 0, 0)
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA synchronous=OFF")
    connection.execute("PRAGMA cache_size=-200000")
    connection.execute("PRAGMA foreign_keys=OFF")
    connection.execute("CREATE TEMP TABLE pending_keys (key TEXT, customer_id INTEGER, kind INTEGER, last_order_at)")
    started = time.perf_counter()
    connection.execute("BEGIN")
    for start in range(1, customers + 1, CHUNK):
        customer_rows, order_rows, alias_rows, key_rows = [], [], [], []
        for customer_id in range(start, min(start + CHUNK, customers + 1)):
            customer, order, alias = fake_customer(rng, customer_id, today)
            customer_rows.append(customer)
            order_rows.append(order)
            if alias is not None:
                alias_rows.append(alias)
            keys = search_keys(customer[3], customer[2], [customer[4]], None,
                               [alias[3]] if alias else [], [order[2]])
            key_rows.extend((key, customer_id, int(kind), customer[11]) for key, kind in keys.items())
        connection.executemany(
            "INSERT INTO customers (id, platform, nickname, name, phone, phone_last4, province, city, source,"
            " is_vip, do_not_contact, last_order_at, last_paid_at, order_count, paid_orders, total_spent, stage,"
            " created_at, updated_at, birth_is_leap_month) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            customer_rows,
        )
        connection.executemany(
            "INSERT INTO orders (id, platform, platform_order_id, customer_id, status, paid_amount, created_at)"
            " VALUES (?,?,?,?,?,?,?)",
            order_rows,
        )
        connection.executemany(
            "INSERT INTO customer_aliases (customer_id, kind, platform, value, created_at) VALUES (?,?,?,?,?)",
            alias_rows,
        )
        connection.executemany("INSERT INTO pending_keys VALUES (?, ?, ?, ?)", key_rows)
        print(f"\r  {min(start + CHUNK - 1, customers):,} customers", end="", flush=True)
    print(f"\n  rows inserted in {time.perf_counter() - started:.1f} s; sorting the search index…", flush=True)
    # Appending in key order builds the WITHOUT ROWID b-tree sequentially instead of by random inserts.
    connection.execute("INSERT OR IGNORE INTO customer_search_keys (key, customer_id, kind, last_order_at) "
                       "SELECT key, customer_id, kind, last_order_at FROM pending_keys ORDER BY key, customer_id")
    connection.execute("COMMIT")
    connection.execute("ANALYZE")
    keys = connection.execute("SELECT count(*) FROM customer_search_keys").fetchone()[0]
    connection.close()
    print(f"  built in {time.perf_counter() - started:.1f} s: {keys:,} search keys, "
          f"{path.stat().st_size / 2**20:,.0f} MB", flush=True)


def sample_queries(path: Path, seed: int = 2, count: int = QUERIES_PER_KIND) -> dict[str, list[str]]:
    rng = random.Random(seed)
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)  # sampling writes nothing
    top = connection.execute("SELECT max(id) FROM customers").fetchone()[0]
    ids = [rng.randint(1, top) for _ in range(count)]
    marks = ",".join("?" * len(ids))
    rows = connection.execute(f"SELECT nickname, name, phone FROM customers WHERE id IN ({marks})", ids).fetchall()
    orders = [r[0] for r in connection.execute(
        f"SELECT platform_order_id FROM orders WHERE customer_id IN ({marks})", ids)]
    accounts = [r[0] for r in connection.execute(
        "SELECT value FROM customer_aliases WHERE kind IN ('buyer_id', 'nickname') ORDER BY random() LIMIT ?",
        [count])]
    connection.close()
    from pypinyin import Style, lazy_pinyin

    def fragment(text: str) -> str:
        start = rng.randrange(max(1, len(text) - 1))
        return text[start:start + 2]

    return {
        "nickname fragment": [fragment(nickname) for nickname, _name, _phone in rows],
        "name (whole)": [name for _nickname, name, _phone in rows],
        "phone tail (4)": [phone[-4:] for _nickname, _name, phone in rows],
        "phone tail (5)": [phone[-5:] for _nickname, _name, phone in rows],
        "phone (whole)": [phone for _nickname, _name, phone in rows],
        "order number": orders,
        "order tail (8)": [number[-8:] for number in orders],
        "account (whole)": accounts,
        "account part (3)": [account[-5:-2] for account in accounts],
        "pinyin initials": ["".join(lazy_pinyin(name, style=Style.FIRST_LETTER)) for _n, name, _p in rows],
    }


def opened_as_the_app_does(path: Path):  # type: ignore[no-untyped-def]
    """The book upgraded and what the upgrade left pending (all search keys) rebuilt, timed when it took long."""
    from core.refresh import finish_pending_rebuilds

    started, cpu = time.perf_counter(), time.process_time()
    database = open_database(path)
    finish_pending_rebuilds(database)
    if time.perf_counter() - started > 5:
        print(f"opened, upgraded and pending rebuilds done in {time.perf_counter() - started:.0f} s "
              f"(CPU {time.process_time() - cpu:.0f} s)", flush=True)
    return database


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def measure(path: Path, count: int = QUERIES_PER_KIND) -> None:
    """Runs in its own process: search latencies, the list's first paint, peak RSS."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from core.customers.listing import RELEVANCE, CustomerFilter, customer_ids
    from core.search.query import search_customer_ids
    from gui.app import freeze_startup_heap
    from gui.customers.table_model import FIRST_IDS

    queries = sample_queries(path, count=count)
    database = opened_as_the_app_does(path)
    freeze_startup_heap()  # as the app does once its window is up, before anyone types
    print("milliseconds per query; 'lookup' = the chat lookup's 20 best matches, 'list' = every match best first"
          f" (what the list reads as the user types), 'by last order' = the first {FIRST_IDS} after a click on"
          " the Last order header")
    print(f"{'query':<20}{'lookup p50':>11}{'p95':>7}{'list p50':>10}{'p95':>7}{'by last order p50':>19}{'p95':>7}")
    with database.session() as session:
        search_customer_ids(session, "warm-up")
        for kind, texts in queries.items():
            lookup, ranked, by_last_order = [], [], []
            for text in texts:
                for timings, call in (
                    (lookup, lambda text=text: search_customer_ids(session, text, limit=20)),
                    (ranked, lambda text=text: customer_ids(session, CustomerFilter(search=text), RELEVANCE)),
                    (by_last_order, lambda text=text: customer_ids(session, CustomerFilter(search=text),
                                                                   limit=FIRST_IDS)),
                ):
                    started = time.perf_counter()
                    call()
                    timings.append((time.perf_counter() - started) * 1000)
            print(f"{kind:<20}" + "".join(
                f"{statistics.median(t):>{w1}.1f}{percentile(t, 0.95):>7.1f}"
                for t, w1 in ((lookup, 11), (ranked, 10), (by_last_order, 19))), flush=True)
    first_paint(database)
    print(f"peak RSS after the first paints: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
    keystroke_to_repaint(database, queries, keystrokes_for(count))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS with the customer page open over the whole book, after the searches: {peak:,.0f} MB")
    from core.customers.merge import duplicate_candidates

    with database.session() as session:
        started = time.perf_counter()
        pairs = duplicate_candidates(session)
        print(f"duplicate candidates (the Duplicates dialog): {len(pairs)} pairs in "
              f"{time.perf_counter() - started:.1f} s; peak RSS after: "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
    database.dispose()


def first_paint(database, attempts: int = 3) -> None:  # type: ignore[no-untyped-def]
    """Time from building the customer page to the first paint of its viewport with a page of rows in it.

    Split in three: the page's constructor (the GUI thread), waiting for the first screen (ids + rows, read in
    the background), and the paint itself (the paint event the view's reset asked for, not a forced one).
    """
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QLabel

    from gui.context import AppContext
    from gui.customers.page import CustomersPage
    from gui.customers.table_model import PAGE_SIZE
    from gui.worker import wait_for_background_tasks

    class PaintWatch(QObject):
        """Notes when the viewport finishes a paint with the first page of rows in the model."""

        def __init__(self, table) -> None:  # type: ignore[no-untyped-def]
            super().__init__()
            self.table, self.model, self.rows_at, self.painted_at = table, table.model(), 0.0, 0.0

        def rows_ready(self) -> bool:
            model = self.model
            return bool(model.rowCount() and model.cached_row(0) is not None
                        and model.cached_row(min(PAGE_SIZE, model.rowCount()) - 1) is not None)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and not self.painted_at and self.rows_ready():
                self.rows_at = self.rows_at or time.perf_counter()
                self.table.viewportEvent(event)  # the view's own paint, run here to time it
                self.painted_at = time.perf_counter()
                return True
            return False

    from gui.app import freeze_startup_heap

    app = QApplication.instance() or QApplication([])
    freeze_startup_heap()  # as the app does once its window is up
    warm_up = QLabel("老客")  # fonts load on the first widget shown: app start-up, not the list
    warm_up.show()
    app.processEvents()
    warm_up.close()
    timings = []
    for _attempt in range(attempts):
        started = time.perf_counter()
        page = CustomersPage(AppContext(database))
        built = time.perf_counter()
        watch = PaintWatch(page.table)
        page.table.viewport().installEventFilter(watch)
        page.resize(1300, 800)
        page.show()
        while not watch.painted_at:
            app.processEvents()
            if watch.rows_ready() and not watch.rows_at:
                watch.rows_at = time.perf_counter()
            time.sleep(0.001)
        timings.append(((watch.painted_at - started) * 1000, (built - started) * 1000,
                        (watch.rows_at - built) * 1000, (watch.painted_at - watch.rows_at) * 1000))
        page.close()
        page.deleteLater()
        wait_for_background_tasks()  # the rest of the ids, the counts: the next attempt starts from quiet
        app.processEvents()
    print(f"list first paint ({page.model.rowCount():,} rows), first attempt cold; ms total "
          "(page built + first screen read + paint):")
    print("  " + ", ".join(f"{total:.0f} ({build:.0f}+{read:.0f}+{paint:.0f})"
                           for total, build, read, paint in timings))


def keystroke_to_repaint(database, queries: dict[str, list[str]], per_kind: int = KEYSTROKES_PER_KIND) -> None:  # type: ignore[no-untyped-def]
    """From the last keystroke of a query to the repaint that shows its matches, the debounce included: in the
    customer list (its first screen) and in the chat lookup (its match list).

    The query but its last character is typed first and left to settle (its reads done); the last character is
    then pressed as a real key (a Chinese one arrives whole, as an input method commits it).
    """
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from gui.context import AppContext
    from gui.customers.lookup import ChatLookupWindow
    from gui.customers.page import CustomersPage
    from gui.worker import wait_for_background_tasks

    class RepaintWatch(QObject):
        """The first paint of `viewport` after `arrived` fired; `loop` quits on it."""

        def __init__(self, viewport, arrived, loop) -> None:  # type: ignore[no-untyped-def]
            super().__init__()
            self.arrived_at = self.painted_at = 0.0
            self.viewport, self.loop = viewport, loop
            arrived.connect(self.note_arrival)
            viewport.installEventFilter(self)

        def note_arrival(self, *_args: object) -> None:
            self.arrived_at = self.arrived_at or time.perf_counter()
            self.viewport.update()  # as a visible window is asked to once the matches are in

        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and self.arrived_at and not self.painted_at:
                self.painted_at = time.perf_counter()
                self.loop.quit()
            return False

    app = QApplication.instance() or QApplication([])

    def settle(timer) -> None:  # type: ignore[no-untyped-def]
        while timer.isActive():
            app.processEvents()
            time.sleep(0.002)
        for _round in range(3):
            wait_for_background_tasks()
            app.processEvents()

    page = CustomersPage(AppContext(database))
    page.resize(1300, 800)
    page.show()
    lookup = ChatLookupWindow(AppContext(database))
    lookup.show()
    settle(page.search_timer)
    widgets = (
        ("list", page.search, page.search_timer, page.table.viewport(), page.model.modelReset),
        ("lookup", lookup.search, lookup.timer, lookup.matches.viewport(), lookup.matches.model().rowsInserted),
    )
    print(f"keystroke to repainted matches, ms ({per_kind} queries a kind; debounce {page.search_timer.interval()}"
          " ms included):")
    print(f"{'query':<20}{'list p50':>9}{'p95':>7}{'lookup p50':>12}{'p95':>7}")
    for kind, texts in queries.items():
        timings: dict[str, list[float]] = {"list": [], "lookup": []}
        for text in texts[:per_kind]:
            for name, edit, timer, viewport, arrived in widgets:
                edit.setText(text[:-1])
                settle(timer)
                loop = QEventLoop()
                watch = RepaintWatch(viewport, arrived, loop)
                give_up = QTimer(singleShot=True, interval=10_000)
                give_up.timeout.connect(loop.quit)
                give_up.start()
                started = time.perf_counter()
                if text[-1].isascii():
                    QTest.keyClick(edit, text[-1])
                else:
                    edit.insert(text[-1])
                # The app's own event loop, idle between events: a loop polling processEvents() in Python held
                # the GIL that the worker thread's search needs back after each statement.
                loop.exec()
                give_up.stop()
                timings[name].append((watch.painted_at - started) * 1000)
                arrived.disconnect(watch.note_arrival)
                viewport.removeEventFilter(watch)
                settle(timer)
        print(f"{kind:<20}" + "".join(f"{statistics.median(t):>{w}.0f}{percentile(t, 0.95):>7.0f}"
                                      for t, w in ((timings["list"], 9), (timings["lookup"], 12))), flush=True)
    lookup.close()
    page.close()


def first_paint_only(path: Path) -> None:
    """Runs in its own process: the list's first paint alone, nothing read before it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    database = open_database(path)
    first_paint(database)
    database.dispose()


def keystrokes_for(count: int) -> int:
    return KEYSTROKES_PER_KIND * count // QUERIES_PER_KIND


def keystrokes_only(path: Path, count: int = QUERIES_PER_KIND) -> None:
    """Runs in its own process: keystroke to repainted matches alone."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from gui.app import freeze_startup_heap

    queries = sample_queries(path, count=count)
    database = opened_as_the_app_does(path)
    freeze_startup_heap()
    keystroke_to_repaint(database, queries, keystrokes_for(count))
    database.dispose()


def rebuild_index(path: Path) -> None:
    """Runs in its own process: the search keys of every buyer from scratch (`rebuild_search_keys`, as after a
    migration), then `refresh_search_keys` for everyone with nothing changed (what `refresh_derived` for
    everyone does to them); each rolled back."""
    from core.search.keys import rebuild_search_keys, refresh_search_keys

    database = open_database(path)
    with database.engine.connect() as connection:
        for label, work in (("full search-index rebuild", rebuild_search_keys),
                            ("refresh of everyone, nothing changed", refresh_search_keys)):
            transaction = connection.begin()
            if work is refresh_search_keys:  # the keys as a rebuild leaves them, digests included
                rebuild_search_keys(connection)
            started, cpu = time.perf_counter(), time.process_time()
            work(connection)
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
            keys = connection.exec_driver_sql("SELECT count(*) FROM customer_search_keys").scalar()
            transaction.rollback()
            print(f"{label}: {keys:,} keys in {elapsed:.1f} s (CPU {cpu:.1f} s); peak RSS "
                  f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB", flush=True)
    database.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="where to build (default: a temporary file, removed after)")
    parser.add_argument("--reuse", action="store_true", help="measure the --db as it is, without building")
    parser.add_argument("--rebuild-index", action="store_true", help="time a full search-index rebuild instead")
    parser.add_argument("--first-paint", action="store_true",
                        help="measure only the list's first paint (its first attempt in a fresh process is cold)")
    parser.add_argument("--keystrokes", action="store_true",
                        help="measure only keystroke-to-repaint in the list and the chat lookup")
    parser.add_argument("--queries", type=int, default=QUERIES_PER_KIND,
                        help=f"queries a kind (keystrokes: a fifth of them; default {QUERIES_PER_KIND})")
    parser.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_only:
        if args.first_paint:
            first_paint_only(args.db)
        elif args.keystrokes:
            keystrokes_only(args.db, args.queries)
        elif args.rebuild_index:
            rebuild_index(args.db)
        else:
            measure(args.db, args.queries)
        return 0
    folder = None
    if args.db is None:
        folder = tempfile.TemporaryDirectory(prefix="laoke-bench-")
        args.db = Path(folder.name) / "bench.db"
    try:
        if not args.reuse:
            print(f"Building {args.customers:,} customers in {args.db}", flush=True)
            build(args.db, args.customers)
        extra = [flag for flag, wanted in (("--rebuild-index", args.rebuild_index), ("--first-paint", args.first_paint),
                                           ("--keystrokes", args.keystrokes)) if wanted][:1]
        return subprocess.call([sys.executable, __file__, "--measure-only", "--db", str(args.db),
                                "--queries", str(args.queries), *extra])
    finally:
        if folder is not None:
            folder.cleanup()


if __name__ == "__main__":
    raise SystemExit(main())
