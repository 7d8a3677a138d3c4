"""Rule-based tags: the owner's rules, written without code, give their tag to every buyer who meets them.

A condition is a small JSON object, {"kind": ..., "value": ...}, turned into one SQL condition on the
customer, so applying a rule to a million buyers is an INSERT … SELECT and a DELETE. A tag a rule gave is
marked with the rule (CustomerTag.rule_id) and taken away when the rule no longer holds; a tag typed by hand
is never touched by a rule, whether or not the rule holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    delete,
    exists,
    false,
    func,
    insert,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import Session

from core.errors import LaokeError
from core.loyalty.conditions import CONDITIONS
from core.messages import Message
from core.safety.privacy import ensure_owner_mode
from core.store.models import Customer, CustomerTag, Order, OrderLine, Tag, TagRule

ID_CHUNK = 30_000
# What rep mode refuses here, in the words ensure_owner_mode puts before "is switched off in rep mode".
CHANGING_TAG_RULES = Message("Changing the tag rules")


@dataclass(frozen=True)
class Condition:
    kind: str
    value: Any = None

    def __post_init__(self) -> None:
        kind = CONDITIONS.get(self.kind)
        if kind is None:
            raise LaokeError(Message("A tag rule cannot ask about {kind}.", kind=self.kind))
        if kind == "text" and not str(self.value or "").strip():
            raise LaokeError(Message("Say which text the product title should contain."))
        if kind == "number" and (not isinstance(self.value, int | float) or self.value < 0):
            raise LaokeError(Message("A tag rule's number must be zero or more."))
        if kind == "choices" and (not isinstance(self.value, list) or not self.value):
            raise LaokeError(Message("Choose at least one value for each condition."))

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "value": self.value}


@dataclass(frozen=True)
class RuleSpec:
    """A rule as the dialog edits it."""

    tag: str
    conditions: tuple[Condition, ...]
    match_all: bool = True
    enabled: bool = True

    def __post_init__(self) -> None:
        if not self.tag.strip():
            raise LaokeError(Message("A tag rule needs the name of the tag it gives."))
        if not self.conditions:
            raise LaokeError(Message("A tag rule needs at least one condition."))


def _condition(condition: Condition, today: date) -> ColumnElement[bool]:
    kind, value = condition.kind, condition.value
    if kind == "product_contains":
        pattern = f"%{str(value).strip()}%"
        return exists().where(OrderLine.order_id == Order.id, Order.customer_id == Customer.id,
                              or_(OrderLine.title.like(pattern), OrderLine.sku.like(pattern)))
    if kind == "spent_at_least":
        return Customer.total_spent >= Decimal(str(value))
    if kind == "orders_at_least":
        return Customer.paid_orders >= int(value)
    if kind in ("ordered_within_days", "not_ordered_within_days"):
        since = datetime.combine(today - timedelta(days=int(value)), datetime.min.time())
        within = Customer.last_paid_at >= since
        return within if kind == "ordered_within_days" else or_(Customer.last_paid_at.is_(None), ~within)
    if kind == "has_birthday":
        return Customer.birth_month.is_not(None)
    column = {"stage_is": Customer.stage, "tier_is": Customer.member_tier, "city_is": Customer.city,
              "province_is": Customer.province, "platform_is": Customer.platform}[kind]
    return column.in_([str(choice) for choice in value])


def rule_condition(spec: RuleSpec, today: date) -> ColumnElement[bool]:
    parts = [_condition(condition, today) for condition in spec.conditions]
    return and_(*parts) if spec.match_all else or_(*parts)


def _matching(spec: RuleSpec, today: date) -> Any:
    return select(Customer.id).where(Customer.merged_into_id.is_(None), rule_condition(spec, today))


def preview_count(session: Session, spec: RuleSpec, today: date | None = None) -> int:
    """How many buyers the rule would tag, before it is saved."""
    return int(session.scalar(select(func.count()).select_from(_matching(spec, today or date.today()).subquery()))
               or 0)


RULE_COLUMNS = (TagRule.id, TagRule.tag_id, Tag.name, TagRule.conditions, TagRule.match_all, TagRule.enabled)


def _saved_rules(connection: Connection) -> list[tuple[int, int, RuleSpec]]:
    """(rule id, tag id, rule) of every rule, oldest first."""
    rows = connection.execute(select(*RULE_COLUMNS).join(Tag, Tag.id == TagRule.tag_id).order_by(TagRule.id))
    return [(rule_id, tag_id, RuleSpec(name, tuple(Condition(**condition) for condition in conditions),
                                       match_all, enabled))
            for rule_id, tag_id, name, conditions, match_all, enabled in rows]


def apply_rule(connection: Connection, rule_id: int, tag_id: int, spec: RuleSpec, today: date,
               customer_ids: Sequence[int] | None = None) -> tuple[int, int]:
    """Give the rule's tag to those who meet it and take it from those it gave it to who no longer do
    (among `customer_ids` when given). Hand-typed tags stay. Returns (added, removed)."""
    matching = _matching(spec, today) if spec.enabled else select(Customer.id).where(false())
    chunks = [None] if customer_ids is None else [
        list(customer_ids[start : start + ID_CHUNK]) for start in range(0, len(customer_ids), ID_CHUNK)]
    added = removed = 0
    for chunk in chunks:
        scope = matching if chunk is None else matching.where(Customer.id.in_(chunk))
        gone = delete(CustomerTag).where(CustomerTag.rule_id == rule_id, CustomerTag.customer_id.not_in(scope))
        if chunk is not None:
            gone = gone.where(CustomerTag.customer_id.in_(chunk))
        removed += connection.execute(gone).rowcount or 0
        already = select(CustomerTag.customer_id).where(CustomerTag.tag_id == tag_id)
        new = scope.where(Customer.id.not_in(already)).add_columns(literal(tag_id), literal(rule_id),
                                                                    func.current_timestamp())
        added += connection.execute(insert(CustomerTag).from_select(
            ["customer_id", "tag_id", "rule_id", "created_at"], new)).rowcount or 0
    return added, removed


def apply_tag_rules(connection: Connection, customer_ids: Sequence[int] | None = None,
                    today: date | None = None) -> tuple[int, int]:
    """Every rule, to these customers (all when None). Returns buyers tagged and untagged."""
    today = today or date.today()
    added = removed = 0
    for rule_id, tag_id, spec in _saved_rules(connection):
        more, fewer = apply_rule(connection, rule_id, tag_id, spec, today, customer_ids)
        added, removed = added + more, removed + fewer
    return added, removed


@dataclass(frozen=True)
class SavedRule:
    id: int
    spec: RuleSpec
    tagged: int  # buyers holding the tag from this rule


def tag_rules(session: Session) -> list[SavedRule]:
    counts = dict(session.execute(select(CustomerTag.rule_id, func.count()).where(CustomerTag.rule_id.is_not(None))
                                  .group_by(CustomerTag.rule_id)).all())
    return [SavedRule(rule_id, spec, counts.get(rule_id, 0))
            for rule_id, _tag_id, spec in _saved_rules(session.connection())]


def save_tag_rule(session: Session, spec: RuleSpec, rule_id: int | None = None,
                  today: date | None = None) -> SavedRule:
    """Create or change a rule (its tag is made when missing) and apply it to the whole book at once."""
    ensure_owner_mode(session, CHANGING_TAG_RULES)
    name = spec.tag.strip()
    tag_id = session.scalar(select(Tag.id).where(Tag.name == name))
    if tag_id is None:
        tag = Tag(name=name)
        session.add(tag)
        session.flush()
        tag_id = tag.id
    rule = TagRule() if rule_id is None else session.get(TagRule, rule_id)
    if rule is None:
        raise LaokeError(Message("That tag rule was deleted meanwhile."))
    if rule.tag_id is not None and rule.tag_id != tag_id:
        # The rule now gives another tag: what it gave under the old name goes.
        session.execute(delete(CustomerTag).where(CustomerTag.rule_id == rule.id))
    rule.tag_id, rule.match_all, rule.enabled = tag_id, spec.match_all, spec.enabled
    rule.conditions = [condition.to_dict() for condition in spec.conditions]
    session.add(rule)
    session.flush()
    apply_rule(session.connection(), rule.id, tag_id, spec, today or date.today())
    tagged = session.scalar(select(func.count()).where(CustomerTag.rule_id == rule.id)) or 0
    return SavedRule(rule.id, spec, tagged)


def delete_tag_rule(session: Session, rule_id: int) -> None:
    """The rule goes, and with it the tags it gave (hand-typed ones of the same name stay)."""
    ensure_owner_mode(session, CHANGING_TAG_RULES)
    session.execute(delete(CustomerTag).where(CustomerTag.rule_id == rule_id))
    session.execute(delete(TagRule).where(TagRule.id == rule_id))
