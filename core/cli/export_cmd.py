"""`export customers [OUT.xlsx|OUT.csv]`: customers to a spreadsheet (owner only), in the shop's words.

Without OUT the file is named for the shop and the day (小满杂货铺-客户-2026-12-01.xlsx), in the current folder.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from core.cli.customers_cmd import add_filter_options, filter_from
from core.cli.output import counted, emit, open_for


def register(subcommands, common: argparse.ArgumentParser) -> None:  # type: ignore[no-untyped-def]
    parser = subcommands.add_parser("export", parents=[common], help="export customers to xlsx or csv")
    parser.add_argument("what", choices=["customers"], help="what to export")
    parser.add_argument("out", type=Path, nargs="?", metavar="OUT.xlsx|OUT.csv",
                        help="the file to write (default: <shop>-客户-<date>.xlsx here)")
    add_filter_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from core.care.rules import shop_name_of
    from core.customers.export import CustomerExportWords, export_customers, export_file_name

    database = open_for(args)
    try:
        with database.transaction() as session:
            out = args.out or Path(export_file_name(shop_name_of(session), CustomerExportWords(), date.today()))
            count = export_customers(session, out, customer_filter=filter_from(args))
    finally:
        database.dispose()
    emit(args, {"exported": count, "path": out}, [f"Exported {counted(count, 'customer')} to {out}"])
    return 0
