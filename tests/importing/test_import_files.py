"""Whole files: encodings and fake .xls, quirks of real exports, re-import, undo, refused files."""

from __future__ import annotations

import json
import re
import zipfile
from decimal import Decimal

import pytest
from sqlalchemy import select

from core.cli import main
from core.importing import PRESETS, commit_imports, prepare_files, prepare_import, undo_import
from core.importing.readers import SheetRefused
from core.progress import Cancelled, CancelToken
from core.store.models import Customer, CustomerAlias, Note, OrderStatus
from tests.importing.conftest import index_names, table_counts
from tests.importing.sheets import row_for, write_sheet

TAOBAO = PRESETS["taobao_tmall.orderlist_csv_legacy"]
DOUYIN = PRESETS["douyin.order_export"]


def taobao_rows(*orders):  # type: ignore[no-untyped-def]
    """Rows of an ExportOrderList: (order id, buyer, status, amount, phone)."""
    headers = list(TAOBAO.headers)
    rows = [headers]
    for order_id, buyer, status, amount, phone in orders:
        rows.append(row_for(TAOBAO, headers, order_id=f'="{order_id}"', buyer_id=buyer, status=status,
                            amount=amount, phone=phone, receiver_name="张三", address="浙江省 杭州市 西湖区 文三路1号",
                            created_at="2026/05/01 10:00:00", item_title="龙井茶", quantity="1"))
    return rows


ALICE = ("1000000000000000001", "tb_alice", "买家已付款，等待卖家发货", "100.00元", "'13800001111")
BOB = ("1000000000000000002", "tb_bob", "交易成功", "¥1,288.00", "138****2222")


@pytest.mark.parametrize("fmt", ["csv", "utf8", "gbk", "tsv", "html", "html_gbk", "xlsx"])
def test_every_encoding_and_container(fmt, tmp_path, import_file, orders_of):  # type: ignore[no-untyped-def]
    suffix = {"html": "xls", "html_gbk": "xls", "xlsx": "xlsx"}.get(fmt, "csv")
    path = write_sheet(tmp_path / f"ExportOrderList.{suffix}", taobao_rows(ALICE, BOB), fmt)
    [summary] = import_file(path)
    assert (summary.orders_new, summary.customers_new) == (2, 2)
    orders = orders_of()
    assert orders["1000000000000000002"].paid_amount == Decimal("1288.00")
    assert orders["1000000000000000001"].receiver_phone == "13800001111"


def test_a_csv_renamed_xls_is_read(tmp_path, import_file):  # type: ignore[no-untyped-def]
    path = write_sheet(tmp_path / "orders.xls", taobao_rows(ALICE), "gbk")
    assert import_file(path)[0].orders_new == 1


def test_title_rows_and_duplicate_headers(tmp_path, import_file, orders_of):  # type: ignore[no-untyped-def]
    rows = taobao_rows(ALICE)
    rows[0] = [*rows[0], "订单状态"]  # a second column with the same name
    rows[1] = [*rows[1], "交易关闭"]
    path = write_sheet(tmp_path / "report.xlsx", [["淘宝订单报表"], ["导出时间 2026-05-01"], *rows], "xlsx")
    prepared = prepare_import(path)
    assert prepared.header_row == 2
    import_file(path)
    assert orders_of()[ALICE[0]].status == OrderStatus.PAID  # the first 订单状态 column counts


def test_an_excel_mangled_id_is_a_bad_row_not_a_wrong_number(tmp_path, import_file, orders_of):  # type: ignore[no-untyped-def]
    rows = taobao_rows(ALICE, BOB)
    rows[2][0] = "1E+18"
    path = write_sheet(tmp_path / "resaved.csv", rows, "csv")
    prepared = prepare_import(path)
    [bad] = prepared.bad_rows
    assert (bad.file, bad.row, bad.column) == ("resaved.csv", 3, "订单编号")
    assert "rounded" in bad.reason
    [summary] = import_file(path)
    assert (summary.rows_read, summary.rows_rejected, summary.orders_new) == (2, 1, 1)
    assert set(orders_of()) == {ALICE[0]}


