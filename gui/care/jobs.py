"""The care page's work off the GUI thread: each function opens its own session on the shop database and calls
core; the worker passes `progress` and `cancel`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from core.care.cards import CustomerCard, load_cards, sample_customers
from core.care.export import ExportWords, export_calendar_ics, export_tasks_xlsx
from core.care.generate import plan_tasks, span_around, write_plan
from core.care.rules import (
    CareSettings,
    Rule,
    load_care_settings,
    load_rules,
    save_care_settings,
    save_rule,
)
from core.care.shown import cards_as_shown, tasks_as_shown
from core.care.tasks import TaskRow, agenda_for, day_counts, mark_done, skip, snooze
from core.loyalty.tiers import load_tier_plan
from core.progress import CancelToken, ProgressCallback
from core.safety.privacy import reveal_for_care_task
from core.store.db import Database


@dataclass(frozen=True)
class CalendarData:
    counts: dict[date, dict[str, int]]
    agenda: list[TaskRow]
    cards: dict[int, CustomerCard]
    generated: tuple[date, date] | None
    settings: CareSettings


def plan_around(database: Database, today: date, first: date | None = None, last: date | None = None,
                *, progress: ProgressCallback, cancel: CancelToken) -> tuple[date, date]:
    """Generate today's agenda, the month ahead and first..last: found while reading, then written in a short
    transaction of its own, so edits need not wait for the finding. Returns the span planned."""
    span = span_around(today, first, last)
    steps: list[int] = []

    def planning(done: int, total: int) -> None:
        """The plan's steps and one more for writing it: the bar is full when the work is done."""
        steps[:] = [total + 1]
        progress(done, total + 1)

    with database.session() as session:
        plan = plan_tasks(session, *span, progress=planning, cancel=cancel)
    database.write(lambda session: write_plan(session, plan, create_from=today))
    progress(steps[0], steps[0])
    return span


def load_calendar(
    database: Database, first: date, last: date, day: date, today: date, regenerate: bool,
    *, progress: ProgressCallback, cancel: CancelToken,
) -> CalendarData:
    """Generate (when asked) for the shown month and around today, then read counts and the day's agenda."""
    span = plan_around(database, today, first, last, progress=progress, cancel=cancel) if regenerate else None
    with database.session() as session:
        counts = day_counts(session, first, last)
        agenda = tasks_as_shown(session, agenda_for(session, day, today))
        cards = cards_as_shown(session, load_cards(session, {row.customer_id for row in agenda}))
        settings = load_care_settings(session)
    return CalendarData(counts, agenda, cards, span, settings)


def work_tasks(database: Database, action: str, task_ids: list[int], argument: Any, note: str = "",
               *, progress: ProgressCallback, cancel: CancelToken) -> int:
    """Done (argument: channel), snooze (argument: date) or skip (argument: reason) in one transaction."""
    def work(session):  # type: ignore[no-untyped-def]
        if action == "done":
            return mark_done(session, task_ids, argument, note)
        if action == "snooze":
            return snooze(session, task_ids, argument)
        return skip(session, task_ids, argument)

    return database.write(work)


@dataclass(frozen=True)
class RulesData:
    rules: list[Rule]
    settings: CareSettings
    samples: list[tuple[int, str]]
    member_tiers: tuple[str, ...]  # the shop's tier plan, lowest first: a gift and a filter per tier


def load_rules_data(database: Database, *, progress: ProgressCallback, cancel: CancelToken) -> RulesData:
    with database.session() as session:
        return RulesData(load_rules(session), load_care_settings(session), sample_customers(session),
                         load_tier_plan(session.connection()).names)


def load_card(database: Database, customer_id: int, *, progress: ProgressCallback,
              cancel: CancelToken) -> CustomerCard | None:
    with database.session() as session:
        return cards_as_shown(session, load_cards(session, [customer_id])).get(customer_id)


def start_task(database: Database, task_id: int, *, progress: ProgressCallback, cancel: CancelToken) -> str | None:
    """A rep calls or texts the buyer: that task's number, logged."""
    with database.transaction() as session:
        return reveal_for_care_task(session, task_id)


def store_rules(database: Database, rules: list[Rule], *, progress: ProgressCallback, cancel: CancelToken) -> int:
    with database.transaction() as session:
        for rule in rules:
            save_rule(session, rule)
    return len(rules)


def store_care_settings(database: Database, settings: CareSettings,
                        *, progress: ProgressCallback, cancel: CancelToken) -> CareSettings:
    with database.transaction() as session:
        save_care_settings(session, settings)
    return settings


def read_care_settings(database: Database, *, progress: ProgressCallback, cancel: CancelToken) -> CareSettings:
    with database.session() as session:
        return load_care_settings(session)


def export_file(database: Database, kind: str, path: Path, first: date, last: date, words: ExportWords,
                *, progress: ProgressCallback, cancel: CancelToken) -> tuple[Path, int]:
    with database.session() as session:
        if kind == "ics":
            return path, export_calendar_ics(session, path, first, last, words=words)
        return path, export_tasks_xlsx(session, path, first, last, words=words)
