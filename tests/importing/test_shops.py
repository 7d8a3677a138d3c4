"""Each order knows the seller's shop it came from, asked once per platform where the file cannot say."""

from __future__ import annotations

from sqlalchemy import select

from core.cli import main
from core.importing import PRESETS, commit_imports, name_the_shop, needs_shop_name, prepare_files, undo_import
from core.store.models import Order
from core.store.opening import open_database
from tests.importing.sheets import row_for, write_sheet

JD = PRESETS["jd.order_export_csv_legacy"]
YOUZAN = PRESETS["youzan.order_export_order_level"]


def jd_sheet(path, *numbers):  # type: ignore[no-untyped-def]
    headers = list(JD.headers)
    return write_sheet(path, [headers, *(row_for(JD, headers, order_id=number, buyer_id="jd_a", amount="59.00",
                                                 status="完成", created_at="2026-05-01 10:00:00",
                                                 receiver_name="李四") for number in numbers)])


def shops_of(database) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return dict(session.execute(select(Order.platform_order_id, Order.shop_name)).all())


def test_the_last_shop_named_for_a_platform_is_offered_next_time(tmp_path, database):  # type: ignore[no-untyped-def]
    [first] = prepare_files(database, [jd_sheet(tmp_path / "jd.csv", "300100")])
    assert needs_shop_name(first) and first.shop_suggested == ""
    name_the_shop(first, " 京东旗舰店 ")
    commit_imports(database, [first])
    [second] = prepare_files(database, [jd_sheet(tmp_path / "jd (1).csv", "300200")])
    assert second.shop_suggested == "京东旗舰店"
    # Another platform's file is not offered the JD shop.
    pdd = PRESETS["pdd.order_export_2023"]
    headers = list(pdd.headers)
    rows = [headers, row_for(pdd, headers, order_id="260517-607198974342268", amount="19.90", status="已签收",
                             created_at="2026-05-17 10:00:00")]
    [other] = prepare_files(database, [write_sheet(tmp_path / "pdd.xlsx", rows)])
    assert other.shop_suggested == ""


def test_the_same_file_named_as_another_shop_moves_its_orders(tmp_path, database):  # type: ignore[no-untyped-def]
    path = jd_sheet(tmp_path / "jd.csv", "300100", "300101")
    [prepared] = prepare_files(database, [path])
    name_the_shop(prepared, "京东A店")
    name_the_shop(prepared, "京东B店")  # the user changed the answer before the import ran
    commit_imports(database, [prepared])
    commit_imports(database, [prepared])  # tried again: the answer is written once
    assert shops_of(database) == {"300100": "京东B店", "300101": "京东B店"}
    [again] = prepare_files(database, [path])
    assert (again.orders, again.orders_unchanged) == ([], 2)  # recognised by their rows, not parsed
    name_the_shop(again, "京东A店")
    [summary] = commit_imports(database, [again])
    assert (summary.orders_updated, summary.orders_unchanged) == (2, 0)
    assert shops_of(database) == {"300100": "京东A店", "300101": "京东A店"}
    with database.session() as session:
        kept = dict(session.execute(select(Order.platform_order_id, Order.status)).all())
    assert kept == {"300100": "completed", "300101": "completed"}  # only the shop moved
    undo_import(database, summary.batch_id)
    assert shops_of(database) == {"300100": "京东B店", "300101": "京东B店"}


def test_an_order_undone_after_its_file_was_read_is_not_made_again_by_a_new_shop_name(tmp_path, database):  # type: ignore[no-untyped-def]
    path = jd_sheet(tmp_path / "jd.csv", "300100")
    [first] = prepare_files(database, [path])
    name_the_shop(first, "京东A店")
    [made] = commit_imports(database, [first])
    [again] = prepare_files(database, [path])  # recognised unparsed, as stored under 京东A店
    undo_import(database, made.batch_id)  # meanwhile the first import is undone: the order is gone
    name_the_shop(again, "京东B店")
    commit_imports(database, [again])
    assert shops_of(database) == {}


def test_a_file_named_as_a_shop_is_recognised_unparsed_when_it_comes_again(tmp_path, database):  # type: ignore[no-untyped-def]
    path = jd_sheet(tmp_path / "jd.csv", "300100", "300101")
    [first] = prepare_files(database, [path])
    name_the_shop(first, "京东A店")
    commit_imports(database, [first])
    for named in ("京东A店", ""):  # the same answer, or none at all: the orders keep their shop
        [again] = prepare_files(database, [path])
        assert (again.orders, again.orders_unchanged) == ([], 2)
        name_the_shop(again, named)
        [summary] = commit_imports(database, [again])
        assert (summary.orders_new, summary.orders_updated, summary.orders_unchanged) == (0, 0, 2)
        assert shops_of(database) == {"300100": "京东A店", "300101": "京东A店"}


def test_a_second_shopify_store_is_kept_apart_without_asking(tmp_path, database):  # type: ignore[no-untyped-def]
    from tests.importing.test_real_causes import shopify_rows

    stores = {"Store A": ("5001", "+447700900001"), "Store B": ("9001", "+8801306877229")}
    for store, (global_id, phone) in stores.items():
        rows = shopify_rows((global_id, "#1001", "paid", "10.00", "", phone))
        [prepared] = prepare_files(database, [write_sheet(tmp_path / f"{store}.csv", rows, "utf8")])
        # The global Id keeps both stores' #1001 apart: the wizard does not ask which shop the file is.
        assert not needs_shop_name(prepared)
        commit_imports(database, [prepared])
    assert shops_of(database) == {"5001": None, "9001": None}


