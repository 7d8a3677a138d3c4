"""Every layout in the reference (shared/reference/order-sheets.json) with the quirks its real files carry.

Each test builds a sheet the way that platform writes it (its header row, its wrappers, placeholders,
encodings and multi-row orders) and checks the book it makes: orders, buyers, paid orders, net revenue, lines.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from core.importing import PRESETS, commit_imports, prepare_import
from core.store.models import Order, OrderLine
from tests.importing.sheets import row_for, write_sheet


def sheet(key: str, *orders: dict[str, Any], more_headers: tuple[str, ...] = ()) -> list[list[str]]:
    """The layout's header row (with columns some files add), then a row per dict: fields by name, `raw`
    cells by their exact header."""
    preset = PRESETS[key]
    headers = [*preset.headers, *more_headers]
    rows = [headers]
    for fields in orders:
        fields = dict(fields)
        raw = fields.pop("raw", {})
        row = row_for(preset, headers, **fields)
        for header, text in raw.items():
            row[headers.index(header)] = text
        rows.append(row)
    return rows


def book(database, tmp_path, rows, fmt="xlsx", name="export"):  # type: ignore[no-untyped-def]
    """Import the sheet; (orders, buyers, paid orders, net revenue, lines) and the prepared import."""
    from core.figures.stats import shop_stats

    suffix = "xlsx" if fmt == "xlsx" else "xls" if fmt.startswith("html") else "csv"
    prepared = prepare_import(write_sheet(tmp_path / f"{name}.{suffix}", rows, fmt))
    commit_imports(database, [prepared])
    with database.session() as session:
        stats = shop_stats(session)
        lines = session.scalar(select(func.count()).select_from(OrderLine))
    return (stats["orders"], stats["customers"], stats["paid_orders"], stats["revenue"], lines), prepared


def stored(database) -> dict[str, Order]:  # type: ignore[no-untyped-def]
    with database.session() as session:
        orders = session.scalars(select(Order)).all()
        for order in orders:
            order.lines  # noqa: B018 - load the lines before the session closes
        return {order.platform_order_id: order for order in orders}


TAOBAO = dict(buyer_id="tb_a", receiver_name="张三", created_at="2022-09-10 10:00:00", amount="100.00",
              address="浙江省 杭州市 西湖区 文三路1号")


@pytest.mark.parametrize("fmt", ["gbk", "csv", "utf8", "html_gbk"])
def test_taobao_order_list_with_its_wrappers_totals_and_footnote(fmt, tmp_path, database):  # type: ignore[no-untyped-def]
    # ="…" ids, an apostrophe before the phone, both commas in a status, an amount with 元 and a thousands
    # comma; a totals row (合计) and a footnote under the orders are no orders.
    rows = sheet("taobao_tmall.orderlist_csv_legacy",
                 dict(TAOBAO, order_id='="1234567890123456789"', phone="'13800138000", status="交易成功"),
                 dict(TAOBAO, order_id='="1234567890123456790"', phone="'13800138000", status="买家已付款,等待卖家发货"),
                 dict(TAOBAO, order_id='="1234567890123456791"', phone="'13800138000", status="买家已付款，等待卖家发货",
                      amount="1,288.00元"),
                 dict(TAOBAO, order_id="合计", buyer_id="", receiver_name="", amount="1488.00", created_at=""))
    rows.append(["导出时间：2022-09-11 08:00:00"] + [""] * (len(rows[0]) - 1))
    figures, prepared = book(database, tmp_path, rows, fmt)
    assert figures == (3, 1, 3, "1488.00", 0)
    assert [(bad.row, bad.column) for bad in prepared.bad_rows] == [(6, "订单编号")]
    assert "is no order number" in str(prepared.bad_rows[0].reason)
    assert {order.receiver_phone for order in stored(database).values()} == {"13800138000"}


def test_a_real_biff_xls_with_number_and_date_cells(tmp_path, database):  # type: ignore[no-untyped-def]
    # Old back-ends send Excel 97 .xls files whose amounts, counts and times are number and date cells.
    from datetime import datetime

    import xlwt

    rows = sheet("taobao_tmall.orderlist_csv_legacy",
                 dict(TAOBAO, order_id="1234567890123456789", status="交易成功"),
                 dict(TAOBAO, order_id="1234567890123456790", status="交易关闭", close_reason="退款"))
    headers = rows[0]
    typed = {"买家实际支付金额": 1288.5, "宝贝总数量": 2, "订单创建时间": datetime(2022, 9, 10, 10, 0)}
    workbook = xlwt.Workbook(encoding="utf-8")
    page = workbook.add_sheet("订单")
    when = xlwt.easyxf(num_format_str="yyyy-mm-dd hh:mm:ss")
    for number, row in enumerate(rows):
        for column, text in enumerate(row):
            value = typed.get(headers[column].strip(), text) if number else text
            page.write(number, column, value, *([when] if isinstance(value, datetime) else []))
    workbook.save(str(tmp_path / "ExportOrderList.xls"))
    prepared = prepare_import(tmp_path / "ExportOrderList.xls")
    commit_imports(database, [prepared])
    found = stored(database)
    assert sorted(found) == ["1234567890123456789", "1234567890123456790"] and prepared.bad_rows == []
    completed = found["1234567890123456789"]
    assert (completed.paid_amount, completed.quantity, completed.created_at) == (
        Decimal("1288.50"), 2, datetime(2022, 9, 10, 10, 0))
    assert found["1234567890123456790"].status == "refunded"


def test_older_and_2019_taobao_order_lists_match_by_name(tmp_path, database):  # type: ignore[no-untyped-def]
    rows = sheet("taobao_tmall.orderlist_csv_legacy", dict(TAOBAO, order_id="1001", status="交易成功"))
    older = [row[:24] for row in rows]  # c.2009-2016 files stop after fewer columns
    assert book(database, tmp_path, older, "gbk", "old")[0] == (1, 1, 1, "100.00", 0)
    # c.2019 files insert 支付单号 and 支付详情 after 买家支付宝账号.
    later = [[*row[:3], *(("支付单号", "支付详情") if number == 0 else ("2019", "详情")), *row[3:]]
             for number, row in enumerate(sheet("taobao_tmall.orderlist_csv_legacy",
                                                dict(TAOBAO, order_id="1002", status="交易成功")))]
    assert book(database, tmp_path, later, "gbk", "2019")[0] == (2, 1, 2, "200.00", 0)


def test_taobao_item_report_wrappers_and_null_cells(tmp_path, database):  # type: ignore[no-untyped-def]
    line = dict(item_title="龙井茶", quantity="1", unit_price="50.00", amount="50.00", status="交易成功",
                created_at="2022-09-10 10:00:00")
    rows = sheet("taobao_tmall.orderdetail_csv_2020",
                 dict(line, line_id='="11"', order_id='="1"', sku="null", tracking_no="No:YT123"),
                 dict(line, line_id='="12"', order_id='="1"', sku="颜色分类：白色", refund_amount="无退款申请"),
                 dict(line, line_id='="21"', order_id='="2"', refund_status="没有申请退款"))
    figures, prepared = book(database, tmp_path, rows, "gbk")
    assert figures == (2, 0, 2, "150.00", 3) and prepared.bad_rows == [] and prepared.skipped_cells == []
    assert stored(database)["1"].tracking_no == "YT123"


def test_qianniu_report_below_title_rows_in_a_workbook_of_several_sheets(tmp_path, database):  # type: ignore[no-untyped-def]
    base = dict(status="交易成功", created_at="2024-03-01 10:00:00", close_reason="订单未关闭")
    rows = sheet("taobao_tmall.order_report_xlsx_qianniu",
                 dict(base, order_id="'3901234567890123456", amount="￥1,099.00", address="上海 上海市 ***"),
                 dict(base, order_id="3901234567890123457", amount="99.00", address="江苏省 南京市 建邺区 沙洲街道****"),
                 dict(base, order_id="3901234567890123458", amount="0.00", refund_amount="99.00", status="交易关闭",
                      close_reason="退款", address="浙江 杭州市 西湖区 ***"))
    workbook = Workbook()
    shipping = workbook.active
    shipping.title = "发货报表"  # one seller's workbook puts the shipping sheet first
    for row in (["订单编号", "收货人姓名", "联系手机"], ["3901234567890123456", "张三", "13800138000"]):
        shipping.append(row)
    orders = workbook.create_sheet("订单报表")
    for row in [["订单报表"], ["导出时间：2024-03-02"], *rows]:
        orders.append(row)
    workbook.save(tmp_path / "千牛.xlsx")
    prepared = prepare_import(tmp_path / "千牛.xlsx")
    assert (prepared.sheet.sheet_name, prepared.header_row, len(prepared.orders)) == ("订单报表", 2, 3)
    commit_imports(database, [prepared])
    found = stored(database)
    assert [(found[number].status, found[number].province) for number in sorted(found)] == [
        ("completed", "上海市"), ("completed", "江苏省"), ("refunded", "浙江省")]
    assert sum(order.paid_amount for order in found.values() if order.status == "completed") == 1198


JD = dict(buyer_id="jd_a", receiver_name="李四", phone="13900001111", address="北京 朝阳区 三环以内",
          created_at="2015-06-01 10:00:00", amount="80.00", total_amount="80.00")


def test_jd_sku_rows_share_one_order_and_its_amount(tmp_path, database):  # type: ignore[no-untyped-def]
    # The order's 应付金额 repeats on each SKU row: counted once. Cells carry tabs and line breaks.
    rows = sheet("jd.order_export_csv_legacy",
                 dict(JD, order_id="100", item_title="商品A\r\n新款", quantity="1", unit_price="30.00", status="完成"),
                 dict(JD, order_id="100", item_title="商品B\t", quantity="1", unit_price="50.00", status="完成"),
                 dict(JD, order_id="101", item_title="C", quantity="2", unit_price="10.00", amount="20.00",
                      status="(删除)等待出库"),
                 dict(JD, order_id="102", item_title="C", quantity="1", unit_price="20.00", amount="20.00",
                      status="已取消"),
                 dict(JD, order_id="103", item_title="C", quantity="1", unit_price="20.00", amount="20.00",
                      status="等待确认收货"))
    figures, _prepared = book(database, tmp_path, rows, "gbk")
    assert figures == (4, 1, 2, "100.00", 5)
    order = stored(database)["100"]
    assert (order.province, order.city, order.item_summary) == ("北京市", "北京市", "商品A 新款，商品B")


def test_jd_jingmai_below_a_description_row_with_a_masked_phone(tmp_path, database):  # type: ignore[no-untyped-def]
    rows = sheet("jd.order_export_jingmai_2026",
                 dict(order_id="200", buyer_id="jd_b", phone="1******6198", receiver_name="王*", amount="66.00",
                      status="完成", created_at="2026-03-01 10:00:00", item_title="X", quantity="1"))
    figures, _prepared = book(database, tmp_path, [["订单明细导出，导出时间2026-03-02"], *rows])
    assert figures == (1, 1, 1, "66.00", 1)


PDD = dict(created_at="2026-05-17 10:00:00", item_title="纸巾", quantity="1", amount="19.90",
           address=("浙江", "杭州市", "西湖区", "文三路"))


def test_pinduoduo_statuses_after_sales_and_blank_times(tmp_path, database):  # type: ignore[no-untyped-def]
    rows = sheet("pdd.order_export_2023",
                 dict(PDD, order_id="260517-607198974342268", amount="1,019.90", status="待发货",
                      refund_status="无售后或售后取消"),
                 dict(PDD, order_id="260517-607198974342269", status="已发货，待收货"),
                 dict(PDD, order_id="260517-607198974342270", status="已收货"),
                 dict(PDD, order_id="260517-607198974342271", status="已取消"),
                 dict(PDD, order_id="260517-607198974342272", status="已发货，退款成功", refund_status="退款成功"),
                 dict(PDD, order_id="260516-607198974342273", status="已收货", created_at=""))
    figures, _prepared = book(database, tmp_path, rows, "csv")
    assert figures == (6, 0, 4, "1079.60", 6)
    found = stored(database)
    assert found["260516-607198974342273"].created_at.date().isoformat() == "2026-05-16"
    assert found["260517-607198974342268"].province == "浙江省"


def test_pinduoduo_2020_headers_spelled_otherwise(tmp_path, database):  # type: ignore[no-untyped-def]
    rows = sheet("pdd.order_export_2020",
                 dict(order_id="200517-607198974342268", amount="19.90", status="已收货", receiver_name="赵六",
                      phone="13700001111", created_at="2020-05-17 10:00:00", item_title="纸巾", quantity="1"))
    rows[0] = ["商品总价（元）" if header == "商品总价(元)" else " 用户购买手机号" if header == "用户购买手机号"
               else "商家编码-SKU维度" if header == "商家编码-SKU维度" else header for header in rows[0]]
    assert book(database, tmp_path, rows, "csv")[0] == (1, 1, 1, "19.90", 1)


DOUYIN = dict(created_at="2024-05-01 10:00:00", receiver_name="##密文", phone="$$密文", seller_remark="-",
              address=("浙江省", "杭州市", "西湖区", "-", "##密文"), status="已完成", quantity="1")


def douyin(order: str, sub: str, amount: str, price: str, **fields: str) -> dict[str, str]:
    return dict(DOUYIN, order_id=f"\t{order}", line_id=f"\t{sub}", amount=amount, unit_price=price,
                item_title="T", refund_status=fields.pop("refund", "-"), **fields)


def test_douyin_sub_orders_ciphertext_and_a_refunded_sub_order(tmp_path, database):  # type: ignore[no-untyped-def]
    # An order of two 30.00 sub-orders (订单应付金额 60.00 on both rows) whose one sub-order was refunded
    # brought 30.00, not 60.00.
    rows = sheet("douyin.order_export",
                 douyin("6917926768823643751", "6917926768823643752", "100.00", "50.00"),
                 douyin("6917926768823643751", "6917926768823643753", "100.00", "50.00"),
                 douyin("6917926768823643761", "6917926768823643762", "30.00", "30.00", refund="退款成功"),
                 douyin("6917926768823643771", "6917926768823643772", "30.00", "30.00", status="已关闭"),
                 douyin("6917926768823643791", "6917926768823643792", "60.00", "30.00", refund="退款成功"),
                 douyin("6917926768823643791", "6917926768823643793", "60.00", "30.00", refund="售后关闭"))
    figures, prepared = book(database, tmp_path, rows, "csv")
    assert figures == (4, 0, 2, "130.00", 6) and prepared.skipped_cells == []
    order = stored(database)["6917926768823643791"]
    assert (order.paid_amount, order.refund_amount, order.receiver_name) == (30, 30, None)


def test_kuaishou_below_a_title_row(tmp_path, database):  # type: ignore[no-untyped-def]
    base = dict(created_at="2024-05-01 10:00:00", receiver_name="周八", phone="13500001111", amount="88.00",
                address=("江苏省", "南京市", "建邺区", "沙洲街道", "江东中路1号"), item_title="K", quantity="1")
    rows = sheet("kuaishou.order_export", dict(base, order_id="2400000000000001", status="交易成功"),
                 dict(base, order_id="2400000000000002", status="交易关闭", refund_status="退款成功"))
    rows[0] = [header.replace("(", "（").replace(")", "）") for header in rows[0]]
    figures, _prepared = book(database, tmp_path, [["快手运费险账单"], *rows], "csv")
    assert figures == (2, 1, 1, "88.00", 2)


WECHAT = dict(created_at="2024-05-01 10:00:00", receiver_name="孙七", phone="13600001111", amount="1,100.00",
              address=("广东", "深圳市", "南山区", "科技园"), status="已完成", order_id="3700000000000001")


def test_wechat_shop_alias_header_and_a_line_refunded_after_sale(tmp_path, database):  # type: ignore[no-untyped-def]
    rows = sheet("wechat_shop.order_export",
                 dict(WECHAT, item_title="A", quantity="1", unit_price="1000.00", line_amount="1000.00",
                      raw={"商品售后": "无", "商品已退款金额": "0"}),
                 dict(WECHAT, item_title="B", quantity="1", unit_price="100.00", line_amount="100.00",
                      raw={"商品售后": "售后完成", "商品已退款金额": "100.00"}))
    # A variant names the paid column 订单实付支付金额; parentheses go either width.
    rows[0] = ["订单实付支付金额" if header == "订单实际支付金额" else header.replace("(", "（").replace(")", "）")
               for header in rows[0]]
    figures, _prepared = book(database, tmp_path, rows)
    assert figures == (1, 1, 1, "1000.00", 2)


YOUZAN = dict(created_at="2024-05-01 10:00:00", buyer_id="13400001111", receiver_name="吴九", phone="13400001111",
              amount="50.00", status="交易成功", item_title="Y")


def test_youzan_order_level_placeholders_and_partial_refunds(tmp_path, database):  # type: ignore[no-untyped-def]
    rows = sheet("youzan.order_export_order_level",
                 dict(YOUZAN, order_id="E1", refund_amount="——", buyer_message="——"),
                 dict(YOUZAN, order_id="E2", refund_amount="20.00", refund_status="部分退款"),
                 dict(YOUZAN, order_id="E3", refund_amount="50.00", refund_status="全额退款", status="交易关闭"))
    rows[0].append("分销员")  # the real header names 分销员 twice
    for row in rows[1:]:
        row.append("")
    figures, prepared = book(database, tmp_path, rows, "csv")
    assert figures == (3, 1, 2, "80.00", 3) and prepared.skipped_cells == []


def test_youzan_item_level_lines_sum_and_a_line_refund_comes_off(tmp_path, database):  # type: ignore[no-untyped-def]
    # 商品实际成交金额 is what a line sold for; 商品已退款金额 what it gave back since (15.00 of B's 20.00).
    # The item sheet's fixed columns carry no order time or buyer; the fields a merchant may add do.
    line = dict(YOUZAN, order_id="E9", status="交易成功", quantity="1")
    rows = sheet("youzan.order_export_item_level",
                 dict(line, item_title="A", line_amount="30.00", unit_price="30.00"),
                 dict(line, item_title="B", line_amount="20.00", unit_price="20.00", refund_status="部分退款",
                      raw={"商品已退款金额": "15.00"}), more_headers=("订单创建时间", "买家手机号"))
    assert book(database, tmp_path, rows)[0] == (1, 1, 1, "35.00", 2)


def test_shopify_continuation_rows_offsets_refunds_and_older_columns(tmp_path, database):  # type: ignore[no-untyped-def]
    base = dict(item_title="C", quantity="1", unit_price="20.00")
    orders = [
        dict(base, order_id="#1001", buyer_id="a@x.com", status="paid", amount="30.00", refund_amount="0.00",
             created_at="2026-05-01 10:00:00 +0200", raw={"Id": "5001"}),
        dict(order_id="#1001", item_title="B", quantity="1", unit_price="10.00"),  # a continuation row
        dict(base, order_id="#1002", buyer_id="b@x.com", status="refunded", amount="20.00", refund_amount="20.00",
             created_at="2026-05-02 10:00:00 -0500", raw={"Id": "5002"}),
        dict(base, order_id="#1003", buyer_id="b@x.com", status="partially_refunded", amount="20.00",
             refund_amount="5.00", created_at="2026-05-03 10:00:00 -0500", raw={"Id": "5003"}),
        dict(base, order_id="#1004", buyer_id="c@x.com", status="voided", amount="20.00",
             created_at="2026-05-03 10:00:00 -0500", raw={"Id": "5004", "Cancelled at": "2026-05-04 10:00:00"}),
        dict(base, order_id="#1005", buyer_id="c@x.com", status="pending", amount="1,020.00",
             created_at="2026-05-03 10:00:00 -0500", raw={"Id": "5005"}),
    ]
    rows = sheet("shopify.orders_export", *orders)
    assert book(database, tmp_path, rows, "utf8")[0] == (5, 3, 2, "45.00", 6)
    # Older exports stop after Tax 5 Value: the same book.
    cut = rows[0].index("Tax 5 Value") + 1
    assert book(database, tmp_path, [row[:cut] for row in rows], "utf8", "older")[0] == (5, 3, 2, "45.00", 6)


def test_an_order_merged_over_its_item_rows_keeps_every_line(tmp_path, database):  # type: ignore[no-untyped-def]
    # A workbook export that merges an order's number and order-level cells over the rows of its items: the
    # second item's row had no order number and was rejected.
    rows = sheet("wechat_shop.order_export",
                 dict(WECHAT, item_title="A", quantity="1", unit_price="1000.00", line_amount="1000.00"),
                 dict(item_title="B", quantity="1", unit_price="100.00", line_amount="100.00"),
                 dict(WECHAT, order_id="3700000000000002", amount="20.00", item_title="C", quantity="1"))
    workbook = Workbook()
    page = workbook.active
    page.append(["微信小店订单"])
    page.merge_cells(start_row=1, start_column=1, end_row=1, end_column=10)
    for row in rows:
        page.append(row)
    headers = rows[0]
    for header in ("订单号", "订单实际支付金额", "订单状态", "收件人姓名", "订单下单时间"):
        column = headers.index(header) + 1
        page.merge_cells(start_row=3, start_column=column, end_row=4, end_column=column)
    workbook.save(tmp_path / "orders.xlsx")
    prepared = prepare_import(tmp_path / "orders.xlsx")
    assert prepared.bad_rows == [] and prepared.header_row == 1
    commit_imports(database, [prepared])
    found = stored(database)
    assert {number: (order.paid_amount, len(order.lines)) for number, order in found.items()} == {
        "3700000000000001": (Decimal("1100.00"), 2), "3700000000000002": (Decimal("20.00"), 1)}