def test_a_masked_phone_never_matches_alone(tmp_path, import_file, database):  # type: ignore[no-untyped-def]
    headers = list(DOUYIN.headers)

    def douyin(order_id, name, phone, address):  # type: ignore[no-untyped-def]
        return row_for(DOUYIN, headers, order_id=order_id, line_id=order_id + "1", receiver_name=name, phone=phone,
                       address=("浙江省", "杭州市", "西湖区", "", address), status="已完成", amount="10",
                       item_title="茶", created_at="2026-05-01 10:00:00")

    rows = [headers, douyin("1", "张三", "138****1234", "文三路1号"), douyin("2", "李四", "138****1234", "文二路2号"),
            douyin("3", "张三", "138****1234", "文三路1号")]
    [summary] = import_file(write_sheet(tmp_path / "douyin.csv", rows, "csv"))
    assert summary.customers_new == 2  # 1 and 3 share name + address; 2 only shares the masked phone
    with database.session() as session:
        assert not session.scalars(select(CustomerAlias).where(CustomerAlias.kind == "phone")).all()


def test_douyin_sub_orders_and_refund_column_wins(tmp_path, import_file, orders_of):  # type: ignore[no-untyped-def]
    headers = list(DOUYIN.headers)

    def line(sub, refund):  # type: ignore[no-untyped-def]
        return row_for(DOUYIN, headers, order_id="\t6917926768823643751", line_id=f"\t{sub}",
                       status="已完成", refund_status=refund, amount="88.00", item_title=f"茶{sub}", quantity="1",
                       receiver_name="王五", phone="13700003333", created_at="2026-05-01 10:00:00")

    path = write_sheet(tmp_path / "douyin.csv", [headers, line("11", "退款成功"), line("12", "退款成功")], "csv")
    import_file(path)
    order = orders_of()["6917926768823643751"]
    assert order.status == OrderStatus.REFUNDED and order.status_raw == "已完成"
    assert sorted(line.sub_order_id for line in order.lines) == ["11", "12"]
    assert order.paid_amount == Decimal("88.00")


def test_taobao_order_and_item_files_combine(tmp_path, import_file, orders_of):  # type: ignore[no-untyped-def]
    items = PRESETS["taobao_tmall.orderdetaillist_csv_legacy"]
    headers = list(items.headers)
    item_rows = [headers] + [
        row_for(items, headers, order_id=f'="{ALICE[0]}"', item_title=title, unit_price=price, quantity="1",
                sku="颜色分类：白色", status="交易成功")
        for title, price in (("龙井茶", "60"), ("白茶饼", "40"))
    ]
    item_file = write_sheet(tmp_path / "ExportOrderDetailList.csv", item_rows, "gbk")
    order_file = write_sheet(tmp_path / "ExportOrderList.csv", taobao_rows(ALICE), "gbk")
    import_file(item_file, order_file)
    order = orders_of()[ALICE[0]]
    assert order.customer_id is not None
    assert sorted(line.title for line in order.lines) == ["白茶饼", "龙井茶"]
    assert sum(line.amount for line in order.lines) == Decimal("100")


