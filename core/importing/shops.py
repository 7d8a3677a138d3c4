"""Which of the seller's shops a file's orders come from, when the file does not say.

A layout with a shop column (Taobao's 店铺名称, Youzan's 归属店铺) needs no answer, nor does one with a global order
id (Shopify's Id keeps two stores' orders apart by itself); for any other order file the wizard asks, and the
CLI takes `--shop NAME`. `--shop` still names the store of a file with a global id, for the shop filter. The
last answer per platform is offered the next time, so a seller with one shop per platform names it once. A
companion file of lines never asks: its orders keep the shop of the order file that made them.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection

from core.importing.parsing import Buyer, ParsedOrder, named_shop_hash
from core.importing.prepare import PreparedImport
from core.store.db import Database
from core.store.settings import get_setting, store_setting

SHOP_NAME_LENGTH = 128
LAST_SHOP_KEY = "import.last_shop.{platform}"  # the shop last named for a file of this platform


def names_no_shop(prepared: PreparedImport) -> bool:
    """An order file whose rows do not say their shop: a shop the user names applies to its orders."""
    columns = prepared.columns
    return prepared.preset.role == "orders" and bool(columns) and "shop_name" not in columns


def needs_shop_name(prepared: PreparedImport) -> bool:
    """An order file whose orders another shop's could overwrite unless the user says which shop it is."""
    return names_no_shop(prepared) and "global_id" not in prepared.columns


def suggest_shops(database: Database, prepared: Sequence[PreparedImport]) -> None:
    """Offer each file that needs a shop name the one last named for a file of its platform."""
    asking = [item for item in prepared if needs_shop_name(item)]
    if not asking:
        return
    with database.session() as session:
        for item in asking:
            item.shop_suggested = get_setting(session, LAST_SHOP_KEY.format(platform=item.preset.platform), "")


def name_the_shop(prepared: PreparedImport, shop: str) -> None:
    """Take `shop` as the shop of the file's orders that name none themselves (applied when they are stored;
    a later answer replaces an earlier one)."""
    prepared.shop_named = shop.strip()[:SHOP_NAME_LENGTH]


def apply_named_shop(prepared: PreparedImport) -> None:
    """Write the named shop into the orders that name none, once (an import tried again after a failure
    writes the same prepared file again), right before the file is stored."""
    if not prepared.shop_named or prepared.shop_applied:
        return
    prepared.shop_applied = True
    shop = prepared.shop_named
    for order in prepared.orders:
        if not order.values.get("shop_name"):
            order.values["shop_name"] = shop
            order.content_hash = named_shop_hash(order.content_hash, shop)
    # Orders recognised unparsed as stored under another shop the user named move to this one: an order that
    # states only its shop updates only that.
    moved = [(number, rows_hash) for number, (rows_hash, stored_shop) in prepared.unchanged_named.items()
             if stored_shop != shop]
    prepared.orders += [ParsedOrder(prepared.preset.platform, number, 0, {"shop_name": shop}, [], Buyer(),
                                    summary_lines=True, content_hash=named_shop_hash(rows_hash, shop),
                                    shop_move_only=True)
                        for number, rows_hash in moved]
    prepared.orders_unchanged -= len(moved)


def remember_named_shop(connection: Connection, prepared: PreparedImport) -> None:
    """Keep the shop the user named for this file, inside the import's transaction, to offer it next time."""
    if prepared.shop_named:
        store_setting(connection, LAST_SHOP_KEY.format(platform=prepared.preset.platform), prepared.shop_named)
