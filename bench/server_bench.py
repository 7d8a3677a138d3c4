"""Team mode's cost: the same work on a throw-away PostgreSQL server and on an SQLite file, same machine.

    python bench/server_bench.py [--rows 200000] [--searches 200]
    python bench/server_bench.py --book m1.db   # search at a built book's size (search_bench.py --db), both

Generates import_bench's Taobao order list (GB18030 CSV, ~0.4 buyers per order), then on each backend
measures: the first import into an empty book, a full stage recompute (refresh_derived for everyone, then
again as of a year later, when most buyers' stages and scores move and their rows are rewritten), and
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
from datetime import date, timedelta
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
        # A year on every buyer's recency, stage and scores move: the recompute rewrites most rows.
        started = time.perf_counter()
        with database.writing() as connection:
            refresh_derived(connection, as_of=date.today() + timedelta(days=365))
        figures["year_on"] = time.perf_counter() - started
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
    print(f"{label:<10} import {figures['import']:6.1f} s   stage recompute {figures['stages']:6.1f} s"
          f" (a year on: {figures['year_on']:6.1f} s)   "
          f"search p50 {figures['search_p50_ms']:6.1f} ms  p95 {figures['search_p95_ms']:6.1f} ms", flush=True)
    return figures


BOOK_TABLES = ("customers", "orders", "customer_aliases", "customer_search_keys", "customer_search_digests")


def copy_book_by_copy(book: Path, url: str) -> None:
    """The book's buyers, orders, aliases and search keys into a new server database at the current schema,
    by COPY (a million buyers' 29 million keys in minutes; `server init --from` goes row by row)."""
    import sqlite3

    import psycopg
    from sqlalchemy.engine import make_url

    from core.store.opening import open_database

    open_database(url).dispose()  # the schema, by the migrations
    parts = make_url(url)
    source = sqlite3.connect(f"file:{book}?mode=ro", uri=True)
    with psycopg.connect(host=parts.query["host"], port=int(parts.query["port"]), user=parts.username,
                         dbname=parts.database) as target:
        target.execute("SET session_replication_role = replica")  # no triggers, no foreign-key checks
        for table in BOOK_TABLES:
            wanted = {row[0] for row in target.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = %s", [table])}
            columns = [row[1] for row in source.execute(f"PRAGMA table_info({table})") if row[1] in wanted]
            names = ", ".join(columns)
            started = time.perf_counter()
            with target.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in source.execute(f"SELECT {names} FROM {table}"):
                    copy.write_row(row)
            print(f"  {table}: copied in {time.perf_counter() - started:.0f} s", flush=True)
        target.execute("SELECT setval(pg_get_serial_sequence('customers', 'id'), (SELECT max(id) FROM customers))")
        target.commit()
        target.execute("ANALYZE")
    source.close()


def measure_search(label: str, target: str, queries: dict[str, list[str]]) -> None:
    """p50 / p95 of the chat lookup (20 best) and the list's first screen, per kind of query and overall."""
    from core.customers.listing import CustomerFilter, customer_ids
    from core.search.query import search_customer_ids
    from core.store.opening import open_database

    database = open_database(target)
    overall: list[float] = []
    try:
        with database.session() as session:
            search_customer_ids(session, "warm-up")
            for kind, texts in queries.items():
                timings = []
                for text in texts:
                    started = time.perf_counter()
                    search_customer_ids(session, text, limit=20)
                    customer_ids(session, CustomerFilter(search=text), limit=100)
                    timings.append((time.perf_counter() - started) * 1000)
                overall += timings
                timings.sort()
                print(f"{label:<11}{kind:<20} p50 {statistics.median(timings):7.1f} ms  "
                      f"p95 {timings[int(len(timings) * 0.95) - 1]:7.1f} ms", flush=True)
    finally:
        database.dispose()
    overall.sort()
    print(f"{label:<11}{'all queries':<20} p50 {statistics.median(overall):7.1f} ms  "
          f"p95 {overall[int(len(overall) * 0.95) - 1]:7.1f} ms", flush=True)


def book_search(book: Path, searches: int) -> None:
    """Search the built book on SQLite, then the same rows copied onto a throw-away server."""
    from bench.search_bench import sample_queries
    from tests.backends import admin_sql
    from tests.postgres import server_binaries, start_cluster

    binaries = server_binaries()
    if binaries is None:
        sys.exit("No PostgreSQL server here: scripts/install.sh --server")
    queries = sample_queries(book, count=searches)
    print(f"{book.name}: {sum(map(len, queries.values()))} searches (lookup of 20 + the list's first 100)")
    measure_search("SQLite", str(book), queries)
    cluster = start_cluster(binaries)
    try:
        admin_sql(cluster, "CREATE DATABASE bench")
        started = time.perf_counter()
        copy_book_by_copy(book, cluster.url("bench"))
        print(f"  on the server in {time.perf_counter() - started:.0f} s", flush=True)
        measure_search("PostgreSQL", cluster.url("bench"), queries)
    finally:
        cluster.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument("--book", type=Path, help="an SQLite book at the current schema (bench/search_bench.py --db)")
    args = parser.parse_args()
    if args.book:
        book_search(args.book, args.searches)
        return

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