def test_reimport_changes_nothing_and_a_newer_export_updates(tmp_path, import_file, database, orders_of):  # type: ignore[no-untyped-def]
    path = write_sheet(tmp_path / "a.csv", taobao_rows(ALICE, BOB), "gbk")
    import_file(path)
    with database.transaction() as session:
        customer = session.scalars(select(Customer).where(Customer.platform_buyer_id == "tb_alice")).one()
        customer.is_vip, customer.birth_month, customer.birth_day, customer.name = True, 3, 8, "张三丰"
        session.add(Note(customer_id=customer.id, text="likes green tea"))
    before = table_counts(database)
    [again] = import_file(path)
    assert (again.orders_new, again.orders_updated, again.orders_unchanged, again.customers_new) == (0, 0, 2, 0)
    assert {k: v for k, v in table_counts(database).items() if k != "import_batches"} == {
        k: v for k, v in before.items() if k != "import_batches"}

    newer = write_sheet(tmp_path / "b.csv", taobao_rows((*ALICE[:2], "交易成功", "120.00", ALICE[4]), BOB), "gbk")
    [update] = import_file(newer)
    assert (update.orders_updated, update.orders_unchanged, update.customers_matched) == (1, 1, 1)
    order = orders_of()[ALICE[0]]
    assert order.status == OrderStatus.COMPLETED and order.paid_amount == Decimal("120.00")
    with database.session() as session:
        customer = session.get(Customer, order.customer_id)
        assert (customer.is_vip, customer.birth_month, customer.name, len(customer.notes)) == (True, 3, "张三丰", 1)
        assert customer.total_spent == Decimal("120.00")


def test_same_buyer_in_a_later_file_is_the_same_customer(tmp_path, import_file, database):  # type: ignore[no-untyped-def]
    import_file(write_sheet(tmp_path / "may.csv", taobao_rows(ALICE), "gbk"))
    later = ("1000000000000000009", "tb_alice", "交易成功", "50", "'13800001111")
    [summary] = import_file(write_sheet(tmp_path / "june.csv", taobao_rows(later), "gbk"))
    assert (summary.customers_new, summary.customers_matched) == (0, 1)
    with database.session() as session:
        [customer] = session.scalars(select(Customer)).all()
        assert customer.order_count == 2


def test_undo_removes_orders_reverts_updates_and_keeps_older_customers(tmp_path, import_file, database, orders_of):  # type: ignore[no-untyped-def]
    import_file(write_sheet(tmp_path / "a.csv", taobao_rows(ALICE), "gbk"))
    after_first = table_counts(database)
    carl = ("1000000000000000003", "tb_carl", "交易成功", "5", "'13600000000")
    [second] = import_file(write_sheet(tmp_path / "b.csv", taobao_rows((*ALICE[:2], "交易关闭", "0", ALICE[4]), carl), "gbk"))
    assert (second.orders_new, second.orders_updated, second.customers_new) == (1, 1, 1)

    with pytest.raises(Exception, match="later import"):
        undo_import(database, 1)
    undone = undo_import(database, second.batch_id)
    assert (undone.orders_removed, undone.orders_reverted, undone.customers_removed) == (1, 1, 1)
    assert {k: v for k, v in table_counts(database).items() if k != "import_batches"} == {
        k: v for k, v in after_first.items() if k != "import_batches"}
    order = orders_of()[ALICE[0]]
    assert order.status == OrderStatus.PAID and order.paid_amount == Decimal("100.00")
    with database.session() as session:
        assert session.scalars(select(Customer.paid_orders)).one() == 1


def many_orders(count: int):  # type: ignore[no-untyped-def]
    """A Taobao sheet of `count` orders from seven buyers: enough rows for the bulk paths."""
    return taobao_rows(*[(f"10000000000000{n:05d}", f"tb_{n % 7}", "交易成功", "10", f"'1380000{n % 7:04d}")
                         for n in range(count)])


def test_cancel_rolls_back(tmp_path, database):  # type: ignore[no-untyped-def]
    prepared = prepare_import(write_sheet(tmp_path / "a.csv", many_orders(1200), "gbk"))
    before, indexes = table_counts(database), index_names(database)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        commit_imports(database, [prepared], cancel=token)
    assert table_counts(database) == before
    assert index_names(database) == indexes  # a first import builds indexes after its rows; none went missing


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _truncated_xlsx(path):  # type: ignore[no-untyped-def]
    write_sheet(path, taobao_rows(ALICE), "xlsx")
    path.write_bytes(path.read_bytes()[:600])
    return path


