"""Team mode's cost: the same work on a throw-away PostgreSQL server and on an SQLite file, same machine.

    python bench/server_bench.py [--rows 200000] [--searches 200]

Generates import_bench's Taobao order list (GB18030 CSV, ~0.4 buyers per order), then on each backend
measures: the first import into an empty book, a full stage recompute (refresh_derived for everyone), and
search latency (p50/p95 over name, phone-tail and order-number queries drawn from the book). The server
runs on a unix socket with fsync off (tests/postgres.py), so its figures are the protocol's and the
planner's cost, not the disk's.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.import_bench import generate_rows  # noqa: E402


def measure(label: str, target: str, sheet: Path, searches: int) -> dict[str, float]:
    from sqlalchemy import select

    from core.importing import commit_imports, prepare_import
    from core.refresh import refresh_derived
    from core.search.query import search_customer_ids
    from core.store.models import Customer, Order
    from core.store.opening import open_database

    database = open_database(target)
    try:
        prepared = prepare_import(sheet)
        started = time.perf_counter()
        commit_imports(database, [prepared])
        figures = {"import": time.perf_counter() - started}
        started = time.perf_counter()
        with database.writing() as connection:
            refresh_derived(connection)
        figures["stages"] = time.perf_counter() - started
        with database.session() as session:
            names = session.scalars(select(Customer.name).limit(5000)).all()
            phones = session.scalars(select(Customer.phone_last4).where(Customer.phone_last4.isnot(None)).limit(5000)).all()
            numbers = session.scalars(select(Order.platform_order_id).limit(5000)).all()
            rng = random.Random(3)
            # A name's first two characters, a phone's last four, a whole order number: what reps type.
            pools = [[name[:2] for name in names if name], phones, numbers]
            queries = [rng.choice(pool) for pool in (pools[number % 3] for number in range(searches)) if pool]
            latencies = []
            for query in queries:
                started = time.perf_counter()
                search_customer_ids(session, query)
                latencies.append((time.perf_counter() - started) * 1000)
        latencies.sort()
        figures["search_p50_ms"] = statistics.median(latencies)
        figures["search_p95_ms"] = latencies[int(len(latencies) * 0.95) - 1]
    finally:
        database.dispose()
    print(f"{label:<10} import {figures['import']:6.1f} s   stage recompute {figures['stages']:6.1f} s   "
          f"search p50 {figures['search_p50_ms']:6.1f} ms  p95 {figures['search_p95_ms']:6.1f} ms", flush=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--searches", type=int, default=200)
    args = parser.parse_args()

    from tests.backends import admin_sql
    from tests.postgres import server_binaries, start_cluster

    binaries = server_binaries()
    if binaries is None:
        sys.exit("No PostgreSQL server here: scripts/install.sh --server")
    with tempfile.TemporaryDirectory() as folder:
        sheet = Path(folder) / f"orders_{args.rows}.csv"
        with sheet.open("w", encoding="gb18030", newline="") as handle:
            csv.writer(handle).writerows(generate_rows(args.rows))
        print(f"{args.rows:,} orders, {args.searches} searches", flush=True)
        measure("SQLite", str(Path(folder) / "book.db"), sheet, args.searches)
        cluster = start_cluster(binaries)
        try:
            admin_sql(cluster, "CREATE DATABASE bench")
            measure("PostgreSQL", cluster.url("bench"), sheet, args.searches)
        finally:
            cluster.stop()


if __name__ == "__main__":
    main()
