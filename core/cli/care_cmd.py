"""`care`: generate the care tasks (idempotently) and list them, or export them to .ics / xlsx."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

from core.cli.output import emit, open_for
from core.cli.stats_cmd import parse_day
from core.errors import LaokeError
from core.messages import Message

DEFAULT_DAYS = 30


def register(subcommands, common: argparse.ArgumentParser) -> None:  # type: ignore[no-untyped-def]
    parser = subcommands.add_parser("care", parents=[common], help="generate and list care tasks")
    parser.add_argument("--from", dest="start", type=parse_day, metavar="YYYY-MM-DD", help="first day (default today)")
    parser.add_argument("--to", dest="end", type=parse_day, metavar="YYYY-MM-DD",
                        help=f"last day (default {DEFAULT_DAYS} days after the first)")
    parser.add_argument("--ics", type=Path, metavar="OUT.ics", help="also write the calendar to an .ics file")
    parser.add_argument("--xlsx", type=Path, metavar="OUT.xlsx", help="also write the task list to an xlsx file")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from core.care.export import RULE_NAMES, export_calendar_ics, export_tasks_xlsx
    from core.care.generate import generate_tasks
    from core.care.tasks import list_tasks

    start = args.start or date.today()
    end = args.end or start + timedelta(days=DEFAULT_DAYS)
    if end < start:
        raise LaokeError(Message("--to {end} is before --from {start}", end=end, start=start))
    database = open_for(args)
    try:
        report = database.write(lambda session: generate_tasks(session, start, end))
        with database.session() as session:
            tasks = list_tasks(session, start, end)
            written = {}
            if args.ics:
                written["ics"] = {"path": args.ics, "events": export_calendar_ics(session, args.ics, start, end)}
            if args.xlsx:
                written["xlsx"] = {"path": args.xlsx, "rows": export_tasks_xlsx(session, args.xlsx, start, end)}
    finally:
        database.dispose()
    data = {
        "from": start, "to": end, "generation": report.as_dict(), "exports": written,
        "tasks": [{"date": task.day, "customer_id": task.customer_id, "name": task.customer_name,
                   "rule": task.rule_key, "channel": task.channel, "message": task.message} for task in tasks],
    }
    lines = [f"{task.day}  #{task.customer_id} {task.customer_name}  [{RULE_NAMES.get(task.rule_key, task.rule_key)}]"
             f"  {task.message}" for task in tasks]
    lines.append(f"{len(tasks)} open tasks from {start} to {end} (new {report.created}, "
                 f"withdrawn {report.withdrawn}, reopened {report.reopened})")
    lines += [f"Wrote {item['path']}" for item in written.values()]
    emit(args, data, lines)
    return 0
