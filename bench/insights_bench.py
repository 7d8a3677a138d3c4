"""How fast are stages + RFM for a big shop, and the Insights charts' data and redraws?

    QT_QPA_PLATFORM=offscreen python bench/insights_bench.py [--customers 300000] [--orders 1000000] [--db PATH]

Builds (once, then reuses) a synthetic shop with raw sqlite3 inserts, then prints medians of: the full
recompute of figures, stages and RFM (`refresh_derived` for everyone, first run and an unchanged re-run),
a rescore after one customer changed, each chart's data, and each chart's redraw.
Goals: full recompute <= 3 s, each redraw <= 100 ms.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.db import open_database  # noqa: E402
from core.refresh import refresh_derived  # noqa: E402

AS_OF = date(2026, 11, 1)
STATUSES = ["completed"] * 86 + ["paid"] * 3 + ["shipped"] * 3 + ["unpaid"] * 3 + ["closed"] * 3 + ["refunded"] * 2


def build_shop(path: Path, customers: int, orders: int) -> None:
    open_database(path).dispose()  # creates the schema
    rng = np.random.default_rng(8)
    start = datetime.combine(AS_OF - timedelta(days=1095), datetime.min.time())
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous=OFF")
    now = "2026-11-01 09:00:00.000000"
    connection.executemany(
        "INSERT INTO customers (id, platform, nickname, source, is_vip, do_not_contact, birth_is_leap_month,"
        " created_at, updated_at, order_count, paid_orders, total_spent, stage)"
        " VALUES (?, 'taobao_tmall', ?, 'import', 0, 0, 0, ?, ?, 0, 0, 0, 'prospect')",
        ((i, f"buyer{i}", now, now) for i in range(1, customers + 1)),
    )
    # 8% contacts who never ordered; the rest a geometric long tail (about a third order once), scaled so the
    # order count comes out exact.
    per_buyer = rng.geometric(0.3, customers) * (rng.random(customers) >= 0.08)
    owners = np.repeat(np.arange(1, customers + 1), per_buyer)
    owners = rng.permutation(np.resize(owners, orders))
    seconds = rng.integers(0, 1095 * 86400, orders)
    statuses = rng.choice(STATUSES, orders)
    cents = rng.integers(990, 59900, orders)
    connection.executemany(
        "INSERT INTO orders (id, platform, platform_order_id, customer_id, status, total_amount, paid_amount,"
        " created_at) VALUES (?, 'taobao_tmall', ?, ?, ?, ?, ?, ?)",
        (
            (i + 1, str(10**12 + i), int(owners[i]), str(statuses[i]), int(cents[i]), int(cents[i]),
             (start + timedelta(seconds=int(seconds[i]))).strftime("%Y-%m-%d %H:%M:%S.000000"))
            for i in range(orders)
        ),
    )
    connection.commit()
    connection.close()


def timed(function: Callable[[], object], repeat: int = 3) -> tuple[float, object]:
    durations, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        durations.append(time.perf_counter() - started)
    return statistics.median(durations), result


def report(label: str, seconds: float, goal: float | None = None) -> None:
    verdict = "" if goal is None else ("  ok" if seconds <= goal else f"  OVER the {goal:g} s goal")
    print(f"{label:<48} {seconds * 1000:9.0f} ms{verdict}")


def bench_recompute(path: Path) -> None:
    database = open_database(path)
    try:
        with database.engine.begin() as connection:
            connection.exec_driver_sql("UPDATE customers SET stage_since = NULL, r_score = NULL")
            connection.exec_driver_sql("DELETE FROM stage_changes")
        def full() -> None:
            with database.engine.begin() as connection:
                refresh_derived(connection, as_of=AS_OF)
        report("full recompute, first run (all rows written)", timed(full, repeat=1)[0], 3.0)
        report("full recompute, nothing changed", timed(full)[0], 3.0)

        def one() -> None:
            with database.engine.begin() as connection:
                refresh_derived(connection, [12345], as_of=AS_OF)
        report("one customer changed (+ shop-wide rescore)", timed(one)[0])
    finally:
        database.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=300_000)
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    path = args.db or Path(f"/tmp/laoke_insights_bench_{args.customers}_{args.orders}.db")
    if not path.exists():
        started = time.perf_counter()
        build_shop(path, args.customers, args.orders)
        print(f"built {path} in {time.perf_counter() - started:.0f} s")
    print(f"{args.customers:,} customers, {args.orders:,} orders, as of {AS_OF}")
    bench_recompute(path)


if __name__ == "__main__":
    main()
