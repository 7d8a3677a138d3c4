"""`import FILE...`: read order sheets into the customer book, as one transaction."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.cli.output import emit, open_for
from core.errors import LaokeError
from core.importing import (
    PRESETS,
    commit_customer_sheets,
    commit_imports,
    prepare_customer_files,
    prepare_with_saved_mappings,
    undo_import,
)

BAD_ROWS_SHOWN = 20


def register(subcommands, common: argparse.ArgumentParser) -> None:  # type: ignore[no-untyped-def]
    parser = subcommands.add_parser(
        "import", parents=[common], help="import order sheets (xlsx, xls, csv)",
        description="Import order sheets. Rows that cannot be read are listed and left out; a file that is "
        "not an order sheet stops the whole import and nothing is written.",
    )
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE")
    parser.add_argument("--preset", choices=sorted(PRESETS), metavar="KEY",
                        help="the layout of the files, when detection guesses wrong: " + ", ".join(sorted(PRESETS)))
    parser.add_argument("--customers", action="store_true",
                        help="the files are your own customer lists (name, nickname, phone, WeChat, birthday, tags, notes)")
    parser.add_argument("--strict", action="store_true", help="import nothing when any row cannot be read")
    parser.add_argument("--undo", type=int, metavar="BATCH", help="undo the import batch with this number")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.undo is None and not args.files:
        raise LaokeError("name at least one FILE to import (or --undo BATCH)")
    database = open_for(args)
    try:
        if args.undo is not None:
            undone = undo_import(database, args.undo)
            emit(args, undone.__dict__, [
                f"Undid import #{undone.batch_id}: {undone.orders_removed} orders removed, "
                f"{undone.orders_reverted} restored, {undone.customers_removed} customers removed"])
            return 0
        if args.customers:
            prepared = prepare_customer_files(database, args.files)
        else:
            prepared = [prepare_with_saved_mappings(database, path, args.preset) for path in args.files]
        bad_rows = [bad for item in prepared for bad in item.bad_rows]
        for bad in bad_rows[:BAD_ROWS_SHOWN]:
            print(f"laoke: {bad.file} row {bad.row}, column {bad.column}: {bad.reason}", file=sys.stderr)
        if len(bad_rows) > BAD_ROWS_SHOWN:
            print(f"laoke: … and {len(bad_rows) - BAD_ROWS_SHOWN} more rows that cannot be read", file=sys.stderr)
        if bad_rows and args.strict:
            raise LaokeError(f"{len(bad_rows)} rows cannot be read; nothing was imported (--strict)")
        if args.customers:
            sheets = commit_customer_sheets(database, prepared)
            emit(args, {"batches": [_plain(summary) for summary in sheets], "bad_rows": [bad.__dict__ for bad in bad_rows]}, [
                f"{s.file_name}, import #{s.batch_id}: {s.rows_read} rows read, {s.rows_rejected} rejected; "
                f"customers {s.customers_new} new, {s.customers_matched} matched"
                for s in sheets
            ])
            return 0
        summaries = commit_imports(database, prepared)
    finally:
        database.dispose()
    data = {"batches": [summary.as_dict() for summary in summaries],
            "bad_rows": [bad.__dict__ for bad in bad_rows]}
    emit(args, data, [
        f"{s.file_name} ({s.preset}), import #{s.batch_id}: {s.rows_read} rows read, {s.rows_rejected} rejected; "
        f"orders {s.orders_new} new, {s.orders_updated} updated, {s.orders_unchanged} unchanged; "
        f"customers {s.customers_new} new, {s.customers_matched} matched"
        for s in summaries
    ])
    return 0


def _plain(summary) -> dict:  # type: ignore[no-untyped-def]
    data = dict(summary.__dict__)
    data.pop("new_customer_ids", None)
    return data
