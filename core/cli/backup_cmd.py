"""`backup OUT`, `restore IN` and `backups`: copies of the shop's database, and putting one back."""

from __future__ import annotations

import argparse

from core.cli.output import emit, open_for
from core.messages import Message
from core.paths import default_db_path


def register(subcommands, common: argparse.ArgumentParser) -> None:  # type: ignore[no-untyped-def]
    backup = subcommands.add_parser("backup", parents=[common], help="copy the database to a file, safely while in use")
    backup.add_argument("output", metavar="OUT", help="the backup file to write")
    backup.set_defaults(handler=run_backup)

    restore = subcommands.add_parser(
        "restore", parents=[common], help="check a backup, then put it in place of the database (which is kept)"
    )
    restore.add_argument("input", metavar="IN", help="the backup file to restore")
    restore.set_defaults(handler=run_restore)

    listing = subcommands.add_parser("backups", parents=[common], help="list the automatic backups, newest first")
    listing.set_defaults(handler=run_list)


def _database_file(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from core.store.backup import sqlite_file

    return sqlite_file(args.db or default_db_path())


def _ensure_owner(args: argparse.Namespace, action: str) -> None:
    """A rep may not copy the whole book out, nor put another in its place."""
    if _database_file(args).is_file():
        open_for(args, owner_only=action).dispose()


def run_backup(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    from core.store.backup import backup_database
    from core.store.server_dump import dump_server, is_server_url

    if is_server_url(args.db):
        target = dump_server(args.db, args.output)
        emit(args, {"database": make_url(args.db).render_as_string(hide_password=True), "backup": target},
             [f"Backed up the server's book to {target} (pg_dump, custom format)."])
        return 0
    source = _database_file(args)
    _ensure_owner(args, Message("Backing up the customer book"))
    target = backup_database(source, args.output)
    emit(args, {"database": source, "backup": target}, [f"Backed up {source} to {target}."])
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from core.store.restore import restore_database
    from core.store.server_dump import is_server_url, restore_server

    if is_server_url(args.db):
        restore_server(args.db, args.input)
        emit(args, {"restored_from": args.input}, [f"Restored {args.input} into the server's new database."])
        return 0
    _ensure_owner(args, Message("Restoring a backup"))
    result = restore_database(args.input, _database_file(args))
    lines = [f"Restored {result.database} from {args.input}."]
    if result.upgraded_from:
        lines.append(f"The backup was from an older Laoke (schema {result.upgraded_from}) and has been upgraded.")
    if result.replaced_backup:
        lines.append(f"The database as it was before is kept in {result.replaced_backup}.")
    emit(
        args,
        {"database": result.database, "restored_from": args.input, "replaced_backup": result.replaced_backup,
         "upgraded_from": result.upgraded_from},
        lines,
    )
    return 0


def run_list(args: argparse.Namespace) -> int:
    from core.store.backup import list_backups

    entries = list_backups(_database_file(args))
    emit(
        args,
        [{"path": entry.path, "created": entry.created, "reason": entry.reason, "size": entry.size}
         for entry in entries],
        [f"{entry.created:%Y-%m-%d %H:%M:%S}  {entry.reason:<15} {entry.size:>12,} B  {entry.path}"
         for entry in entries] or ["No automatic backups yet."],
    )
    return 0
