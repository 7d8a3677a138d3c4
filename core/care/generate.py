"""Turning the rules' occasions into care tasks: idempotent, capped, and never for a do-not-contact buyer.

Run it for a span of days as often as you like (after an import, when the calendar opens): an occasion found
again maps onto its task by `dedupe_key`; an open task in the span whose occasion is gone (the order got paid,
the buyer bought again, the rule was switched off) is withdrawn; a withdrawn one whose reason came back is
reopened. Done and skipped tasks are history and never change. A do-not-contact buyer's open tasks are
withdrawn everywhere, whatever the span.

`generate_tasks` does it all in the caller's session. The calendar instead reads a plan (`plan_tasks`, most of
the time, no write lock) and writes it in a short transaction of its own (`write_plan`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Connection, Update, exists, or_, select, update
from sqlalchemy.orm import Session

from core.care.cards import CustomerCard, gift_note, load_cards
from core.care.filters import chunks, eligible_customer_ids
from core.care.occasions import FINDERS, Context, Occasion, Span, is_outreach
from core.care.rules import CareSettings, Rule, load_care_settings, load_rules
from core.care.status import TaskStatus
from core.care.templates import fill_template
from core.messages import Message
from core.progress import CancelToken, ProgressCallback, no_progress
from core.store.concurrency import hold_lock
from core.store.models import CareTask, Customer, Order, OrderStatus

# Why a task was withdrawn, kept in `skip_reason` (the GUI translates these codes).
WITHDRAWN_GONE = "withdrawn:gone"
WITHDRAWN_CAP = "withdrawn:cap"
WITHDRAWN_DNC = "withdrawn:dnc"
LOOK_BACK_DAYS = 14  # overdue tasks this old are still (re)generated when the calendar opens
LOOK_AHEAD_DAYS = 31  # today's agenda and the month ahead are always planned
CARE_WAIT = Message("Waiting for another rep's care planning to finish…")


@dataclass
class GenerationReport:
    created: int = 0
    reopened: int = 0
    updated: int = 0
    withdrawn: int = 0
    unchanged: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def span_around(today: date, first: date | None = None, last: date | None = None) -> tuple[date, date]:
    """The days to plan: today with its overdue tasks and the month ahead, and first..last when a month shows."""
    start, end = today - timedelta(days=LOOK_BACK_DAYS), today + timedelta(days=LOOK_AHEAD_DAYS)
    return min(first or start, start), max(last or end, end)


def effective_date(task: CareTask) -> date:
    return task.snoozed_until or task.due_date


@dataclass(frozen=True)
class Plan:
    """What the rules call for in a span, found by reading only: the occasions, and the cards to word them."""

    span: Span
    context: Context
    rules: dict[str, Rule]
    occasions: list[Occasion]
    cards: dict[int, CustomerCard]


def generate_tasks(
    session: Session,
    start: date,
    end: date,
    *,
    now: datetime | None = None,
    holidays_path: Path | None = None,
    create_from: date | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> GenerationReport:
    """Bring the tasks due from `start` to `end` in line with the rules, in one session; the caller commits.

    With `create_from`, occasions due before that day only keep their existing tasks in line (withdrawn when
    the reason vanished) and create none: opening the calendar does not backfill weeks of overdue tasks.
    """
    plan = plan_tasks(session, start, end, now=now, holidays_path=holidays_path, progress=progress, cancel=cancel)
    return write_plan(session, plan, create_from=create_from or start)


def plan_tasks(
    session: Session,
    start: date,
    end: date,
    *,
    now: datetime | None = None,
    holidays_path: Path | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> Plan:
    """The long part of generation, which only reads: every rule's occasions among the buyers it applies to.

    A reading session will do, so a writer elsewhere need not wait for it (see `write_plan`).
    """
    span = Span(start, end)
    settings = load_care_settings(session)
    context = Context(now or datetime.now().replace(microsecond=0), settings, holidays_path)
    rules = {rule.key: rule for rule in load_rules(session)}
    occasions: list[Occasion] = []
    enabled = [rule for rule in rules.values() if rule.enabled]
    for index, rule in enumerate(enabled):
        if cancel is not None:
            cancel.raise_if_cancelled()
        found = list(FINDERS[rule.key](session, rule, span, context))
        allowed = eligible_customer_ids(session, rule.filters, {occasion.customer_id for occasion in found})
        occasions.extend(occasion for occasion in found if occasion.customer_id in allowed)
        progress(index + 1, len(enabled) + 1)
    cards = load_cards(session, {occasion.customer_id for occasion in occasions})
    progress(len(enabled) + 1, len(enabled) + 1)
    return Plan(span, context, rules, occasions, cards)


def write_plan(session: Session, plan: Plan, *, create_from: date) -> GenerationReport:
    """Map a plan's occasions onto the tasks in the span: create, reopen, update, withdraw; the caller commits.

    Quick enough to run in a transaction of its own after `plan_tasks`: a buyer who opted out in between gets
    no open task, as the withdrawals run after the writes.
    """
    # Two reps opening the calendar at once: the second maps its plan onto the first one's tasks.
    hold_lock(session.connection(), "care", CARE_WAIT)
    report = GenerationReport()
    settings = plan.context.settings
    occasions = _still_in_the_book(session, plan.occasions)
    existing = _existing_tasks(session, plan.span, [occasion.dedupe_key for occasion in occasions])
    fixed = _fixed_outreach_dates(session, plan.span, settings, plan.rules, existing)
    accepted, capped_out = apply_frequency_cap(occasions, fixed, existing, settings, plan.rules)
    _write_tasks(session, accepted, existing, plan, report, create_from)
    report.withdrawn += _withdraw_vanished_in_session(session)
    accepted_keys = {occasion.dedupe_key for occasion in accepted}
    capped_keys = {occasion.dedupe_key for occasion in capped_out}
    for key, task in existing.items():
        if task.status != TaskStatus.OPEN or key in accepted_keys:
            continue
        if key in capped_keys:
            _withdraw(task, WITHDRAWN_CAP, report)
        elif task.due_date in plan.span:
            _withdraw(task, WITHDRAWN_GONE, report)
    session.flush()
    return report


def _withdraw(task: CareTask, reason: str, report: GenerationReport) -> None:
    task.status = TaskStatus.WITHDRAWN
    task.skip_reason = reason
    report.withdrawn += 1


def vanished_reason_updates(customer_ids: list[int] | None = None) -> list[Update]:
    """Statements that withdraw open tasks whose reason is plainly gone: the buyer opted out, or the order
    a 催付 reminder was about is no longer unpaid. Cheap enough to run after every import and edit."""
    opted_out = select(Customer.id).where(Customer.do_not_contact.is_(True))
    # Correlated on the order's primary key, so it reads one order per open 催付 task, not the orders table.
    no_longer_unpaid = exists().where(Order.id == CareTask.order_id, Order.status != OrderStatus.UNPAID)
    statements = [
        update(CareTask).where(CareTask.status == TaskStatus.OPEN, CareTask.customer_id.in_(opted_out))
        .values(status=TaskStatus.WITHDRAWN, skip_reason=WITHDRAWN_DNC),
        update(CareTask).where(CareTask.status == TaskStatus.OPEN, CareTask.rule_key == "order_unpaid",
                               no_longer_unpaid)
        .values(status=TaskStatus.WITHDRAWN, skip_reason=WITHDRAWN_GONE),
    ]
    if customer_ids is not None:
        statements = [statement.where(CareTask.customer_id.in_(customer_ids)) for statement in statements]
    return statements


def withdraw_vanished(connection: Connection, customer_ids: Iterable[int] | None = None) -> int:
    """For `core.refresh.refresh_derived`: withdraw the touched customers' tasks whose reason is gone."""
    if customer_ids is None:
        return sum(connection.execute(statement).rowcount or 0 for statement in vanished_reason_updates())
    return sum(connection.execute(statement).rowcount or 0
               for chunk in chunks(customer_ids) for statement in vanished_reason_updates(chunk))


