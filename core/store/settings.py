"""Shop-wide settings stored in the database (thresholds, rules, rep mode), as JSON values by key.

Window geometry and other per-computer UI state belong in QSettings, not here.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, update
from sqlalchemy.orm import Session

from core.store.models import Setting

# The day the demo shop's made-up orders were made (core.demo writes it; the Today desk says so).
DEMO_MADE_ON_KEY = "demo.made_on"


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    setting = session.get(Setting, key)
    return default if setting is None else setting.value


def set_setting(session: Session, key: str, value: Any) -> None:
    """Store `value` (JSON-serialisable) under `key`; the caller commits."""
    setting = session.get(Setting, key)
    if setting is None:
        session.add(Setting(key=key, value=value))
    else:
        setting.value = value


def store_setting(connection: Connection, key: str, value: Any) -> None:
    """`set_setting` for Core writers that hold a connection inside their transaction."""
    if not connection.execute(update(Setting).where(Setting.key == key).values(value=value)).rowcount:
        connection.execute(insert(Setting).values(key=key, value=value))
