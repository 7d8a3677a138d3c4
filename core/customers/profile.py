"""Editing a buyer: validated profile fields, birthday, VIP flag, notes and do-not-contact with its history."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import phonenumbers
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from core.errors import LaokeError
from core.figures.birthdays import Birthday
from core.messages import Message
from core.phones import compact_phone
from core.refresh import refresh_derived
from core.safety.privacy import ensure_owner_mode, is_masked
from core.store.bulk import on_stored_tables
from core.store.masked import SECRET_COLUMNS, reads_masked
from core.store.models import CalendarKind, ContactPreferenceEvent, Customer, Note, NoteKind

EDITABLE_TEXT = {
    "name": 128, "nickname": 128, "phone": 32, "phone_alt": 32, "email": 254, "wechat_id": 64,
    "province": 32, "city": 32, "district": 32, "address": 255, "gender": 1,
}
FIELD_NAMES = {  # as a message names them
    "name": Message("name"), "nickname": Message("nickname"), "phone": Message("phone"),
    "phone_alt": Message("second phone"), "email": Message("email"), "wechat_id": Message("WeChat id"),
    "province": Message("province"), "city": Message("city"), "district": Message("district"),
    "address": Message("address"), "gender": Message("gender"),
}
_PHONE = re.compile(r"^\+?\d{5,20}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def clean_phone(text: str) -> str:
    """A phone typed by hand, as stored: digits (and a leading + for a foreign number); raises unless it is a
    real mainland mobile or landline (with its area code) or, with its + code, a number abroad.

    Imports store what the sheet says; this is only for what a person types, where 12345 is a slip.
    """
    cleaned = compact_phone(text)
    if _PHONE.match(cleaned) and _is_real_number(cleaned):
        return cleaned
    raise LaokeError(Message(
        "'{text}' is not a phone number: a mobile like 13812345678, a landline with its area code like "
        "010-12345678, or a number abroad with its + code.",
        text=text,
    ))


def _is_real_number(number: str) -> bool:
    try:
        parsed = phonenumbers.parse(number, None if number.startswith("+") else "CN")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(parsed)


def validate_profile(changes: dict[str, Any]) -> dict[str, Any]:
    """The changes cleaned, or a LaokeError naming the field and what is wrong."""
    cleaned: dict[str, Any] = {}
    for key, value in changes.items():
        if key not in EDITABLE_TEXT:
            raise LaokeError(Message("'{key}' is not a profile field that can be edited.", key=key))
        text = (value or "").strip() or None
        if text is not None and len(text) > EDITABLE_TEXT[key]:
            raise LaokeError(Message(
                "The {field} is longer than {limit} characters.",
                field=FIELD_NAMES[key], limit=EDITABLE_TEXT[key],
            ))
        if text is not None and key in ("phone", "phone_alt"):
            text = clean_phone(text)
        if text is not None and key == "email" and not _EMAIL.match(text):
            raise LaokeError(Message("'{text}' is not an email address.", text=text))
        if text is not None and key == "gender" and text not in ("F", "M"):
            raise LaokeError(Message("The gender is F, M or empty."))
        cleaned[key] = text
    if "phone" in cleaned:
        cleaned["phone_last4"] = cleaned["phone"][-4:] if cleaned["phone"] else None
    return cleaned


def _existing(session: Session, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None or customer.merged_into_id is not None:
        raise LaokeError(Message(
            "Customer #{customer_id} does not exist (or was merged into another).",
            customer_id=customer_id,
        ))
    return customer


def update_profile(session: Session, customer_id: int, changes: dict[str, Any]) -> None:
    """Save validated profile edits and refresh what is derived from them (search keys)."""
    if reads_masked(session.connection()):  # a rep on a server: a phone or address shown masked is no edit
        changes = {key: value for key, value in changes.items()
                   if not (key in SECRET_COLUMNS["customers"] and is_masked(value))}
    cleaned = validate_profile(changes)
    _existing(session, customer_id)
    if cleaned:  # the table itself: on a server a rep's search path finds the masked view first
        session.execute(on_stored_tables(session.connection(), update(Customer).where(Customer.id == customer_id)
                                         .values(**cleaned)))
    refresh_derived(session.connection(), [customer_id])


def set_birthday(session: Session, customer_id: int, birthday: Birthday | None) -> None:
    """Set (or clear, with None) a solar or lunar birthday; Birthday validates itself."""
    customer = _existing(session, customer_id)
    if birthday is None:
        customer.birthday_calendar = customer.birth_year = customer.birth_month = customer.birth_day = None
        customer.birth_is_leap_month = False
    else:
        customer.birthday_calendar = str(birthday.calendar)
        customer.birth_year = birthday.year
        customer.birth_month = birthday.month
        customer.birth_day = birthday.day
        customer.birth_is_leap_month = birthday.is_leap_month
    session.flush()


def birthday_of(customer: Customer) -> Birthday | None:
    if not customer.birth_month or not customer.birth_day:
        return None
    return Birthday(
        calendar=CalendarKind(customer.birthday_calendar or CalendarKind.SOLAR),
        month=customer.birth_month, day=customer.birth_day,
        is_leap_month=bool(customer.birth_is_leap_month), year=customer.birth_year,
    )


def set_vip(session: Session, customer_ids: Iterable[int], vip: bool) -> int:
    return session.execute(
        update(Customer).where(Customer.id.in_(sorted(set(customer_ids)))).values(is_vip=vip)
    ).rowcount


def add_note(session: Session, customer_id: int, text: str, kind: NoteKind = NoteKind.GENERAL,
             author: str | None = None) -> int:
    text = text.replace("\x00", "").strip()  # pasted NULs: PostgreSQL text cannot hold them, nobody reads them
    if not text:
        raise LaokeError(Message("The note is empty."))
    _existing(session, customer_id)
    note = Note(customer_id=customer_id, kind=str(kind), text=text, author=author)
    session.add(note)
    session.flush()
    return note.id


def edit_note(session: Session, note_id: int, text: str) -> None:
    note = session.get(Note, note_id)
    if note is None:
        raise LaokeError(Message("Note #{note_id} does not exist.", note_id=note_id))
    if not text.strip():
        raise LaokeError(Message("The note is empty: delete it instead."))
    note.text = text.strip()
    session.flush()


def delete_note(session: Session, note_id: int) -> None:
    """The owner's, as on a server (where a rep's role may not delete notes): a rep corrects a note instead."""
    ensure_owner_mode(session, Message("Deleting notes"))
    note = session.get(Note, note_id)
    if note is not None:
        session.delete(note)
        session.flush()


def set_do_not_contact(session: Session, customer_ids: Iterable[int], do_not_contact: bool,
                       reason: str | None = None, actor: str | None = None) -> int:
    """Mark or clear do-not-contact, recording who, when and why for each buyer whose flag changes."""
    now = datetime.now().replace(microsecond=0)
    ids = sorted(set(customer_ids))
    changing = list(session.scalars(
        select(Customer.id).where(Customer.id.in_(ids), Customer.do_not_contact.is_not(do_not_contact))
    ))
    if not changing:
        return 0
    session.execute(
        update(Customer).where(Customer.id.in_(changing)).values(
            do_not_contact=do_not_contact,
            dnc_reason=(reason or None) if do_not_contact else None,
            dnc_since=now if do_not_contact else None,
        )
    )
    session.add_all(
        ContactPreferenceEvent(customer_id=cid, do_not_contact=do_not_contact, reason=reason or None,
                               actor=actor, at=now)
        for cid in changing
    )
    session.flush()
    return len(changing)