def _withdraw_vanished_in_session(session: Session) -> int:
    return sum(session.execute(statement.execution_options(synchronize_session="fetch")).rowcount or 0
               for statement in vanished_reason_updates())


def _still_in_the_book(session: Session, occasions: list[Occasion]) -> list[Occasion]:
    """The occasions whose buyer was not deleted since the plan was read."""
    present: set[int] = set()
    for chunk in chunks({occasion.customer_id for occasion in occasions}):
        present.update(session.scalars(select(Customer.id).where(Customer.id.in_(chunk))))
    return [occasion for occasion in occasions if occasion.customer_id in present]


def _existing_tasks(session: Session, span: Span, keys: list[str]) -> dict[str, CareTask]:
    """The tasks the occasions map onto, plus every open task due in the span (candidates for withdrawal)."""
    found = {task.dedupe_key: task for task in session.scalars(
        select(CareTask).where(CareTask.due_date.between(span.start, span.end)))}
    for chunk in chunks(set(keys) - found.keys()):
        for task in session.scalars(select(CareTask).where(CareTask.dedupe_key.in_(chunk))):
            found[task.dedupe_key] = task
    return found


def _fixed_outreach_dates(
    session: Session, span: Span, settings: CareSettings, rules: dict[str, Rule], existing: dict[str, CareTask]
) -> dict[int, list[date]]:
    """Outreach that generation will not revisit and that the cap must respect: done tasks near the span, and
    open tasks outside it."""
    margin = timedelta(days=settings.cap_days)
    nearby = session.scalars(select(CareTask).where(
        CareTask.status.in_([TaskStatus.DONE, TaskStatus.OPEN]),
        or_(CareTask.due_date.between(span.start - margin, span.end + margin),
            CareTask.snoozed_until.between(span.start - margin, span.end + margin)),
    ))
    fixed: dict[int, list[date]] = defaultdict(list)
    for task in nearby:
        rule = rules.get(task.rule_key)
        if rule is None or not is_outreach(task.dedupe_key, rule):
            continue
        revisited = task.status == TaskStatus.OPEN and task.due_date in span
        if not revisited:
            day = task.done_at.date() if task.status == TaskStatus.DONE and task.done_at else effective_date(task)
            fixed[task.customer_id].append(day)
    return fixed


