"""Reading a sheet file into rows of text, whatever it really is inside.

Shops send .xlsx, .xls, CSV in UTF-8 or GBK, and ".xls" files that are really an HTML table or a CSV.
The file's first bytes decide the reader, never its name. Every cell comes back as text: numbers that
Excel stored as numbers are written out in full, so an id is never silently turned into a float.
"""

from __future__ import annotations

import csv
import io
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes

from core.errors import LaokeError
from core.messages import Message, message_of
from core.safety.files import UnsafeWorkbook, ensure_safe_workbook

Row = list[str]
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A password-protected xlsx is an OLE container holding this stream (its name is stored in UTF-16).
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
ENCODING_SAMPLE = 256 * 1024
# The delimiter is sniffed from the first characters (read from enough bytes for them in any encoding).
SNIFF_CHARACTERS = 50_000
SNIFF_BYTES = 4 * SNIFF_CHARACTERS
# decode_text names UTF-8 as the file says it; its BOM, where there is one, is no part of the first cell.
_CODECS = {"utf-8": "utf-8-sig"}
MAX_SHEET_FILE_BYTES = 1 << 30  # a 200,000-row export is ~60 MB
# A CSV field longer than this is no cell of an order: most often a quote that is never closed.
MAX_CSV_FIELD = 1 << 20
GB_ENCODINGS = frozenset({"gb18030", "gbk", "gb2312", "cp936", "hz"})
BIG5_ENCODINGS = frozenset({"big5", "cp950", "big5hkscs"})
# With few Chinese characters (a mostly-ASCII file) charset-normalizer ranks a Western code page first.
GB_CHAOS_MARGIN = 0.02
DELIMITERS = ",\t;|"
# Beyond 15 significant digits a float has already lost the id; keep the rounded text so it is reported.
EXACT_FLOAT_LIMIT = 10**15


class SheetRefused(LaokeError):
    """The file is not a sheet Laoke can read; the message names the file and says why."""


@dataclass
class RawSheet:
    path: Path
    rows: list[Row]
    sheet_name: str = ""
    encoding: str | None = None

    @property
    def file_name(self) -> str:
        return self.path.name


def read_sheets(path: Path) -> list[RawSheet]:
    """Every sheet in the file as rows of text (a CSV or HTML file has one)."""
    data = _read_bytes(path)
    if data.startswith(OLE_MAGIC) and ENCRYPTED_PACKAGE in data:
        raise SheetRefused(
            Message(
                "{file} is password-protected (JD sends the password by text message): open it "
                "in Excel or WPS with the password, save it without one, and import that copy.",
                file=path.name,
            )
        )
    if data.startswith(ZIP_MAGIC) or data.startswith(OLE_MAGIC):
        return _read_workbook(path)
    if data.startswith(b"%PDF"):
        raise SheetRefused(Message(
            "{file} is a PDF document, not a sheet: export the orders as Excel or CSV.",
            file=path.name,
        ))
    text, encoding = decode_text(path, data)
    if text.lstrip()[:200].lower().startswith(("<html", "<!doctype", "<table", "<?xml", "<meta", "<head")):
        return [RawSheet(path, _html_rows(text), encoding=encoding)]
    del text  # the rows are read from the bytes as a stream: the text and a copy beside them were 270 MB more
    return [RawSheet(path, csv_rows(data, _CODECS.get(encoding, encoding), path.name), encoding=encoding)]


def _read_bytes(path: Path) -> bytes:
    """The file's bytes: a regular file (never a device such as /dev/zero behind a link) of at most 1 GB."""
    try:
        with path.open("rb") as handle:
            _ensure_sheet_sized(path, os.fstat(handle.fileno()))
            data = handle.read(MAX_SHEET_FILE_BYTES + 1)
    except FileNotFoundError:
        raise SheetRefused(Message("{path} does not exist.", path=path)) from None
    except IsADirectoryError:
        raise SheetRefused(Message("{path} is a folder, not a sheet.", path=path)) from None
    except OSError as error:
        raise SheetRefused(Message(
            "Cannot read {file}: {reason}.",
            file=path.name, reason=error.strerror,
        )) from None
    if not data.strip():
        raise SheetRefused(Message("{file} is empty.", file=path.name))
    if len(data) > MAX_SHEET_FILE_BYTES:  # it grew while it was read
        _ensure_sheet_sized(path, os.stat(path))
    return data


