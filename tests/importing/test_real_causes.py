"""Each way real exports went wrong, rebuilt from its cause in the reference layouts (order-sheets.json)."""

from __future__ import annotations

from decimal import Decimal

from charset_normalizer import CharsetMatches
from sqlalchemy import func, select, update

from core.cli import main
from core.customers.listing import CustomerFilter, count_customers
from core.importing import PRESETS, commit_imports, import_notices, prepare_import
from core.importing.readers import decode_text
from core.store.models import Customer, Order, OrderLine
from core.store.opening import open_database
from tests.importing.sheets import row_for, write_sheet

ITEM_REPORT = PRESETS["taobao_tmall.orderdetail_csv_2020"]
QIANNIU_ORDERS = PRESETS["taobao_tmall.order_report_xlsx_qianniu"]
ORDER_LIST = PRESETS["taobao_tmall.orderlist_csv_legacy"]


def item_rows(*lines):  # type: ignore[no-untyped-def]
    """A 宝贝报表 (2020 CSV layout): (line id, order id, refund amount text)."""
    headers = list(ITEM_REPORT.headers)
    return [headers, *(
        row_for(ITEM_REPORT, headers, line_id=f'="{line}"', order_id=f'="{order}"', refund_amount=refund,
                item_title="龙井茶", quantity="1", unit_price="50.00", amount="50.00", status="交易成功",
                created_at="2022-09-10 10:00:00")
        for line, order, refund in lines)]


def test_a_placeholder_in_an_optional_column_costs_no_order(tmp_path, database):  # type: ignore[no-untyped-def]
    # A real 2022 宝贝报表 writes 无退款申请 in 退款金额 on 978 of 1,119 rows: every one of them was rejected.
    rows = item_rows(("11", "1", "无退款申请"), ("12", "1", "无退款申请"), ("21", "2", "10.00"),
                     ("31", "3", "退款中"), ("41", "4", "退款中"))
    prepared = prepare_import(write_sheet(tmp_path / "ExportOrderDetailList.csv", rows, "gbk"))
    assert (len(prepared.orders), prepared.bad_rows) == (4, [])
    # The unknown text is said once for its column, with its count and first row; the placeholder not at all.
    [notice] = import_notices(prepared)
    assert "退款金额" in notice and "'退款中'" in notice and "rows: 2, the first is row 5" in notice
    commit_imports(database, [prepared])
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(OrderLine)) == 5


def test_an_unreadable_essential_cell_rejects_its_row(tmp_path):  # type: ignore[no-untyped-def]
    headers = list(ORDER_LIST.headers)
    rows = [headers, *(row_for(ORDER_LIST, headers, order_id=number, buyer_id="tb_a", amount=amount,
                               created_at=created, status="交易成功")
                       for number, amount, created in (("1", "1,2,3", "2022-09-10 10:00:00"),
                                                       ("2", "-5.00", "2022-09-10 10:00:00"),
                                                       ("3", "5.00", "1999-12-31 10:00:00"),
                                                       ("4", "5.00", "2022-09-10 10:00:00")))]
    prepared = prepare_import(write_sheet(tmp_path / "ExportOrderList.csv", rows, "csv"))
    assert [order.platform_order_id for order in prepared.orders] == ["4"]
    assert [(bad.row, bad.column) for bad in prepared.bad_rows] == [
        (2, "买家实际支付金额"), (3, "买家实际支付金额"), (4, "订单创建时间")]


def qianniu_rows(*orders):  # type: ignore[no-untyped-def]
    headers = list(QIANNIU_ORDERS.headers)
    return [headers, *(row_for(QIANNIU_ORDERS, headers, order_id=number, amount="99.00", status="交易成功",
                               created_at="2024-03-01 10:00:00", address="浙江省 杭州市 西湖区 文三路1号")
                       for number in orders)]


