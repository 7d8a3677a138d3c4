"""Storing prepared order sheets: one transaction, idempotent, recorded as a batch that can be undone.

Orders are keyed by (platform, order number). An order whose imported content is unchanged (same content
hash) is left alone, so importing a file twice changes nothing; a newer export updates status, amounts and
times. Customers are found by identity (see identity.py) and only created when nobody matches; what the
owner typed by hand (tags, notes, birthdays, VIP, do-not-contact) is never written by an import.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, func, insert, select, text, update

from core.collector import without_cycle_collection
from core.importing.identity import Identity, IdentityIndex, buyer_identities
from core.importing.parsing import ParsedLine, ParsedOrder, named_shop_hash
from core.importing.prepare import PreparedImport
from core.progress import CancelToken, ProgressCallback, no_progress
from core.refresh import refresh_derived
from core.store.bulk import bulk_insert, indexes_built_after, new_ids, on_stored_tables, whole_cents
from core.store.masked import reads_masked
from core.store.models import Customer, CustomerAlias, ImportBatch, ImportChange, Order, OrderLine

CHUNK = 2000
REFRESH_CHUNK = 20_000
# A file whose orders are at least a quarter of the book's is checked against the book in one pass.
SCAN_SHARE = 4
SCAN_ROWS = 20_000
REPORT_BAD_ROWS = 1000
ORDER_TABLE: Table = Order.__table__  # type: ignore[assignment]
LINE_TABLE: Table = OrderLine.__table__  # type: ignore[assignment]
# Where an import's new rows go: the orders first, as their count decides whether indexes are built afterwards.
NEW_ROW_TABLES: tuple[Table, ...] = (ORDER_TABLE, LINE_TABLE, Customer.__table__, CustomerAlias.__table__)  # type: ignore[assignment]
ORDER_VALUE_COLUMNS = (
    "status", "status_raw", "total_amount", "paid_amount", "shipping_fee", "refund_amount", "created_at",
    "paid_at", "shipped_at", "completed_at", "item_summary", "quantity", "buyer_message", "seller_remark",
    "receiver_name", "receiver_phone", "receiver_address", "province", "city", "tracking_no", "shop_name",
    "order_name",
)
LINE_COLUMNS = ("sub_order_id", "title", "sku", "quantity", "unit_price", "amount", "status", "status_raw")
RESTORED_ORDER_COLUMNS = (*ORDER_VALUE_COLUMNS, "customer_id", "content_hash", "updated_batch_id")


@dataclass
class BatchSummary:
    batch_id: int
    file_name: str
    preset: str
    rows_read: int = 0
    rows_rejected: int = 0
    orders_new: int = 0
    orders_updated: int = 0
    orders_unchanged: int = 0
    customers_new: int = 0
    customers_matched: int = 0
    new_customer_ids: list[int] = field(default_factory=list)


@without_cycle_collection
def write_import(
    connection: Connection,
    prepared: PreparedImport,
    *,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> BatchSummary:
    """Store one prepared sheet inside the caller's transaction; the caller commits or rolls back.

    Orders go in chunks (their new customers first, for the foreign key), so memory stays near one chunk's
    rows and Cancel is heard between chunks.
    """
    cancel = cancel or CancelToken()
    batch_id = _start_batch(connection, prepared)
    summary = BatchSummary(batch_id, prepared.path.name, prepared.preset.key, prepared.rows_read,
                           len({(bad.file, bad.row) for bad in prepared.bad_rows}),
                           orders_unchanged=prepared.orders_unchanged)
    orders = prepared.orders
    # The orders take the first two thirds of the bar; refreshing their customers (figures, stages, search
    # keys) the last third, about as long on a first import.
    total = max(len(orders) * 3 // 2, 1)
    existing = _existing_orders(connection, orders)
    _use_large_cache(connection)
    buyers = _BuyerMatcher(connection, orders, existing, batch_id)
    order_ids = new_ids(connection, ORDER_TABLE)
    updates = []
    with indexes_built_after(connection, NEW_ROW_TABLES, len(orders) - len(existing)):
        for start in range(0, len(orders), CHUNK):
            cancel.raise_if_cancelled()
            new_orders, new_lines = [], []
            for order in orders[start : start + CHUNK]:
                found = existing.get(order.platform_order_id)
                if found is not None and found["content_hash"] == order.content_hash:
                    summary.orders_unchanged += 1
                    continue
                if found is None and order.shop_move_only:  # moving to another shop, deleted since it was read
                    continue
                customer_id = buyers.customer_for(order, found)
                if found is None:
                    order_id = next(order_ids)
                    new_orders.append(_order_row(order_id, order, customer_id, batch_id))
                    new_lines.extend(_line_rows(order_id, order.lines))
                else:
                    updates.append((found, order, customer_id))
            buyers.store_new(connection)
            bulk_insert(connection, ORDER_TABLE, new_orders)
            bulk_insert(connection, LINE_TABLE, new_lines)
            summary.orders_new += len(new_orders)
            progress(start + CHUNK if start + CHUNK < len(orders) else len(orders), total)
    buyers.store_fills(connection)
    summary.orders_updated, unchanged_lines = _apply_updates(connection, updates, batch_id, buyers.touched, cancel)
    summary.orders_unchanged += unchanged_lines
    summary.new_customer_ids = buyers.created
    summary.customers_new, summary.customers_matched = len(buyers.created), len(buyers.matched)
    bulk_insert(connection, ImportChange.__table__, [  # type: ignore[arg-type]
        {"batch_id": batch_id, "entity": "customer", "entity_id": cid, "action": "create", "before": None}
        for cid in buyers.created
    ])
    cancel.raise_if_cancelled()
    refresh_in_chunks(connection, buyers.touched, cancel)
    _finish_batch(connection, summary, prepared)
    progress(total, total)
    return summary


class _BuyerMatcher:
    """Finds or creates each order's customer, and keeps the new customers and aliases until stored."""

    def __init__(self, connection: Connection, orders: list[ParsedOrder], existing: dict[str, dict[str, Any]],
                 batch_id: int) -> None:
        self.identities = {
            order.platform_order_id: buyer_identities(order.platform, order.buyer)
            for order in orders
            if not order.lines_only and existing.get(order.platform_order_id, {}).get("customer_id") is None
        }
        self.index = IdentityIndex(_known_aliases(connection, self.identities.values()))
        self.new_ids = new_ids(connection, Customer.__table__)  # type: ignore[arg-type]
        self.batch_id = batch_id
        self.created: list[int] = []
        self.matched: set[int] = set()
        self.touched: set[int] = set()
        self._created_set: set[int] = set()
        self._customers: list[dict[str, Any]] = []
        self._aliases: list[dict[str, Any]] = []
        self._rows: dict[int, dict[str, Any]] = {}  # each created customer's row, filled on by their later orders
        self._stored: set[int] = set()  # created customers inserted already
        self._filled_late: set[int] = set()  # of those, the ones whose row an order filled since

    def customer_for(self, order: ParsedOrder, found: dict[str, Any] | None) -> int | None:
        """The order's customer: the one it already has, else the one its buyer's identities lead to."""
        customer_id = found["customer_id"] if found is not None else None
        if customer_id is not None:
            self.matched.add(customer_id)
        elif not order.lines_only:
            identities = self.identities[order.platform_order_id]
            customer_id = self.index.match(identities)
            if customer_id is None and identities:
                customer_id = self._create(order)
            elif customer_id is not None and customer_id not in self._created_set:
                self.matched.add(customer_id)
            elif customer_id is not None:
                self._fill_from(customer_id, order)
            if customer_id is not None:
                self._aliases.extend(_new_aliases(self.index, identities, customer_id, self.batch_id))
        if customer_id is not None:
            self.touched.add(customer_id)
        return customer_id

    def _create(self, order: ParsedOrder) -> int:
        customer_id = next(self.new_ids)
        self._rows[customer_id] = row = _customer_row(customer_id, order)
        self._customers.append(row)
        self.created.append(customer_id)
        self._created_set.add(customer_id)
        return customer_id

    def _fill_from(self, customer_id: int, order: ParsedOrder) -> None:
        """A customer this import created, met again: their later order fills what the first one left blank
        (a newest-first export's latest order may carry no name or phone, an older one does)."""
        if _fill_blanks(self._rows[customer_id], _customer_row(customer_id, order)) and customer_id in self._stored:
            self._filled_late.add(customer_id)

    def store_new(self, connection: Connection) -> None:
        """Insert the customers and aliases found since the last call (before the orders that refer to them)."""
        bulk_insert(connection, Customer.__table__, self._customers)  # type: ignore[arg-type]
        bulk_insert(connection, CustomerAlias.__table__, self._aliases)  # type: ignore[arg-type]
        self._stored.update(row["id"] for row in self._customers)
        self._customers, self._aliases = [], []

    def store_fills(self, connection: Connection) -> None:
        """Write what later orders filled in of customers stored before them (created by this import: undoing
        it deletes them, so nothing is journalled)."""
        if not self._filled_late:
            return
        table = Customer.__table__
        connection.execute(
            update(table).where(table.c.id == bindparam("cid")).values(  # type: ignore[attr-defined]
                {name: bindparam(name) for name in FILLED_FROM_ORDERS}),
            [{"cid": customer_id, **{name: self._rows[customer_id][name] for name in FILLED_FROM_ORDERS}}
             for customer_id in sorted(self._filled_late)])


