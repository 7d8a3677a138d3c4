"""Reading the calendar and working through it: done (with channel and a note), snooze, skip.

Listing never shows a do-not-contact buyer's task, even one generation has not withdrawn yet.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.care.rules import SPECS_BY_KEY, Channel
from core.care.status import TaskStatus
from core.care.templates import unfilled_placeholders
from core.errors import LaokeError
from core.messages import Message
from core.store.models import CareTask, Customer, Note, NoteKind

_effective_day = func.coalesce(CareTask.snoozed_until, CareTask.due_date)


@dataclass(frozen=True)
class TaskRow:
    id: int
    day: date
    customer_id: int
    customer_name: str
    phone: str | None
    rule_key: str
    kind: str
    message: str
    channel: str  # empty for the shop's own reminders (prepare a birthday gift)
    priority: int
    status: str
    overdue: bool
    snoozed: bool

    @property
    def unfilled(self) -> list[str]:
        """Placeholders the message still shows (no shop name, no known product): not to be sent as it is."""
        return unfilled_placeholders(self.message)


def _rows_query():  # type: ignore[no-untyped-def]
    return (
        select(CareTask, Customer.name, Customer.nickname, Customer.phone)
        .join(Customer, Customer.id == CareTask.customer_id)
        .where(Customer.do_not_contact.is_(False))
    )


def _row(task: CareTask, name: str | None, nickname: str | None, phone: str | None, today: date) -> TaskRow:
    day = task.snoozed_until or task.due_date
    return TaskRow(
        id=task.id, day=day, customer_id=task.customer_id,
        customer_name=name or nickname or phone or f"#{task.customer_id}", phone=phone,
        rule_key=task.rule_key, kind=str(SPECS_BY_KEY[task.rule_key].kind) if task.rule_key in SPECS_BY_KEY else "",
        message=task.message or "", channel=task.channel or "", priority=task.priority,
        status=task.status, overdue=task.status == TaskStatus.OPEN and day < today,
        snoozed=task.snoozed_until is not None,
    )


def list_tasks(
    session: Session, start: date, end: date, *, statuses: Iterable[str] = (TaskStatus.OPEN,), today: date | None = None
) -> list[TaskRow]:
    """Tasks whose (snoozed) day falls from `start` to `end`, by day then priority."""
    today = today or date.today()
    query = _rows_query().where(_effective_day.between(start, end), CareTask.status.in_(list(statuses)))
    query = query.order_by(_effective_day, CareTask.priority.desc(), CareTask.id)
    return [_row(task, name, nickname, phone, today) for task, name, nickname, phone in session.execute(query)]


def agenda_for(session: Session, day: date, today: date | None = None) -> list[TaskRow]:
    """A day's open tasks; for today, every overdue open task comes first."""
    today = today or date.today()
    due = list_tasks(session, day, day, today=today)
    if day != today:
        return due
    query = _rows_query().where(_effective_day < today, CareTask.status == TaskStatus.OPEN)
    query = query.order_by(_effective_day, CareTask.priority.desc(), CareTask.id)
    overdue = [_row(task, name, nickname, phone, today) for task, name, nickname, phone in session.execute(query)]
    return overdue + due


def due_count(session: Session, today: date | None = None) -> int:
    """How many open tasks today's agenda holds: today's and every overdue one."""
    query = (
        select(func.count()).select_from(CareTask)
        .join(Customer, Customer.id == CareTask.customer_id)
        .where(_effective_day <= (today or date.today()), CareTask.status == TaskStatus.OPEN,
               Customer.do_not_contact.is_(False))
    )
    return int(session.scalar(query) or 0)


def day_counts(session: Session, start: date, end: date) -> dict[date, dict[str, int]]:
    """For a month view: how many open tasks each day holds, by rule kind."""
    query = (
        select(_effective_day, CareTask.rule_key, func.count())
        .join(Customer, Customer.id == CareTask.customer_id)
        .where(_effective_day.between(start, end), CareTask.status == TaskStatus.OPEN,
               Customer.do_not_contact.is_(False))
        .group_by(_effective_day, CareTask.rule_key)
    )
    counts: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for day, rule_key, count in session.execute(query):
        day = day if isinstance(day, date) else date.fromisoformat(str(day))
        counts[day][str(SPECS_BY_KEY[rule_key].kind) if rule_key in SPECS_BY_KEY else rule_key] += count
    return {day: dict(kinds) for day, kinds in counts.items()}


def _open_tasks(session: Session, task_ids: Iterable[int]) -> list[CareTask]:
    tasks = list(session.scalars(select(CareTask).where(CareTask.id.in_(list(task_ids)))))
    return [task for task in tasks if task.status == TaskStatus.OPEN]


def mark_done(
    session: Session,
    task_ids: Iterable[int],
    channel: str,
    note: str = "",
    *,
    now: datetime | None = None,
    author: str | None = None,
) -> int:
    """Mark open tasks done by `channel`; a note also lands on each customer's timeline. Returns how many."""
    if channel not in set(Channel):
        raise LaokeError(Message(
            "'{channel}' is not a contact channel ({channels})",
            channel=channel, channels=', '.join(Channel),
        ))
    now = now or datetime.now().replace(microsecond=0)
    tasks = _open_tasks(session, task_ids)
    for task in tasks:
        task.status, task.channel, task.done_at = TaskStatus.DONE, channel, now
        task.note = note.strip() or None
        if task.note:
            session.add(Note(customer_id=task.customer_id, kind=NoteKind.CARE, text=task.note, author=author,
                             created_at=now, updated_at=now))
    return len(tasks)


def snooze(session: Session, task_ids: Iterable[int], until: date, *, today: date | None = None) -> int:
    if until <= (today or date.today()):
        raise LaokeError(Message("Snooze to a day after today."))
    tasks = _open_tasks(session, task_ids)
    for task in tasks:
        task.snoozed_until = until
    return len(tasks)


def skip(session: Session, task_ids: Iterable[int], reason: str) -> int:
    if not reason.strip():
        raise LaokeError(Message("Say why the task is skipped."))
    tasks = _open_tasks(session, task_ids)
    for task in tasks:
        task.status, task.skip_reason = TaskStatus.SKIPPED, reason.strip()[:255]
    return len(tasks)
