"""Every buyer gets a repurchase forecast from the shop's own model; a shop too small to fit gets none."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import delete, select, update

from core.customers.listing import customer_ids
from core.figures.order_facts import load_order_facts
from core.loyalty.forecast import STAMP_KEY, _inputs_stamp, load_model, refresh_forecast, summarise
from core.store.models import Customer, Order, Setting
from tests.loyalty.conftest import AS_OF


def regulars(database, count: int, every: int = 30, visits: int = 6, last_ago: int = 10) -> list[int]:  # type: ignore[no-untyped-def]
    """Buyers who came every `every` days, the last time `last_ago` days before AS_OF."""
    ids = []
    with database.transaction() as session:
        for n in range(count):
            customer = Customer(name=f"常客{n}")
            session.add(customer)
            session.flush()
            ids.append(customer.id)
            for visit in range(visits):
                day = AS_OF - timedelta(days=last_ago + (n % 5) + every * visit)
                session.add(Order(platform="jd", platform_order_id=f"{customer.id}-{visit}", customer_id=customer.id,
                                  status="completed", paid_amount=Decimal(80 + n % 7 * 10),
                                  created_at=datetime.combine(day, datetime.min.time())))
    return ids


def test_regulars_are_likely_alive_with_a_next_order_date_and_the_long_gone_are_not(shop, database) -> None:  # type: ignore[no-untyped-def]
    ids = regulars(database, 40)
    gone = regulars(database, 1, last_ago=400)[0]
    once = shop.buyer("一次", ("100.00", "2026-11-01"))
    shop.refresh()
    with database.session() as session:
        regular, lapsed, single = (session.get(Customer, i) for i in (ids[0], gone, once))
        model = load_model(session.connection())
    assert model is not None and model.fitted_on == AS_OF and model.repeat_buyers == 41
    assert regular.p_alive > 0.8 and regular.expected_90d > 1
    assert AS_OF < regular.next_order_on <= AS_OF + timedelta(days=60)
    assert 70 < regular.next_order_value < 150
    assert lapsed.p_alive < 0.5 and lapsed.next_order_on is None
    assert single.p_alive == 1.0 and single.next_order_value is None  # one visit says nothing of the next's worth


def test_a_small_shop_gets_no_forecast_and_the_model_says_why(shop, database) -> None:  # type: ignore[no-untyped-def]
    regulars(database, 5)
    shop.refresh()
    with database.session() as session:
        assert session.scalars(select(Customer.p_alive)).all() == [None] * 5
        model = load_model(session.connection())
    assert model is not None and model.bg_nbd is None and model.repeat_buyers == 5


def test_an_edit_rescores_with_the_kept_model_and_a_new_day_refits(shop, database) -> None:  # type: ignore[no-untyped-def]
    ids = regulars(database, 40)
    shop.refresh()
    with database.session() as session:
        before = load_model(session.connection())
    shop.order(ids[0], "90.00", AS_OF.isoformat())
    with database.session() as session:
        assert load_model(session.connection()) == before
        assert session.get(Customer, ids[0]).next_order_on > AS_OF
    later = AS_OF + timedelta(days=1)
    shop.refresh([ids[1]], as_of=later)
    with database.session() as session:
        assert load_model(session.connection()).fitted_on == later


def test_forecasts_are_stored_as_shown_and_not_rewritten_for_a_move_too_small_to_show(shop, database) -> None:  # type: ignore[no-untyped-def]
    ids = regulars(database, 40)
    shop.refresh()
    with database.session() as session:
        first, second = (session.get(Customer, i) for i in ids[:2])
        assert first.p_alive == round(first.p_alive, 2) and first.expected_90d == round(first.expected_90d, 1)
        assert first.next_order_value == round(first.next_order_value)
        stored = (first.p_alive, first.expected_90d, second.p_alive)
    with database.writing() as connection:  # as a day's refit moves them: less than a percent, a tenth
        connection.execute(update(Customer).where(Customer.id.in_(ids[:2])).values(
            p_alive=Customer.p_alive - 0.004, expected_90d=Customer.expected_90d + 0.03))
        assert refresh_forecast(connection, ids, AS_OF) == 0
        connection.execute(update(Customer).where(Customer.id == ids[1]).values(p_alive=Customer.p_alive - 0.02))
        assert refresh_forecast(connection, ids, AS_OF) == 1
    with database.session() as session:
        first, second = (session.get(Customer, i) for i in ids[:2])
        assert (first.p_alive, first.expected_90d) == pytest.approx((stored[0] - 0.004, stored[1] + 0.03))
        assert second.p_alive == stored[2]  # a whole percent off: written again


def test_the_list_sorts_by_the_forecast_columns(shop, database) -> None:  # type: ignore[no-untyped-def]
    ids = regulars(database, 40)
    gone = regulars(database, 1, last_ago=400)[0]
    shop.refresh()
    with database.session() as session:
        assert customer_ids(session, sort="p_alive", descending=False)[0] == gone
        assert customer_ids(session, sort="expected_90d", descending=False)[0] == gone
        dated = customer_ids(session, sort="next_order", descending=False)
        days = [session.get(Customer, i).next_order_on for i in dated if i != gone]
    assert dated[0] == gone  # no date is the smallest, as a blank is in every column
    assert days == sorted(days) and set(dated) == {*ids, gone}
    with database.session() as session:
        by_value = customer_ids(session, sort="next_order_value", descending=True)
        values = [session.get(Customer, i).next_order_value for i in by_value]
    valued = [value for value in values if value is not None]
    assert valued and valued == sorted(valued, reverse=True) and values[len(valued):] == [None] * (len(values) - len(valued))
    assert set(by_value) == {*ids, gone}


def test_the_next_orders_value_is_in_the_json_and_the_export(shop, database, db_target, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    from openpyxl import load_workbook

    from core.cli import main

    ids = regulars(database, 40)
    shop.refresh()
    with database.session() as session:
        expected = session.get(Customer, ids[0]).next_order_value
    assert main(["customers", "--db", db_target, "--json", "--search", "常客0"]) == 0
    [row] = [row for row in json.loads(capsys.readouterr().out) if row["id"] == ids[0]]
    assert row["next_order_value"] == pytest.approx(expected)
    target = tmp_path / "customers.xlsx"
    assert main(["export", "--db", db_target, "customers", str(target)]) == 0
    sheet = load_workbook(target).active
    headers = [cell.value for cell in sheet[1]]
    assert "预计下单金额" in headers


def forecasts(database) -> list[tuple]:  # type: ignore[no-untyped-def,type-arg]
    with database.session() as session:
        return session.execute(select(Customer.id, Customer.p_alive, Customer.expected_90d, Customer.next_order_value,
                                      Customer.next_order_on).order_by(Customer.id)).all()


def test_a_forecast_of_everyone_from_the_same_inputs_computes_nothing(shop, database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    regulars(database, 40)
    shop.refresh()
    before = forecasts(database)

    def computed(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the model, the day and every buyer's history are those stamped")

    monkeypatch.setattr("core.loyalty.forecast.forecast", computed)
    shop.refresh()
    assert forecasts(database) == before


def test_a_forecast_written_by_id_forgets_the_stamp(shop, database) -> None:  # type: ignore[no-untyped-def]
    """A buyer's earlier order forecast by id, then deleted without a refresh: every input is as stamped
    again, but that buyer's forecast is not, so the forecast of everyone must not trust the stamp."""
    ids = regulars(database, 40)
    shop.refresh()
    before = forecasts(database)
    order = shop.order(ids[0], "500.00", (AS_OF - timedelta(days=400)).isoformat())
    assert forecasts(database) != before
    with database.transaction() as session:
        session.execute(delete(Order).where(Order.id == order))
    shop.refresh()
    assert forecasts(database) == before


