"""What the user should know about a prepared file before importing it, apart from the rows left out.

Both the wizard and the CLI show these: optional cells that were stored empty (once per column and text, not
once per row), and a file that names no buyers at all.
"""

from __future__ import annotations

from core.importing.prepare import PreparedImport
from core.messages import Message

# Fields that can tell who bought an order; a file with none of them creates orders without customers.
BUYER_FIELDS = frozenset({"buyer_id", "buyer_nick", "email", "phone", "phone_alt", "receiver_name", "billing_name",
                          "billing_phone"})


def names_no_buyers(prepared: PreparedImport) -> bool:
    """An order file (not a companion of lines) with no column that tells who bought."""
    return prepared.preset.role == "orders" and bool(prepared.columns) and not BUYER_FIELDS & prepared.columns.keys()


def import_notices(prepared: PreparedImport) -> list[Message]:
    notices = []
    if names_no_buyers(prepared) and prepared.orders:
        notices.append(Message(
            "{file} names no buyers: its {orders} orders are imported, but no customer is created, so the book "
            "shows the orders and the shop's revenue, not who bought them (no stages, care tasks or repeat "
            "buyers from this file). The export with the buyers' columns (Taobao's 订单报表 with 买家会员名, "
            "Pinduoduo's export with receivers) or a customer sheet adds them: its orders with the same "
            "numbers then attach to their buyers.",
            file=prepared.path.name, orders=f"{len(prepared.orders):,}",
        ))
    notices.extend(
        Message(
            "{file}, column {column}: '{text}' is stored as empty ({reason}); rows: {count}, the first is row {row}.",
            file=skipped.file, column=skipped.column, text=skipped.text[:40], reason=skipped.reason,
            count=f"{skipped.count:,}", row=skipped.first_row,
        )
        for skipped in prepared.skipped_cells
    )
    return notices
