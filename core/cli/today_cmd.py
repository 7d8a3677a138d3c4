"""`today`: the Today desk's lines — care due, 催付, birthdays, overdue regulars, the last import."""

from __future__ import annotations

import argparse

from core.cli.output import counted, emit, open_for
from core.cli.stats_cmd import parse_day


def register(subcommands, common: argparse.ArgumentParser) -> None:  # type: ignore[no-untyped-def]
    parser = subcommands.add_parser("today", parents=[common], help="what today holds, as the Today page shows it")
    parser.add_argument("--as-of", type=parse_day, metavar="YYYY-MM-DD", help="the day to read (default today)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from core.today import read_desk

    database = open_for(args, read_only=True)
    try:
        with database.session() as session:
            desk = read_desk(session, args.as_of)
    finally:
        database.dispose()
    last = desk.last_import
    data = {
        "date": desk.today, "care_due": desk.care_by_kind,
        "unpaid": {"days": desk.unpaid_days, "orders": desk.unpaid_orders, "customer_ids": desk.unpaid.ids},
        "birthdays_this_week": desk.birthdays.ids, "overdue_regulars": desk.overdue_regulars.ids,
        "last_import": None if last is None else {"file": last.file_name, "finished_at": last.finished_at,
                                                  "orders_new": last.orders_new},
        "newest_order_at": desk.newest_order_at,
    }
    lines = [
        f"{desk.today}: {counted(desk.care_total, 'care task')} due",
        f"催付: {counted(desk.unpaid_orders, 'unpaid order')} of the last {counted(desk.unpaid_days, 'day')}, "
        f"{counted(desk.unpaid.count, 'buyer')}",
        f"Birthdays this week: {desk.birthdays.count:,}; VIPs and loyal buyers overdue: {desk.overdue_regulars.count:,}",
        f"Last import: {last.file_name} ({last.finished_at:%Y-%m-%d %H:%M})" if last and last.finished_at
        else "Last import: none",
    ]
    emit(args, data, lines)
    return 0