def test_everyones_stamp_is_the_one_the_forecast_takes_by_itself(shop, database) -> None:  # type: ignore[no-untyped-def]
    """refresh_loyalty hands the forecast the ids of the book it read for the tiers: the stamp must be the one
    the forecast reads for itself (a refit after an import does), merged-away buyers left out as there."""
    ids = regulars(database, 40)
    with database.transaction() as session:
        session.execute(update(Customer).where(Customer.id == ids[-1]).values(merged_into_id=ids[0]))
    shop.refresh()
    with database.session() as session:
        connection = session.connection()
        buyers = summarise(load_order_facts(connection, AS_OF, None), AS_OF)
        assert session.get(Setting, STAMP_KEY).value == _inputs_stamp(connection, load_model(connection), buyers, AS_OF)


def test_a_same_day_order_refreshed_by_id_moves_the_forecast_where_buyers_differ(shop, database) -> None:  # type: ignore[no-untyped-def]
    """The day's order counts (x, t_x and the repeat value take it), and the kept model scores it by id. In
    a shop of `regulars` alone it would not show: buyers who all buy alike fit a model that scores everyone
    near the shop's average (see `forecast`), so the same order moves the forecast by less than is shown."""
    regulars(database, 20, every=15)
    rare = regulars(database, 20, every=60, visits=3, last_ago=90)[0]
    shop.refresh()
    [before] = [row for row in forecasts(database) if row[0] == rare]
    shop.order(rare, "500.00", AS_OF.isoformat())
    [after] = [row for row in forecasts(database) if row[0] == rare]
    assert after.expected_90d > before.expected_90d and after.next_order_value > before.next_order_value + 50
    assert after.next_order_on != before.next_order_on
