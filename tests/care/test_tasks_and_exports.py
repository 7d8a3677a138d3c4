"""Working the calendar (done, snooze, skip), the .ics read back by icalendar, the xlsx re-opened, the CLI."""

from __future__ import annotations

import json
from datetime import date

import pytest
from icalendar import Calendar
from openpyxl import load_workbook
from sqlalchemy import select

from core.care.export import export_calendar_ics, export_tasks_xlsx
from core.care.generate import generate_tasks
from core.care.tasks import agenda_for, day_counts, due_count, list_tasks, mark_done, skip, snooze
from core.cli import main
from core.errors import LaokeError
from core.store.models import CareTask, Customer, Note
from tests.care.conftest import NOW, TODAY, only_rules

DECEMBER = (date(2026, 12, 1), date(2026, 12, 31))


@pytest.fixture
def december(session, add_customer):  # type: ignore[no-untyped-def]
    only_rules(session, "birthday", "member_day", days_ahead=0, stages=[])
    buyers = [
        add_customer(name="王芳", birthday_calendar="solar", birth_month=12, birth_day=20),
        add_customer(name="李强", gender="M", birthday_calendar="lunar", birth_month=11, birth_day=1),
        add_customer(name="=HYPERLINK(\"x\")", phone="+8613800000000"),
    ]
    generate_tasks(session, *DECEMBER, now=NOW)
    session.commit()
    return buyers


def test_done_with_a_note_adds_a_care_note_to_the_timeline(session, december) -> None:
    task = list_tasks(session, *DECEMBER, today=TODAY)[0]
    assert mark_done(session, [task.id], "phone", "  约了下周来店  ", now=NOW) == 1
    stored = session.get(CareTask, task.id)
    assert (stored.status, stored.channel, stored.note, stored.done_at) == ("done", "phone", "约了下周来店", NOW)
    note = session.scalar(select(Note).where(Note.customer_id == task.customer_id))
    assert (note.kind, note.text) == ("care", "约了下周来店")
    assert mark_done(session, [task.id], "sms") == 0  # already done
    with pytest.raises(LaokeError):
        mark_done(session, [task.id], "pigeon")


def test_snooze_moves_a_task_and_skip_needs_a_reason(session, december) -> None:
    first, second, *_rest = list_tasks(session, *DECEMBER, today=TODAY)
    assert snooze(session, [first.id], date(2027, 1, 3), today=TODAY) == 1
    assert first.id not in {row.id for row in list_tasks(session, *DECEMBER, today=TODAY)}
    assert [row.id for row in list_tasks(session, date(2027, 1, 3), date(2027, 1, 3), today=TODAY)] == [first.id]
    with pytest.raises(LaokeError):
        snooze(session, [second.id], TODAY, today=TODAY)
    with pytest.raises(LaokeError):
        skip(session, [second.id], "  ")
    assert skip(session, [second.id], "客户在国外") == 1
    assert session.get(CareTask, second.id).skip_reason == "客户在国外"


def test_today_puts_overdue_tasks_first_and_counts_by_kind(session, december) -> None:
    day = date(2026, 12, 20)
    agenda = agenda_for(session, day, today=day)
    overdue = [row for row in agenda if row.overdue]
    assert overdue and agenda[: len(overdue)] == overdue and all(row.day < day for row in overdue)
    assert all(row.day == day for row in agenda[len(overdue):])
    counts = day_counts(session, *DECEMBER)
    assert counts[date(2026, 12, 8)] == {"lifecycle": 2}
    assert counts[date(2026, 12, 20)] == {"birthday": 1}
    assert due_count(session, today=day) == len(agenda)  # the side bar's count: today's agenda, overdue included
    session.get(Customer, december[0].id).do_not_contact = True
    assert due_count(session, today=day) == len(agenda_for(session, day, today=day)) < len(agenda)


def test_xlsx_export_reopens_with_phone_channel_and_signed_message(session, december, tmp_path) -> None:
    path = tmp_path / "tasks.xlsx"
    rows = export_tasks_xlsx(session, path, *DECEMBER, today=TODAY)
    sheet = load_workbook(path).active
    values = list(sheet.values)
    assert values[0] == ("日期", "客户", "电话", "渠道", "规则", "消息")
    assert len(values) == rows + 1
    birthday = next(row for row in values if row[1] == "王芳" and row[4] == "生日")
    assert birthday[3] == "短信" and birthday[5].startswith("【老客茶铺】王女士，生日快乐")
    formula_like = next(row for row in values[1:] if str(row[1]).startswith("="))
    assert formula_like[1] == "=HYPERLINK(\"x\")"
    assert sheet.cell(row=values.index(formula_like) + 1, column=2).data_type == "s"


def test_ics_export_parses_back_with_birthdays_and_alarmed_tasks(session, december, tmp_path) -> None:
    path = tmp_path / "care.ics"
    count = export_calendar_ics(session, path, date(2026, 12, 1), date(2028, 12, 31), today=TODAY)
    calendar = Calendar.from_ical(path.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == count
    solar = [event for event in events if "王芳" in str(event["SUMMARY"]) and "生日" in str(event["SUMMARY"])
             and "RRULE" in event]
    assert len(solar) == 1 and solar[0].decoded("DTSTART") == date(2026, 12, 20)
    lunar = sorted(event.decoded("DTSTART") for event in events if "农历" in str(event["SUMMARY"]))
    # 农历十一月初一 in each solar year: a different date every year.
    assert lunar == [date(2026, 12, 9), date(2027, 11, 28), date(2028, 12, 16)]
    tasks = [event for event in events if str(event["UID"]).startswith("task-")]
    assert tasks and all(event.walk("VALARM") for event in tasks)
    assert all(event.decoded("DTSTART").hour == 8 for event in tasks)


def test_cli_generates_idempotently_lists_and_exports(db_target, tmp_path, capsys) -> None:
    path = db_target
    argv = ["care", "--db", path, "--from", "2026-12-01", "--to", "2026-12-31"]
    assert main(["demo", "--db", path, "--customers", "120"]) == 0
    capsys.readouterr()
    assert main([*argv, "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["generation"]["created"] == len(first["tasks"]) > 0
    assert set(first["tasks"][0]) == {"date", "customer_id", "name", "rule", "channel", "message"}
    assert main([*argv, "--json", "--ics", str(tmp_path / "c.ics"), "--xlsx", str(tmp_path / "c.xlsx")]) == 0
    second = json.loads(capsys.readouterr().out)
    assert second["generation"]["created"] == 0 and second["tasks"] == first["tasks"]
    assert (tmp_path / "c.ics").exists() and load_workbook(tmp_path / "c.xlsx").active.max_row == len(first["tasks"]) + 1
    assert main([*argv[:3], "--from", "2026-12-31", "--to", "2026-12-01"]) == 1
    assert "before" in capsys.readouterr().err



def test_ics_of_a_short_span_still_carries_every_birthday_a_year_ahead(session, december, tmp_path) -> None:
    path = tmp_path / "january.ics"
    export_calendar_ics(session, path, date(2027, 1, 1), date(2027, 1, 31), today=TODAY)
    events = list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
    starts = {str(event["SUMMARY"]): event.decoded("DTSTART") for event in events}
    assert starts["🎂 王芳 生日"] == date(2027, 12, 20)
    assert starts["🎂 李强 生日（农历）"] == date(2027, 11, 28)
