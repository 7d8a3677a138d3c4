"""Tags: the shop's own labels on buyers (老客, 送礼, 敏感肌…), with colours, counts and bulk edits."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from core.errors import LaokeError
from core.messages import Message
from core.safety.privacy import ensure_owner_mode
from core.store.models import CustomerTag, Tag, TagRule

DEFAULT_COLOR = "#5b8def"


@dataclass(frozen=True)
class TagUse:
    id: int
    name: str
    color: str
    customers: int
    rules: int = 0  # tag rules that give it: deleting the tag deletes them


def clean_tag_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise LaokeError(Message("A tag needs a name."))
    if len(cleaned) > 64:
        raise LaokeError(Message(
            "The tag name '{cleaned}…' is longer than 64 characters.",
            cleaned=cleaned[:20],
        ))
    return cleaned


def tags_by_use(session: Session) -> list[TagUse]:
    """Every tag with how many buyers carry it, most used first."""
    count = func.count(CustomerTag.customer_id)
    rules = select(func.count(TagRule.id)).where(TagRule.tag_id == Tag.id).scalar_subquery()
    query = (
        select(Tag.id, Tag.name, Tag.color, count, rules)
        .outerjoin(CustomerTag, CustomerTag.tag_id == Tag.id)
        .group_by(Tag.id)
        .order_by(count.desc(), Tag.name)
    )
    return [TagUse(*row) for row in session.execute(query)]


def ensure_tags(session: Session, names: Iterable[str]) -> dict[str, int]:
    """Tag ids by name, creating the tags that do not exist yet."""
    wanted = {clean_tag_name(name) for name in names}
    found = {name: tag_id for name, tag_id in session.execute(select(Tag.name, Tag.id).where(Tag.name.in_(wanted)))}
    for name in sorted(wanted - found.keys()):
        tag = Tag(name=name, color=DEFAULT_COLOR)
        session.add(tag)
        session.flush()
        found[name] = tag.id
    return found


def create_tag(session: Session, name: str, color: str = DEFAULT_COLOR) -> int:
    name = clean_tag_name(name)
    if session.scalar(select(Tag.id).where(Tag.name == name)) is not None:
        raise LaokeError(Message("The tag '{name}' already exists.", name=name))
    tag = Tag(name=name, color=color)
    session.add(tag)
    session.flush()
    return tag.id


def rename_tag(session: Session, tag_id: int, new_name: str) -> None:
    new_name = clean_tag_name(new_name)
    other = session.scalar(select(Tag.id).where(Tag.name == new_name))
    if other is not None and other != tag_id:
        raise LaokeError(Message(
            "The tag '{new_name}' already exists: merge the two tags instead.",
            new_name=new_name,
        ))
    session.execute(update(Tag).where(Tag.id == tag_id).values(name=new_name))


def recolour_tag(session: Session, tag_id: int, color: str) -> None:
    session.execute(update(Tag).where(Tag.id == tag_id).values(color=color))


def merge_tags(session: Session, source_id: int, target_id: int) -> int:
    """Give everyone tagged `source` the `target` tag, then delete `source`. Returns buyers moved."""
    ensure_owner_mode(session, Message("Merging tags"))  # the merged tag is gone for good
    if source_id == target_id:
        raise LaokeError(Message("Choose two different tags to merge."))
    members = dict(session.execute(select(CustomerTag.customer_id, CustomerTag.rule_id)
                                   .where(CustomerTag.tag_id == source_id)).all())
    already = set(session.scalars(select(CustomerTag.customer_id).where(CustomerTag.tag_id == target_id)))
    moving = sorted(members.keys() - already)
    if moving:
        session.execute(insert(CustomerTag), [{"customer_id": cid, "tag_id": target_id, "rule_id": members[cid]}
                                              for cid in moving])
    moved = len(moving)
    # A rule that gave the merged tag gives the kept one from now on; what it gave moves still marked as its.
    session.execute(update(TagRule).where(TagRule.tag_id == source_id).values(tag_id=target_id))
    session.execute(delete(Tag).where(Tag.id == source_id))
    return moved


def delete_tag(session: Session, tag_id: int) -> int:
    """Delete a tag; returns how many buyers lost it."""
    ensure_owner_mode(session, Message("Deleting tags"))
    affected = session.scalar(select(func.count()).where(CustomerTag.tag_id == tag_id)) or 0
    session.execute(delete(CustomerTag).where(CustomerTag.tag_id == tag_id))
    session.execute(delete(Tag).where(Tag.id == tag_id))
    return int(affected)


def add_tags(session: Session, customer_ids: Iterable[int], names: Iterable[str]) -> int:
    """Tag these buyers (creating missing tags); returns how many new tag marks were made."""
    ids = sorted(set(customer_ids))
    added = 0
    for tag_id in ensure_tags(session, names).values():
        have = set(session.scalars(
            select(CustomerTag.customer_id).where(CustomerTag.tag_id == tag_id, CustomerTag.customer_id.in_(ids))
        ))
        rows = [{"customer_id": cid, "tag_id": tag_id} for cid in ids if cid not in have]
        if rows:
            session.execute(insert(CustomerTag), rows)
            added += len(rows)
    return added


def remove_tags(session: Session, customer_ids: Iterable[int], names: Iterable[str]) -> int:
    ids = sorted(set(customer_ids))
    tag_ids = select(Tag.id).where(Tag.name.in_(list(names)))
    return session.execute(
        delete(CustomerTag).where(CustomerTag.customer_id.in_(ids), CustomerTag.tag_id.in_(tag_ids))
    ).rowcount


def set_customer_tags(session: Session, customer_id: int, names: Iterable[str]) -> None:
    """Make this buyer's hand-typed tags exactly `names`. The tags rules gave stay the rules' business; one of
    them typed here becomes the owner's, and stays when the rule stops giving it."""
    wanted = set(ensure_tags(session, names).values())
    given = set(session.scalars(select(CustomerTag.tag_id).where(
        CustomerTag.customer_id == customer_id, CustomerTag.rule_id.is_not(None))))
    if wanted & given:
        session.execute(update(CustomerTag).where(CustomerTag.customer_id == customer_id,
                                                  CustomerTag.tag_id.in_(wanted & given)).values(rule_id=None))
    current = set(session.scalars(select(CustomerTag.tag_id).where(CustomerTag.customer_id == customer_id))) - (
        given - wanted)
    if current - wanted:
        session.execute(delete(CustomerTag).where(
            CustomerTag.customer_id == customer_id, CustomerTag.tag_id.in_(current - wanted)
        ))
    if wanted - current:
        session.execute(insert(CustomerTag), [{"customer_id": customer_id, "tag_id": t} for t in wanted - current])
