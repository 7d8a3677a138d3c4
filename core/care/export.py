"""Taking the calendar elsewhere: the task list as xlsx (for an SMS tool or a phone session) and the calendar
as .ics (for a phone's calendar app).

The .ics is written with `icalendar` (the maintained reference library, RFC 5545). Solar birthdays are yearly
recurring events; a lunar birthday moves every solar year, and 29 February does in common years, so those get
one event per year with that year's date. Tasks are timed events at the start of the send window with an alarm.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import __version__
from core.care.rules import Channel, load_care_settings
from core.care.shown import tasks_as_shown
from core.care.status import TaskStatus
from core.care.tasks import TaskRow, list_tasks
from core.care.templates import sms_text
from core.figures.birthdays import Birthday, birthdays_between, next_birthday
from core.safety.spreadsheet import Sheet, _atomic_target, write_xlsx
from core.store.models import CalendarKind, Customer

if TYPE_CHECKING:
    from icalendar import Event

RULE_NAMES = {
    "birthday": "生日", "holiday": "节日问候", "order_unpaid": "催付", "order_shipped": "发货通知",
    "order_followup": "使用回访", "order_review": "邀评", "order_refund": "退款关怀", "anniversary": "相识纪念",
    "winback": "唤回", "repurchase": "复购提醒", "vip_checkin": "VIP 回访", "member_day": "会员日",
    "tier_upgrade": "升级祝贺",
}
CHANNEL_NAMES = {Channel.SMS: "短信", Channel.WECHAT: "微信", Channel.PHONE: "电话", Channel.PLATFORM_CHAT: "平台客服",
                 "": "准备"}
TASK_DURATION = timedelta(minutes=15)


@dataclass(frozen=True)
class ExportWords:
    """What the exported files call things. The window passes its own language's; the CLI keeps these,
    the words of the shop's Chinese messages."""

    sheet: str = "关怀任务"
    headers: tuple[str, ...] = ("日期", "客户", "电话", "渠道", "规则", "消息")
    calendar: str = "老客关怀日历"
    birthday: str = "🎂 {name} 生日"
    lunar_birthday: str = "🎂 {name} 生日（农历）"
    task: str = "{rule}：{name}"
    rules: Mapping[str, str] = field(default_factory=lambda: RULE_NAMES)
    channels: Mapping[str, str] = field(default_factory=lambda: CHANNEL_NAMES)  # "": a reminder to prepare

    def rule(self, key: str) -> str:
        return self.rules.get(key, key)

    def channel(self, key: str | None) -> str:
        return self.channels.get(key or "", key or "")


def export_tasks_xlsx(session: Session, path: Path, start: date, end: date, *, today: date | None = None,
                      words: ExportWords = ExportWords()) -> int:
    """Write the open tasks from `start` to `end`; SMS texts carry the signature. Returns the row count."""
    settings = load_care_settings(session)
    tasks = tasks_as_shown(session, list_tasks(session, start, end, today=today))
    rows = [
        [task.day, task.customer_name, task.phone or "", words.channel(task.channel), words.rule(task.rule_key),
         sms_text(task.message, settings.sms_signature) if task.channel == Channel.SMS else task.message]
        for task in tasks
    ]
    sheet = Sheet(words.sheet, list(words.headers), rows,
                  column_widths={1: 12, 2: 16, 3: 16, 4: 10, 5: 12, 6: 80})
    write_xlsx(path, [sheet])
    return len(rows)


def export_calendar_ics(session: Session, path: Path, start: date, end: date, *, today: date | None = None,
                        words: ExportWords = ExportWords()) -> int:
    """Write every birthday (at least a year of them) and the open tasks from `start` to `end` to an .ics file.

    Returns the event count."""
    from icalendar import Calendar  # for this export alone: the care pages and Today never need it

    settings = load_care_settings(session)
    calendar = Calendar.new(prodid=f"-//Laoke//Care calendar {__version__}//ZH", name=words.calendar)
    events = _birthday_events(session, start, end, words)
    events += [_task_event(task, settings.window_start, words)
               for task in tasks_as_shown(session, list_tasks(session, start, end, today=today))
               if task.status == TaskStatus.OPEN]
    for event in events:
        calendar.add_component(event)
    with _atomic_target(path) as temporary:
        Path(temporary).write_bytes(calendar.to_ical())
    return len(events)


def _task_event(task: TaskRow, window_start, words: ExportWords) -> Event:  # type: ignore[no-untyped-def]
    from icalendar import Alarm, Event

    begins = datetime.combine(task.day, window_start)
    event = Event.new(
        uid=f"task-{task.id}@laoke", start=begins, end=begins + TASK_DURATION,
        summary=words.task.format(rule=words.rule(task.rule_key), name=task.customer_name),
        description=f"{words.channel(task.channel)} {task.phone or ''}\n{task.message}".strip(),
        categories=[task.kind], stamp=datetime.now().replace(microsecond=0),
    )
    event.add_component(Alarm.new(description=event.get("summary")))
    alarm = event.subcomponents[-1]
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", timedelta(0))
    return event


def _birthday_events(session: Session, start: date, end: date, words: ExportWords) -> list[Event]:
    from icalendar import Event

    rows = session.execute(
        select(Customer.id, Customer.name, Customer.nickname, Customer.birthday_calendar, Customer.birth_month,
               Customer.birth_day)
        .where(Customer.birthday_calendar.is_not(None), Customer.birth_month.is_not(None),
               Customer.birth_day.is_not(None), Customer.do_not_contact.is_(False),
               Customer.merged_into_id.is_(None))
    )
    events = []
    stamp = datetime.now().replace(microsecond=0)
    for customer_id, name, nickname, kind, month, day in rows:
        try:
            birthday = Birthday(CalendarKind(kind), month, day)
        except ValueError:
            continue
        lunar = birthday.calendar == CalendarKind.LUNAR
        summary = (words.lunar_birthday if lunar else words.birthday).format(name=name or nickname or customer_id)
        if lunar or (month, day) == (2, 29):
            # Each year's own date, for at least a year ahead whatever the span.
            for when in birthdays_between(birthday, start, max(end, start + timedelta(days=365))):
                events.append(Event.new(uid=f"birthday-{customer_id}-{when.year}@laoke", start=when,
                                        end=when + timedelta(days=1), summary=summary, stamp=stamp))
            continue
        first = next_birthday(birthday, start)
        if first is None:
            continue
        event = Event.new(uid=f"birthday-{customer_id}@laoke", start=first, end=first + timedelta(days=1),
                          summary=summary, stamp=stamp)
        event.add("rrule", {"freq": "yearly"})
        events.append(event)
    return events
