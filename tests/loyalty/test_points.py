"""The points ledger: earned per yuan, the same after a re-run, taken back on refund and undo, adjusted and
redeemed by hand, lapsing at the end of the next year."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, update

from core.errors import LaokeError
from core.loyalty.points import POINTS_KEY, PointsPolicy, book_points, points_ledger
from core.loyalty.recompute import refresh_loyalty
from core.store.models import Order
from core.store.settings import set_setting


def ledger(database, customer_id):  # type: ignore[no-untyped-def]
    with database.session() as session:
        return [(line.kind, line.points, line.balance) for line in points_ledger(session, customer_id)]


def test_orders_earn_points_per_yuan_once_however_often_the_shop_is_refreshed(shop, database) -> None:  # type: ignore[no-untyped-def]
    buyer = shop.buyer("甲", ("120.50", "2026-10-01"), ("80.00", "2026-11-01"))
    shop.refresh()
    shop.refresh([buyer])
    assert ledger(database, buyer) == [("order", 120, 120), ("order", 80, 200)]
    assert shop.customer(buyer).points == 200


def test_a_refund_takes_the_orders_points_back(shop, database) -> None:  # type: ignore[no-untyped-def]
    buyer = shop.buyer("乙", ("300.00", "2026-10-01"))
    with database.writing() as connection:
        connection.execute(update(Order).values(status="refunded"))
    shop.refresh([buyer])
    assert ledger(database, buyer) == [("order", 300, 300), ("refund", -300, 0)]


def test_reimport_changes_nothing_a_refund_in_a_later_sheet_takes_back_and_undoing_it_gives_back(  # type: ignore[no-untyped-def]
        tmp_path, database) -> None:
    from core.importing import commit_imports, prepare_import, undo_import
    from core.store.models import Customer
    from tests.importing.sheets import write_sheet
    from tests.importing.test_import_files import ALICE, taobao_rows

    def imported(name, *orders):  # type: ignore[no-untyped-def]
        return commit_imports(database, [prepare_import(write_sheet(tmp_path / name, taobao_rows(*orders), "gbk"))])

    imported("may.csv", ALICE)
    imported("may-again.csv", ALICE)
    with database.session() as session:
        alice = session.scalars(select(Customer.id)).one()
    assert ledger(database, alice) == [("order", 100, 100)]
    [closed] = imported("june.csv", (*ALICE[:2], "交易关闭", "0", ALICE[4]))
    assert ledger(database, alice)[-1] == ("refund", -100, 0)
    undo_import(database, closed.batch_id)
    assert ledger(database, alice)[-1] == ("order", 100, 100)
    assert shop_points(database, alice) == 100


def shop_points(database, customer_id):  # type: ignore[no-untyped-def]
    from core.store.models import Customer

    with database.session() as session:
        return session.get(Customer, customer_id).points


def test_a_hand_adjustment_needs_a_note_and_a_redemption_no_more_than_the_balance(shop, database) -> None:  # type: ignore[no-untyped-def]
    buyer = shop.buyer("丙", ("100.00", "2026-10-01"))
    with database.transaction() as session:
        with pytest.raises(LaokeError):
            book_points(session, buyer, 50, "  ")
        book_points(session, buyer, 50, "补偿：快递慢了")
        refresh_loyalty(session.connection(), [buyer])
    with database.transaction() as session:
        with pytest.raises(LaokeError):
            book_points(session, buyer, 151, "100积分抵10元", redemption=True)
        book_points(session, buyer, 100, "100积分抵10元", redemption=True)
        refresh_loyalty(session.connection(), [buyer])
    assert ledger(database, buyer) == [("order", 100, 100), ("adjustment", 50, 150), ("redemption", -100, 50)]
    assert shop.customer(buyer).points == 50


def test_points_lapse_after_the_end_of_the_next_year_minus_what_was_spent(shop, database) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        set_setting(session, POINTS_KEY, PointsPolicy(expiry="end_of_next_year").to_dict())
    buyer = shop.buyer("丁", ("100.00", "2024-03-01"), ("40.00", "2025-06-01"), as_of=date(2025, 7, 1))
    with database.transaction() as session:
        book_points(session, buyer, 30, "满200返20", redemption=True, on=date(2025, 7, 1))
    shop.refresh([buyer], as_of=date(2025, 12, 31))
    assert shop.customer(buyer).points == 110
    shop.refresh([buyer], as_of=date(2026, 1, 1))
    shop.refresh(as_of=date(2026, 1, 2))
    assert ledger(database, buyer)[-1] == ("expiry", -70, 40)
    assert shop.customer(buyer).points == 40


def test_the_rate_is_points_per_yuan_rounded_down(shop, database) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        set_setting(session, POINTS_KEY, PointsPolicy(points_per_yuan=0.1).to_dict())
    buyer = shop.buyer("戊", ("99.90", "2026-10-01"))
    assert shop.customer(buyer).points == 9


def test_upgrading_an_older_book_fills_its_points_and_tiers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from core.refresh import finish_pending_rebuilds
    from core.store.db import make_engine
    from core.store.migrate import upgrade_connection
    from core.store.models import Customer
    from core.store.opening import open_database

    path = tmp_path / "old.db"
    engine = make_engine(path, foreign_keys=False)
    with engine.begin() as connection:
        upgrade_connection(connection, "0003")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO customers (id, name, source, is_vip, do_not_contact, birth_is_leap_month,"
                           " created_at, updated_at, order_count, paid_orders, total_spent, stage) VALUES (1, '王芳',"
                           " 'import', 0, 0, 0, '2025-01-01', '2025-01-01', 1, 1, 168000, 'new')")
        connection.execute("INSERT INTO orders (id, platform, platform_order_id, customer_id, status, paid_amount,"
                           " created_at) VALUES (1, 'taobao_tmall', '3901', 1, 'paid', 168000, '2026-10-01 10:00:00')")
    database = open_database(path)
    try:
        finish_pending_rebuilds(database)  # what the window and every command do right after opening
        with database.session() as session:
            customer = session.get(Customer, 1)
            assert (customer.points, customer.member_tier) == (1680, "银卡")
    finally:
        database.dispose()


def test_a_tier_earns_at_its_own_rate_from_the_day_after_the_buyer_reached_it(shop, database) -> None:  # type: ignore[no-untyped-def]
    from core.loyalty.tiers import TIERS_KEY, Tier, TierPlan

    with database.transaction() as session:
        set_setting(session, TIERS_KEY, TierPlan((Tier("普通会员", 0), Tier("金卡", 1000))).to_dict())
        set_setting(session, POINTS_KEY, PointsPolicy(1.0, tier_rates={"金卡": 2.0}).to_dict())
    # The first order lifts her to 金卡 that day: it earned at the rate she held before it.
    buyer = shop.buyer("戊", ("1200.00", "2026-10-01"), as_of=date(2026, 10, 1))
    shop.order(buyer, "100.00", "2026-10-01 20:00", as_of=date(2026, 10, 1))  # same day: still the old rate
    shop.order(buyer, "100.00", "2026-10-02", as_of=date(2026, 10, 2))
    shop.refresh(as_of=date(2026, 10, 3))
    assert ledger(database, buyer) == [("order", 1200, 1200), ("order", 100, 1300), ("order", 200, 1500)]
    with pytest.raises(LaokeError):
        PointsPolicy(1.0, tier_rates={"金卡": -1})


def test_a_recompute_reads_the_orders_once_for_the_figures_and_the_loyalty_wing(shop, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import importlib

    buyer = shop.buyer("庚", ("100.00", "2026-10-01"))
    shop.refresh()  # the day's forecast model is fitted: a later recompute that day keeps it
    reads = []
    original = importlib.import_module("core.figures.order_facts").fetch_numbers

    def counted(connection, statement):  # type: ignore[no-untyped-def]
        if Order.__table__ in statement.get_final_froms():
            reads.append(statement)
        return original(connection, statement)

    # The loyalty wing reads through order_facts.fetch_numbers_among, which calls its own module's fetch_numbers.
    for name in ("core.figures.order_facts", "core.figures.customer_cache"):
        monkeypatch.setattr(importlib.import_module(name), "fetch_numbers", counted)
    shop.order(buyer, "50.00", "2026-11-01")
    assert len(reads) == 1
    assert shop.customer(buyer).points == 150


def test_everyones_ledger_read_by_key_ranges_is_the_one_read_by_buyer(shop, database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """SQLite's fast read of the whole ledger (a text per column and key range) against the portable read by
    buyer: the same entries, with and without an order or an expiry, across ranges and a gap between them."""
    from core.figures import order_facts
    from core.loyalty.points import load_ledger
    from core.store.models import PointEntry

    with database.transaction() as session:
        set_setting(session, POINTS_KEY, PointsPolicy(1.0, "end_of_next_year").to_dict())
    buyers = [shop.buyer(name, ("120.00", "2026-10-01"), ("35.50", "2026-11-02")) for name in "甲乙丙"]
    with database.transaction() as session:
        book_points(session, buyers[0], 30, "补偿")
        book_points(session, buyers[1], 50, "兑换", redemption=True)
    with database.writing() as connection:  # a gap of ids between the ranges
        connection.execute(PointEntry.__table__.delete().where(PointEntry.customer_id == buyers[2]))
    shop.buyer("丁", ("99.00", "2026-10-05"))
    monkeypatch.setattr(order_facts, "WHOLE_TABLE_CHUNK", 2)

    def entries(ledger):  # type: ignore[no-untyped-def]
        return sorted(zip(ledger.customer.tolist(), ledger.order.tolist(), ledger.points.tolist(),
                          ledger.expires_day.tolist(), strict=True))

    with database.session() as session:
        connection = session.connection()
        everyone = entries(load_ledger(connection, None))
        by_buyer = entries(load_ledger(connection, session.scalars(select(PointEntry.customer_id)).all()))
    assert everyone == by_buyer and len(everyone) == 7
    assert {expiry for *_, expiry in everyone} > {-1}  # a redemption never lapses, earnings do
