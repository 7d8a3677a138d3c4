"""A book imported before provinces were normalised gets the one normal form when it is opened."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import select

from core.customers.listing import CustomerFilter, count_customers
from core.store.db import make_engine
from core.store.migrate import upgrade_connection
from core.store.models import Customer, Order
from core.store.opening import open_database

BUYERS = [  # (id, province, city, district, address) as an older import stored them
    (1, "浙江", "杭州市", "西湖区", "浙江 杭州市 西湖区 文三路1号"),
    (2, None, None, None, "浙江省 宁波市 海曙区 中山路2号"),
    (3, "浙江省", "温州市", None, "浙江省 温州市 鹿城区 人民路3号"),
    (4, "广西", None, None, None),
    (5, None, None, None, "Unit 2, 10 Downing St"),
]


def _old_book(path: Path) -> None:
    engine = make_engine(path, foreign_keys=False)
    with engine.begin() as connection:
        upgrade_connection(connection, "0007")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        for buyer_id, province, city, district, address in BUYERS:
            connection.execute(
                "INSERT INTO customers (id, name, source, is_vip, do_not_contact, birth_is_leap_month, created_at,"
                " updated_at, order_count, paid_orders, total_spent, stage, province, city, district, address)"
                " VALUES (?, '王芳', 'import', 0, 0, 0, '2025-01-01', '2025-01-01', 1, 1, 0, 'new', ?, ?, ?, ?)",
                (buyer_id, province, city, district, address))
            connection.execute(
                "INSERT INTO orders (id, platform, platform_order_id, customer_id, status, paid_amount, province,"
                " city, receiver_address) VALUES (?, 'taobao_tmall', ?, ?, 'paid', 100, ?, ?, ?)",
                (buyer_id, f"39{buyer_id}", buyer_id, province, city, address))


def test_an_old_books_provinces_take_the_normal_form(tmp_path: Path) -> None:
    path = tmp_path / "shop.db"
    _old_book(path)
    database = open_database(path)
    try:
        with database.session() as session:
            buyers = session.execute(select(Customer.id, Customer.province, Customer.city, Customer.district)
                                     .order_by(Customer.id)).all()
            assert [tuple(buyer) for buyer in buyers] == [
                (1, "浙江省", "杭州市", "西湖区"), (2, "浙江省", "宁波市", "海曙区"), (3, "浙江省", "温州市", "鹿城区"),
                (4, "广西壮族自治区", None, None), (5, None, None, None)]
            orders = session.execute(select(Order.id, Order.province, Order.city).order_by(Order.id)).all()
            assert [tuple(order) for order in orders] == [
                (1, "浙江省", "杭州市"), (2, "浙江省", "宁波市"), (3, "浙江省", "温州市"), (4, "广西壮族自治区", None),
                (5, None, None)]
            # The Province filter now finds every Zhejiang buyer, whichever way the old import wrote it.
            assert count_customers(session, CustomerFilter(province="浙江")) == 3
    finally:
        database.dispose()
