"""How long do tiers, points, rule tags and the forecast take for a big shop, against its stage recompute?

    python bench/loyalty_bench.py [--customers 300000] [--orders 1000000] [--db PATH]

Builds (once, then reuses) the synthetic shop of insights_bench.py, scores its stages, then prints medians
of: the stage recompute from the orders with nothing changed (the yardstick), the first fill (one ledger
entry per paid order, every tier, the forecast model fitted and applied), the loyalty recompute with
nothing changed (the same day: the model is kept), and the same with tiers over a 365-day window, points
expiring and a tag rule, and a day later, when the model is refitted and every forecast moves. Goal: loyalty recompute <= 2x the stage recompute.

The loyalty steps are given the orders as the stage step read them (`refresh_derived` reads them once and
passes them to both); the last line times the two together, one read of the orders between them.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from insights_bench import AS_OF, build_shop, report, timed  # noqa: E402

from core.figures.customer_cache import refresh_customer_cache  # noqa: E402
from core.figures.order_facts import load_order_facts  # noqa: E402
from core.loyalty.points import POINTS_KEY, PointsPolicy  # noqa: E402
from core.loyalty.recompute import refresh_loyalty  # noqa: E402
from core.loyalty.tag_rules import Condition, RuleSpec, save_tag_rule  # noqa: E402
from core.loyalty.tiers import DEFAULT_PLAN, TIERS_KEY, TierPlan  # noqa: E402
from core.store.opening import open_database  # noqa: E402
from core.store.settings import set_setting  # noqa: E402


def bench(path: Path) -> None:
    database = open_database(path)
    try:
        with database.engine.begin() as connection:
            refresh_customer_cache(connection, as_of=AS_OF)  # first scoring, not timed
            # A book without tiers or points yet, with the default plan: each run starts the same.
            for statement in ("DELETE FROM point_entries", "DELETE FROM tier_changes",
                              "UPDATE customers SET points = 0, member_tier = NULL, tier_since = NULL",
                              "DELETE FROM tag_rules",
                              f"DELETE FROM settings WHERE key IN ('{TIERS_KEY}', '{POINTS_KEY}', 'forecast.model')"):
                connection.exec_driver_sql(statement)

        def stages() -> None:
            with database.engine.begin() as connection:
                refresh_customer_cache(connection, as_of=AS_OF)

        with database.engine.connect() as connection:
            facts = load_order_facts(connection, AS_OF)  # what the stage step read

        def loyalty() -> None:
            with database.engine.begin() as connection:
                refresh_loyalty(connection, as_of=AS_OF, orders=facts)

        yardstick = timed(stages)[0]
        report("stage recompute from the orders, nothing changed", yardstick)
        report("loyalty first fill (ledger + tiers)", timed(loyalty, repeat=1)[0])
        plain = timed(loyalty)[0]
        report("loyalty recompute, nothing changed", plain, 2 * yardstick)
        with database.transaction() as session:
            set_setting(session, TIERS_KEY, TierPlan(DEFAULT_PLAN.tiers, window_days=365).to_dict())
            set_setting(session, POINTS_KEY, PointsPolicy(expiry="end_of_next_year").to_dict())
            save_tag_rule(session, RuleSpec("常客", (Condition("orders_at_least", 4),)), today=AS_OF)
        with database.engine.begin() as connection:  # the tier moves and expiries are booked once
            refresh_loyalty(connection, as_of=AS_OF)
        report("loyalty recompute, window + expiry + a tag rule", timed(loyalty)[0], 2 * yardstick)

        def next_day() -> None:
            with database.engine.connect() as connection:
                transaction = connection.begin()
                refresh_loyalty(connection, as_of=AS_OF + timedelta(days=1), orders=facts)
                transaction.rollback()
        report("the same a day later (model refitted)", timed(next_day)[0], 2 * yardstick)

        def together() -> None:
            with database.engine.begin() as connection:
                orders = load_order_facts(connection, AS_OF)
                refresh_customer_cache(connection, as_of=AS_OF, facts=orders)
                refresh_loyalty(connection, as_of=AS_OF, orders=orders)
        report("stages and loyalty sharing one read of the orders", timed(together)[0], 3 * yardstick)
    finally:
        database.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=300_000)
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    path = args.db or Path(f"/tmp/laoke_loyalty_bench_{args.customers}_{args.orders}.db")
    if not path.exists():
        started = time.perf_counter()
        build_shop(path, args.customers, args.orders)
        print(f"built {path} in {time.perf_counter() - started:.0f} s")
    print(f"{args.customers:,} customers, {args.orders:,} orders, as of {AS_OF}")
    bench(path)


if __name__ == "__main__":
    main()