def test_an_export_without_buyers_says_so_and_later_buyers_attach(tmp_path, database, capsys):  # type: ignore[no-untyped-def]
    # Taobao's 千牛 订单报表 carries no buyer columns: the orders came in, nobody was created, and the wizard
    # said every row was read.
    path = write_sheet(tmp_path / "订单报表.xlsx", qianniu_rows("1001", "1002"))
    assert main(["import", "--db", str(tmp_path / "book.db"), str(path)]) == 0
    assert "names no buyers" in capsys.readouterr().err
    prepared = prepare_import(path)
    assert any("names no buyers" in notice for notice in import_notices(prepared))
    commit_imports(database, [prepared])
    headers = list(ORDER_LIST.headers)
    with_buyers = [headers, *(row_for(ORDER_LIST, headers, order_id=number, buyer_id=buyer, amount="99.00",
                                      status="交易成功", created_at="2024-03-01 10:00:00", receiver_name="张三")
                              for number, buyer in (("1001", "tb_a"), ("1002", "tb_a")))]
    commit_imports(database, [prepare_import(write_sheet(tmp_path / "ExportOrderList.csv", with_buyers))])
    with database.session() as session:
        [buyer] = session.scalars(select(Customer)).all()
        assert (buyer.platform_buyer_id, buyer.order_count) == ("tb_a", 2)
        assert buyer.total_spent == Decimal("198.00")


SHOPIFY = PRESETS["shopify.orders_export"]


def shopify_rows(*orders, refunded_column=True):  # type: ignore[no-untyped-def]
    """A Shopify orders export: (global Id, Name, financial status, Total, Refunded Amount, phone)."""
    headers = list(SHOPIFY.headers)
    rows = [headers]
    for global_id, name, financial, total, refunded, phone in orders:
        row = row_for(SHOPIFY, headers, order_id=name, status=financial, amount=total, refund_amount=refunded,
                      created_at="2025-03-01 10:00:00 +0000", receiver_name="Ann Lee", phone=phone,
                      item_title="Scarf", quantity="1")
        row[headers.index("Id")] = global_id
        rows.append(row)
    return rows


def book_figures(database):  # type: ignore[no-untyped-def]
    from core.figures.stats import shop_stats

    with database.session() as session:
        stats = shop_stats(session)
    return stats["orders"], stats["customers"], stats["paid_orders"], stats["revenue"]


def test_a_partial_refund_counts_total_less_refunded(tmp_path, database):  # type: ignore[no-untyped-def]
    # On a real store revenue came out 7.5 % high: Shopify's Total is what was charged, before refunds.
    rows = shopify_rows(("5001", "#1001", "partially_refunded", "100.00", "7.50", "+447700900001"),
                        ("5002", "#1002", "paid", "50.00", "0.00", "+447700900002"))
    commit_imports(database, [prepare_import(write_sheet(tmp_path / "orders_export.csv", rows, "utf8"))])
    assert book_figures(database)[2:] == (2, "142.50")


def taobao_money_rows(*orders):  # type: ignore[no-untyped-def]
    """An ExportOrderList: (id, status, 买家实际支付金额, 退款金额, 总金额, 订单关闭原因)."""
    headers = list(ORDER_LIST.headers)
    return [headers, *(row_for(ORDER_LIST, headers, order_id=number, buyer_id="tb_a", receiver_name="张三",
                               status=status, amount=paid, refund_amount=refund, total_amount=total,
                               close_reason=reason, created_at="2022-09-10 10:00:00")
                       for number, status, paid, refund, total, reason in orders)]


def test_taobao_refunds_are_netted_once_and_closed_refunds_are_refunds(tmp_path, database, orders_of):  # type: ignore[no-untyped-def]
    rows = taobao_money_rows(
        ("1", "交易成功", "25.31", "208.69", "234.00", "订单未关闭"),  # already net: not subtracted again
        ("2", "交易成功", "0.00", "119.00", "119.00", "订单未关闭"),  # all refunded after success: not paid
        ("3", "交易关闭", "0.00", "60.00", "60.00", "退款"),  # closed by its refund
        ("4", "交易关闭", "0.00", "", "80.00", "买家未付款"),
    )
    commit_imports(database, [prepare_import(write_sheet(tmp_path / "ExportOrderList.csv", rows))])
    assert book_figures(database)[2:] == (1, "25.31")
    assert {number: order.status for number, order in orders_of().items()} == {
        "1": "completed", "2": "refunded", "3": "refunded", "4": "closed"}


