"""Each buyer's place in the lifecycle, from their orders, as of a given day.

A paid order is one whose status is paid, shipped or completed; its date is its creation time.
The rules' thresholds live in the shop's settings, so a change in Settings applies at the next refresh.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date, datetime
from typing import Any

import numpy as np
from sqlalchemy import Connection, select

from core.errors import LaokeError
from core.messages import Message
from core.store.models import Setting, Stage

THRESHOLDS_KEY = "lifecycle.thresholds"
# What rep mode refuses to a rep, in the words ensure_owner_mode puts before "is switched off in rep mode".
CHANGING_THRESHOLDS = Message("Changing the stage thresholds")
STAGES: tuple[Stage, ...] = tuple(Stage)
STAGE_CODE = {str(stage): code for code, stage in enumerate(STAGES)}


@dataclass(frozen=True)
class StageThresholds:
    """The rules' numbers; Settings may change them."""

    active_days: int = 90
    dormant_days: int = 365
    repeat_min_orders: int = 2
    loyal_min_orders: int = 4

    def __post_init__(self) -> None:
        if not 1 <= self.active_days < self.dormant_days:
            raise LaokeError(
                Message(
                    "Active buyers must have bought within fewer days ({active_days}) than the "
                    "dormant limit ({dormant_days}), and at least 1.",
                    active_days=self.active_days, dormant_days=self.dormant_days,
                )
            )
        if not 2 <= self.repeat_min_orders < self.loyal_min_orders:
            raise LaokeError(
                Message(
                    "A repeat buyer needs at least 2 paid orders and fewer ({repeat_min_orders}) "
                    "than a loyal fan ({loyal_min_orders}).",
                    repeat_min_orders=self.repeat_min_orders, loyal_min_orders=self.loyal_min_orders,
                )
            )

    @classmethod
    def from_dict(cls, values: dict[str, Any] | None) -> StageThresholds:
        names = {field.name for field in fields(cls)}
        return cls(**{key: int(value) for key, value in (values or {}).items() if key in names})

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


def load_thresholds(connection: Connection) -> StageThresholds:
    """The shop's thresholds; stored values that no longer make sense fall back to the defaults."""
    stored = connection.scalar(select(Setting.value).where(Setting.key == THRESHOLDS_KEY))
    try:
        return StageThresholds.from_dict(stored if isinstance(stored, dict) else None)
    except (LaokeError, TypeError, ValueError):
        return StageThresholds()


def lifecycle_stage(
    order_count: int,
    paid_orders: int,
    last_paid_at: datetime | date | None,
    as_of: date,
    thresholds: StageThresholds = StageThresholds(),
) -> Stage:
    if order_count == 0:
        return Stage.PROSPECT
    if paid_orders == 0 or last_paid_at is None:
        return Stage.INTERESTED
    last_day = last_paid_at.date() if isinstance(last_paid_at, datetime) else last_paid_at
    days_since = (as_of - last_day).days
    if days_since > thresholds.dormant_days:
        return Stage.LOST
    if days_since > thresholds.active_days:
        return Stage.DORMANT
    if paid_orders >= thresholds.loyal_min_orders:
        return Stage.LOYAL
    if paid_orders >= thresholds.repeat_min_orders:
        return Stage.REPEAT
    return Stage.NEW


def stage_codes(
    order_count: np.ndarray,
    paid_orders: np.ndarray,
    last_paid_day: np.ndarray,
    as_of_day: int,
    thresholds: StageThresholds,
) -> np.ndarray:
    """`lifecycle_stage` for whole arrays: indexes into STAGES (last_paid_day < 0 means none)."""
    days_since = as_of_day - last_paid_day
    bought = (paid_orders > 0) & (last_paid_day >= 0)
    conditions = [
        order_count == 0,
        ~bought,
        days_since > thresholds.dormant_days,
        days_since > thresholds.active_days,
        paid_orders >= thresholds.loyal_min_orders,
        paid_orders >= thresholds.repeat_min_orders,
    ]
    choices = [STAGE_CODE[str(stage)] for stage in
               (Stage.PROSPECT, Stage.INTERESTED, Stage.LOST, Stage.DORMANT, Stage.LOYAL, Stage.REPEAT)]
    return np.select(conditions, choices, default=STAGE_CODE[str(Stage.NEW)]).astype(np.int8)