def _ensure_sheet_sized(path: Path, status: os.stat_result) -> None:
    if not stat.S_ISREG(status.st_mode):
        raise SheetRefused(Message(
            "{file} is not a file but a device or a pipe; Laoke reads only sheet files.",
            file=path.name,
        ))
    if status.st_size > MAX_SHEET_FILE_BYTES:
        raise SheetRefused(Message(
            "{file} is {size:,} MB; Laoke reads sheets of up to {limit:,} MB. Split the export into smaller "
            "files.",
            file=path.name, size=status.st_size // 2**20, limit=MAX_SHEET_FILE_BYTES // 2**20,
        ))


def open_workbook(path: Path):  # type: ignore[no-untyped-def]
    """The one place a workbook file is opened, so a safety check on archives has one place to go."""
    from python_calamine import CalamineWorkbook

    try:
        ensure_safe_workbook(path)  # zip bombs and XML entity bombs are refused before calamine inflates a byte
    except UnsafeWorkbook as error:
        raise SheetRefused(message_of(error)) from None
    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as error:  # noqa: BLE001 - calamine raises several unexported error types
        raise SheetRefused(
            Message(
                "{file} looks like an Excel workbook but cannot be opened (damaged or "
                "incomplete): {error}",
                file=path.name, error=error,
            )
        ) from None


def _read_workbook(path: Path) -> list[RawSheet]:
    workbook = open_workbook(path)
    sheets = []
    for name in workbook.sheet_names:
        try:
            sheet = workbook.get_sheet_by_name(name)
            rows = _sheet_rows(sheet)
            _spread_merged_cells(rows, sheet.merged_cell_ranges or ())
        except Exception as error:  # noqa: BLE001 - a damaged part of the archive surfaces here
            raise SheetRefused(Message(
                "{file}: the sheet '{name}' cannot be read (damaged file): {error}",
                file=path.name, name=name, error=error,
            )) from None
        sheets.append(RawSheet(path, rows, sheet_name=name))
    return sheets


def _sheet_rows(sheet) -> list[Row]:  # type: ignore[no-untyped-def]
    """The sheet's rows as text, taken from calamine one row at a time: its own cells (held compactly in Rust)
    never stand beside this copy as a second list of Python objects (a 200,000-row sheet's 0.6 GB)."""
    # calamine's rows begin at the first used column; empty cells in front keep every cell at its own column,
    # where merged ranges and messages place it.
    lead = [""] * (sheet.start[1] if sheet.start else 0)
    # Most cells are text already: testing the class inline is a third of the cost of calling cell_text.
    rows = ([value if value.__class__ is str else cell_text(value) for value in row] for row in sheet.iter_rows())
    return [lead + row for row in rows] if lead else list(rows)


def _spread_merged_cells(rows: list[Row], merged: Iterable[tuple[tuple[int, int], tuple[int, int]]]) -> None:
    """Give the rows of a merged range the text its first cell holds, as a person sees it: an export that
    merges an order's number and order-level cells over the rows of its items names the order on each.

    Only down the range's first column: a title merged across the columns stays one cell, so it never looks
    like a header row of filled cells.
    """
    for (top, left), (bottom, _right) in merged:
        if top >= len(rows) or left >= len(rows[top]):
            continue
        text = rows[top][left]
        for row in rows[top + 1 : bottom + 1]:
            if left < len(row):
                row[left] = text


