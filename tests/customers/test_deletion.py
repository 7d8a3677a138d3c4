"""Deleting customers: owner only, their own data goes, their orders stay detached, merged records go too."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from core.customers.deletion import delete_customers
from core.customers.merge import merge_customers
from core.customers.profile import add_note, set_do_not_contact
from core.customers.tags import add_tags
from core.errors import LaokeError
from core.safety.privacy import set_owner_passphrase, set_rep_mode
from core.search.query import search_customer_ids
from core.store.models import (
    AuditEvent,
    Customer,
    CustomerAlias,
    CustomerMerge,
    CustomerSearchKey,
    CustomerTag,
    Note,
    NoteKind,
    Order,
)


def count(session, table, *where) -> int:  # type: ignore[no-untyped-def]
    return int(session.scalar(select(func.count()).select_from(table).where(*where)) or 0)


def test_deleting_removes_the_customer_and_keeps_orders_detached(database, book) -> None:  # type: ignore[no-untyped-def]
    gone, kept = book["曾小红"], book["张晓明"]
    with database.transaction() as session:
        add_tags(session, [gone, kept], ["回头客"])
        add_note(session, gone, "likes green tea", NoteKind.VIP)
        set_do_not_contact(session, [gone], True, "asked us to stop")
        session.add(CustomerAlias(customer_id=gone, kind="nickname", platform="jd", value="夏天的风"))
    with database.transaction() as session:
        assert delete_customers(session, [gone, 999_999]) == 1
    with database.session() as session:
        assert session.get(Customer, gone) is None
        for table in (CustomerTag, Note, CustomerAlias, CustomerSearchKey):
            assert count(session, table, table.customer_id == gone) == 0
        orders = session.scalars(select(Order).where(Order.platform_order_id.in_(["JD88001", "JD88002"]))).all()
        assert len(orders) == 2 and all(order.customer_id is None for order in orders)
        assert count(session, CustomerTag, CustomerTag.customer_id == kept) == 1
        assert search_customer_ids(session, "夏天") == []
        assert session.scalars(select(AuditEvent.action)).all()[-1] == "delete_customers"


def test_records_merged_into_a_deleted_customer_go_too(database, book) -> None:  # type: ignore[no-untyped-def]
    kept, merged = book["张晓明"], book["李四"]
    with database.transaction() as session:
        merge_customers(session, kept, merged)
    with database.transaction() as session:
        assert delete_customers(session, [kept]) == 1
    with database.session() as session:
        assert session.get(Customer, merged) is None  # it would otherwise come back to life, unmerged
        assert count(session, CustomerMerge) == 0
        assert count(session, Customer) == 2


def test_deleting_is_refused_in_rep_mode(database, book) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        set_owner_passphrase(session, "secret")
        set_rep_mode(session, True, "secret")
    with pytest.raises(LaokeError, match="rep mode"), database.transaction() as session:
        delete_customers(session, [book["张晓明"]])
    with database.session() as session:
        assert session.get(Customer, book["张晓明"]) is not None