def test_the_cli_names_a_shopify_store_when_told(tmp_path, capsys):  # type: ignore[no-untyped-def]
    from tests.importing.test_real_causes import shopify_rows

    book = str(tmp_path / "book.db")
    for store, global_id in (("Store A", "5001"), ("Store B", "9001")):
        rows = shopify_rows((global_id, "#1001", "paid", "10.00", "", "+447700900001"))
        sheet = str(write_sheet(tmp_path / f"{store}.csv", rows, "utf8"))
        assert main(["import", "--db", book, "--shop", store, sheet]) == 0
        assert "does not say which shop" not in capsys.readouterr().err
    database = open_database(tmp_path / "book.db")
    try:
        assert shops_of(database) == {"5001": "Store A", "9001": "Store B"}
    finally:
        database.dispose()


def test_a_youzan_export_names_its_own_shop(tmp_path, database):  # type: ignore[no-untyped-def]
    headers = list(YOUZAN.headers)
    rows = [headers, row_for(YOUZAN, headers, order_id="E2026", amount="30.00", status="交易成功",
                             created_at="2026-05-01 10:00:00", buyer_id="13800138000")]
    rows[1][headers.index("归属店铺")] = "有赞总店"
    [prepared] = prepare_files(database, [write_sheet(tmp_path / "youzan.xlsx", rows)])
    assert not needs_shop_name(prepared)
    commit_imports(database, [prepared])
    assert shops_of(database) == {"E2026": "有赞总店"}


def test_the_cli_takes_the_last_shop_named_when_no_shop_is_given(tmp_path, capsys):  # type: ignore[no-untyped-def]
    book = str(tmp_path / "book.db")
    assert main(["import", "--db", book, "--shop", "京东店", str(jd_sheet(tmp_path / "a.csv", "300100"))]) == 0
    capsys.readouterr()
    assert main(["import", "--db", book, str(jd_sheet(tmp_path / "b.csv", "300200"))]) == 0
    assert "its orders are 京东店's, as the last file like it said" in capsys.readouterr().err
    database = open_database(tmp_path / "book.db")
    try:
        assert shops_of(database) == {"300100": "京东店", "300200": "京东店"}
    finally:
        database.dispose()


def two_shop_book(tmp_path, database):  # type: ignore[no-untyped-def]
    """JD shop A sold to 李四 (59.00); JD shop B to 李四 (59.00) and 王五 (59.00, then 19.00 unpaid)."""
    headers = list(JD.headers)

    def row(number, buyer, name, status="完成"):  # type: ignore[no-untyped-def]
        return row_for(JD, headers, order_id=number, buyer_id=buyer, amount="59.00", status=status,
                       created_at="2026-05-01 10:00:00", receiver_name=name)

    files = {"京东A店": [row("300100", "jd_a", "李四")],
             "京东B店": [row("300200", "jd_a", "李四"), row("300201", "jd_b", "王五"),
                       row("300202", "jd_b", "王五", status="等待付款")]}
    for shop, rows in files.items():
        [prepared] = prepare_files(database, [write_sheet(tmp_path / f"{shop}.csv", [headers, *rows])])
        name_the_shop(prepared, shop)
        commit_imports(database, [prepared])


def test_the_list_and_the_figures_filter_by_shop(tmp_path, database):  # type: ignore[no-untyped-def]
    from datetime import date

    from core.customers.listing import CustomerFilter, count_customers
    from core.figures.insights import build_insights, load_shop_data
    from core.figures.shops import shop_names
    from core.figures.stats import shop_stats

    two_shop_book(tmp_path, database)
    with database.session() as session:
        assert shop_names(session) == ["京东A店", "京东B店"]
        assert count_customers(session, CustomerFilter(shops=["京东A店"])) == 1
        assert count_customers(session, CustomerFilter(shops=["京东B店"])) == 2
        assert count_customers(session, CustomerFilter(shops=["京东A店", "京东B店"])) == 2
        whole, shop_a, shop_b = (shop_stats(session, date(2026, 6, 1), shop) for shop in (None, "京东A店", "京东B店"))
        figures = [(stats["customers"], stats["orders"], stats["paid_orders"], stats["revenue"], stats["aov"])
                   for stats in (whole, shop_a, shop_b)]
        assert figures == [(2, 4, 3, "177.00", "59.00"), (1, 1, 1, "59.00", "59.00"), (2, 3, 2, "118.00", "59.00")]
        # In shop A 李四 has bought once (new); in the whole book twice.
        data = load_shop_data(session.connection(), date(2026, 6, 1), "京东A店")
        seeds = {row.key: row.customers for row in build_insights(data, date(2026, 1, 1), date(2026, 6, 1)).seeds}
        assert seeds["all"] == 1
        assert shop_a["repeat_rate"] == 0 and whole["repeat_rate"] == 0.5


def test_the_cli_filters_customers_and_stats_by_shop(tmp_path, capsys):  # type: ignore[no-untyped-def]
    import json

    database = open_database(tmp_path / "book.db")
    try:
        two_shop_book(tmp_path, database)
    finally:
        database.dispose()
    book = ["--db", str(tmp_path / "book.db"), "--json"]
    capsys.readouterr()
    assert main(["customers", *book, "--shop", "京东A店"]) == 0
    assert [row["name"] for row in json.loads(capsys.readouterr().out)] == ["李四"]
    assert main(["stats", *book, "--shop", "京东B店", "--as-of", "2026-06-01"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert (stats["customers"], stats["orders"], stats["revenue"]) == (2, 3, "118.00")
