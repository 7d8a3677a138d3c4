"""The care calendar as this run may show it: in rep mode every phone in the agenda, the cards and the exports
is masked (a rep reveals one buyer's number by starting that task, core.safety.privacy.reveal_for_care_task)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from sqlalchemy.orm import Session

from core.care.cards import CustomerCard
from core.care.tasks import TaskRow
from core.safety.privacy import mask_phone, rep_mode_enabled

# What rep mode refuses on this page, in the words ensure_owner_mode puts before "is switched off in rep mode".


def tasks_as_shown(session: Session, tasks: list[TaskRow]) -> list[TaskRow]:
    if not rep_mode_enabled(session):
        return tasks
    return [replace(task, phone=mask_phone(task.phone), customer_name=_masked_name(task.customer_name, task.phone))
            for task in tasks]


def cards_as_shown(session: Session, cards: Mapping[int, CustomerCard]) -> dict[int, CustomerCard]:
    if not rep_mode_enabled(session):
        return dict(cards)
    return {key: replace(card, phone=mask_phone(card.phone)) for key, card in cards.items()}


def _masked_name(name: str, phone: str | None) -> str:
    """A buyer known by nothing but a phone is listed by that phone: masked too."""
    return (mask_phone(name) or name) if phone and name == phone else name
