"""Cell text -> stored values: Excel-protection wrappers, placeholders, amounts, dates, rounded ids."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from core.importing.headers import find_header_row, header_index, normalise_header
from core.importing.statuses import map_status, says_refunded, shopify_status
from core.importing.values import (
    ValueProblem,
    clean_text,
    parse_amount,
    parse_datetime,
    parse_id,
    parse_order_number,
    parse_phone,
)
from core.phones import national_number


@pytest.mark.parametrize(
    ("raw", "expected"),
    [('="1234567890123456789"', "1234567890123456789"), ("'13800001111", "13800001111"),
     ("\t6917926768823643751", "6917926768823643751"), ("-", None), ("——", None), ("  ", None),
     ("No:YT123", "YT123")],
)
def test_ids_are_kept_as_text(raw, expected):  # type: ignore[no-untyped-def]
    assert parse_id(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("3101234567890123", "3101234567890123"), (" 3101234567890123 ", "3101234567890123"),
     ('="3101234567890123"', "3101234567890123"), ("260517-607198974342268", "260517-607198974342268"),
     ("合计", None), ("", None)],
)
def test_order_numbers(raw, expected):  # type: ignore[no-untyped-def]
    assert parse_order_number(raw) == expected


@pytest.mark.parametrize("raw", ["３１０１２３", "²³", "导出时间：2026-05-01"])  # digits, but not ASCII ones
def test_text_that_is_no_order_number_is_refused(raw):  # type: ignore[no-untyped-def]
    with pytest.raises(ValueProblem, match="no order number"):
        parse_order_number(raw)


@pytest.mark.parametrize("raw", ["6.91793E+18", "6.9E+18", "1.23457e+15"])
def test_an_excel_rounded_id_is_refused(raw):  # type: ignore[no-untyped-def]
    with pytest.raises(ValueProblem, match="rounded"):
        parse_id(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("¥1,288.50", "1288.50"), ("99元", "99"), ("￥ 12", "12"), ("1，000.00", "1000.00"), ("12,345,678.9", "12345678.9")],
)
def test_amounts(raw, expected):  # type: ignore[no-untyped-def]
    assert parse_amount(raw) == Decimal(expected)


def test_a_bad_amount_says_so():
    with pytest.raises(ValueProblem, match="not an amount"):
        parse_amount("十二元")


@pytest.mark.parametrize("raw", ["1,2,3", "12,34", "1,2345.00"])
def test_a_comma_only_groups_thousands(raw):  # type: ignore[no-untyped-def]
    with pytest.raises(ValueProblem, match="not an amount"):
        parse_amount(raw)


def test_a_negative_amount_is_no_amount_paid():
    with pytest.raises(ValueProblem, match="negative"):
        parse_amount("-5.5")


@pytest.mark.parametrize("raw", ["无退款申请", "没有申请退款", "暂无", "未知", "N/A", "null", "##3f9a2c", "$$9b2e01"])
def test_platform_placeholders_say_nothing(raw):  # type: ignore[no-untyped-def]
    # Taobao's 宝贝报表 writes 无退款申请 in 退款金额; Douyin writes ciphertext in its receiver fields.
    assert clean_text(raw) is None
    assert parse_amount(raw) is None


@pytest.mark.parametrize("raw", ["1999-12-31 23:59:59", "1900-01-01", "2999-01-01 10:00:00"])
def test_a_time_no_order_was_placed_at_is_refused(raw):  # type: ignore[no-untyped-def]
    with pytest.raises(ValueProblem, match="before 2000 or after tomorrow"):
        parse_datetime(raw)


@pytest.mark.parametrize(
    "raw",
    ["2026-05-01 10:00:00", "2026/05/01 10:00:00", "2026/5/1 10:00", "2026-05-01T10:00:00+08:00",
     "2026-05-01 10:00:00 +0800", "2026年05月01日 10:00:00", "2026.05.01 10:00:00"],
)
def test_platform_date_formats(raw):  # type: ignore[no-untyped-def]
    assert parse_datetime(raw) == datetime(2026, 5, 1, 10, 0, 0)


def test_a_date_without_time_and_a_bad_date():
    assert parse_datetime("2026/05/01") == datetime(2026, 5, 1)
    with pytest.raises(ValueProblem):
        parse_datetime("yesterday")


def test_phones_and_embedded_breaks():
    assert parse_phone("+86 138-0000-1111") == "13800001111"
    assert parse_phone("0086 13800001111") == parse_phone("8613800001111") == "13800001111"
    assert parse_phone("+1 (415) 555-0100") == "+14155550100"  # a Shopify buyer abroad keeps the code
    assert parse_phone("138****1234") == "138****1234"
    assert clean_text("浙江省\r\n杭州市\t西湖区") == "浙江省 杭州市 西湖区"


def test_header_spellings_meet():
    assert normalise_header("收货地址 ") == normalise_header("收货地址")
    assert normalise_header("商品编码（平台）") == normalise_header("商品编码(平台)")
    assert normalise_header("下单帐号") == normalise_header("下单账号")
    assert normalise_header("买家已付款，等待") == normalise_header("买家已付款,等待")
    assert header_index(["分销员", "订单号", "分销员"]) == {"分销员": 0, "订单号": 1}


def test_the_header_row_is_found_below_title_rows():
    rows = [["快手订单导出"], ["导出时间：2026-05-01", ""], ["订单号", "订单状态", "实付款"], ["1", "待发货", "3"]]
    assert find_header_row(rows, {"订单号", "订单状态", "实付款"}) == 2


@pytest.mark.parametrize(
    ("platform", "raw", "expected"),
    [("taobao_tmall", "买家已付款,等待卖家发货", "paid"), ("taobao_tmall", "买家已付款，等待卖家发货", "paid"),
     ("taobao_tmall", "卖家已发货，等待买家确认", "shipped"), ("taobao_tmall", "等待买家付款", "unpaid"),
     ("taobao_tmall", "交易成功", "completed"), ("taobao_tmall", "交易关闭", "closed"),
     ("jd", "(删除)等待出库", "closed"), ("jd", "等待确认收货", "shipped"), ("pdd", "已发货，退款成功", "refunded"),
     ("pdd", "已发货，待收货", "shipped"), ("douyin", "备货中", "paid"), ("youzan", "交易完成", "completed"),
     ("shopify", "pending", "unpaid"), ("other", "已签收", "completed")],
)
def test_statuses_per_platform(platform, raw, expected):  # type: ignore[no-untyped-def]
    assert map_status(platform, raw) == expected


def test_refund_columns_and_shopify_columns():
    assert says_refunded("退款成功") and says_refunded("refunded")
    assert not says_refunded("售后关闭") and not says_refunded("无售后或售后取消") and not says_refunded("-")
    assert shopify_status("paid", "fulfilled", None) == "shipped"
    assert shopify_status("paid", None, "2026-05-02 10:00:00 +0200") == "closed"


@pytest.mark.parametrize(
    ("raw", "stored", "national"),
    [("(+44)7700900001", "+447700900001", "7700900001"), ("0044 7700 900001", "+447700900001", "7700900001"),
     ("+44 07700 900001", "+447700900001", "7700900001"), ("+8800130687722", "+880130687722", "130687722"),
     ("+880130687722", "+880130687722", "130687722"), ("01306877229", "01306877229", "1306877229"),
     ("+86 138 0000 1111", "13800001111", "13800001111")],
)
def test_phones_of_every_country_have_one_form(raw, stored, national):  # type: ignore[no-untyped-def]
    # None of these is a valid number (pseudonymised): the form never depends on validity.
    assert parse_phone(raw) == stored
    assert national_number(raw) == national
