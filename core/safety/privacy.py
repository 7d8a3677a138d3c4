"""Privacy for reps: masked phones and addresses, owner-only actions, and a log of every reveal.

Once the owner sets a passphrase (scrypt-hashed, never stored), every run starts in rep mode: the owner
unlocks the open book for that run with the passphrase, and the unlocked state lives in this process only (a
book opened anew, by the window or a CLI command, is in rep mode again). Core functions that export, delete,
undo or change settings call `ensure_owner_mode`, so the rule holds in the CLI too. Setting, changing and
removing the passphrase, unlocking and every reveal are in the audit log.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import weakref
from enum import IntEnum

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from core.errors import LaokeError
from core.messages import Message, stored
from core.store.masked import reads_masked
from core.store.models import AuditEvent, CareTask, Customer
from core.store.settings import get_setting, set_setting

PASSPHRASE_KEY = "privacy.owner_passphrase"
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# The engines (one per opened book) the owner unlocked in this run. Never stored: a new run starts locked.
_unlocked_books: weakref.WeakSet[Engine] = weakref.WeakSet()


def is_masked(value: str | None) -> bool:
    """Whether a platform already hid part of it (138****1234, 张**, 密文): such a value identifies no one."""
    return value is not None and ("*" in value or "密文" in value)


def mask_phone(phone: str | None) -> str | None:
    """138****1234 for a mobile number; other numbers keep only their last four digits visible."""
    if not phone:
        return phone
    if len(phone) >= 11:
        return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]
    return "*" * max(len(phone) - 4, 0) + phone[-4:]


def mask_address(address: str | None, visible: int = 6) -> str | None:
    """Keep the first characters (province and city), hide the street and door."""
    if not address or len(address) <= visible:
        return address
    return address[:visible] + "****"


def is_email(value: str) -> bool:
    """An e-mail address (a profile's, or an account that is one): masked in rep mode, found whole only."""
    return _EMAIL.fullmatch(value) is not None


def mask_email(email: str | None) -> str | None:
    """xi***@qq.com: the start of the name and the domain, enough to tell two buyers apart, not to write."""
    if not email or not is_email(email):
        return email
    local, _at, domain = email.rpartition("@")
    return local[:min(2, len(local) - 1)] + "***@" + domain


def mask_alias(kind: str, value: str) -> str:
    """An identity seen in an import, as rep mode shows it: its phone, e-mail or address hidden like the
    profile's."""
    if kind == "phone" or value.isdigit():  # some platforms' buyer key is the buyer's phone
        return mask_phone(value) or value
    if kind == "email" or is_email(value):
        return mask_email(value) or value
    if kind == "name_address":
        name, _bar, address = value.partition("|")
        return f"{name}|{mask_address(address)}"
    return value


def _hash(passphrase: str, salt: bytes) -> str:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=2**14, r=8, p=1).hex()


def _store_passphrase(session: Session, passphrase: str) -> None:
    if len(passphrase) < 4:
        raise LaokeError(Message("The owner's passphrase needs at least 4 characters."))
    salt = os.urandom(16)
    set_setting(session, PASSPHRASE_KEY, {"salt": salt.hex(), "hash": _hash(passphrase, salt)})


def set_owner_passphrase(session: Session, passphrase: str) -> None:
    """The first passphrase: from the next run on, Laoke starts in rep mode. Whoever set it is the owner now."""
    if has_owner_passphrase(session):
        raise LaokeError(Message("The owner's passphrase is already set; change it with the current one."))
    _store_passphrase(session, passphrase)
    _unlocked_books.add(_book(session))
    session.add(AuditEvent(action="owner_passphrase_set"))


def change_owner_passphrase(session: Session, current: str, new: str) -> None:
    """Replace the owner's passphrase (e.g. after a rep learned it); needs the current one."""
    _check_owner(session, current)
    _store_passphrase(session, new)
    session.add(AuditEvent(action="owner_passphrase_changed"))


def remove_owner_passphrase(session: Session, current: str) -> None:
    """No passphrase, no rep mode: every run is the owner's again."""
    _check_owner(session, current)
    set_setting(session, PASSPHRASE_KEY, None)
    session.add(AuditEvent(action="owner_passphrase_removed"))


