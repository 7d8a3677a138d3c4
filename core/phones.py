"""Phone numbers as Laoke stores and matches them: no spaces, dashes or brackets, no China country code.

Imports, profile edits and the search box all go through here, so `+86 138-1234-5678` typed by hand, `0086…`
in a Shopify export and `13812345678` in a Taobao one are one number and one buyer.
"""

from __future__ import annotations

import re

_NOISE = re.compile(r"[\s\-()（）]")


def compact_phone(text: str) -> str:
    """`+86 138-1234-5678` → `13812345678`; other numbers keep their digits (and a foreign + code)."""
    number = _NOISE.sub("", text)
    if number.startswith("+86"):
        return number[3:]
    if number.startswith("0086"):
        return number[4:]
    if len(number) == 13 and number.startswith("861"):  # a mobile number behind the code, without its +
        return number[2:]
    return number
