"""Turning the text of one sheet cell into the value Laoke stores, or a reason it cannot.

Every cell arrives as text (readers never hand over floats), carrying the tricks platforms use to keep Excel
from mangling ids: `="123"`, a leading apostrophe, a leading tab. Placeholders such as `-` and `——` mean
"nothing here".
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from datetime import time as datetime_time
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from time import time as clock

from core.messages import Message
from core.phones import compact_phone

# Texts platforms write where a cell has nothing to say (Taobao's 宝贝报表 writes 无退款申请 in 退款金额).
MISSING = frozenset({
    "", "-", "--", "—", "——", "null", "NULL", "Null", "None", "none", "无", "暂无", "未知", "N/A", "n/a", "NA", "#N/A",
    "无退款申请", "没有申请退款",
})
# What a totals row at the foot of a sheet says in its order number column.
SUMMARY_LABELS = ("合计", "总计", "小计", "汇总", "共计")
ORDER_NUMBER_LENGTH = 64  # what the orders table keeps; no platform's number comes near it
SHOWN_TEXT = 60  # of a cell quoted in a message: enough to recognise it
# Douyin writes encrypted receiver fields as ##… or $$…: ciphertext says nothing about the buyer.
ENCRYPTED_PREFIXES = ("##", "$$")
_SCIENTIFIC = re.compile(r"^[+-]?\d+(\.\d+)?[eE][+-]?\d+$")
_AMOUNT_NOISE = re.compile(r"[¥￥元\s]|CNY|RMB", re.IGNORECASE)
# A comma only ever groups thousands (1,288.00); `1,2,3` is not 123.
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:[,，]\d{3})+(?:\.\d*)?$")
_EMBEDDED_BREAKS = re.compile(r"[\r\n\t]+")
_DATE_SEPARATORS = re.compile(r"[年月/.]")
_LOOSE_DATE = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(?:\.\d+)?)?\s*([+-]\d{2}:?\d{2}|Z)?$"
)
# Beyond any real order, and far inside what the cents and quantity columns hold on every backend.
MAX_AMOUNT = Decimal(10) ** 12
MAX_QUANTITY = 10**9
EARLIEST_ORDER = datetime(2000, 1, 1)  # no shop in these exports sold online before


class ValueProblem(ValueError):
    """A cell whose text cannot become the value its column holds; the message says why."""


def clean_text(raw: str | None) -> str | None:
    """The cell's text without Excel-protection wrappers and stray whitespace; None when it says nothing."""
    if not raw:
        return None
    text = raw.strip()
    if text[:1] in ("=", "'"):  # also true for "": the slice keeps empty text cheap
        if text.startswith('="') and text.endswith('"') and len(text) >= 3:
            text = text[2:-1].strip()
        text = text.lstrip("'\t").strip()
    if not text.isprintable():  # one C-level scan finds embedded tabs and line breaks
        text = _EMBEDDED_BREAKS.sub(" ", text).strip()
    return None if text in MISSING or text.startswith(ENCRYPTED_PREFIXES) else text


def parse_id(raw: str | None) -> str | None:
    """An order, line or tracking number kept exactly as text; an Excel-rounded number is refused."""
    text = clean_text(raw)
    if text is None or text.isdigit():  # most order and tracking numbers: digits, nothing to check
        return text
    if _SCIENTIFIC.match(text):
        raise ValueProblem(
            Message(
                "'{text}' is a number Excel already rounded; export the sheet again and import "
                "it without opening and saving it in Excel",
                text=text,
            )
        )
    if text.lower().startswith("no:"):
        text = text[3:].strip()
    return text


def parse_order_number(raw: str | None) -> str | None:
    """An order number: `parse_id`, and one word of ASCII letters, digits and punctuation as every platform's
    is, up to 64 characters.

    A totals row (合计 in the order number column, sums beside it) is no order: None, as for an empty cell.
    Other text there (a footnote such as 导出时间：…, a whole line of a re-saved file in one cell) is refused
    rather than stored as an order.
    """
    if raw and raw.isascii() and raw.isdigit():  # most of them, as every check below would give them back
        return raw
    text = parse_id(raw)
    if text is None or text.startswith(SUMMARY_LABELS):
        return None
    if not text.isascii() or len(text) > ORDER_NUMBER_LENGTH or any(character.isspace() for character in text):
        shown = text if len(text) <= SHOWN_TEXT else f"{text[:SHOWN_TEXT]}…"
        raise ValueProblem(Message("'{text}' is no order number", text=shown))
    return text


@lru_cache(maxsize=65_536)  # prices and quantities repeat down a sheet; a Decimal can be shared
def parse_amount(raw: str | None) -> Decimal | None:
    text = clean_text(raw)
    if text is None:
        return None
    number = _AMOUNT_NOISE.sub("", text)
    if "," in number or "，" in number:
        if not _GROUPED.match(number):
            raise ValueProblem(Message("'{text}' is not an amount", text=text))
        number = number.replace(",", "").replace("，", "")
    try:
        amount = Decimal(number)
    except InvalidOperation:
        raise ValueProblem(Message("'{text}' is not an amount", text=text)) from None
    if not amount.is_finite() or abs(amount) >= MAX_AMOUNT:  # NaN, Infinity, 1e400
        raise ValueProblem(Message("'{text}' is not an amount", text=text))
    if amount < 0:
        raise ValueProblem(Message("'{text}' is a negative amount", text=text))
    return amount


@lru_cache(maxsize=4096)
def parse_quantity(raw: str | None) -> int | None:
    amount = parse_amount(raw)
    if amount is None:
        return None
    if amount != amount.to_integral_value() or abs(amount) >= MAX_QUANTITY:
        raise ValueProblem(Message("'{raw}' is not a whole number", raw=raw))
    return int(amount)


def parse_datetime(raw: str | None) -> datetime | None:
    """A local wall-clock time: offsets such as +0800 are read and dropped, as the shop lives in one zone."""
    text = clean_text(raw)
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        value = _parse_loose_datetime(text)
    if value.tzinfo is not None or value.microsecond:
        value = value.replace(tzinfo=None, microsecond=0)
    if not EARLIEST_ORDER <= value < _end_of_tomorrow(int(clock()) // 3600):
        raise ValueProblem(Message("'{text}' is no time an order was placed (before 2000 or after tomorrow)",
                                   text=text))
    return value


@lru_cache(maxsize=2)
def _end_of_tomorrow(_hour: int) -> datetime:
    """The latest time an order can have (worked out once an hour: date.today() per cell costs seconds)."""
    return datetime.combine(date.today() + timedelta(days=2), datetime_time())


def _parse_loose_datetime(text: str) -> datetime:
    normalised = _DATE_SEPARATORS.sub("-", unicodedata.normalize("NFKC", text).replace("日 ", " "))
    match = _LOOSE_DATE.match(normalised.rstrip("-").strip())
    if match is None:
        raise ValueProblem(Message("'{text}' is not a date and time", text=text))
    # The offset group lets "+0800" match; the wall-clock time is what is kept.
    year, month, day, hour, minute, second, _offset = match.groups()
    try:
        value = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError:
        raise ValueProblem(Message("'{text}' is not a valid date", text=text)) from None
    return value


def parse_phone(raw: str | None) -> str | None:
    """A phone number without spaces, dashes or a +86 prefix; masked digits (138****1234) are kept as shown."""
    text = clean_text(raw)
    if text is None:
        return None
    text = compact_phone(text)
    if _SCIENTIFIC.match(text):
        raise ValueProblem(Message("'{text}' is a phone number Excel already rounded", text=text))
    return text or None
