"""`export customers OUT.xlsx`: customers to a spreadsheet (owner only)."""

from __future__ import annotations

import argparse
from pathlib import Path

from core.cli.customers_cmd import add_filter_options, filter_from
from core.cli.output import counted, emit, open_for


def register(subcommands, common: argparse.ArgumentParser) -> None:  # type: ignore[no-untyped-def]
    parser = subcommands.add_parser("export", parents=[common], help="export customers to xlsx")
    parser.add_argument("what", choices=["customers"], help="what to export")
    parser.add_argument("out", type=Path, metavar="OUT.xlsx", help="the file to write")
    add_filter_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from core.customers.export import export_customers

    database = open_for(args)
    try:
        with database.transaction() as session:
            count = export_customers(session, args.out, customer_filter=filter_from(args))
    finally:
        database.dispose()
    emit(args, {"exported": count, "path": args.out}, [f"Exported {counted(count, 'customer')} to {args.out}"])
    return 0
