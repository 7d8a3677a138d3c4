"""An import scores its buyers with the shop's kept forecast model; a refit it makes due runs after its commit."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import delete, select

from core.cli import main
from core.customers.detail import customer_detail
from core.importing import PRESETS, commit_imports, prepare_import
from core.loyalty.forecast import MODEL_KEY, load_model, refresh_forecast
from core.loyalty.recompute import FORECAST_REFIT_PENDING
from core.refresh import refit_forecast_after_import, rescore_database_if_stale
from core.store.models import Customer, Setting
from core.store.settings import store_setting
from tests.importing.sheets import row_for, write_sheet

TAOBAO = PRESETS["taobao_tmall.orderlist_csv_legacy"]


def regulars_sheet(path, buyers: int = 40, visits: int = 4, first: int = 0):  # type: ignore[no-untyped-def]
    """Buyers who ordered every 30 days, the last time 10 days ago: enough repeat buyers to fit the model."""
    headers = list(TAOBAO.headers)
    rows = [headers]
    for buyer in range(first, first + buyers):
        for visit in range(visits):
            day = date.today() - timedelta(days=10 + buyer % 5 + 30 * visit)
            rows.append(row_for(TAOBAO, headers, order_id=f'="{2_000_000 + buyer * 10 + visit}"',
                                buyer_id=f"tb_regular{buyer}", status="交易成功", amount=f"{80 + buyer % 7 * 10}.00",
                                receiver_name="张三", address="浙江省 杭州市 西湖区 文三路1号",
                                created_at=f"{day:%Y/%m/%d} 10:00:00", item_title="龙井茶", quantity="1"))
    return write_sheet(path, rows, "csv")


def forecasts(database) -> dict[int, tuple]:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return {row.id: (row.p_alive, row.expected_90d, row.next_order_on)
                for row in session.execute(select(Customer.id, Customer.p_alive, Customer.expected_90d,
                                                  Customer.next_order_on))}


def pending(database) -> bool:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return session.get(Setting, FORECAST_REFIT_PENDING) is not None


def test_a_first_import_leaves_the_fit_for_after_its_commit_and_the_refit_gives_everyone_a_forecast(
        tmp_path, database) -> None:  # type: ignore[no-untyped-def]
    commit_imports(database, [prepare_import(regulars_sheet(tmp_path / "ExportOrderList.csv"))])
    with database.session() as session:
        assert load_model(session.connection()) is None  # not fitted inside the import's transaction
    assert pending(database) and set(forecasts(database).values()) == {(None, None, None)}

    assert refit_forecast_after_import(database)
    assert not pending(database) and not refit_forecast_after_import(database)
    with database.writing() as connection:
        assert load_model(connection).fitted_on == date.today()
        # What the detail shows is what fitting inside the import would have written: a fit from no model (as
        # the first import's was) changes nothing. (A refit starts from the last fit's parameters instead.)
        connection.execute(delete(Setting).where(Setting.key == MODEL_KEY))
        assert refresh_forecast(connection, None, date.today(), refit=True) == 0
    with database.session() as session:
        buyer = session.scalar(select(Customer.id).order_by(Customer.id))
        shown = customer_detail(session, buyer).forecast
    assert shown.p_alive > 0.8 and shown.expected_90d > 1 and shown.next_order_on > date.today()


def test_an_import_on_a_later_day_scores_its_buyers_with_the_kept_model_then_the_refit_runs(
        tmp_path, database) -> None:  # type: ignore[no-untyped-def]
    commit_imports(database, [prepare_import(regulars_sheet(tmp_path / "ExportOrderList.csv"))])
    refit_forecast_after_import(database)
    yesterday = date.today() - timedelta(days=1)
    with database.writing() as connection:  # as if the model had been fitted yesterday
        kept = load_model(connection).to_dict() | {"fitted_on": yesterday.isoformat()}
        store_setting(connection, MODEL_KEY, kept)
    before = forecasts(database)

    commit_imports(database, [prepare_import(regulars_sheet(tmp_path / "more.csv", buyers=2, first=100))])
    after = forecasts(database)
    new_buyers = set(after) - set(before)
    assert len(new_buyers) == 2 and all(after[buyer][0] is not None for buyer in new_buyers)
    with database.session() as session:
        assert load_model(session.connection()).fitted_on == yesterday
    assert pending(database)

    assert rescore_database_if_stale(database) > 0  # the window's background job after an import
    with database.session() as session:
        assert load_model(session.connection()).fitted_on == date.today()
    assert not pending(database)


def test_a_small_import_the_same_day_needs_no_refit(tmp_path, database) -> None:  # type: ignore[no-untyped-def]
    commit_imports(database, [prepare_import(regulars_sheet(tmp_path / "ExportOrderList.csv"))])
    refit_forecast_after_import(database)
    commit_imports(database, [prepare_import(regulars_sheet(tmp_path / "more.csv", buyers=1, first=100))])
    assert not pending(database)
    assert all(forecast[0] is not None for forecast in forecasts(database).values())


def test_a_large_import_the_same_day_refits_the_model(tmp_path, database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Past REFIT_AFTER touched buyers (10,000; 20 here) the morning's model no longer describes the shop."""
    from core.loyalty import forecast

    monkeypatch.setattr(forecast, "REFIT_AFTER", 20)
    commit_imports(database, [prepare_import(regulars_sheet(tmp_path / "ExportOrderList.csv"))])
    refit_forecast_after_import(database)
    commit_imports(database, [prepare_import(regulars_sheet(tmp_path / "more.csv", buyers=30, first=100))])
    assert pending(database)  # left for after the commit, as a new day's refit is
    assert refit_forecast_after_import(database)
    with database.session() as session:
        assert load_model(session.connection()).repeat_buyers == 70  # the 30 new regulars are in the fit


def test_the_cli_import_ends_with_the_forecast_refitted(tmp_path, db_path) -> None:  # type: ignore[no-untyped-def]
    path = regulars_sheet(tmp_path / "ExportOrderList.csv")
    assert main(["import", str(path), "--db", str(db_path)]) == 0
    from core.store.opening import open_database

    database = open_database(str(db_path))
    try:
        assert not pending(database)
        assert all(forecast[0] is not None for forecast in forecasts(database).values())
    finally:
        database.dispose()
