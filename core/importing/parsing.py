"""Rows of text -> orders with their lines and buyers, and the rows that could not be read (with why).

Exports spread one order over several rows in different ways (Douyin sub-orders, JD per-SKU rows, Shopify
line items whose order fields sit on the first row only); all of them come down to: group the rows by order
number, take each order field from the first row that has it, and make a line of every row.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from core.addresses import division_of
from core.importing.presets import Preset
from core.importing.statuses import map_status, says_refunded, settled_status, shopify_status
from core.importing.values import (
    ENCRYPTED_PREFIXES,
    MISSING,
    SUMMARY_LABELS,
    ValueProblem,
    clean_text,
    parse_amount,
    parse_datetime,
    parse_id,
    parse_order_number,
    parse_phone,
    parse_quantity,
)
from core.messages import Message, message_of
from core.progress import CancelToken, ProgressCallback, no_progress
from core.store.models import OrderStatus, Platform

_PARSERS: dict[str, Callable[[str | None], Any]] = {
    **dict.fromkeys(("order_id", "global_id"), parse_order_number),
    **dict.fromkeys(("line_id", "tracking_no"), parse_id),
    **dict.fromkeys(("phone", "phone_alt", "billing_phone"), parse_phone),
    **dict.fromkeys(
        ("amount", "total_amount", "shipping_fee", "refund_amount", "line_refund", "unit_price", "line_amount"),
        parse_amount
    ),
    **dict.fromkeys(("created_at", "paid_at", "shipped_at", "completed_at"), parse_datetime),
    "quantity": parse_quantity,
}
LINE_FIELDS = ("line_id", "item_title", "sku", "quantity", "unit_price", "line_amount", "status", "refund_status")
PROGRESS_EVERY = 2000
_SPECIAL_START = frozenset("='\t \u3000")  # what clean_text strips or unwraps at a text's start  # rows between progress reports and checks for Cancel
_PDD_ORDER_DATE = re.compile(r"^(\d{2})(\d{2})(\d{2})-\d+$")
# What an order's own row states (Shopify gives them on an order's first row only; its items' rows repeat the
# number, the e-mail and the time): an order none of whose rows states either has lost that row, or was never
# an order (a line of a note broken out of its cell).
OWN_FIGURES = ("amount", "status")


@dataclass(frozen=True)
class BadRow:
    file: str
    row: int  # as the spreadsheet numbers it (1 = first row)
    column: str
    reason: str


@dataclass
class SkippedCells:
    """One unreadable text in an optional column, stored as empty: said once per column and text."""

    file: str
    column: str
    text: str
    reason: str
    count: int
    first_row: int


@dataclass(slots=True)
class ParsedLine:
    sub_order_id: str | None
    title: str | None
    sku: str | None
    quantity: int | None
    unit_price: Decimal | None
    amount: Decimal | None
    status: str | None
    status_raw: str | None


@dataclass(slots=True)
class Buyer:
    buyer_id: str | None = None
    nickname: str | None = None
    email: str | None = None
    name: str | None = None
    phone: str | None = None
    phone_alt: str | None = None
    province: str | None = None
    city: str | None = None
    district: str | None = None
    address: str | None = None


@dataclass(slots=True)
class ParsedOrder:
    platform: str
    platform_order_id: str
    first_row: int
    values: dict[str, Any]  # the orders table's columns
    lines: list[ParsedLine]
    buyer: Buyer
    lines_only: bool = False  # from a companion items file: fills lines, leaves the order's other fields
    summary_lines: bool = False  # one row per order: its single line only sums up the items
    content_hash: str = ""
    # No row of the file gave it: an order recognised unchanged, re-imported under another shop the user named,
    # states only its new shop (first_row is 0).
    shop_move_only: bool = False
    # Values this file only infers (a status from a missing paid time, a paid amount summed from item lines):
    # they fill a new order but never overwrite what another file said of a stored one.
    inferred: tuple[str, ...] = ()


@dataclass(slots=True)
class ParseResult:
    orders: list[ParsedOrder] = field(default_factory=list)
    bad_rows: list[BadRow] = field(default_factory=list)
    skipped_cells: list[SkippedCells] = field(default_factory=list)
    rows_read: int = 0
    unchanged: int = 0  # orders whose rows are exactly those of an order already stored: not parsed again
    # Of those, the ones stored under a shop the user named: number -> (the rows' hash, that shop).
    unchanged_named: dict[str, tuple[str, str]] = field(default_factory=dict)


# Given a platform and {order number: content hash}, the numbers whose stored order has those very rows, each
# with the shop the user named for it when its stored hash holds that answer too (else None).
StoredAlike = Callable[[str, dict[str, str]], dict[str, str | None]]
_EMPTY_ROW = False  # in the per-row list of order numbers: a row with nothing in it
_CELL_SEPARATOR = "\x1f"  # between a row's cells in its content text
_ORDER_ROW_SEPARATOR = "\x1e"  # between the preset and each of an order's rows in its content hash


def parse_orders(
    file_name: str,
    rows: Sequence[Sequence[str]],
    header_row: int,
    columns: dict[str, tuple[int, ...]],
    preset: Preset,
    cancel: CancelToken | None = None,
    progress: ProgressCallback = no_progress,
    stored_alike: StoredAlike | None = None,
) -> ParseResult:
    """Every data row below the header, grouped into orders; bad rows reported, their orders left out.

    With `stored_alike`, an order whose rows hash as a stored order's do is counted as unchanged and not
    parsed at all (most of a re-imported export): the hash is of the rows' text, so it holds whatever the
    parser became since. Progress counts each row below the header twice: once read, once built into its order.
    """
    headers = rows[header_row]
    plan = _column_plan(columns)
    essential = preset.essential_fields
    result = ParseResult()
    skipped: dict[tuple[str, str], SkippedCells] = {}
    grouped: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    rejected: set[str] = set()
    body = rows[header_row + 1 :]
    below = len(body)
    order_plan = [entry for entry in plan if entry[0] == "order_id"]
    row_orders, hashes = _order_hashes(body, order_plan, preset.key)
    # A global id keys the stored order (Shopify's): the order number alone does not find it.
    unchanged = stored_alike(preset.platform, hashes) if stored_alike and "global_id" not in columns else {}
    result.rows_read = sum(row_order is not _EMPTY_ROW for row_order in row_orders)
    kept = [(offset, cells, row_order) for offset, (cells, row_order)
            in enumerate(zip(body, row_orders, strict=True), start=header_row + 2)
            if row_order is not _EMPTY_ROW and row_order not in unchanged]
    # The order numbers are read already; a row without a readable one is read again below, for the reason.
    names, value_rows, row_problems = _table_values([cells for _offset, cells, _order in kept],
                                                    [entry for entry in plan if entry[0] != "order_id"])
    for index, ((offset, cells, order_id), row) in enumerate(zip(kept, value_rows, strict=True)):
        if index % PROGRESS_EVERY == 0:
            _checkpoint(cancel, progress, index * below // len(kept), 2 * below)
        values = dict(zip(names, row, strict=True))
        values["order_id"] = order_id
        cell_problems = row_problems.get(index)
        if cell_problems is None and order_id is not None:  # most rows: every cell read
            grouped.setdefault(order_id, []).append((offset, values))
            continue
        cell_problems = cell_problems or []
        if order_id is None:
            cell_problems = _table_values([cells], order_plan)[2].get(0, []) + cell_problems
        problems = []
        for field_name, reason, text in cell_problems:
            column = _header_of(field_name, columns, headers)
            if field_name in essential:
                problems.append(field_name)
                result.bad_rows.append(BadRow(file_name, offset, column, reason))
            elif (column, text) in skipped:
                skipped[column, text].count += 1
            else:
                skipped[column, text] = SkippedCells(file_name, column, text, reason, 1, offset)
        if order_id is None:
            if not problems and not _is_totals_row(cells, columns):
                result.bad_rows.append(BadRow(file_name, offset, _header_of("order_id", columns, headers),
                                              Message("no order number")))
            continue
        if problems:
            rejected.add(order_id)
            continue
        grouped.setdefault(order_id, []).append((offset, values))
    stated = [name for name in OWN_FIGURES if name in columns] if preset.role == "orders" else []
    for number, (order_id, order_rows) in enumerate(grouped.items()):
        if number % PROGRESS_EVERY == 0:
            _checkpoint(cancel, progress, below + number * below // len(grouped), 2 * below)
        if stated and order_id not in rejected and not _states_any(order_rows, stated):
            rejected.add(order_id)
            result.bad_rows.append(BadRow(file_name, order_rows[0][0], _header_of(stated[0], columns, headers), Message(
                "order {number} has no row with its amount or status: its own row is missing or could not be read",
                number=order_id)))
        if order_id not in rejected:
            order = _build_order(order_id, order_rows, preset)
            order.content_hash = hashes[order_id]
            result.orders.append(order)
    result.bad_rows.sort(key=lambda bad: bad.row)  # an order's own problem is found after its rows' ones
    result.skipped_cells = list(skipped.values())
    result.unchanged = len(unchanged)
    result.unchanged_named = {number: (hashes[number], shop) for number, shop in unchanged.items() if shop is not None}
    progress(2 * below, 2 * below)
    return result


def _states_any(rows: list[tuple[int, dict[str, Any]]], fields: list[str]) -> bool:
    return any(values.get(name) is not None for _row, values in rows for name in fields)


def _order_hashes(body: Sequence[Sequence[str]], order_plan: Plan,
                  preset_key: str) -> tuple[list[str | bool | None], dict[str, str]]:
    """Each row's order number (None when it has none it can read, _EMPTY_ROW when it is empty), and each
    order's content hash: the rows' own text, so an unchanged order in a later file is recognised cheaply."""
    # Each order's rows hashed as they come (the same digest as of all its rows' texts joined), so no row's
    # text outlives its line here: 100 MB less at the peak of re-reading a 200,000-row sheet.
    hashers: dict[str, Any] = {}
    row_orders: list[str | bool | None] = []
    for cells, (order_id,) in zip(body, _table_values(body, order_plan)[1], strict=True):
        if order_id is None:
            row_orders.append(None if any(cell.strip() for cell in cells) else _EMPTY_ROW)
            continue
        row_orders.append(order_id)
        hasher = hashers.get(order_id)
        if hasher is None:
            hasher = hashers[order_id] = hashlib.sha1(preset_key.encode())
        hasher.update(f"{_ORDER_ROW_SEPARATOR}{content_text(cells)}".encode())
    hashes = {order_id: hasher.hexdigest() for order_id, hasher in hashers.items()}
    return row_orders, hashes


def content_text(cells: Sequence[str]) -> str:
    """A row's text as its content hash reads it: the same export downloaded again (CRLF for LF inside a
    cell, spaces around a value) is the same content."""
    text = _CELL_SEPARATOR.join(map(str.strip, cells))
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def named_shop_hash(content_hash: str, shop: str) -> str:
    """An order's content hash once the user named the shop of a file that does not say it: the answer is part
    of the content, so the same file named as another shop updates its orders."""
    return hashlib.sha1(f"{content_hash}\x1e{shop}".encode()).hexdigest()


def _is_totals_row(cells: Sequence[str], columns: dict[str, tuple[int, ...]]) -> bool:
    where = columns["order_id"][0]
    text = clean_text(cells[where]) if where < len(cells) else None
    return bool(text) and text.startswith(SUMMARY_LABELS)  # type: ignore[union-attr]


def _checkpoint(cancel: CancelToken | None, progress: ProgressCallback, done: int, total: int) -> None:
    if cancel is not None:
        cancel.raise_if_cancelled()
    progress(done, total)


def _header_of(field_name: str, columns: dict[str, tuple[int, ...]], headers: Sequence[str]) -> str:
    found = columns.get(field_name)
    return headers[found[0]].strip() if found and found[0] < len(headers) else field_name


Plan = list[tuple[str, int | tuple[int, ...], Callable[[str | None], Any]]]


def _column_plan(columns: dict[str, tuple[int, ...]]) -> Plan:
    """(field, column or columns, parser) for every mapped field, worked out once per sheet."""
    return [(name, indexes[0] if len(indexes) == 1 else indexes, _PARSERS.get(name, clean_text))
            for name, indexes in columns.items()]


def _table_values(rows: Sequence[Sequence[str]], plan: Plan) -> tuple[
        list[str], Iterator[tuple[Any, ...]], dict[int, list[tuple[str, Message, str]]]]:
    """The plan's fields, each row's values in their order (None where a cell is empty or unreadable), and
    (field, why, text) by row index for every cell that cannot be read.

    Column by column, each distinct text converted once: a sheet repeats its statuses, amounts, buyers and
    titles down the rows, and a column's list is built at C speed from the converted texts.
    """
    columns, problems = [], {}
    for name, where, parser in plan:
        texts = _column_texts(rows, where)
        converted: dict[str | None, Any] = {}
        unreadable: dict[str | None, Message] = {}
        plain = parser is clean_text
        for text in set(texts):
            if plain and _plain(text):  # most names, titles and addresses: no call needed
                converted[text] = text
                continue
            try:
                converted[text] = parser(text) if text else None
            except ValueProblem as problem:
                converted[text], unreadable[text] = None, message_of(problem)
        columns.append(list(map(converted.__getitem__, texts)))
        if unreadable:
            for index, text in enumerate(texts):
                if text in unreadable:
                    problems.setdefault(index, []).append((name, unreadable[text], text or ""))
    return [name for name, _where, _parser in plan], zip(*columns, strict=True), problems


def _plain(text: str | None) -> bool:
    """Whether clean_text would give the text back as it is (checked inline, a third of the call's cost)."""
    return bool(text) and text.isprintable() and text[0] not in _SPECIAL_START and text[-1] != " " and (  # type: ignore[union-attr]
        text not in MISSING and not text.startswith(ENCRYPTED_PREFIXES))  # type: ignore[union-attr]


def _column_texts(rows: Sequence[Sequence[str]], where: int | tuple[int, ...]) -> list[str | None]:
    """One field's text in every row: its cell, or the non-empty parts of its cells joined by a space."""
    if isinstance(where, int):
        return [cells[where] if where < len(cells) else "" for cells in rows]
    return [" ".join(part for i in where if i < len(cells) and (part := clean_text(cells[i]))) or None
            for cells in rows]


def _first(rows: list[tuple[int, dict[str, Any]]], name: str) -> Any:
    return next((values[name] for _row, values in rows if values.get(name) is not None), None)


def _build_order(order_id: str, rows: list[tuple[int, dict[str, Any]]], preset: Preset) -> ParsedOrder:
    first = rows[0][1] if len(rows) == 1 else {name: _first(rows, name) for name in preset.fields}
    get = first.get  # some thirty look-ups an order: the bound method once
    lines = _build_lines(rows, preset)
    status_raw = get("status")
    if "fulfillment_status" in preset.fields or "cancelled_at" in preset.fields:
        status = shopify_status(status_raw, get("fulfillment_status"), get("cancelled_at"))
    else:
        status = map_status(preset.platform, status_raw)
    if all(says_refunded(values.get("refund_status")) for _row, values in rows):
        status = OrderStatus.REFUNDED
    inferred = []
    paid = get("amount")
    if preset.amount_per_line and any(line.amount is not None for line in lines):
        paid = sum((line.amount for line in lines if line.amount is not None), Decimal(0))
        inferred += ["paid_amount", "total_amount"]
    paid_at = get("paid_at")
    if status is None:
        status = OrderStatus.PAID if paid_at else OrderStatus.UNPAID
        inferred.append("status")
    refund = get("refund_amount")
    if refund is None:
        refund = _refunded_by_lines(rows, lines)
    paid = net_of_refunds(paid, refund, preset.paid_is_net)
    status = settled_status(status, paid, refund, get("close_reason"))
    quantity = get("quantity") if len(rows) == 1 else None
    if quantity is None and any(line.quantity is not None for line in lines):
        quantity = sum(line.quantity or 0 for line in lines)
    created = get("created_at") or paid_at or _order_number_date(preset.platform, order_id)
    total = get("total_amount")
    # The receiver, else (an order that ships nowhere) who was billed.
    name, address = get("receiver_name") or get("billing_name"), get("address") or get("billing_address")
    phone = get("phone")
    phone_alt = get("phone_alt") or (None if phone else get("billing_phone"))
    division = division_of(get("province"), get("city"), get("district"), address)
    global_id = get("global_id")
    values = {
        "status": str(status),
        "status_raw": status_raw[:64] if status_raw else None,
        "total_amount": total if total is not None else paid,
        "paid_amount": paid,
        "shipping_fee": get("shipping_fee"),
        "refund_amount": refund,
        "created_at": created,
        "paid_at": paid_at,
        "shipped_at": get("shipped_at"),
        "completed_at": get("completed_at"),
        "item_summary": _item_summary(lines),
        "quantity": quantity,
        "buyer_message": get("buyer_message"),
        "seller_remark": get("seller_remark"),
        "receiver_name": _cut(name, 128),
        "receiver_phone": _cut(phone or phone_alt, 32),
        "receiver_address": _cut(address, 255),
        "province": _cut(division.province, 32),
        "city": _cut(division.city, 32),
        "tracking_no": _cut(get("tracking_no"), 64),
        "order_name": order_id[:64] if global_id else None,
        "shop_name": _cut(get("shop_name"), 128),
    }
    buyer = Buyer(get("buyer_id"), get("buyer_nick"), get("email"), name, phone, phone_alt,
                  values["province"], values["city"], division.district, address)
    key = global_id or order_id
    return ParsedOrder(preset.platform, key[:64], rows[0][0], values, lines, buyer,
                       lines_only=preset.role == "lines", summary_lines=preset.one_row_per_order,
                       inferred=tuple(inferred))


def net_of_refunds(paid: Decimal | None, refund: Decimal | None, already_net: bool) -> Decimal | None:
    """What the buyer paid and kept paid: the one net figure revenue, spending, RFM and care all use."""
    if already_net or paid is None or not refund:
        return paid
    return max(paid - refund, Decimal(0))


def _refunded_by_lines(rows: list[tuple[int, dict[str, Any]]], lines: list[ParsedLine]) -> Decimal | None:
    """What an order's lines gave back, for a layout without an order-level refund column: the lines' own
    refunded amounts (WeChat's and Youzan's 商品已退款金额), else the value of each line whose after-sale
    status says refunded (a Douyin sub-order 退款成功 beside one kept)."""
    refunds = [values["line_refund"] for _row, values in rows if values.get("line_refund") is not None]
    if refunds:
        return sum(refunds, Decimal(0)) or None
    refunded = [line.amount for line in lines if line.status == OrderStatus.REFUNDED and line.amount is not None]
    return sum(refunded, Decimal(0)) or None


def _item_summary(lines: list[ParsedLine]) -> str | None:
    if len(lines) == 1:
        return lines[0].title
    return "，".join(dict.fromkeys(line.title for line in lines if line.title)) or None


def _build_lines(rows: list[tuple[int, dict[str, Any]]], preset: Preset) -> list[ParsedLine]:
    lines: dict[Any, ParsedLine] = {}
    for row_number, values in rows:
        get = values.get
        line_id, title, sku = get("line_id"), get("item_title"), get("sku")
        if title is None and sku is None and line_id is None:
            continue
        quantity = get("quantity")
        unit_price = get("unit_price")
        amount = get("line_amount")
        if amount is None and unit_price is not None and quantity is not None:
            amount = unit_price * quantity
        status_raw = get("status")
        status = map_status(preset.platform, status_raw)
        if says_refunded(get("refund_status")):
            status = OrderStatus.REFUNDED
        lines[line_id or row_number] = ParsedLine(
            sub_order_id=_cut(line_id, 64),
            title=_cut(title, 255),
            sku=_cut(sku, 255),
            quantity=quantity,
            unit_price=unit_price,
            amount=amount,
            status=str(status) if status else None,
            status_raw=_cut(status_raw, 64),
        )
    return list(lines.values())


def _order_number_date(platform: str, order_id: str) -> datetime | None:
    # Pinduoduo numbers start with the order's date (260517-607198974342268); whole batches lack 订单成交时间.
    match = _PDD_ORDER_DATE.match(order_id) if platform == Platform.PDD else None
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        return datetime(2000 + year, month, day)
    except ValueError:
        return None


def _cut(text: str | None, length: int) -> str | None:
    return text[:length] if text else text
