"""Undoing an import batch: its orders removed, its updates reverted, the customers only it created removed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, bindparam, delete, exists, select, update

from core.errors import LaokeError
from core.importing.writer import (
    CHUNK,
    LINE_COLUMNS,
    LINE_TABLE,
    ORDER_TABLE,
    RESTORED_ORDER_COLUMNS,
    decode_value,
    refresh_in_chunks,
)
from core.messages import Message
from core.store.bulk import bulk_insert
from core.store.models import (
    Customer,
    CustomerAlias,
    CustomerSearchKey,
    CustomerTag,
    ImportBatch,
    ImportChange,
    Note,
    Order,
)


@dataclass
class UndoSummary:
    batch_id: int
    orders_removed: int
    orders_reverted: int
    customers_removed: int


def undo_batch(connection: Connection, batch_id: int) -> UndoSummary:
    """Undo one batch inside the caller's transaction. Later imports must be undone first."""
    batch = connection.execute(
        select(ImportBatch.status, ImportBatch.file_name, ImportBatch.kind).where(ImportBatch.id == batch_id)
    ).first()
    if batch is None:
        raise LaokeError(Message("There is no import #{batch_id}.", batch_id=batch_id))
    if batch.status != "committed":
        raise LaokeError(Message(
            "The import of {file} (#{batch_id}) was already undone.",
            file=batch.file_name, batch_id=batch_id,
        ))
    later = connection.scalar(
        select(ImportBatch.file_name).where(ImportBatch.id > batch_id, ImportBatch.status == "committed").limit(1)
    )
    if later is not None:
        raise LaokeError(Message(
            "Undo the later import of {later} first: it may have changed the same orders.",
            later=later,
        ))

    touched = set(connection.scalars(
        select(Order.customer_id).where(Order.import_batch_id == batch_id, Order.customer_id.is_not(None)).distinct()
    ))
    created = connection.scalars(select(Order.id).where(Order.import_batch_id == batch_id)).all()
    for start in range(0, len(created), CHUNK):
        chunk = created[start : start + CHUNK]
        connection.execute(delete(LINE_TABLE).where(LINE_TABLE.c.order_id.in_(chunk)))
        connection.execute(delete(ORDER_TABLE).where(ORDER_TABLE.c.id.in_(chunk)))
    reverted = _revert_updates(connection, batch_id, touched)
    touched |= _revert_customer_sheet(connection, batch_id)
    # A customer sheet brought the birthdays of the customers it created; an order sheet never does.
    removed = _remove_created_customers(connection, batch_id, birthday_is_manual=batch.kind != "customers")
    connection.execute(delete(CustomerAlias).where(CustomerAlias.first_batch_id == batch_id))
    refresh_in_chunks(connection, touched - removed)
    connection.execute(
        update(ImportBatch).where(ImportBatch.id == batch_id).values(
            status="undone", undone_at=datetime.now().replace(microsecond=0)
        )
    )
    return UndoSummary(batch_id, len(created), reverted, len(removed))


def _revert_updates(connection: Connection, batch_id: int, touched: set[int]) -> int:
    changes = connection.execute(
        select(ImportChange.entity_id, ImportChange.before).where(
            ImportChange.batch_id == batch_id, ImportChange.entity == "order", ImportChange.action == "update"
        )
    ).all()
    if not changes:
        return 0
    restored, lines = [], []
    for order_id, before in changes:
        # .get: a snapshot taken before a column existed (order_name) restores it empty.
        restored.append({"oid": order_id, **{c: decode_value(c, before.get(c)) for c in RESTORED_ORDER_COLUMNS}})
        lines.extend({"order_id": order_id, **{c: decode_value(c, line[c]) for c in LINE_COLUMNS}}
                     for line in before["lines"])
        if before["customer_id"] is not None:
            touched.add(before["customer_id"])
    order_ids = [order_id for order_id, _before in changes]
    for start in range(0, len(order_ids), CHUNK):
        chunk = order_ids[start : start + CHUNK]
        touched.update(cid for cid in connection.scalars(select(Order.customer_id).where(Order.id.in_(chunk))) if cid)
        connection.execute(delete(LINE_TABLE).where(LINE_TABLE.c.order_id.in_(chunk)))
    connection.execute(
        update(ORDER_TABLE).where(ORDER_TABLE.c.id == bindparam("oid")).values(
            {column: bindparam(column) for column in RESTORED_ORDER_COLUMNS}
        ),
        restored,
    )
    bulk_insert(connection, LINE_TABLE, lines)
    return len(changes)


def _revert_customer_sheet(connection: Connection, batch_id: int) -> set[int]:
    """Notes and tags a customer sheet added go; the blanks it filled in are emptied again."""
    changes = connection.execute(
        select(ImportChange.entity, ImportChange.entity_id, ImportChange.before).where(
            ImportChange.batch_id == batch_id, ImportChange.entity.in_(["note", "customer_tag", "customer"]),
            ImportChange.action.in_(["create", "update"]),
        )
    ).all()
    touched = set()
    for entity, entity_id, before in changes:
        if entity == "note":
            connection.execute(delete(Note).where(Note.id == entity_id))
        elif entity == "customer_tag":
            connection.execute(delete(CustomerTag).where(
                CustomerTag.customer_id == entity_id, CustomerTag.tag_id == before["tag_id"]))
        elif before is not None:
            connection.execute(update(Customer).where(Customer.id == entity_id).values(**before))
            touched.add(entity_id)
    return touched


def _remove_created_customers(connection: Connection, batch_id: int, *, birthday_is_manual: bool = True) -> set[int]:
    """Customers this batch created, unless they still have orders or anything the owner added by hand."""
    created = connection.scalars(
        select(ImportChange.entity_id).where(
            ImportChange.batch_id == batch_id, ImportChange.entity == "customer", ImportChange.action == "create"
        )
    ).all()
    removable = set()
    for start in range(0, len(created), CHUNK):
        chunk = created[start : start + CHUNK]
        query = select(Customer.id).where(
            Customer.id.in_(chunk),
            ~exists().where(Order.customer_id == Customer.id),
            ~exists().where(Note.customer_id == Customer.id),
            ~exists().where(CustomerTag.customer_id == Customer.id),
            Customer.is_vip.is_(False),
            Customer.do_not_contact.is_(False),
        )
        if birthday_is_manual:
            query = query.where(Customer.birth_month.is_(None))
        removable.update(connection.scalars(query))
    ids = sorted(removable)
    for start in range(0, len(ids), 5000):
        chunk = ids[start : start + 5000]
        connection.execute(delete(CustomerSearchKey).where(CustomerSearchKey.customer_id.in_(chunk)))  # no cascade
        connection.execute(delete(Customer).where(Customer.id.in_(chunk)))
    return removable