def refresh_in_chunks(connection: Connection, customer_ids: Iterable[int], cancel: CancelToken | None = None) -> None:
    """refresh_derived for many customers, a chunk at a time: one statement may bind only so many ids."""
    ids = sorted(customer_ids)
    everyone = connection.scalar(select(func.count()).select_from(Customer).where(Customer.merged_into_id.is_(None)))
    # A first import touches everyone: then no id lists need binding at all.
    chunks = [None] if ids and len(ids) >= (everyone or 0) else [
        ids[start : start + REFRESH_CHUNK] for start in range(0, len(ids), REFRESH_CHUNK)]
    for chunk in chunks:
        refresh_derived(connection, chunk, cancel=cancel, defer_refit=True)


def _use_large_cache(connection: Connection) -> None:
    """A big import touches many index pages: a 64 MB page cache for this connection saves re-reading them."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA cache_size=-65536")


def _start_batch(connection: Connection, prepared: PreparedImport) -> int:
    result = connection.execute(
        insert(ImportBatch).values(
            kind="orders", file_name=prepared.path.name[:255], file_hash=prepared.file_hash,
            preset=prepared.preset.key[:64], status="committed", started_at=datetime.now().replace(microsecond=0),
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def _finish_batch(connection: Connection, summary: BatchSummary, prepared: PreparedImport) -> None:
    report = {
        "platform": prepared.preset.platform,
        "header_row": prepared.header_row + 1,
        "sheet": prepared.sheet.sheet_name,
        "bad_rows": [bad.__dict__ for bad in prepared.bad_rows[:REPORT_BAD_ROWS]],
        "new_customer_ids": summary.new_customer_ids,
    }
    connection.execute(
        update(ImportBatch).where(ImportBatch.id == summary.batch_id).values(
            finished_at=datetime.now().replace(microsecond=0), report=report,
            **{key: value for key, value in summary.__dict__.items()
               if key not in ("batch_id", "file_name", "preset", "new_customer_ids")},
        )
    )


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _existing_orders(connection: Connection, orders: list[ParsedOrder]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    by_platform: dict[str, list[str]] = {}
    for order in orders:
        by_platform.setdefault(order.platform, []).append(order.platform_order_id)
    for platform, numbers in by_platform.items():
        if not _holds_orders_of(connection, platform):
            continue
        for chunk in _chunks(numbers):
            query = select(Order.id, Order.platform_order_id, Order.content_hash, Order.customer_id).where(
                Order.platform == platform, Order.platform_order_id.in_(chunk)
            )
            for order_id, number, content_hash, customer_id in connection.execute(query):
                found[number] = {"id": order_id, "content_hash": content_hash, "customer_id": customer_id}
    _adopt_orders_keyed_by_name(connection, orders, found)
    return found


def stored_alike(connection: Connection, platform: str, hashes: dict[str, str]) -> dict[str, str | None]:
    """The order numbers among `hashes` whose stored order (keyed by that number) has those rows: its content
    hash is theirs, or theirs with the shop the user named for it (then given beside the number)."""
    alike: dict[str, str | None] = {}
    if not _holds_orders_of(connection, platform):  # a first import: no need to look its orders up
        return alike
    stored = select(Order.platform_order_id, Order.content_hash, Order.shop_name).where(Order.platform == platform)
    if len(hashes) * SCAN_SHARE >= (connection.scalar(select(func.count()).select_from(Order)) or 0):
        # The file holds a good share of the book (a re-downloaded export): one pass over the platform's
        # orders costs a fifth of looking 200,000 numbers up a chunk at a time.
        chunks = [connection.execute(stored.execution_options(yield_per=SCAN_ROWS))]
    else:
        chunks = (connection.execute(stored.where(Order.platform_order_id.in_(chunk)))
                  for chunk in _chunks(list(hashes)))
    for result in chunks:
        for number, content_hash, shop in (row for rows in result.partitions() for row in rows):
            rows_hash = hashes.get(number)
            if rows_hash is None or content_hash is None:
                continue
            if content_hash == rows_hash:
                alike[number] = None
            elif shop and content_hash == named_shop_hash(rows_hash, shop):
                alike[number] = shop
    return alike


def _holds_orders_of(connection: Connection, platform: str) -> bool:
    return connection.scalar(select(Order.id).where(Order.platform == platform).limit(1)) is not None


def _adopt_orders_keyed_by_name(connection: Connection, orders: list[ParsedOrder],
                                found: dict[str, dict[str, Any]]) -> None:
    """Orders stored before their key was the global id (Shopify's, once keyed by #1001) are found by that
    name once, and re-keyed when updated, so an upgraded book does not get each of them twice."""
    named: dict[tuple[str, str], str] = {
        (order.platform, order.values["order_name"]): order.platform_order_id
        for order in orders if order.values.get("order_name") and order.platform_order_id not in found
    }
    by_platform: dict[str, list[str]] = {}
    for platform, name in named:
        by_platform.setdefault(platform, []).append(name)
    for platform, names in by_platform.items():
        for chunk in _chunks(names):
            query = select(Order.id, Order.platform_order_id, Order.customer_id).where(
                Order.platform == platform, Order.order_name.is_(None), Order.platform_order_id.in_(chunk))
            for order_id, name, customer_id in connection.execute(query):
                # No content hash: the order is always updated, which gives it its new key.
                found[named[platform, name]] = {"id": order_id, "content_hash": None, "customer_id": customer_id,
                                                "rekey": True}


def _known_aliases(connection: Connection, identities: Iterable[list[Identity]]) -> list[tuple[str, str, str, int]]:
    """The stored aliases among these identities (all of them, in one scan, when the table is no bigger)."""
    wanted = {identity for found in identities for identity in found}
    if reads_masked(connection) or (connection.scalar(select(func.count()).select_from(CustomerAlias)) or 0) > len(wanted):
        return stored_identities(connection, wanted)
    return [tuple(row) for row in connection.execute(_ALIASES)]  # type: ignore[misc]


_ALIASES = select(CustomerAlias.kind, CustomerAlias.platform, CustomerAlias.value, CustomerAlias.customer_id)
# By the unique (kind, platform, value) index: by value alone, each chunk scanned every alias (a month's 5,000
# orders against a 224,000-alias shop: 0.9 s).
_ALIASES_OF_KIND = _ALIASES.where(CustomerAlias.kind == bindparam("kind"), CustomerAlias.platform == bindparam("platform"),
                                  CustomerAlias.value.in_(bindparam("values", expanding=True)))


def stored_identities(connection: Connection, identities: Iterable[Identity]) -> list[tuple[str, str, str, int]]:
    """(kind, platform, value, customer id) of the stored aliases that are these identities. A rep on a server
    reads aliases masked: there the server matches them by value (core.store.masked)."""
    if reads_masked(connection):
        query = text("SELECT kind, platform, value, customer_id FROM laoke_masked.known_identities(:values)")
        values = sorted({value for _kind, _platform, value in identities})
        return [tuple(row) for chunk in _chunks(values)  # type: ignore[misc]
                for row in connection.execute(query, {"values": list(chunk)})]
    by_kind: dict[tuple[str, str], list[str]] = {}
    for kind, platform, value in sorted(set(identities)):
        by_kind.setdefault((kind, platform), []).append(value)
    return [tuple(row) for (kind, platform), values in by_kind.items() for chunk in _chunks(values)  # type: ignore[misc]
            for row in connection.execute(_ALIASES_OF_KIND, {"kind": kind, "platform": platform, "values": list(chunk)})]


def _new_aliases(index: IdentityIndex, identities: list[Identity], customer_id: int, batch_id: int) -> list[dict]:
    return [
        {"customer_id": customer_id, "kind": kind, "platform": platform, "value": value, "first_batch_id": batch_id}
        for kind, platform, value in identities
        if index.add((kind, platform, value), customer_id)
    ]


# A created customer's fields a later order of theirs may fill in; an address with the division it was read from.
_NAMING_FIELDS = ("platform_buyer_id", "nickname", "name", "email")
_ADDRESS_FIELDS = ("province", "city", "district", "address")
FILLED_FROM_ORDERS = (*_NAMING_FIELDS, "phone", "phone_alt", "phone_last4", *_ADDRESS_FIELDS)


def _fill_blanks(row: dict[str, Any], offered: dict[str, Any]) -> bool:
    """Fill the row's empty fields from another order's; whether anything changed. An address comes whole,
    with its province, city and district, and only where the row has none of them; a second number becomes
    the other phone."""
    changed = False
    for name in _NAMING_FIELDS:
        if not row[name] and offered[name]:
            row[name], changed = offered[name], True
    if not any(row[name] for name in _ADDRESS_FIELDS) and any(offered[name] for name in _ADDRESS_FIELDS):
        row.update({name: offered[name] for name in _ADDRESS_FIELDS})
        changed = True
    phones = list(dict.fromkeys(p for p in (row["phone"], row["phone_alt"], offered["phone"], offered["phone_alt"]) if p))
    if phones[:2] != [p for p in (row["phone"], row["phone_alt"]) if p]:
        row["phone"], row["phone_alt"] = phones[0], phones[1] if len(phones) > 1 else None
        row["phone_last4"] = phones[0][-4:] if len(phones[0]) >= 4 else None
        changed = True
    return changed


def _customer_row(customer_id: int, order: ParsedOrder) -> dict[str, Any]:
    buyer = order.buyer
    phone = buyer.phone if buyer.phone and "*" not in buyer.phone else None
    phone_alt = buyer.phone_alt if buyer.phone_alt and "*" not in buyer.phone_alt else None
    phone = phone or phone_alt
    email = buyer.email or (buyer.buyer_id if buyer.buyer_id and "@" in buyer.buyer_id else None)
    return {
        "id": customer_id,
        "platform": order.platform,
        "platform_buyer_id": (buyer.buyer_id or None) and buyer.buyer_id[:128],
        "nickname": (buyer.nickname or None) and buyer.nickname[:128],
        "name": (buyer.name or None) and buyer.name[:128],
        "phone": phone[:32] if phone else None,
        "phone_alt": phone_alt[:32] if phone_alt and phone_alt != phone else None,
        "phone_last4": phone[-4:] if phone and len(phone) >= 4 else None,
        "email": email[:254] if email else None,
        "province": (buyer.province or None) and buyer.province[:32],
        "city": (buyer.city or None) and buyer.city[:32],
        "district": (buyer.district or None) and buyer.district[:32],
        "address": (buyer.address or None) and buyer.address[:255],
        "source": "import",
    }


def _order_row(order_id: int, order: ParsedOrder, customer_id: int | None, batch_id: int) -> dict[str, Any]:
    return {
        "id": order_id, "platform": order.platform, "platform_order_id": order.platform_order_id,
        "customer_id": customer_id, "content_hash": order.content_hash, "import_batch_id": batch_id,
        "updated_batch_id": None, **order.values,
    }


def _line_rows(order_id: int, lines: list[ParsedLine]) -> list[dict[str, Any]]:
    return [{"order_id": order_id, **{column: getattr(line, column) for column in LINE_COLUMNS}} for line in lines]


def _apply_updates(
    connection: Connection,
    updates: list[tuple[dict[str, Any], ParsedOrder, int | None]],
    batch_id: int,
    touched: set[int],
    cancel: CancelToken,
) -> tuple[int, int]:
    """Update changed orders, remembering each one's previous values and lines for undo.

    Returns (updated, unchanged): an items file read again finds its lines already there.
    """
    updated = unchanged = 0
    for chunk in _chunks(updates):
        cancel.raise_if_cancelled()
        before_rows = _snapshots(connection, [found["id"] for found, _order, _cid in chunk])
        order_values, changes, replaced, rekeyed = [], [], [], []
        for found, order, customer_id in chunk:
            before = before_rows[found["id"]]
            values: dict[str, Any] = {"customer_id": customer_id, "updated_batch_id": batch_id}
            if order.lines_only:
                if _same_lines(order.lines, before["lines"]) and customer_id == before["customer_id"]:
                    unchanged += 1
                    continue
                replaced.append((found["id"], order.lines))
            else:
                # A later file updates what it knows and leaves what it does not know as it was.
                values.update(_known_values(order), content_hash=order.content_hash)
                if found.get("rekey"):
                    rekeyed.append({"oid": found["id"], "key": order.platform_order_id})
                # A one-row-per-order sheet sums items up in one line: keep the detailed lines an items file gave.
                if not (order.summary_lines and before["lines"]):
                    replaced.append((found["id"], order.lines))
            changes.append({"batch_id": batch_id, "entity": "order", "entity_id": found["id"], "action": "update",
                            "before": before})
            touched.update(cid for cid in (before["customer_id"], customer_id) if cid is not None)
            order_values.append({"oid": found["id"], **values})
            updated += 1
        # Journalled before the orders change: on a server a rep's snapshot holds the receiver's phone and
        # address masked, and the server copies the real ones into the journal itself.
        bulk_insert(connection, ImportChange.__table__, changes)  # type: ignore[arg-type]
        if changes and reads_masked(connection):
            connection.execute(text("SELECT laoke_masked.journal_receivers(:batch, :ids)"),
                               {"batch": batch_id, "ids": [change["entity_id"] for change in changes]})
        _update_orders(connection, order_values)
        if rekeyed:
            connection.execute(update(ORDER_TABLE).where(ORDER_TABLE.c.id == bindparam("oid")).values(
                platform_order_id=bindparam("key")), rekeyed)
        if replaced:
            connection.execute(delete(LINE_TABLE).where(LINE_TABLE.c.order_id.in_([oid for oid, _ in replaced])))
            bulk_insert(connection, LINE_TABLE, [row for oid, lines in replaced for row in _line_rows(oid, lines)])
    return updated, unchanged


def _update_orders(connection: Connection, order_values: list[dict[str, Any]]) -> None:
    """Write each order's new values, one statement for the orders stating the same columns. What a sheet does
    not state is not written at all (not written back as read: a rep reads the receiver's phone masked)."""
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for values in order_values:
        by_columns.setdefault(tuple(values), []).append(values)
    for columns, rows in by_columns.items():
        statement = update(ORDER_TABLE).where(ORDER_TABLE.c.id == bindparam("oid")).values(
            {column: bindparam(column) for column in columns if column != "oid"})
        connection.execute(on_stored_tables(connection, statement), rows)


def _known_values(order: ParsedOrder) -> dict[str, Any]:
    """The order's values this file states (a Youzan item sheet has no order times; a 宝贝报表 no buyer)."""
    return {column: value for column, value in order.values.items()
            if value is not None and column not in order.inferred}


def _same_lines(lines: list[ParsedLine], stored: list[dict[str, Any]]) -> bool:
    """Whether these lines are the stored ones (amounts compared as the cents they are stored as)."""
    def key(values: dict[str, Any]) -> str:
        return repr([whole_cents(decode_value(c, values[c])) if c in DECIMAL_COLUMNS else values[c] for c in LINE_COLUMNS])

    new = sorted(key({column: encode_value(getattr(line, column)) for column in LINE_COLUMNS}) for line in lines)
    return new == sorted(key(line) for line in stored)


def _snapshots(connection: Connection, order_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Each order's restorable columns and lines as JSON-safe values."""
    columns = [ORDER_TABLE.c.id, *(ORDER_TABLE.c[name] for name in RESTORED_ORDER_COLUMNS)]
    snapshots = {
        row.id: {name: encode_value(getattr(row, name)) for name in RESTORED_ORDER_COLUMNS} | {"lines": []}
        for row in connection.execute(select(*columns).where(ORDER_TABLE.c.id.in_(order_ids)))
    }
    line_columns = [LINE_TABLE.c.order_id, *(LINE_TABLE.c[name] for name in LINE_COLUMNS)]
    for row in connection.execute(select(*line_columns).where(LINE_TABLE.c.order_id.in_(order_ids))):
        snapshots[row.order_id]["lines"].append({name: encode_value(getattr(row, name)) for name in LINE_COLUMNS})
    return snapshots


DECIMAL_COLUMNS = {"total_amount", "paid_amount", "shipping_fee", "refund_amount", "unit_price", "amount"}
DATETIME_COLUMNS = {"created_at", "paid_at", "shipped_at", "completed_at"}


def encode_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def decode_value(column: str, value: Any) -> Any:
    if value is None:
        return None
    if column in DECIMAL_COLUMNS:
        return Decimal(value)
    if column in DATETIME_COLUMNS:
        return datetime.fromisoformat(value)
    return value
