"""Every layout in the reference file: a sheet with its real headers imports to the right orders and buyers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.importing import PRESETS, prepare_import
from core.importing.statuses import PLATFORM_STATUSES
from core.store.models import OrderStatus
from tests.importing.conftest import table_counts
from tests.importing.sheets import headers_of, row_for, write_sheet


def status_text(platform: str, status: OrderStatus) -> str:
    return next(text for text, mapped in PLATFORM_STATUSES[platform].items() if mapped == status)


def has(preset, field: str) -> bool:  # type: ignore[no-untyped-def]
    columns = preset.fields.get(field)
    if columns is None:
        return False
    names = {header.strip() for header in preset.headers}
    return all(column.strip() in names for column in ((columns,) if isinstance(columns, str) else columns))


def sample_rows(preset, order_ids):  # type: ignore[no-untyped-def]
    """Order A: two item rows (paid); order B: one row (closed), different buyers."""
    specs = [
        (order_ids[0], 1, OrderStatus.PAID, "买家甲", "13800001111", "张三", "龙井茶"),
        (order_ids[0], 2, OrderStatus.PAID, "买家甲", "13800001111", "张三", "白茶饼"),
        (order_ids[1], 1, OrderStatus.CLOSED, "买家乙", "13900002222", "李四", "碧螺春"),
    ]
    headers = headers_of(preset)
    rows = [headers]
    for order_id, line_no, status, buyer, phone, name, title in specs:
        fields = {"order_id": order_id, "status": status_text(preset.platform, status), "item_title": title}
        if line_no == 2 and preset.key in ONE_ROW_PER_ORDER:
            continue
        optional = {
            "line_id": f"{order_id}{line_no}",
            "buyer_id": f"{buyer}@example.com" if preset.platform == "shopify" else buyer,
            "receiver_name": name, "phone": phone, "quantity": "1",
            "created_at": "2026/05/01 10:00:00", "paid_at": "2026-05-01 10:05:00",
        }
        fields.update({key: value for key, value in optional.items() if has(preset, key)})
        if not has(preset, "amount"):
            pass
        elif preset.amount_per_line:
            fields["amount"] = "50.00"
        elif line_no == 1:
            fields["amount"] = "¥100.00"
        if has(preset, "address"):
            columns = preset.fields["address"]
            fields["address"] = "浙江省 杭州市 西湖区 文三路1号" if isinstance(columns, str) else tuple(
                ["浙江省", "杭州市", "西湖区", "文三路1号", "310000", "CN"][: len(columns)]
            )
        if line_no == 2 and preset.platform == "shopify":  # Shopify repeats only the line columns
            fields = {key: fields[key] for key in ("order_id", "item_title", "quantity") if key in fields}
        rows.append(row_for(preset, headers, **fields))
    return rows


ONE_ROW_PER_ORDER = {
    "taobao_tmall.orderlist_csv_legacy", "taobao_tmall.order_report_xlsx_qianniu", "pdd.order_export_2023",
    "pdd.order_export_2020", "youzan.order_export_order_level",
}


@pytest.mark.parametrize("key", sorted(PRESETS))
@pytest.mark.parametrize("fmt", ["xlsx", "gbk"])
def test_reference_layout_imports(key, fmt, tmp_path, database, import_file, orders_of):  # type: ignore[no-untyped-def]
    preset = PRESETS[key]
    ids = ("#1001", "#1002") if preset.platform == "shopify" else ("6917926768823643751", "6917926768823643752")
    path = write_sheet(tmp_path / f"export.{'xlsx' if fmt == 'xlsx' else 'csv'}", sample_rows(preset, ids), fmt)

    prepared = prepare_import(path)
    assert prepared.preset.key == key
    assert prepared.bad_rows == []
    [summary] = import_file(path)

    orders = orders_of()
    assert set(orders) == set(ids)
    first, second = orders[ids[0]], orders[ids[1]]
    assert first.status == OrderStatus.PAID and second.status == OrderStatus.CLOSED
    assert first.status_raw == status_text(preset.platform, OrderStatus.PAID)
    assert first.paid_amount == (Decimal("100.00") if has(preset, "amount") else None)
    expected_lines = 1 if key in ONE_ROW_PER_ORDER else 2
    assert len(first.lines) == expected_lines
    identified = has(preset, "buyer_id") or has(preset, "phone") or (
        has(preset, "receiver_name") and has(preset, "address"))
    assert summary.customers_new == (2 if identified and preset.role == "orders" else 0)
    assert table_counts(database)["customers"] == summary.customers_new
    if identified and preset.role == "orders":
        assert first.customer_id != second.customer_id is not None
