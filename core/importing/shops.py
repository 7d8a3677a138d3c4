"""Which of the seller's shops a file's orders come from, when the file does not say.

A layout with a shop column (Taobao's 店铺名称) or a global order id (Shopify's Id) needs no answer; for any
other order file the wizard asks, and the CLI takes `--shop NAME`. A companion file of lines never asks: its
orders keep the shop of the order file that made them.
"""

from __future__ import annotations

from core.importing.prepare import PreparedImport

SHOP_NAME_LENGTH = 128


def needs_shop_name(prepared: PreparedImport) -> bool:
    columns = prepared.columns
    return prepared.preset.role == "orders" and bool(columns) and not {"shop_name", "global_id"} & columns.keys()


def name_the_shop(prepared: PreparedImport, shop: str) -> None:
    """Store `shop` as the shop of every order in the file that names none itself."""
    shop = shop.strip()[:SHOP_NAME_LENGTH]
    if not shop:
        return
    for order in prepared.orders:
        if not order.values.get("shop_name"):
            order.values["shop_name"] = shop
