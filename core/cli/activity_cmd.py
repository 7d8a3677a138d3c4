"""`activity`: who did what, newest first — the audit log with imports, merges, notes and worked care tasks."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from core.cli.output import emit, open_for


def register(subcommands, common: argparse.ArgumentParser) -> None:  # type: ignore[no-untyped-def]
    parser = subcommands.add_parser("activity", parents=[common],
                                    help="who did what, newest first (the audit log; owner only)")
    parser.add_argument("--limit", type=int, default=50, metavar="N", help="how many entries (default 50)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from core.safety.activity import ACTION_WORDS, recent_activity

    database = open_for(args, read_only=True)
    try:
        with database.session() as session:
            entries = recent_activity(session, max(1, args.limit))
    finally:
        database.dispose()
    lines = [" ".join(filter(None, (
        f"{entry.at:%Y-%m-%d %H:%M}", entry.who or "(this computer)", ACTION_WORDS.get(entry.action, entry.action),
        entry.customer_name and f"· {entry.customer_name}", entry.detail and f"· {entry.detail}",
    ))) for entry in entries] or ["Nothing recorded yet."]
    emit(args, [asdict(entry) for entry in entries], lines)
    return 0
