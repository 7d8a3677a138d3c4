"""The forecast's holdout check on a shop's own orders, as the app runs it (`core.loyalty.holdout`).

    python bench/holdout_check.py [--db PATH] [--as-of 2026-11-01]
    python bench/holdout_check.py --demo [--customers 2000]

Fits BG/NBD on the orders up to the cut-off (half the shop's history, at most a year before `--as-of`) and
prints, per group of buyers by repeat purchase days before it, the mean repeat purchase days they made
after it against the model's expectation. `--demo` builds the demo shop in a temporary folder first.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.cli.members_cmd import check_lines  # noqa: E402
from core.loyalty.holdout import holdout_check  # noqa: E402
from core.store.opening import open_database  # noqa: E402


def check(path: Path, as_of: date) -> None:
    database = open_database(path)
    try:
        started, cpu = time.perf_counter(), time.process_time()
        with database.engine.connect() as connection:
            result = holdout_check(connection, as_of)
        print("\n".join(check_lines(result)))
        print(f"({time.perf_counter() - started:.1f} s, cpu {time.process_time() - cpu:.1f} s)")
    finally:
        database.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/laoke_loyalty_bench_300000_1000000.db"))
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 11, 1))
    parser.add_argument("--demo", action="store_true", help="check the demo shop instead")
    parser.add_argument("--customers", type=int, default=2000)
    args = parser.parse_args()
    if not args.demo:
        check(args.db, args.as_of)
        return
    from core.demo import create_demo_shop

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.db"
        database = open_database(path)
        with database.transaction() as session:
            create_demo_shop(session, customers=args.customers, today=args.as_of)
        database.dispose()
        print(f"demo shop, {args.customers:,} customers, as of {args.as_of}")
        check(path, args.as_of)


if __name__ == "__main__":
    main()
