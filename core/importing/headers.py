"""Finding the header row of a sheet and matching its names however the platform spelled them this year."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence

HEADER_SCAN_ROWS = 20
_SPACES = re.compile(r"\s+")
# Other names real exports give a column (normalised, as normalise_header returns them): the same column.
HEADER_ALIASES = {
    "订单实付支付金额": "订单实际支付金额",  # a WeChat shop export's spelling of its paid column
    "商家编码-sku维度": "商家编码-规格维度",  # Pinduoduo renamed the column in 2023
}


def normalise_header(text: str) -> str:
    """One spelling for a header: half-width brackets and commas, 账 for 帐, no spaces, lower case, and
    the name a column goes by where an export calls it otherwise."""
    folded = _SPACES.sub("", unicodedata.normalize("NFKC", text or "").replace("帐", "账")).lower()
    return HEADER_ALIASES.get(folded, folded)


def header_index(headers: Sequence[str]) -> dict[str, int]:
    """Normalised name -> column; a name that appears twice (Youzan's 分销员) keeps its first column."""
    index: dict[str, int] = {}
    for column, header in enumerate(headers):
        key = normalise_header(header)
        if key and key not in index:
            index[key] = column
    return index


def header_signature(headers: Iterable[str]) -> str:
    """A short fingerprint of a header row, to find the mapping a user saved for this layout."""
    names = sorted({normalise_header(header) for header in headers if normalise_header(header)})
    return hashlib.sha1("\x1f".join(names).encode("utf-8")).hexdigest()


def find_header_row(rows: Sequence[Sequence[str]], known_names: set[str]) -> int | None:
    """The row (0-based) among the first ones that names the most known columns; title rows above are skipped.

    Without any known name, the first row whose cells are all filled text is taken as the header.
    """
    best_row, best_hits = None, 0
    for number, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        hits = sum(1 for cell in row if normalise_header(cell) in known_names)
        if hits > best_hits:
            best_row, best_hits = number, hits
    if best_row is not None and best_hits >= 2:
        return best_row
    for number, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        filled = _filled(row)
        widest = max(_filled(below) for below in rows[number : number + 3])
        if filled >= 2 and filled >= 0.8 * widest:
            return number
    return None


def _filled(row: Sequence[str]) -> int:
    return sum(1 for cell in row if cell and cell.strip())
