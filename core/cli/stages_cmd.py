"""`stages`: recompute every customer's stage, RFM and overdue, or rebuild the stage history from the orders."""

from __future__ import annotations

import argparse
from collections import Counter

from core.cli.output import emit, open_for
from core.cli.stats_cmd import parse_day


def register(subcommands, common: argparse.ArgumentParser) -> None:  # type: ignore[no-untyped-def]
    parser = subcommands.add_parser(
        "stages", parents=[common], help="recompute lifecycle stages, RFM and overdue for every customer"
    )
    parser.add_argument("--as-of", type=parse_day, metavar="YYYY-MM-DD", help="as of this day (default today)")
    parser.add_argument(
        "--rebuild-history", action="store_true",
        help="also rebuild the stage history from the orders, month by month",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from core.figures.customer_cache import refresh_customer_cache
    from core.figures.stage_history import rebuild_stage_history
    from core.store.models import Customer

    database = open_for(args)
    try:
        with database.transaction() as session:
            connection = session.connection()
            # Figures from the orders, then stages, RFM and overdue; search keys and care tasks do not
            # depend on the day and stay as the writers left them.
            refresh_customer_cache(connection, as_of=args.as_of)
            changes = rebuild_stage_history(connection, as_of=args.as_of) if args.rebuild_history else None
            stages = Counter(session.scalars(select(Customer.stage).where(Customer.merged_into_id.is_(None))))
    finally:
        database.dispose()
    result = {"stages": dict(sorted(stages.items())), "history_changes": changes}
    lines = ["Stages: " + ", ".join(f"{stage} {count}" for stage, count in sorted(stages.items()))]
    if changes is not None:
        lines.append(f"Stage history rebuilt: {changes} changes recorded.")
    emit(args, result, lines)
    return 0
