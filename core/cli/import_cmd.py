"""`import FILE...`: read order sheets into the customer book, as one transaction."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.cli.output import counted, emit, open_for, say_on_stderr, terminal_progress
from core.errors import LaokeError
from core.messages import Message

BAD_ROWS_SHOWN = 20


class PresetKeys:
    """The presets' keys as argparse's choices, read only when a --preset is checked or the help printed: the
    importer (pypinyin, openpyxl, …) loads when the command runs, not for every `laoke` command line."""

    def __contains__(self, key: object) -> bool:
        return key in self.keys()

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.keys())

    @staticmethod
    def keys() -> list[str]:
        from core.importing import PRESETS

        return sorted(PRESETS)


def register(subcommands, common: argparse.ArgumentParser) -> None:  # type: ignore[no-untyped-def]
    parser = subcommands.add_parser(
        "import", parents=[common], help="import order sheets (xlsx, xls, csv)",
        description="Import order sheets. Rows that cannot be read are listed and left out; a file that is "
        "not an order sheet stops the whole import and nothing is written.",
    )
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE")
    parser.add_argument("--preset", choices=PresetKeys(), metavar="KEY",
                        help="the layout of the files, when detection guesses wrong: %(choices)s")
    parser.add_argument("--customers", action="store_true",
                        help="the files are your own customer lists (name, nickname, phone, WeChat, birthday, tags, notes)")
    parser.add_argument("--shop", metavar="NAME",
                        help="the shop the files' orders come from, for exports that do not say (JD, Pinduoduo, Shopify, …); else the last one named")
    parser.add_argument("--strict", action="store_true", help="import nothing when any row cannot be read")
    parser.add_argument("--undo", type=int, metavar="BATCH", help="undo the import batch with this number")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from core.importing import (
        commit_customer_sheets,
        commit_imports,
        import_notices,
        name_the_shop,
        names_no_shop,
        needs_shop_name,
        prepare_customer_files,
        prepare_files,
        undo_import,
    )
    from core.refresh import refit_forecast_after_import

    if args.undo is None and not args.files:
        raise LaokeError(Message("name at least one FILE to import (or --undo BATCH)"))
    database = open_for(args)
    try:
        if args.undo is not None:
            undone = undo_import(database, args.undo)
            emit(args, undone.__dict__, [
                f"Undid import #{undone.batch_id}: {counted(undone.orders_removed, 'order')} removed, "
                f"{undone.orders_reverted:,} restored, {counted(undone.customers_removed, 'customer')} removed"])
            refit_forecast_after_import(database)
            return 0
        if args.customers:
            prepared: list = prepare_customer_files(database, args.files)
        else:
            prepared = prepare_files(database, args.files, args.preset, progress=terminal_progress("Reading"))
        bad_rows = [bad for item in prepared for bad in item.bad_rows]
        report_bad_rows(bad_rows, strict=args.strict)
        notices = [] if args.customers else [notice for item in prepared for notice in import_notices(item)]
        for item in prepared if not args.customers else []:
            if names_no_shop(item) and args.shop:
                name_the_shop(item, args.shop)
            elif needs_shop_name(item) and item.shop_suggested:
                name_the_shop(item, item.shop_suggested)
                notices.append(Message("{file} does not say which shop it comes from: its orders are {shop}'s, as "
                                       "the last file like it said; say --shop NAME for another shop.",
                                       file=item.path.name, shop=item.shop_suggested))
            elif needs_shop_name(item):
                notices.append(Message("{file} does not say which shop it comes from: say --shop NAME to keep "
                                       "its orders apart from another shop's.", file=item.path.name))
        for notice in notices:
            print(f"laoke: {notice}", file=sys.stderr)
        for item in prepared if not args.customers else []:  # a customer sheet is written from its rows
            item.release_rows()
        commit = commit_customer_sheets if args.customers else commit_imports
        summaries = commit(database, prepared, progress=terminal_progress("Importing"), notice=say_on_stderr)
        data = {"batches": [plain(summary) for summary in summaries],
                "bad_rows": [bad.__dict__ for bad in bad_rows], "notices": notices}
        emit(args, data, [summary_line(summary) for summary in summaries])
        # Committed and reported; the command still leaves every buyer's forecast true before it ends.
        refit_forecast_after_import(database)
    finally:
        database.dispose()
    return 0


def report_bad_rows(bad_rows: list, *, strict: bool) -> None:
    """List the rows left out on stderr; with --strict, any of them stops the import."""
    for bad in bad_rows[:BAD_ROWS_SHOWN]:
        print(f"laoke: {bad.file} row {bad.row}, column {bad.column}: {bad.reason}", file=sys.stderr)
    if len(bad_rows) > BAD_ROWS_SHOWN:
        print(f"laoke: … and {counted(len(bad_rows) - BAD_ROWS_SHOWN, 'more row')} that cannot be read", file=sys.stderr)
    if bad_rows and strict:
        raise LaokeError(Message(
            "nothing was imported (--strict): {count} of the rows cannot be read",
            count=len(bad_rows),
        ))


def summary_line(summary) -> str:  # type: ignore[no-untyped-def]
    counts = f"{counted(summary.rows_read, 'row')} read, {summary.rows_rejected:,} rejected; "
    if hasattr(summary, "orders_new"):
        counts += (f"orders {summary.orders_new} new, {summary.orders_updated} updated, "
                   f"{summary.orders_unchanged} unchanged; ")
    return (f"{summary.file_name}, import #{summary.batch_id}: {counts}"
            f"customers {summary.customers_new} new, {summary.customers_matched} matched")


def plain(summary) -> dict:  # type: ignore[no-untyped-def]
    """A batch summary's counts for JSON (the new customers' ids stay in the database's batch report)."""
    return {key: value for key, value in summary.__dict__.items() if key != "new_customer_ids"}