def _zip_without_workbook(path):  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    return path


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("empty.csv", lambda p: p.write_bytes(b""), "empty"),
        ("blank.csv", lambda p: p.write_text("\n\n  \n"), "empty"),
        ("photo.xls", lambda p: p.write_bytes(bytes(range(256)) * 20), "binary"),
        ("report.csv", lambda p: p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"), "PDF"),
        ("cut.xlsx", _truncated_xlsx, "incomplete or damaged"),
        ("other.xlsx", _zip_without_workbook, "cannot be opened"),
        ("jd.xlsx", lambda p: p.write_bytes(OLE + b"\0" * 600 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 600),
         "password-protected"),
        ("notes.csv", lambda p: p.write_text("名字,爱好\n张三,喝茶\n", encoding="utf-8"), "not an order sheet"),
        ("header.csv", lambda p: p.write_text("订单编号,订单状态,买家实际支付金额,买家会员名\n", encoding="utf-8"), "no orders"),
    ],
)
def test_files_that_are_not_order_sheets_are_refused(name, make, message, tmp_path, db_path, capsys):  # type: ignore[no-untyped-def]
    good = write_sheet(tmp_path / "good.csv", taobao_rows(ALICE), "gbk")
    path = tmp_path / name
    make(path)
    with pytest.raises(SheetRefused, match=message):
        prepare_import(path)
    assert main(["import", str(good), str(path), "--db", str(db_path)]) == 1
    error = capsys.readouterr().err
    assert name in error and message in error
    assert main(["stats", "--json", "--db", str(db_path)]) == 0
    assert json.loads(capsys.readouterr().out)["orders"] == 0