def fits_cap(taken: list[date], day: date, settings: CareSettings) -> bool:
    """Whether one more outreach on `day` keeps every `cap_days`-long window at `cap_count` or fewer."""
    for shift in range(settings.cap_days):
        window_start = day - timedelta(days=settings.cap_days - 1 - shift)
        window_end = window_start + timedelta(days=settings.cap_days - 1)
        if sum(window_start <= other <= window_end for other in taken) >= settings.cap_count:
            return False
    return True


def apply_frequency_cap(
    occasions: list[Occasion],
    fixed: dict[int, list[date]],
    existing: dict[str, CareTask],
    settings: CareSettings,
    rules: dict[str, Rule],
) -> tuple[list[Occasion], list[Occasion]]:
    """Keep each buyer's outreach under the cap; the higher-priority rule wins, then the earlier day."""
    accepted: list[Occasion] = []
    capped_out: list[Occasion] = []
    by_customer: dict[int, list[Occasion]] = defaultdict(list)
    for occasion in occasions:
        if occasion.capped:
            by_customer[occasion.customer_id].append(occasion)
        else:
            accepted.append(occasion)
    for customer_id, group in by_customer.items():
        taken = list(fixed.get(customer_id, ()))
        group.sort(key=lambda o: (-rules[o.rule_key].priority, o.due, o.dedupe_key))
        for occasion in group:
            task = existing.get(occasion.dedupe_key)
            if task is not None and task.status in (TaskStatus.DONE, TaskStatus.SKIPPED):
                continue  # done ones are counted among the fixed dates; skipped ones sent nothing
            day = task.snoozed_until if task is not None and task.snoozed_until else occasion.due
            if fits_cap(taken, day, settings):
                taken.append(day)
                accepted.append(occasion)
            else:
                capped_out.append(occasion)
    return accepted, capped_out


def _write_tasks(
    session: Session,
    accepted: list[Occasion],
    existing: dict[str, CareTask],
    plan: Plan,
    report: GenerationReport,
    create_from: date,
) -> None:
    shop_name = plan.context.settings.shop_name
    today = plan.context.now.date()
    for occasion in accepted:
        rule = plan.rules[occasion.rule_key]
        card = plan.cards[occasion.customer_id]
        values = card.values(shop_name, today) | {"礼物": gift_note(rule, card)} | occasion.values
        message = fill_template(occasion.template or rule.template, values)
        task = existing.get(occasion.dedupe_key)
        if task is None and occasion.due < create_from:
            continue
        if task is None:
            task = CareTask(customer_id=occasion.customer_id, rule_key=rule.key, dedupe_key=occasion.dedupe_key,
                            due_date=occasion.due, status=TaskStatus.OPEN, priority=rule.priority,
                            order_id=occasion.order_id, message=message,
                            channel=None if occasion.internal else card.reachable_by(rule.channel))
            session.add(task)
            existing[occasion.dedupe_key] = task
            report.created += 1
            continue
        if task.status in (TaskStatus.DONE, TaskStatus.SKIPPED):
            report.unchanged += 1
            continue
        if task.status == TaskStatus.WITHDRAWN:
            task.status, task.skip_reason = TaskStatus.OPEN, None
            report.reopened += 1
        elif (task.due_date, task.message, task.priority) != (occasion.due, message, rule.priority):
            report.updated += 1
        else:
            report.unchanged += 1
        task.due_date, task.message, task.priority = occasion.due, message, rule.priority

