"""Phone numbers as Laoke stores and matches them: one form per number, whatever country it is in.

Imports, profile edits and the search box all go through here, so `+86 138-1234-5678` typed by hand, `0086…`
in a Shopify export and `13812345678` in a Taobao one are one number and one buyer, and so are `(+44)7700…`,
`0044 7700…` and `+44 07700…`, or a Bangladeshi `+8800130…` and `+880130…`. A number with a country code is
read by `phonenumbers` (China is the region for a number without one) and stored as `+<code><national
number>`; a Chinese number as its national digits, as Chinese platforms write it. Nothing here asks whether a
number is valid: many real numbers, and every pseudonymised one, are not.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

_NOISE = re.compile(r"[\s\-()（）.]")
CHINA = 86
DEFAULT_REGION = "CN"  # whose dialling rules a number without a country code follows (00 dials abroad)


@lru_cache(maxsize=65_536)
def compact_phone(text: str) -> str:
    """`+86 138-1234-5678` → `13812345678`; `(+44)07700 900001` → `+447700900001`; a local form as written."""
    number = _NOISE.sub("", text)
    if "*" in number:  # masked (138****1234): kept as shown, it identifies no one
        return number
    if len(number) == 13 and number.startswith("861"):  # a Chinese mobile behind its code, without the +
        return number[2:]
    international = _international(number)
    if international is None:
        return number
    code, national = international
    return national if code == CHINA else f"+{code}{national}"


def national_number(text: str) -> str:
    """The number without its country code and trunk zero, as a buyer types it at home: `01306877229` and
    `+8801306877229` both give `1306877229` (what search matches a local form by)."""
    number = compact_phone(text)
    international = _international(number)
    return international[1] if international is not None else number.lstrip("0")


def _international(number: str) -> tuple[int, str] | None:
    """(country code, national significant number) of a number written with its country code."""
    if not number.startswith(("+", "00")):
        return None
    try:
        parsed = phonenumbers.parse(number, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    national = phonenumbers.national_significant_number(parsed)
    return (parsed.country_code, national) if national else None