def test_a_buyer_known_by_a_foreign_phone_alone_is_one_customer(tmp_path, database):  # type: ignore[no-untyped-def]
    # A Bangladeshi cash-on-delivery store: no e-mails, the same +880 phone on five orders (written with the
    # trunk zero on some), and five customers came out of it.
    phones = ("+8801306877229", "+88001306877229", "+880 1306-877229", "+8801306877229", "008801306877229")
    rows = shopify_rows(*((f"60{n}", f"#10{n}", "pending", "900.00", "", phone) for n, phone in enumerate(phones)))
    for row in rows[1:]:
        row[rows[0].index("Shipping Name")] = ""  # the name and address do not tie them together
    commit_imports(database, [prepare_import(write_sheet(tmp_path / "orders_export.csv", rows, "utf8"))])
    with database.session() as session:
        [buyer] = session.scalars(select(Customer)).all()
        aliases = {(alias.kind, alias.value) for alias in buyer.aliases}
    assert buyer.phone == "+8801306877229"
    assert ("phone", "+8801306877229") in aliases


def test_the_same_export_downloaded_again_is_unchanged(tmp_path, database):  # type: ignore[no-untyped-def]
    # A re-download wrote CRLF inside the multi-line Note Attributes cells: it counted "10 updated".
    rows = shopify_rows(("7001", "#1001", "paid", "10.00", "", "+447700900001"))
    notes = rows[0].index("Note Attributes")
    rows[1][notes] = "First name: Ann\nPhone number: 7700900001"
    commit_imports(database, [prepare_import(write_sheet(tmp_path / "orders_export.csv", rows, "utf8"))])
    rows[1][notes] = " First name: Ann\r\nPhone number: 7700900001 "
    [again] = commit_imports(database, [prepare_import(write_sheet(tmp_path / "orders_export (1).csv", rows, "utf8"))])
    assert (again.orders_new, again.orders_updated, again.orders_unchanged) == (0, 0, 1)


def test_a_second_store_never_overwrites_the_first(tmp_path, database, orders_of):  # type: ignore[no-untyped-def]
    # Every Shopify store numbers from #1001: a second store's export overwrote 48-59 orders of the first.
    first = shopify_rows(("5001", "#1001", "paid", "10.00", "", "+447700900001"))
    second = shopify_rows(("9001", "#1001", "pending", "99.00", "", "+8801306877229"))
    commit_imports(database, [prepare_import(write_sheet(tmp_path / "store_a.csv", first, "utf8"))])
    commit_imports(database, [prepare_import(write_sheet(tmp_path / "store_b.csv", second, "utf8"))])
    orders = orders_of()
    assert {key: (order.shown_number, order.status) for key, order in orders.items()} == {
        "5001": ("#1001", "paid"), "9001": ("#1001", "unpaid")}
    assert orders["5001"].customer_id != orders["9001"].customer_id


def test_an_order_stored_by_its_name_is_re_keyed_not_doubled(tmp_path, database, orders_of):  # type: ignore[no-untyped-def]
    # A book from before the global key holds Shopify orders keyed by their name.
    rows = shopify_rows(("5001", "#1001", "paid", "10.00", "", "+447700900001"))
    commit_imports(database, [prepare_import(write_sheet(tmp_path / "orders_export.csv", rows, "utf8"))])
    with database.transaction() as session:
        [order] = orders_of().values()
        session.execute(update(Order).where(Order.id == order.id).values(platform_order_id="#1001", order_name=None))
    commit_imports(database, [prepare_import(write_sheet(tmp_path / "orders_export.csv", rows, "utf8"))])
    assert {key: order.shown_number for key, order in orders_of().items()} == {"5001": "#1001"}


def test_the_cli_names_the_shop_of_a_file_that_does_not_say(tmp_path, capsys):  # type: ignore[no-untyped-def]
    jd = PRESETS["jd.order_export_csv_legacy"]
    headers = list(jd.headers)
    rows = [headers, row_for(jd, headers, order_id="300100", buyer_id="jd_a", amount="59.00", status="完成",
                             created_at="2026-05-01 10:00:00", receiver_name="李四")]
    path = write_sheet(tmp_path / "jd.csv", rows)
    assert main(["import", "--db", str(tmp_path / "a.db"), str(path)]) == 0
    assert "--shop NAME" in capsys.readouterr().err
    assert main(["import", "--db", str(tmp_path / "b.db"), "--shop", "京东店", str(path)]) == 0
    database = open_database(tmp_path / "b.db")
    with database.session() as session:
        assert session.scalars(select(Order.shop_name)).all() == ["京东店"]
    database.dispose()