def cell_text(value: object) -> str:
    """A workbook cell as the text a person sees in it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < EXACT_FLOAT_LIMIT:
            return str(int(value))
        return repr(value) if abs(value) < EXACT_FLOAT_LIMIT else f"{value:.6G}"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """The file's text and the encoding it was in.

    UTF-16 when it starts with its BOM; UTF-8 when the file decodes strictly as UTF-8 (BOM or not);
    otherwise GB18030 (GBK's superset, what Chinese platforms export) unless a detector finds Big5 clearly
    more plausible: every Big5 byte pair is also valid GB18030, so strict decoding alone cannot tell them
    apart. A file that decodes as GB18030 is never refused for its encoding, whatever a detector says
    (charset-normalizer finds no match at all on a large sample of some ordinary GBK files).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decoded(path, data, "utf-16")
    if b"\x00" in data[:4096]:
        raise SheetRefused(Message(
            "{file} is a binary file, not a sheet Laoke can read.",
            file=path.name,
        ))
    first_bad = _first_non_utf8(data[:ENCODING_SAMPLE])
    if first_bad is None:
        try:
            return data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError as error:
            first_bad = error.start
    # Detect from where the non-UTF-8 text starts: a long ASCII head would tell a detector nothing.
    sample = _whole_characters(data[first_bad : first_bad + ENCODING_SAMPLE])
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return _decoded(path, data, _guess_encoding(path, sample))
    if _clearly_big5(sample):
        try:
            return data.decode("big5"), "big5"
        except UnicodeDecodeError:
            pass
    return text, "gb18030"


def _decoded(path: Path, data: bytes, encoding: str) -> tuple[str, str]:
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        raise SheetRefused(Message(
            "{file} is not text in a known encoding; is it really a sheet?",
            file=path.name,
        )) from None


def _first_non_utf8(sample: bytes) -> int | None:
    """Where the sample stops being UTF-8 (None when it all is): a GBK file is found out at once."""
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        return None if error.start >= len(sample) - 3 else error.start  # a character cut by the sample's end
    return None


def _whole_characters(sample: bytes) -> bytes:
    """The sample without a double-byte character its end cut in two (a cut character decides nothing)."""
    for cut in range(4):
        end = len(sample) - cut
        try:
            sample[:end].decode("gb18030")
        except UnicodeDecodeError:
            continue
        return sample[:end]
    return sample


def _clearly_big5(sample: bytes) -> bool:
    """Whether the detector ranks Big5 first with no GB encoding about as plausible."""
    matches = from_bytes(sample)
    best = matches.best()
    if best is None or best.encoding not in BIG5_ENCODINGS:
        return False
    return not any(match.encoding in GB_ENCODINGS and match.chaos <= best.chaos + GB_CHAOS_MARGIN
                   for match in matches)


def _guess_encoding(path: Path, sample: bytes) -> str:
    """charset-normalizer's guess for a file that is neither UTF-8 nor GB18030."""
    best = from_bytes(sample).best()
    if best is None:
        raise SheetRefused(Message(
            "{file} is not text in any encoding Laoke knows; is it really a sheet?",
            file=path.name,
        ))
    return best.encoding


def csv_rows(data: bytes, codec: str, file_name: str = "") -> list[Row]:
    """The rows of a CSV file's bytes in this codec, decoded as they are read; a field beyond MAX_CSV_FIELD or a
    quote never closed is refused, naming its row."""
    delimiter = detect_delimiter(data[:SNIFF_BYTES].decode(codec, "ignore")[:SNIFF_CHARACTERS])
    quotes = 0

    def lines() -> Iterable[str]:
        nonlocal quotes
        for line in io.TextIOWrapper(io.BytesIO(data), encoding=codec, newline=""):
            quotes += line.count('"')
            yield line

    reader = csv.reader(lines(), delimiter=delimiter)
    limit = csv.field_size_limit(MAX_CSV_FIELD)
    rows: list[Row] = []
    row_start = last_start = 1
    try:
        for row in reader:
            rows.append(row)
            row_start, last_start = reader.line_num + 1, row_start
    except csv.Error as error:
        raise _unreadable_csv(file_name, row_start, str(error)) from None
    finally:
        csv.field_size_limit(limit)
    # Without strict parsing an unclosed quote swallows the rest of the file into the last row's cell.
    if rows and quotes % 2 and any("\n" in cell for cell in rows[-1]):
        raise _unreadable_csv(file_name, last_start, "a quoted field runs to the end of the file")
    return rows


def _unreadable_csv(file_name: str, row: int, details: str) -> SheetRefused:
    return SheetRefused(Message(
        "{file}, row {row}: a cell is longer than {limit:,} characters, or a quote (\") opened there is never "
        "closed. Check the row in Excel or a text editor; nothing was imported.",
        file=file_name, row=row, limit=MAX_CSV_FIELD,
    ), details=details)


def detect_delimiter(sample: str) -> str:
    """The delimiter that splits the sample's lines most consistently (the csv Sniffer, then a count)."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        lines = [line for line in sample.splitlines()[:30] if line.strip()]
        counts = {delimiter: sum(line.count(delimiter) for line in lines) for delimiter in DELIMITERS}
        return max(counts, key=lambda delimiter: counts[delimiter]) if any(counts.values()) else ","


class _TableParser(HTMLParser):
    """Collects the text of every <td>/<th> per <tr>: what Excel shows of an HTML ".xls"."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[Row] = []
        self._row: Row | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._close_row()
            self._row = []
        elif tag in ("td", "th"):
            self._close_cell()
            if self._row is None:
                self._row = []
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._close_cell()
        elif tag in ("tr", "table"):
            self._close_row()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def _close_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
        self._cell = None

    def _close_row(self) -> None:
        self._close_cell()
        if self._row is not None:
            self.rows.append(self._row)
        self._row = None


def _html_rows(text: str) -> list[Row]:
    parser = _TableParser()
    parser.feed(text)
    parser.close()
    parser._close_row()
    return parser.rows
