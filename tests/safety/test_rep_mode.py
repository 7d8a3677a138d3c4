"""Rep mode without holes: every run starts in it once a passphrase is set, masks the care calendar and its
exports, refuses owner-only commands in one line, and phone search finds whole numbers or last fours only."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from core.care.generate import generate_tasks
from core.customers.listing import CustomerFilter, customer_ids
from core.errors import LaokeError
from core.importing import undo_import
from core.refresh import refresh_derived
from core.safety.privacy import (
    change_owner_passphrase,
    rep_mode_enabled,
    reveal_for_care_task,
    set_owner_passphrase,
    unlock_owner,
)
from core.search.query import search_customer_ids
from core.store.models import AuditEvent, CareTask, Customer
from core.store.opening import open_database
from main import main

PHONE = "13812345678"
TODAY = date.today()


@pytest.fixture
def book(db_path):  # type: ignore[no-untyped-def]
    """A shop whose owner set a passphrase; the next run opens it, as a rep would."""
    owner = open_database(db_path)
    with owner.transaction() as session:
        session.add(Customer(name="王芳", phone=PHONE, phone_last4=PHONE[-4:], birth_month=TODAY.month, birth_day=TODAY.day,
                             birthday_calendar="solar", source="manual"))
        session.add(Customer(phone="13900001111", source="manual"))  # known by nothing but a phone
        session.flush()
        refresh_derived(session.connection())  # as every writer does: the search keys
        set_owner_passphrase(session, "茶铺老板")
    with owner.transaction() as session:
        assert not rep_mode_enabled(session), "whoever set the passphrase works as the owner in that run"
        generate_tasks(session, TODAY, TODAY + timedelta(days=30))
    owner.dispose()
    database = open_database(db_path)
    yield database
    database.dispose()


def actions(database) -> list[str]:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_every_run_starts_in_rep_mode_and_the_owner_unlocks_one_run(book, db_path) -> None:
    with book.transaction() as session:
        assert rep_mode_enabled(session)
        with pytest.raises(LaokeError, match="wrong"):
            unlock_owner(session, "guess")
    with book.transaction() as session:
        unlock_owner(session, "茶铺老板")
    with book.session() as session:
        assert not rep_mode_enabled(session)
    again = open_database(db_path)  # the next run: nothing of the unlock was stored
    with again.session() as session:
        assert rep_mode_enabled(session)
    again.dispose()
    with book.transaction() as session:
        change_owner_passphrase(session, "茶铺老板", "新的口令")
    assert actions(book)[:1] == ["owner_passphrase_set"]
    assert "owner_unlocked" in actions(book) and actions(book)[-1] == "owner_passphrase_changed"


def test_care_exports_mask_every_phone_in_rep_mode(book, db_path, tmp_path, capsys) -> None:
    xlsx, ics = tmp_path / "care.xlsx", tmp_path / "care.ics"
    assert main(["care", "--db", str(db_path), "--xlsx", str(xlsx), "--ics", str(ics)]) == 0
    cells = [str(cell) for row in load_workbook(xlsx).active.iter_rows(values_only=True) for cell in row]
    written = " ".join(cells) + ics.read_text(encoding="utf-8") + capsys.readouterr().out
    assert "138****5678" in written
    assert PHONE not in written and "13900001111" not in written


def test_starting_a_care_task_reveals_that_number_in_the_audit_log(book) -> None:
    with book.session() as session:
        task_id = session.scalars(select(CareTask.id)).first()
    with book.transaction() as session:
        assert reveal_for_care_task(session, task_id) == PHONE
    assert actions(book)[-1] == "reveal_phone_care_task"


@pytest.mark.parametrize("command", [["backup", "{out}"], ["restore", "{out}"], ["import", "--undo", "1"]])
def test_owner_only_commands_are_refused_to_a_rep_in_one_line(book, db_path, tmp_path, capsys, command) -> None:
    out = str(tmp_path / "copy.db")
    assert main([part.format(out=out) for part in command] + ["--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "rep mode" in err
    assert not (tmp_path / "copy.db").exists()


def test_undo_is_refused_in_core_too(book) -> None:
    with pytest.raises(LaokeError, match="rep mode"):
        undo_import(book, 1)


def test_the_owner_works_from_the_cli_with_the_passphrase(book, db_path, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("LAOKE_OWNER_PASSPHRASE", "茶铺老板")
    assert main(["backup", str(tmp_path / "copy.db"), "--db", str(db_path), "--owner"]) == 0
    assert main(["customers", "--db", str(db_path), "--owner"]) == 0
    assert PHONE in capsys.readouterr().out
    monkeypatch.setenv("LAOKE_OWNER_PASSPHRASE", "guess")
    assert main(["customers", "--db", str(db_path), "--owner"]) == 1
    assert "wrong" in capsys.readouterr().err


@pytest.mark.parametrize(("query", "found"), [
    (PHONE, True), ("5678", True), ("138 1234 5678", True), ("1381", False), ("138123", False), ("2345", False),
    ("1234567", False)])
def test_a_rep_finds_by_whole_number_or_last_four_only(book, query, found) -> None:
    with book.session() as session:
        assert bool(search_customer_ids(session, query)) == found
        assert bool(customer_ids(session, CustomerFilter(search=query))) == found
