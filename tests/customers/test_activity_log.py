"""The activity log: every import, merge, note, worked care task and audited action, newest first, for the owner."""

from __future__ import annotations

import json
from datetime import date

import pytest

from core.care.tasks import mark_done
from core.cli import main
from core.customers.export import export_customers
from core.customers.merge import merge_customers
from core.customers.profile import add_note
from core.errors import LaokeError
from core.importing import commit_imports, prepare_files
from core.safety.activity import recent_activity
from core.safety.privacy import lock_owner, set_owner_passphrase
from core.store.models import CareTask, Customer
from tests.importing.test_shops import jd_sheet


def fill_a_day(database, tmp_path) -> int:  # type: ignore[no-untyped-def]
    """An import, a merge, a note, a care task done and an export, as a day at the shop has them."""
    [prepared] = prepare_files(database, [jd_sheet(tmp_path / "jd.csv", "300100", "300101")])
    commit_imports(database, [prepared])
    with database.transaction() as session:
        kept, twin = Customer(name="王芳", source="manual"), Customer(name="王芳", source="manual")
        session.add_all([kept, twin])
        session.flush()
        merge_customers(session, kept.id, twin.id)
        add_note(session, kept.id, "只喝明前茶，上新第一时间告知")
        task = CareTask(customer_id=kept.id, rule_key="birthday", dedupe_key=f"birthday:{kept.id}",
                        due_date=date.today())
        session.add(task)
        session.flush()
        mark_done(session, [task.id], "wechat")
        export_customers(session, tmp_path / "everyone.csv")
        return kept.id


def test_the_log_lists_who_did_what_newest_first(database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    kept = fill_a_day(database, tmp_path)
    with database.session() as session:
        entries = recent_activity(session)
    assert [entry.at for entry in entries] == sorted((entry.at for entry in entries), reverse=True)
    by_action = {entry.action: entry for entry in entries}
    assert set(by_action) == {"import", "merge", "note", "care_done", "export_customers"}
    assert by_action["import"].detail == "jd.csv · new orders: 2 · updated: 0 · new customers: 1"
    assert by_action["import"].counts["orders_new"] == 2
    assert by_action["merge"].customer_id == kept and by_action["merge"].customer_name == "王芳"
    assert by_action["merge"].detail == "王芳 merged in"
    assert by_action["note"].detail == "只喝明前茶，上新第一时间告知"
    assert by_action["care_done"].customer_name == "王芳" and by_action["care_done"].detail == "birthday"
    assert by_action["export_customers"].detail == "everyone.csv · customers: 2"
    with database.session() as session:
        assert [entry.action for entry in recent_activity(session, limit=2)] == [e.action for e in entries[:2]]


def test_a_rep_cannot_read_the_log(database) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        set_owner_passphrase(session, "茶铺老板")
        lock_owner(session)
    with database.session() as session, pytest.raises(LaokeError, match="rep mode"):
        recent_activity(session)


def test_the_cli_prints_the_log(db_target, database, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    fill_a_day(database, tmp_path)
    assert main(["activity", "--db", db_target, "--limit", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and "Exported customers · everyone.csv · customers: 2" in lines[0]
    assert main(["activity", "--db", db_target, "--json"]) == 0
    assert {entry["action"] for entry in json.loads(capsys.readouterr().out)} >= {"import", "merge", "note"}


def test_entries_written_before_their_details_were_kept_as_messages_still_read(database) -> None:  # type: ignore[no-untyped-def]
    from core.store.models import AuditEvent

    with database.transaction() as session:
        session.add(AuditEvent(action="export_customers", detail="12 customers to 老客.xlsx"))
        session.add(AuditEvent(action="owner_locked"))
    with database.session() as session:
        assert [(entry.action, entry.detail) for entry in recent_activity(session)] == [
            ("owner_locked", ""), ("export_customers", "12 customers to 老客.xlsx")]
