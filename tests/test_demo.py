"""The demo shop shows every page something real: buyers in every stage, tags, birthdays, notes."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from core.demo import create_demo_shop
from core.store.models import Customer, CustomerAlias, CustomerTag, Note, NoteKind, Order, OrderLine, Stage


def test_demo_shop_has_a_realistic_mix(database) -> None:
    with database.transaction() as session:
        summary = create_demo_shop(session, customers=400, today=date(2026, 11, 1))
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Customer)) == 400 == summary.customers
        assert session.scalar(select(func.count()).select_from(Order)) == summary.orders > 400
        assert session.scalar(select(func.count()).select_from(OrderLine)) >= summary.orders
        platforms = set(session.scalars(select(Order.platform).distinct()))
        assert {"taobao_tmall", "pdd", "jd", "douyin"} <= platforms
        first, last = session.execute(select(func.min(Order.created_at), func.max(Order.created_at))).one()
        assert (last - first).days > 600
        stages = set(session.scalars(select(Customer.stage).distinct()))
        assert stages == {str(stage) for stage in Stage}
        calendars = set(session.scalars(select(Customer.birthday_calendar).distinct()))
        assert {"solar", "lunar", None} <= calendars
        assert session.scalar(select(func.count()).select_from(CustomerTag)) > 50
        assert session.scalar(select(func.count()).select_from(Note).where(Note.kind == NoteKind.VIP)) > 5
        assert session.scalar(select(func.count()).where(Customer.do_not_contact)) > 0
        assert session.scalar(select(func.count()).select_from(CustomerAlias)) >= 400


def test_the_same_seed_gives_the_same_shop(tmp_path) -> None:
    from core.store.opening import open_database

    names = []
    for index in range(2):
        database = open_database(tmp_path / f"{index}.db")
        with database.transaction() as session:
            create_demo_shop(session, customers=50, today=date(2026, 11, 1))
        with database.session() as session:
            names.append(session.scalars(select(Customer.name).order_by(Customer.id)).all())
        database.dispose()
    assert names[0] == names[1]


def test_cached_figures_agree_with_the_orders(database) -> None:
    with database.transaction() as session:
        create_demo_shop(session, customers=200, today=date(2026, 11, 1))
    with database.session() as session:
        for customer in session.scalars(select(Customer).where(Customer.paid_orders > 1).limit(20)):
            paid = [o for o in customer.orders if o.status in ("paid", "shipped", "completed")]
            assert customer.paid_orders == len(paid)
            assert customer.total_spent == sum(o.paid_amount for o in paid)
            assert customer.last_paid_at == max(o.created_at for o in paid)
