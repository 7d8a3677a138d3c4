"""`demo`: create the demo shop in a database."""

from __future__ import annotations

import argparse

from core.cli.output import counted, emit, open_for
from core.errors import LaokeError
from core.messages import Message


def register(subcommands, common: argparse.ArgumentParser) -> None:  # type: ignore[no-untyped-def]
    parser = subcommands.add_parser("demo", parents=[common], help="create a demo shop to try Laoke on")
    parser.add_argument("--customers", type=int, default=2000, metavar="N", help="how many buyers (default 2000)")
    parser.add_argument("--seed", type=int, default=8, help=argparse.SUPPRESS)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from core.demo import create_demo_shop
    from core.store.models import Customer, Order

    if args.customers < 1:
        raise LaokeError(Message("--customers must be at least 1."))
    database = open_for(args)
    try:
        with database.transaction() as session:
            existing = session.scalar(select(func.count()).select_from(Customer)) or session.scalar(
                select(func.count()).select_from(Order)
            )
            if existing:
                raise LaokeError(Message(
                    "{database} already holds a shop; the demo goes into an empty database.",
                    database=database.label,
                ))
            summary = create_demo_shop(session, customers=args.customers, seed=args.seed)
    finally:
        database.dispose()
    emit(
        args,
        {"database": database.label, "customers": summary.customers, "orders": summary.orders, "tags": summary.tags},
        [f"Demo shop created in {database.label}: {counted(summary.customers, 'customer')}, "
         f"{counted(summary.orders, 'order')}."],
    )
    return 0
