"""How long care generation takes on a demo shop: the first run (creates every task) and a second run (finds
them all again), for the span the calendar generates when it opens (today − 14 days to today + 31 days).

    python bench/care_generate.py [--customers 20000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.care.generate import generate_tasks  # noqa: E402
from core.care.tasks import agenda_for, day_counts  # noqa: E402
from core.demo import create_demo_shop  # noqa: E402
from core.store.opening import open_database


def timed(label: str, work) -> object:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = work()
    print(f"{label}: {time.perf_counter() - started:.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=20000)
    args = parser.parse_args()
    today = date.today()
    span = (today - timedelta(days=14), today + timedelta(days=31))
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "bench.db")
        with database.transaction() as session:
            timed(f"demo shop of {args.customers} customers", lambda: create_demo_shop(session, args.customers))
        for run in ("first", "second"):
            with database.transaction() as session:
                report = timed(f"{run} generation", lambda session=session: generate_tasks(session, *span, create_from=today))
                print(f"  {report.as_dict()}")
        with database.session() as session:
            timed("month counts", lambda: day_counts(session, today.replace(day=1), today + timedelta(days=31)))
            agenda = timed("today's agenda", lambda: agenda_for(session, today, today))
            print(f"  {len(agenda)} tasks today")
        database.dispose()


if __name__ == "__main__":
    main()