def test_cli_import_and_stats(tmp_path, db_target, capsys):  # type: ignore[no-untyped-def]
    path = write_sheet(tmp_path / "a.csv", taobao_rows(ALICE, BOB), "gbk")
    assert main(["import", str(path), "--db", db_target, "--json"]) == 0
    [batch] = json.loads(capsys.readouterr().out)["batches"]
    assert (batch["orders_new"], batch["customers_new"], batch["preset"]) == (2, 2, TAOBAO.key)
    assert main(["stats", "--json", "--db", db_target, "--as-of", "2026-06-01"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert (stats["customers"], stats["orders"], stats["paid_orders"], stats["revenue"]) == (2, 2, 2, "1388.00")
    assert main(["import", "--undo", str(batch["batch_id"]), "--db", db_target]) == 0
    capsys.readouterr()
    assert main(["stats", "--json", "--db", db_target]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert (stats["customers"], stats["orders"]) == (0, 0)


def test_a_file_read_again_is_recognised_unparsed_and_not_backed_up(tmp_path, database, monkeypatch):  # type: ignore[no-untyped-def]
    from core.importing import parsing
    from core.store.backup import list_backups

    path = write_sheet(tmp_path / "a.csv", taobao_rows(ALICE, BOB), "gbk")
    commit_imports(database, prepare_files(database, [path]))
    copies = len(list_backups(database.path)) if database.path else 0
    newer = write_sheet(tmp_path / "b.csv", taobao_rows(ALICE, (*BOB[:3], "1,300.00", BOB[4])), "gbk")
    # Even a parser that reads every amount differently now finds the stored orders unchanged: their rows are.
    monkeypatch.setattr(parsing, "_PARSERS", {**parsing._PARSERS, "amount": lambda raw: Decimal(7)})
    [again] = prepare_files(database, [path])
    [changed] = prepare_files(database, [newer])
    assert (again.orders, again.orders_unchanged, again.order_count, again.rows_read) == ([], 2, 2, 2)
    assert ([order.platform_order_id for order in changed.orders], changed.orders_unchanged) == ([BOB[0]], 1)
    [summary] = commit_imports(database, [again])
    assert (summary.orders_new, summary.orders_updated, summary.orders_unchanged) == (0, 0, 2)
    if database.path:  # nothing was going to change: the copy taken before the first import still holds it all
        assert len(list_backups(database.path)) == copies


def test_unchanged_orders_are_found_in_a_bigger_book_and_in_one_pass_over_a_book_the_file_fills(
        tmp_path, database):  # type: ignore[no-untyped-def]
    from sqlalchemy import update

    from core.store.models import Order

    orders = [(f"20000000000000000{n:02d}", f"tb_{n}", "交易成功", "10.00", f"'1380000{n:04d}") for n in range(8)]
    commit_imports(database, prepare_files(database, [write_sheet(tmp_path / "all.csv", taobao_rows(*orders), "gbk")]))
    with database.writing() as connection:  # an order stored before content hashes were kept
        connection.execute(update(Order).where(Order.platform_order_id == orders[7][0]).values(content_hash=None))

    def prepared(name, chosen):  # type: ignore[no-untyped-def]
        [item] = prepare_files(database, [write_sheet(tmp_path / name, taobao_rows(*chosen), "gbk")])
        return [order.platform_order_id for order in item.orders], item.orders_unchanged

    assert prepared("one.csv", orders[:1]) == ([], 1)  # an eighth of the book: looked up by number
    assert prepared("most.csv", orders[1:7]) == ([], 6)  # most of it: one pass over the book's orders
    assert prepared("all_again.csv", orders) == ([orders[7][0]], 7)  # no stored hash: parsed again


def test_cli_import_shows_progress_at_a_terminal_only(tmp_path, db_path, capsys, monkeypatch):  # type: ignore[no-untyped-def]
    import sys

    path = write_sheet(tmp_path / "big.csv", many_orders(5000), "gbk")
    assert main(["import", str(path), "--db", str(db_path)]) == 0
    assert capsys.readouterr().err == ""  # a script's stderr holds only problems
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    # Into another book: in the same one every order is already stored, and nothing is left to import.
    assert main(["import", str(path), "--db", str(tmp_path / "second.db")]) == 0
    shown = capsys.readouterr().err
    assert "\rReading 100%\n" in shown and "\rImporting 100%\n" in shown
    assert re.search(r"\rReading [1-9]\d?%", shown) and re.search(r"\rImporting [1-9]\d?%", shown)


def test_an_id_excel_stored_as_a_number_is_reported(tmp_path, import_file, orders_of):  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    rows = taobao_rows(ALICE, BOB)
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append([cell.removeprefix('="').removesuffix('"') for cell in row])
    sheet.cell(2, 1).value = 6917926768823643751  # a number cell: Excel keeps 15 digits
    sheet.cell(3, 1).value = 1234567  # a short id typed as a number is still exact
    path = tmp_path / "numbers.xlsx"
    workbook.save(path)
    prepared = prepare_import(path)
    [bad] = prepared.bad_rows
    assert bad.row == 2 and "rounded" in bad.reason
    import_file(path)
    assert set(orders_of()) == {"1234567"}


def test_a_workbook_with_a_wrong_dimension_is_read_whole(tmp_path, import_file):  # type: ignore[no-untyped-def]
    path = write_sheet(tmp_path / "kuaishou.xlsx", taobao_rows(ALICE, BOB), "xlsx")
    patched = tmp_path / "patched.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(patched, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<dimension ref="[^"]+"', b'<dimension ref="A1"', data)
            target.writestr(item, data)
    assert import_file(patched)[0].orders_new == 2


def test_bracket_and_comma_spellings_of_headers_still_match(tmp_path, import_file, orders_of):  # type: ignore[no-untyped-def]
    wechat = PRESETS["wechat_shop.order_export"]
    headers = [header.replace("(", "（").replace(")", "）") for header in wechat.headers]
    headers[headers.index("订单实际支付金额")] = "订单实际支付金额 "
    row = row_for(wechat, headers, order_id="3712345678901234567", status="已完成", amount="1,024.50",
                  item_title="茶", receiver_name="王五", phone="13700003333", created_at="2026-05-01 10:00:00")
    prepared = prepare_import(write_sheet(tmp_path / "wechat.xlsx", [headers, row], "xlsx"))
    assert prepared.preset.key == "wechat_shop.order_export"
    import_file(prepared.path)
    assert orders_of()["3712345678901234567"].paid_amount == Decimal("1024.50")


def test_shopify_continuation_rows_and_offsets(tmp_path, import_file, orders_of):  # type: ignore[no-untyped-def]
    shopify = PRESETS["shopify.orders_export"]
    headers = list(shopify.headers)
    first = row_for(shopify, headers, order_id="#1001", buyer_id="Ann@Example.com", status="paid",
                    fulfillment_status="fulfilled", amount="59.00", created_at="2026-05-01 10:00:00 +0200",
                    item_title="Green tea", quantity="2", unit_price="20.00", receiver_name="Ann Lee")
    second = row_for(shopify, headers, order_id="#1001", item_title="Tea cup", quantity="1", unit_price="19.00")
    later = row_for(shopify, headers, order_id="#1002", buyer_id="ann@example.com", status="refunded",
                    amount="10.00", created_at="2026-06-01 09:00:00 -0400", item_title="Sample")
    [summary] = import_file(write_sheet(tmp_path / "orders_export.csv", [headers, first, second, later], "utf8"))
    assert summary.customers_new == 1  # the email is the buyer's key, whatever its case
    orders = orders_of()
    order = orders["#1001"]
    assert order.status == OrderStatus.SHIPPED and order.paid_amount == Decimal("59.00")
    assert order.created_at.isoformat() == "2026-05-01T10:00:00"
    assert [(line.title, line.quantity, line.amount) for line in order.lines] == [
        ("Green tea", 2, Decimal("40.00")), ("Tea cup", 1, Decimal("19.00"))]
    assert orders["#1002"].status == OrderStatus.REFUNDED


def test_order_and_item_files_in_any_order_and_again(tmp_path, import_file, orders_of):  # type: ignore[no-untyped-def]
    items = PRESETS["taobao_tmall.orderdetaillist_csv_legacy"]
    headers = list(items.headers)
    item_rows = [headers] + [
        row_for(items, headers, order_id=f'="{ALICE[0]}"', item_title=title, unit_price="50", quantity="1",
                status="交易成功")
        for title in ("龙井茶", "白茶饼")
    ]
    item_file = write_sheet(tmp_path / "ExportOrderDetailList.csv", item_rows, "gbk")
    order_file = write_sheet(tmp_path / "ExportOrderList.csv", taobao_rows(ALICE), "gbk")
    assert import_file(item_file)[0].orders_new == 1
    [orders] = import_file(order_file)
    assert orders.orders_updated == 1 and orders.customers_new == 1
    order = orders_of()[ALICE[0]]
    assert order.customer_id is not None and order.status == OrderStatus.PAID
    assert sorted(line.title for line in order.lines) == ["白茶饼", "龙井茶"]  # the summary line did not replace them
    for path in (item_file, order_file):
        [again] = import_file(path)
        assert (again.orders_new, again.orders_updated, again.orders_unchanged) == (0, 0, 1)


def test_pinduoduo_order_date_from_the_order_number_when_the_time_is_blank(tmp_path, import_file, orders_of):  # type: ignore[no-untyped-def]
    pdd = PRESETS["pdd.order_export_2023"]
    headers = list(pdd.headers)
    row = row_for(pdd, headers, order_id="260517-607198974342268", status="已发货，待收货", amount="1,299.00",
                  item_title="茶", sku="null", refund_status="无售后或售后取消")
    import_file(write_sheet(tmp_path / "pdd.csv", [headers, row], "utf8"))
    order = orders_of()["260517-607198974342268"]
    assert order.created_at.isoformat() == "2026-05-17T00:00:00"
    assert order.status == OrderStatus.SHIPPED and order.paid_amount == Decimal("1299.00")
    assert order.lines[0].sku is None  # the literal 'null' some exports write


def test_cancel_while_the_customers_are_refreshed_rolls_back(tmp_path, database, monkeypatch):  # type: ignore[no-untyped-def]
    import core.figures.customer_cache
    from core.search import keys as search_keys

    prepared = prepare_import(write_sheet(tmp_path / "a.csv", many_orders(1200), "gbk"))
    before = table_counts(database)
    token = CancelToken()
    refresh_figures = core.figures.customer_cache.refresh_customer_cache

    def figures_then_cancel(*args, **kwargs):  # type: ignore[no-untyped-def]
        refresh_figures(*args, **kwargs)
        token.cancel()  # the user presses Cancel as the figures are done and the search keys begin

    monkeypatch.setattr(core.figures.customer_cache, "refresh_customer_cache", figures_then_cancel)
    keyed: list[object] = []
    key_rows = search_keys._key_rows
    monkeypatch.setattr(search_keys, "_key_rows", lambda rows: keyed.append(rows) or key_rows(rows))
    with pytest.raises(Cancelled):
        commit_imports(database, [prepared], cancel=token)
    assert keyed == []  # heard before the longest step, not after it
    assert table_counts(database) == before


def test_progress_is_reported_up_to_the_total(tmp_path, database):  # type: ignore[no-untyped-def]
    prepared = prepare_import(write_sheet(tmp_path / "many.csv", many_orders(2500), "gbk"))
    seen, indexes = [], index_names(database)
    [summary] = commit_imports(database, [prepared], progress=lambda done, total: seen.append((done, total)))
    assert index_names(database) == indexes
    assert (summary.orders_new, summary.customers_new) == (2500, 7)
    assert seen[-1] == (2500, 2500) and len(seen) >= 2
    assert [done for done, _total in seen] == sorted(done for done, _total in seen)
    # Refreshing the customers after the orders are in still has its part of the bar to fill.
    assert seen[-2][0] <= 2500 * 2 // 3


def test_reading_big_files_reports_progress_as_they_are_parsed(tmp_path, database):  # type: ignore[no-untyped-def]
    paths = [write_sheet(tmp_path / f"{name}.csv", many_orders(5000), "gbk") for name in ("march", "april")]
    seen: list[tuple[int, int]] = []
    prepared = prepare_files(database, paths, progress=lambda done, total: seen.append((done, total)))
    assert [len(item.orders) for item in prepared] == [5000, 5000]
    done = [step for step, _total in seen]
    assert done == sorted(done) and seen[-1] == (seen[0][1], seen[0][1])
    halfway = seen[0][1] // 2
    assert any(0 < step < halfway for step in done) and any(halfway < step < seen[0][1] for step in done)


def test_a_gbk_file_whose_first_part_is_plain_ascii(tmp_path, import_file, orders_of):  # type: ignore[no-untyped-def]
    shopify = PRESETS["shopify.orders_export"]
    headers = list(shopify.headers)
    rows = [headers] + [
        row_for(shopify, headers, order_id=f"#{n}", buyer_id=f"b{n}@example.com", status="paid", amount="10",
                receiver_name=name, item_title="tea", created_at="2026-05-01 10:00:00 +0800")
        for n, name in [*((n, "Li Lei") for n in range(4000)), (4000, "张三")]
    ]
    path = write_sheet(tmp_path / "late_chinese.csv", rows, "gbk")
    assert path.read_bytes()[:300_000].isascii()
    import_file(path)
    assert orders_of()["#4000"].receiver_name == "张三"
