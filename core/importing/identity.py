"""Who a buyer is: the identities an order carries, strongest first, and the customer they lead to.

The platform's own buyer key wins (Taobao 买家会员名, JD 下单帐号, Youzan buyer phone or nickname, Pinduoduo,
Douyin and Kuaishou 买家昵称, Shopify email); then the receiver's phone; then name + address, or a name alone when
nothing else is known. A masked phone (138****1234) or address identifies no one, so it never matches on its own.
Every identity seen is kept as a CustomerAlias.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from core.importing.parsing import Buyer
from core.safety.privacy import is_masked

Identity = tuple[str, str, str]  # kind, platform ("" when it holds across platforms), value
_ADDRESS_NOISE = re.compile(r"[\s,，.。-]")
# Kinds that are the platform's own key for a buyer: two different keys are two buyers, whatever else they share.
BUYER_KEY_KINDS = frozenset({"buyer_id", "nickname", "email"})


def buyer_identities(platform: str, buyer: Buyer) -> list[Identity]:
    """The identities this buyer can be recognised by, strongest first."""
    found: list[Identity] = []
    if buyer.buyer_id and not is_masked(buyer.buyer_id):
        if "@" in buyer.buyer_id:
            found.append(("email", "", buyer.buyer_id.strip().lower()))
        else:
            found.append(("buyer_id", platform, buyer.buyer_id.strip()))
    # Every account the platform names is kept as an alias (search finds a buyer by any of them); when a
    # buyer key comes first it alone decides who the buyer is.
    if buyer.nickname and not is_masked(buyer.nickname):
        found.append(("nickname", platform, buyer.nickname.strip()))
    if buyer.email and "@" in buyer.email:
        found.append(("email", "", buyer.email.strip().lower()))
    for phone in (buyer.phone, buyer.phone_alt):  # already in compact_phone's one form per number
        digits = phone.removeprefix("+") if phone else ""
        if digits.isdigit() and 7 <= len(digits) <= 15:
            found.append(("phone", "", phone))
    if buyer.name and buyer.address and not is_masked(buyer.name) and not is_masked(buyer.address):
        found.append(("name_address", "", f"{buyer.name.strip()}|{normalise_address(buyer.address)}"[:255]))
    elif not found and buyer.name and not is_masked(buyer.name) and not buyer.address:
        # Nothing else tells who bought (a shop-counter sale that took a name only): the name, with no address,
        # keeps the order's buyer in the book, and finds them again on their next such order.
        found.append(("name_address", "", f"{buyer.name.strip()}|"[:255]))
    return list(dict.fromkeys(found))


@lru_cache(maxsize=65536)
def normalise_address(address: str) -> str:
    return _ADDRESS_NOISE.sub("", unicodedata.normalize("NFKC", address))


class IdentityIndex:
    """Identity -> customer id, for the aliases already stored plus those this import adds."""

    def __init__(self, known: Iterable[tuple[str, str, str, int]]) -> None:
        self._ids: dict[Identity, int] = {(kind, platform, value): cid for kind, platform, value, cid in known}

    def match(self, identities: list[Identity]) -> int | None:
        """The customer of the strongest identity; a platform buyer key, when there is one, decides alone."""
        if identities and identities[0][0] in BUYER_KEY_KINDS:
            return self._ids.get(identities[0])
        return next((self._ids[identity] for identity in identities if identity in self._ids), None)

    def add(self, identity: Identity, customer_id: int) -> bool:
        """Remember an identity for a customer; False when it already belongs to someone."""
        if identity in self._ids:
            return False
        self._ids[identity] = customer_id
        return True