def _check_owner(session: Session, passphrase: str) -> None:
    if not check_owner_passphrase(session, passphrase):
        raise LaokeError(Message("The owner's passphrase is wrong."))


def has_owner_passphrase(session: Session) -> bool:
    return get_setting(session, PASSPHRASE_KEY) is not None


def check_owner_passphrase(session: Session, passphrase: str) -> bool:
    stored = get_setting(session, PASSPHRASE_KEY)
    if stored is None:
        return False
    return hmac.compare_digest(stored["hash"], _hash(passphrase, bytes.fromhex(stored["salt"])))


def _book(session: Session) -> Engine:
    bind = session.get_bind()
    return bind if isinstance(bind, Engine) else bind.engine


class RepMode(IntEnum):
    """Whose eyes a search is for: the owner's, a rep's on this laptop, a rep's own login on a server (who
    reads phones masked and finds them through the server's `find_phone`). True for both reps."""

    OFF = 0
    LAPTOP = 1
    SERVER = 2


def rep_mode_enabled(session: Session) -> bool:
    """Rep mode: a rep's own login on a server, or an owner's passphrase is set and the owner has not
    unlocked this book in this run."""
    return bool(search_rep_mode(session))


def search_rep_mode(session: Session) -> RepMode:
    if reads_masked(session.connection()):
        return RepMode.SERVER
    return RepMode.LAPTOP if has_owner_passphrase(session) and _book(session) not in _unlocked_books else RepMode.OFF


def unlock_owner(session: Session, passphrase: str) -> None:
    """The owner works in this book for the rest of the run (the window's or the command's)."""
    _check_owner(session, passphrase)
    _unlocked_books.add(_book(session))
    session.add(AuditEvent(action="owner_unlocked"))


def lock_owner(session: Session) -> None:
    """Back to rep mode for this run, say before handing the laptop to a rep."""
    _unlocked_books.discard(_book(session))
    session.add(AuditEvent(action="owner_locked"))


def set_rep_mode(session: Session, enabled: bool, passphrase: str) -> None:
    """Switch rep mode on or off for this run; both need the owner's passphrase."""
    _check_owner(session, passphrase)
    if enabled:
        lock_owner(session)
    else:
        unlock_owner(session, passphrase)


def ensure_owner_mode(session: Session, action: str) -> None:
    """Refuse an owner-only action (export unmasked, back up, restore, undo, delete, settings) in rep mode."""
    if rep_mode_enabled(session):
        raise LaokeError(Message(
            "{action} is switched off in rep mode. Ask the shop owner.",
            action=action,
        ))


def shown_phone(session: Session, phone: str | None) -> str | None:
    """The phone as this computer may show it: masked in rep mode."""
    return mask_phone(phone) if rep_mode_enabled(session) else phone


def reveal_phone(session: Session, customer_id: int, actor: str | None = None) -> str | None:
    """Show one buyer's full phone: an explicit action, logged for the owner."""
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise LaokeError(Message("Customer #{customer_id} does not exist.", customer_id=customer_id))
    if reads_masked(session.connection()):
        return _revealed_by_server(session, customer_id, "reveal_phone", None)
    session.add(AuditEvent(action="reveal_phone", customer_id=customer_id, actor=actor))
    return customer.phone


def _revealed_by_server(session: Session, customer_id: int, action: str, detail: str | None) -> str | None:
    """A rep on a server reads no phone: the server answers this one, and logs it."""
    return session.scalar(text("SELECT laoke_masked.reveal_phone(:customer, :action, :detail)"),
                          {"customer": customer_id, "action": action, "detail": detail})


def reveal_for_care_task(session: Session, task_id: int) -> str | None:
    """A rep starts a care task by phone: that buyer's number, for that task, logged like the detail's Reveal."""
    task = session.get(CareTask, task_id)
    if task is None:
        raise LaokeError(Message("Care task #{task_id} does not exist.", task_id=task_id))
    detail = stored(Message("Care task #{task_id}", task_id=task_id))
    if reads_masked(session.connection()):
        return _revealed_by_server(session, task.customer_id, "reveal_phone_care_task", detail)
    customer = session.get(Customer, task.customer_id)
    session.add(AuditEvent(action="reveal_phone_care_task", customer_id=task.customer_id, detail=detail))
    return customer.phone if customer is not None else None
