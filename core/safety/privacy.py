"""Privacy for reps: masked phones and addresses, owner-only actions, and a log of every reveal.

Rep mode is a shop-wide setting protected by the owner's passphrase (scrypt-hashed, never stored).
Core functions that export or delete call `ensure_owner_mode` so the rule holds in the CLI too.
"""

from __future__ import annotations

import hashlib
import hmac
import os

from sqlalchemy.orm import Session

from core.errors import LaokeError
from core.messages import Message
from core.store.models import AuditEvent, Customer
from core.store.settings import get_setting, set_setting

REP_MODE_KEY = "privacy.rep_mode"
PASSPHRASE_KEY = "privacy.owner_passphrase"


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


def mask_alias(kind: str, value: str) -> str:
    """An identity seen in an import, as rep mode shows it: its phone or address hidden like the profile's."""
    if kind == "phone" or value.isdigit():  # some platforms' buyer key is the buyer's phone
        return mask_phone(value) or value
    if kind == "name_address":
        name, _bar, address = value.partition("|")
        return f"{name}|{mask_address(address)}"
    return value


def _hash(passphrase: str, salt: bytes) -> str:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=2**14, r=8, p=1).hex()


def set_owner_passphrase(session: Session, passphrase: str) -> None:
    if len(passphrase) < 4:
        raise LaokeError(Message("The owner's passphrase needs at least 4 characters."))
    salt = os.urandom(16)
    set_setting(session, PASSPHRASE_KEY, {"salt": salt.hex(), "hash": _hash(passphrase, salt)})


def change_owner_passphrase(session: Session, current: str, new: str) -> None:
    """Replace the owner's passphrase (e.g. after a rep learned it); needs the current one."""
    if not check_owner_passphrase(session, current):
        raise LaokeError(Message("The owner's passphrase is wrong."))
    set_owner_passphrase(session, new)
    session.add(AuditEvent(action="owner_passphrase_changed"))


def has_owner_passphrase(session: Session) -> bool:
    return get_setting(session, PASSPHRASE_KEY) is not None


def check_owner_passphrase(session: Session, passphrase: str) -> bool:
    stored = get_setting(session, PASSPHRASE_KEY)
    if stored is None:
        return False
    return hmac.compare_digest(stored["hash"], _hash(passphrase, bytes.fromhex(stored["salt"])))


def rep_mode_enabled(session: Session) -> bool:
    return bool(get_setting(session, REP_MODE_KEY, False))


def set_rep_mode(session: Session, enabled: bool, passphrase: str) -> None:
    """Switch rep mode on or off; both need the owner's passphrase."""
    if not check_owner_passphrase(session, passphrase):
        raise LaokeError(Message("The owner's passphrase is wrong."))
    set_setting(session, REP_MODE_KEY, enabled)
    session.add(AuditEvent(action="rep_mode_on" if enabled else "rep_mode_off"))


def ensure_owner_mode(session: Session, action: str) -> None:
    """Refuse an owner-only action (export, delete) while rep mode is on."""
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
    session.add(AuditEvent(action="reveal_phone", customer_id=customer_id, actor=actor))
    return customer.phone
