"""Editing a buyer: validated profile, notes, VIP, do-not-contact with history, tags, the detail view."""

from __future__ import annotations

from datetime import date

import pytest

from core.customers.detail import customer_detail
from core.customers.profile import (
    add_note,
    delete_note,
    edit_note,
    set_birthday,
    set_do_not_contact,
    set_vip,
    update_profile,
)
from core.customers.tags import (
    add_tags,
    create_tag,
    delete_tag,
    merge_tags,
    recolour_tag,
    remove_tags,
    rename_tag,
    set_customer_tags,
    tags_by_use,
)
from core.errors import LaokeError
from core.figures.birthdays import Birthday
from core.store.models import CalendarKind, NoteKind


@pytest.mark.parametrize(
    ("changes", "message"),
    [({"phone": "010-12345678"}, None), ({"phone": "0571 8888 1234"}, None), ({"phone": "+44 20 7946 0958"}, None),
     # Typed by hand, a slip is refused: too short, a mobile a digit short, a landline without its area code.
     ({"phone": "12345"}, "not a phone"), ({"phone": "138-1234"}, "not a phone"), ({"phone": "call me"}, "not a phone"),
     ({"phone": "1381234123"}, "not a phone"), ({"phone": "88881234"}, "area code"),
     ({"email": "a@b"}, "not an email"), ({"gender": "X"}, "gender"),
     ({"name": "x" * 200}, "longer than"), ({"stage": "loyal"}, "can be edited")],
)
def test_profile_validation(database, book, changes, message) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        if message is None:
            update_profile(session, book["张晓明"], changes)
        else:
            with pytest.raises(LaokeError, match=message):
                update_profile(session, book["张晓明"], changes)


def test_phone_is_cleaned_and_its_tail_kept(database, book) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        update_profile(session, book["张晓明"], {"phone": "139 0000 4321"})
    with database.session() as session:
        detail = customer_detail(session, book["张晓明"])
    assert detail.profile["phone"] == "13900004321"
    with database.transaction() as session:  # as an import stores it, so the next import finds this buyer
        update_profile(session, book["张晓明"], {"phone": "+86 139-0000-4321"})
        update_profile(session, book["曾小红"], {"phone": "+1 (415) 555-0100"})
    with database.session() as session:
        assert customer_detail(session, book["张晓明"]).profile["phone"] == "13900004321"
        assert customer_detail(session, book["曾小红"]).profile["phone"] == "+14155550100"


def test_detail_shows_figures_birthday_notes_and_history(database, book) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        set_birthday(session, book["曾小红"], Birthday(CalendarKind.LUNAR, 5, 15, is_leap_month=True, year=1990))
        vip_note = add_note(session, book["曾小红"], "喜欢浓茶", NoteKind.VIP)
        add_note(session, book["曾小红"], "地址在学校")
        set_vip(session, [book["曾小红"]], True)
        set_do_not_contact(session, [book["曾小红"]], True, "asked to stop", actor="owner")
        set_do_not_contact(session, [book["曾小红"]], False, actor="owner")
        edit_note(session, vip_note, "喜欢偏浓的口味")
    with database.session() as session:
        detail = customer_detail(session, book["曾小红"], today=date(2026, 11, 22))
    assert detail.is_vip and not detail.do_not_contact
    assert [n.text for n in detail.vip_notes] == ["喜欢偏浓的口味"]
    assert [n.text for n in detail.notes] == ["地址在学校"]
    assert [(e.do_not_contact, e.reason) for e in detail.contact_history] == [(False, None), (True, "asked to stop")]
    assert detail.birthday.text == "农历 闰5-15"
    assert detail.birthday.age == 36
    assert detail.birthday.next is not None and detail.birthday.next > date(2026, 11, 22)
    assert detail.figures.paid_orders == 2
    assert str(detail.figures.average_order_value) == "60.00"
    assert detail.figures.median_gap_days == 92.0  # the one gap between the two purchase days
    assert [o.number for o in detail.orders] == ["JD88002", "JD88001"]


def test_notes_are_never_empty_and_can_be_deleted(database, book) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        with pytest.raises(LaokeError, match="empty"):
            add_note(session, book["李四"], "  ")
        note = add_note(session, book["李四"], "hello")
        delete_note(session, note)
    with database.session() as session:
        assert customer_detail(session, book["李四"]).notes == []


def test_do_not_contact_records_only_real_changes(database, book) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        assert set_do_not_contact(session, [book["李四"], book["单田芳"]], True, "complaint") == 2
        assert set_do_not_contact(session, [book["李四"]], True, "again") == 0
    with database.session() as session:
        detail = customer_detail(session, book["李四"], masked=True)
    assert detail.dnc_reason == "complaint" and len(detail.contact_history) == 1


def test_tag_manager(database, book) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        add_tags(session, [book["张晓明"], book["曾小红"], book["李四"]], ["回头客"])
        add_tags(session, [book["张晓明"]], ["老客户"])
        gift = create_tag(session, "送礼", "#e0559f")
        with pytest.raises(LaokeError, match="already exists"):
            create_tag(session, "送礼")
        uses = tags_by_use(session)
        assert [(t.name, t.customers) for t in uses] == [("回头客", 3), ("老客户", 1), ("送礼", 0)]
        by_name = {t.name: t.id for t in uses}
        assert merge_tags(session, by_name["老客户"], by_name["回头客"]) == 0
        rename_tag(session, gift, "礼品")
        recolour_tag(session, gift, "#000000")
        assert remove_tags(session, [book["李四"]], ["回头客"]) == 1
        set_customer_tags(session, book["单田芳"], ["礼品"])
        assert [(t.name, t.customers, t.color) for t in tags_by_use(session)] == [
            ("回头客", 2, "#5b8def"), ("礼品", 1, "#000000")]
        assert delete_tag(session, by_name["回头客"]) == 2
        assert [t.name for t in tags_by_use(session)] == ["礼品"]
