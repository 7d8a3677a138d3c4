"""`stats`: the shop's headline figures."""

from __future__ import annotations

import argparse
from datetime import date

from core.cli.output import counted, emit, open_for


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-05-01") from None


def register(subcommands, common: argparse.ArgumentParser) -> None:  # type: ignore[no-untyped-def]
    parser = subcommands.add_parser("stats", parents=[common], help="customers, orders, revenue, stages and repeat-customer health")
    parser.add_argument("--as-of", type=parse_day, metavar="YYYY-MM-DD", help="count up to this day (default today)")
    parser.add_argument("--shop", metavar="NAME", help="one of your shops only: its orders and their buyers")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from core.figures.stats import shop_stats

    database = open_for(args)
    try:
        with database.session() as session:
            stats = shop_stats(session, as_of=args.as_of, shop=args.shop)
    finally:
        database.dispose()
    emit(
        args,
        stats,
        [
            f"As of {stats['as_of']}: {counted(stats['customers'], 'customer')}, {counted(stats['orders'], 'order')} "
            f"({stats['paid_orders']} paid), revenue ¥{stats['revenue']}",
            "Stages: " + ", ".join(f"{stage} {count}" for stage, count in stats["stages"].items()),
            f"Repeat rate {_percent(stats['repeat_rate'])}, average order value ¥{stats['aov'] or '–'}, "
            f"repurchase cycle {_days(stats['repurchase_cycle_days'])}",
        ],
    )
    return 0


def _percent(rate: float | None) -> str:
    return "–" if rate is None else f"{rate:.1%}"


def _days(days: float | None) -> str:
    return "–" if days is None else f"{days:g} day" if days == 1 else f"{days:g} days"