def taobao_text_rows(count: int, address: str, name: str):  # type: ignore[no-untyped-def]
    headers = list(ORDER_LIST.headers)
    return [headers, *(row_for(ORDER_LIST, headers, order_id=f"{2860432273158675409 + n}", buyer_id=f"tb{n:09d}",
                               receiver_name=name, address=f"{address}{n}号", status="交易成功", amount="99.00",
                               created_at="2022-09-10 10:00:00", item_title="韩国保湿滋润唇部精华 3.9g")
                       for n in range(count))]


def test_a_large_gbk_order_list_is_read_as_gbk(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    # A real 872 KB GBK 订单报表 CSV was refused: charset-normalizer found no match at all on a large sample
    # of it (STACK.md). A detector's silence must not matter to a file that decodes as GB18030.
    monkeypatch.setattr("core.importing.readers.from_bytes", lambda _sample: CharsetMatches([]))
    path = write_sheet(tmp_path / "ExportOrderList.csv", taobao_text_rows(5000, "浙江省 杭州市 西湖区 文三路", "张三丰"),
                       "gbk")
    assert path.stat().st_size > 872_000
    prepared = prepare_import(path)
    assert (prepared.sheet.encoding, len(prepared.orders)) == ("gb18030", 5000)
    assert prepared.orders[0].values["receiver_address"].startswith("浙江省 杭州市")


def test_big5_and_utf16_files_are_told_apart_from_gbk(tmp_path):  # type: ignore[no-untyped-def]
    # Every Big5 byte pair is valid GB18030: only a detector can say a file is Big5.
    text = "".join(f"{n},陳大文,臺灣省 臺北市 信義區 忠孝東路{n}號,交易成功,已經付款\n" for n in range(60))
    assert decode_text(tmp_path / "big5.csv", text.encode("big5")) == (text, "big5")
    rows = taobao_text_rows(3, "臺灣省 臺北市 信義區 忠孝東路", "陳大文")
    utf16 = tmp_path / "utf16.csv"
    utf16.write_bytes("\n".join("\t".join(row) for row in rows).encode("utf-16"))
    assert prepare_import(utf16).orders[0].values["receiver_name"] == "陳大文"


YOUZAN_ORDERS = PRESETS["youzan.order_export_order_level"]
YOUZAN_ITEMS = PRESETS["youzan.order_export_item_level"]


def test_a_companion_sheet_fills_in_and_never_erases(tmp_path, database, orders_of):  # type: ignore[no-untyped-def]
    # Youzan's item sheet has no order times: imported after the order sheet it set every order's created and
    # paid time to nothing, and every buyer dropped to a prospect with ¥0.
    headers = list(YOUZAN_ORDERS.headers)
    orders = [headers, row_for(YOUZAN_ORDERS, headers, order_id="E2026050110000001", buyer_nick="小林",
                               buyer_id="13800001111", receiver_name="林小姐", phone="13800001111",
                               status="交易成功", amount="120.00", created_at="2026-05-01 10:00:00",
                               paid_at="2026-05-01 10:01:00", item_title="龙井茶 等2件")]
    headers = list(YOUZAN_ITEMS.headers)
    items = [headers, *(row_for(YOUZAN_ITEMS, headers, order_id="E2026050110000001", receiver_name="林小姐",
                                phone="13800001111", status=status, amount=amount, item_title=title, quantity="1")
                        for title, amount, status in (("龙井茶", "50.00", "交易成功"), ("茶具", "60.00", "")))]
    commit_imports(database, [prepare_import(write_sheet(tmp_path / "orders.xlsx", orders))])
    commit_imports(database, [prepare_import(write_sheet(tmp_path / "items.xlsx", items))])
    [order] = orders_of().values()
    assert (str(order.created_at), str(order.paid_at), order.status, order.paid_amount) == (
        "2026-05-01 10:00:00", "2026-05-01 10:01:00", "completed", Decimal("120.00"))
    assert sorted(line.title for line in order.lines) == ["茶具", "龙井茶"]
    with database.session() as session:
        [buyer] = session.scalars(select(Customer)).all()
        assert (buyer.stage, buyer.total_spent) != ("prospect", Decimal(0))
        assert buyer.total_spent == Decimal("120.00")


def test_every_platform_account_is_kept_as_an_alias(tmp_path, database):  # type: ignore[no-untyped-def]
    # Youzan names a buyer by phone and by nickname: search finds the buyer by either, so both are stored.
    headers = list(YOUZAN_ORDERS.headers)
    rows = [headers, row_for(YOUZAN_ORDERS, headers, order_id="E1", buyer_nick="小林", buyer_id="13800001111",
                             status="交易成功", amount="9.00", created_at="2026-05-01 10:00:00")]
    commit_imports(database, [prepare_import(write_sheet(tmp_path / "orders.xlsx", rows))])
    with database.session() as session:
        [buyer] = session.scalars(select(Customer)).all()
        assert {(alias.kind, alias.value) for alias in buyer.aliases} >= {
            ("buyer_id", "13800001111"), ("nickname", "小林")}


def test_addresses_are_split_into_one_normal_form(tmp_path, database):  # type: ignore[no-untyped-def]
    # Taobao and JD give one address string; Pinduoduo writes the short province name in its 省 column.
    headers = list(ORDER_LIST.headers)
    taobao = [headers, *(row_for(ORDER_LIST, headers, order_id=number, buyer_id=buyer, receiver_name="张三",
                                 address=address, status="交易成功", amount="10.00", created_at="2026-05-01 10:00:00")
                         for number, buyer, address in (("1", "tb_a", "浙江 杭州市 西湖区 文三路1号"),
                                                        ("2", "tb_b", "北京 北京市 朝阳区 建国路2号")))]
    pdd = PRESETS["pdd.order_export_2020"]
    headers = list(pdd.headers)
    pdd_rows = [headers, row_for(pdd, headers, order_id="260501-1", receiver_name="李四", phone="13900002222",
                                 address=("浙江", "宁波市", "鄞州区", "天童路", "3号"), status="已签收",
                                 amount="5.00", created_at="2026-05-01 10:00:00")]
    commit_imports(database, [prepare_import(write_sheet(tmp_path / "ExportOrderList.csv", taobao)),
                              prepare_import(write_sheet(tmp_path / "pdd.xlsx", pdd_rows))])
    with database.session() as session:
        found = {(c.province, c.city, c.district) for c in session.scalars(select(Customer))}
        assert found == {("浙江省", "杭州市", "西湖区"), ("北京市", "北京市", "朝阳区"), ("浙江省", "宁波市", "鄞州区")}
        assert count_customers(session, CustomerFilter(province="浙江")) == 2


def shopify_sheet(*orders):  # type: ignore[no-untyped-def]
    """A Shopify orders export: each order a dict of its first row's fields, then (title, price) of more items."""
    headers = list(SHOPIFY.headers)
    rows = [headers]
    for fields in orders:
        fields = dict(fields)
        more = fields.pop("more", ())
        rows.append(row_for(SHOPIFY, headers, **fields))
        rows += [row_for(SHOPIFY, headers, order_id=fields["order_id"], email=fields.get("email", ""),
                         created_at=fields.get("created_at", ""), item_title=title, unit_price=price, quantity="1")
                 for title, price in more]
    return rows


def shopify_order(number, **fields):  # type: ignore[no-untyped-def]
    return {"order_id": number, "global_id": f"70{number.strip('#')}", "status": "paid",
            "created_at": "2026-01-20 09:44:09 -0300", "amount": "100", "item_title": "Mousse", "unit_price": "100",
            "quantity": "1", **fields}


def customers_of(database):  # type: ignore[no-untyped-def]
    with database.session() as session:
        return sorted(session.execute(select(Customer.name, Customer.phone, Customer.email, Customer.city)).all(),
                      key=str)


def test_an_order_that_ships_nowhere_is_known_by_its_billing_side(tmp_path, database):  # type: ignore[no-untyped-def]
    # Real point-of-sale, pickup and gift-card orders leave every Shipping column empty: their buyers had no name.
    rows = shopify_sheet(
        shopify_order("#1850", email="miguel@example.es", billing_name="Miguel Iglesias", billing_phone="637767307",
                      billing_address=("Calle Mayor 5", "", "Madrid", "28013", "M", "ES")),
        shopify_order("#1851", email="pilar@example.es", receiver_name="Pilar Zambrano", phone="+34600111222",
                      billing_name="Pilar Z. Facturas", billing_phone="+34911000000"))
    commit_imports(database, [prepare_import(write_sheet(tmp_path / "orders_export.csv", rows, "csv"))])
    assert customers_of(database) == [("Miguel Iglesias", "637767307", "miguel@example.es", None),
                                      ("Pilar Zambrano", "+34600111222", "pilar@example.es", None)]
    with database.session() as session:
        assert session.scalar(select(Order.receiver_address).where(Order.order_name == "#1850")).startswith(
            "Calle Mayor 5 Madrid")


def test_a_buyer_known_by_name_alone_is_in_the_book(tmp_path, database):  # type: ignore[no-untyped-def]
    # Two counter sales with a billing name and nothing else: their 3,720 € counted toward nobody.
    rows = shopify_sheet(shopify_order("#1892", billing_name="Sara Belloki", amount="2100"),
                        shopify_order("#1893", billing_name="Merel Rutten", amount="1620"),
                        shopify_order("#1894", billing_name="Sara Belloki", amount="30"))
    commit_imports(database, [prepare_import(write_sheet(tmp_path / "orders_export.csv", rows, "csv"))])
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Order).where(Order.customer_id.is_(None))) == 0
        assert sorted(session.execute(select(Customer.name, Customer.paid_orders))) == [
            ("Merel Rutten", 1), ("Sara Belloki", 2)]


