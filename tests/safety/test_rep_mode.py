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
    assert main(["care", "--db", str(db_path), "--from", TODAY.isoformat(), "--xlsx", str(xlsx), "--ics", str(ics)]) == 0
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


def searches_logged(database) -> list[tuple[int | None, str]]:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return list(session.execute(select(AuditEvent.customer_id, AuditEvent.detail)
                                    .where(AuditEvent.action == "rep_phone_search").order_by(AuditEvent.id)))


@pytest.mark.parametrize("query", [PHONE, "5678", "138 1234 5678"])
def test_every_search_that_finds_a_buyer_by_phone_is_in_the_audit_log(book, db_path, capsys, query) -> None:
    from core.customers.finding import find_customer_ids, look_up_customer_ids

    assert find_customer_ids(book, CustomerFilter(search=query))  # the customer list
    assert look_up_customer_ids(book, query, limit=8)  # the chat lookup
    assert main(["customers", "--db", str(db_path), "--search", query]) == 0  # the CLI
    assert "138****5678" in capsys.readouterr().out
    with book.session() as session:
        wang = session.scalars(select(Customer.id).where(Customer.name == "王芳")).one()
    assert [customer_id for customer_id, _detail in searches_logged(book)] == [wang] * 3
    assert all(query in detail for _id, detail in searches_logged(book))


def test_searches_that_reveal_no_number_are_not_logged(book, db_path, monkeypatch, capsys) -> None:
    from core.customers.finding import find_customer_ids
    from core.refresh import refresh_derived

    with book.transaction() as session:  # the search keys a name is found by
        refresh_derived(session.connection(), list(session.scalars(select(Customer.id))))
    assert find_customer_ids(book, CustomerFilter(search="王芳"))  # a name tells no number
    assert not find_customer_ids(book, CustomerFilter(search="1381"))  # found nobody
    monkeypatch.setenv("LAOKE_OWNER_PASSPHRASE", "茶铺老板")
    assert main(["customers", "--db", str(db_path), "--search", PHONE, "--owner"]) == 0  # the owner's own
    assert PHONE in capsys.readouterr().out
    assert searches_logged(book) == []


def test_a_read_only_book_refuses_a_reps_phone_search_it_cannot_log(book, db_path) -> None:
    from core.customers.finding import find_customer_ids

    read_only = open_database(db_path, read_only=True)
    try:
        with pytest.raises(LaokeError, match="logged"):
            find_customer_ids(read_only, CustomerFilter(search=PHONE))
    finally:
        read_only.dispose()


def _merge_then_undo(session) -> None:  # type: ignore[no-untyped-def]
    from core.customers.merge import merge_customers, undo_merge

    first, second = session.scalars(select(Customer.id).order_by(Customer.id))
    undo_merge(session, merge_customers(session, first, second))  # reps merge; undoing is the owner's


def _change_loyalty(session) -> None:  # type: ignore[no-untyped-def]
    from core.loyalty.members import loyalty_settings, save_loyalty_settings

    save_loyalty_settings(session, loyalty_settings(session))


def _add_tag_rule(session) -> None:  # type: ignore[no-untyped-def]
    from core.loyalty.tag_rules import Condition, RuleSpec, save_tag_rule

    save_tag_rule(session, RuleSpec("常客", (Condition("has_birthday"),)))


def _delete_tag_rule(session) -> None:  # type: ignore[no-untyped-def]
    from core.loyalty.tag_rules import delete_tag_rule

    delete_tag_rule(session, 1)


def _delete_tag(session) -> None:  # type: ignore[no-untyped-def]
    from core.customers.tags import delete_tag, ensure_tags

    delete_tag(session, ensure_tags(session, ["老客"])["老客"])


def _merge_tags(session) -> None:  # type: ignore[no-untyped-def]
    from core.customers.tags import ensure_tags, merge_tags

    ids = ensure_tags(session, ["老客", "回头客"])
    merge_tags(session, ids["老客"], ids["回头客"])


def _delete_note(session) -> None:  # type: ignore[no-untyped-def]
    from core.customers.profile import add_note, delete_note

    delete_note(session, add_note(session, session.scalars(select(Customer.id)).first(), "打错了"))


def _change_care_rule(session) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from core.care.rules import load_rules, save_rule

    rule = load_rules(session)[0]
    save_rule(session, replace(rule, enabled=not rule.enabled))


def _change_care_settings(session) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from core.care.rules import load_care_settings, save_care_settings

    save_care_settings(session, replace(load_care_settings(session), unpaid_remind_days=10))


@pytest.mark.parametrize(("change", "action"), [
    (_change_care_rule, "Changing the care rules"), (_change_care_settings, "Changing the care settings"),
    (_merge_then_undo, "Undoing a merge"), (_delete_note, "Deleting notes"), (_change_loyalty, "Changing the loyalty settings"),
    (_add_tag_rule, "Changing the tag rules"), (_delete_tag_rule, "Changing the tag rules"),
    (_delete_tag, "Deleting tags"), (_merge_tags, "Merging tags")])
def test_core_refuses_a_reps_owner_only_change(book, change, action) -> None:
    with pytest.raises(LaokeError, match=f"^{action} is switched off in rep mode"), book.transaction() as session:
        change(session)


def test_the_cli_refuses_a_reps_tag_rule_in_one_line(book, db_path, capsys) -> None:
    assert main(["tag-rules", "--db", str(db_path), "--add", "常客", "--when", "has_birthday"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "rep mode" in err