def test_a_buyers_older_order_fills_in_what_their_newest_left_blank(tmp_path, database):  # type: ignore[no-untyped-def]
    # Shopify exports newest first: the newest order of a buyer named nobody, the older one their name and phone.
    rows = shopify_sheet(
        shopify_order("#1135", email="goncalo@example.pt", created_at="2026-03-02 10:00:00 +0000"),
        shopify_order("#1134", email="goncalo@example.pt", receiver_name="Gonçalo Costa", phone="+351964896379",
                      created_at="2026-03-01 10:00:00 +0000",
                      address=("Rua A 1", "", "Lisboa", "1000-001", "", "PT"), city="Lisboa"))
    commit_imports(database, [prepare_import(write_sheet(tmp_path / "orders_export.csv", rows, "csv"))])
    assert customers_of(database) == [("Gonçalo Costa", "+351964896379", "goncalo@example.pt", "Lisboa")]
    # The name found later is searchable too.
    with database.session() as session:
        assert count_customers(session, CustomerFilter(search="Gonçalo")) == 1


def test_an_order_whose_own_row_is_lost_is_reported_not_imported(tmp_path, database):  # type: ignore[no-untyped-def]
    # A file re-saved with another separator wraps each line holding a quote in one cell: the order's first row
    # became unreadable, its item row stayed, and a note's lines broke out of their cell into rows of their own.
    rows = shopify_sheet(shopify_order("#B5043", email="ofog@example.com", amount="58980",
                                      more=[("Golden Boost", "28990")]),
                        shopify_order("#B5044", email="marga@example.com"))
    rows[1] = [",".join(rows[1])] + [""] * (len(rows[1]) - 1)
    rows.append(["utm_source: ig"] + [""] * (len(rows[0]) - 1))
    prepared = prepare_import(write_sheet(tmp_path / "orders_export.csv", rows, "csv"))
    assert [order.values["order_name"] for order in prepared.orders] == ["#B5044"]
    assert [(bad.row, bad.column) for bad in prepared.bad_rows] == [(2, "Name"), (3, "Total"), (5, "Name")]
    assert "#B5043 has no row with its amount or status" in prepared.bad_rows[1].reason
    assert prepared.bad_rows[0].reason.endswith("…' is no order number")  # a whole line, cut short
