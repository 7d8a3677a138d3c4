"""Refuse hostile workbooks before a reader opens them: zip bombs and XML entity bombs.

An xlsx is a zip of XML parts. `ensure_safe_workbook` walks every part once, in bounded chunks:
- declared sizes, the number of parts and the compression ratio must be what a real order sheet has
  (a zip bomb inflates about 1,000 times; real sheets 5–50 times);
- every part inflates to exactly its declared size with a good CRC (so no reader can be fed more than we
  counted);
- the XML parts carry no DTD: with no DTD there are no entity declarations, so no "billion laughs" and no
  external entities. defusedxml's parser reads each part's prolog, up to its first element, and refuses one;
- each worksheet's declared dimension and its real extent (the farthest row and column any cell names) stay
  within MAX_SHEET_CELLS: the reader allocates the whole rectangle from A1, so one cell at XFD1048576 in a 2 KB
  file asked for 549 GB and aborted the process.
Nothing is held in memory beyond one chunk.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path
from xml.etree.ElementTree import ParseError

import numpy as np
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from core.errors import LaokeError
from core.messages import Message

MAX_PARTS = 10_000
MAX_PART_BYTES = 1 << 30  # one sheet of 1 GiB of XML is ~1.5 million rows of 20 columns
MAX_TOTAL_BYTES = 2 << 30
MAX_RATIO = 250  # inflated size over compressed size, for parts large enough to matter
RATIO_FLOOR_BYTES = 1 << 20  # a small part may compress as well as it likes
# Rows × columns from A1 the reader may allocate (~30 bytes a cell): a 200,000-row export of 60 columns is 12 M.
MAX_SHEET_CELLS = 30_000_000
_WORKSHEET = re.compile(r"^xl/worksheets/[^/]+\.xml$", re.IGNORECASE)
_DIMENSION = re.compile(rb'<dimension\b[^>]*?\bref="(?:[A-Z]+\d+:)?([A-Z]{1,3})(\d+)"')
# A cell's reference (r="B12"), and a row's (r="12"): the reader places cells by them.
_REFERENCE = b' r="'
_MAX_LETTERS = 3  # XFD
_MAX_DIGITS = 12  # a longer row number counts as endless
_ENDLESS = 1 << 62
_CHUNK_OVERLAP = 256  # a tag cut by a chunk's end is read whole with the next chunk
CHUNK_BYTES = 1 << 20
ZIP_WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
_XML_STARTS = (b"<", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


class UnsafeWorkbook(LaokeError):
    """The workbook is refused: it is damaged, or built to exhaust memory or reach outside the file."""


class _RootReached(Exception):
    """The prolog is over: any DTD would have come before the first element."""


class _StopAtRoot:
    def start(self, tag: str, attributes: dict[str, str]) -> None:
        raise _RootReached

    def close(self) -> None:
        return None


def ensure_safe_workbook(path: str | Path) -> None:
    """Raise UnsafeWorkbook (a LaokeError) if the xlsx at `path` is a bomb or damaged; do nothing otherwise.

    Files that are not zips (CSV, old .xls) pass, unless their name says xlsx: an xlsx that is no zip is
    usually a password-protected workbook.
    """
    path = Path(path)
    if not zipfile.is_zipfile(path):
        if path.suffix.lower() in ZIP_WORKBOOK_SUFFIXES:
            raise UnsafeWorkbook(
                Message(
                    "{file} is not a readable xlsx workbook: it is incomplete or damaged, or "
                    "protected with a password. Open it in Excel or WPS and save it again "
                    "without a password.",
                    file=path.name,
                )
            )
        return
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            _check_declared_sizes(path, parts)
            for part in parts:
                _check_part(path, archive, part)
    except UnsafeWorkbook:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError) as error:
        raise UnsafeWorkbook(Message(
            "{file} is damaged and cannot be read ({error}).",
            file=path.name, error=error,
        )) from error
    except OSError as error:
        raise UnsafeWorkbook(Message(
            "Cannot read {file}: {reason}.",
            file=path.name, reason=error.strerror or error,
        )) from error


def _check_declared_sizes(path: Path, parts: list[zipfile.ZipInfo]) -> None:
    if len(parts) > MAX_PARTS:
        raise UnsafeWorkbook(Message(
            "{file} holds {count:,} parts; a workbook has far fewer. It was not read.",
            file=path.name, count=len(parts),
        ))
    names = [part.filename for part in parts]
    if len(set(names)) != len(names):
        raise UnsafeWorkbook(Message(
            "{file} holds two parts with the same name; it was not read.",
            file=path.name,
        ))
    total = sum(part.file_size for part in parts)
    if total > MAX_TOTAL_BYTES:
        raise UnsafeWorkbook(
            Message(
                "{file} would unpack to {size:.1f} GiB; Laoke reads workbooks up to "
                "{limit:.0f} GiB. Split the export into smaller files.",
                file=path.name, size=total / 2**30, limit=MAX_TOTAL_BYTES / 2**30,
            )
        )
    for part in parts:
        _check_size(path, part.filename, part.file_size, part.compress_size)


def _check_size(path: Path, name: str, size: int, compressed: int) -> None:
    if size > MAX_PART_BYTES:
        raise UnsafeWorkbook(
            Message(
                "{file}: the part {name} would unpack to {size:.1f} GiB; it was not read. Split "
                "the export into smaller files.",
                file=path.name, name=name, size=size / 2**30,
            )
        )
    if size > RATIO_FLOOR_BYTES and size > MAX_RATIO * max(compressed, 1):
        raise UnsafeWorkbook(
            Message(
                "{file}: the part {name} inflates {ratio:,} times, as a zip bomb does; it was "
                "not read.",
                file=path.name, name=name, ratio=size // max(compressed, 1),
            )
        )


def _check_part(path: Path, archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> None:
    """Inflate one part in chunks (zipfile stops at the declared size and checks the CRC at the end)."""
    parser: DefusedXMLParser | None = None
    prolog_done = False
    inflated = 0
    extent = _SheetExtent(path, part.filename) if _WORKSHEET.match(part.filename) else None
    with archive.open(part) as stream:
        while chunk := stream.read(CHUNK_BYTES):
            inflated += len(chunk)
            if extent is not None:
                extent.scan(chunk)
            if inflated > part.file_size:
                raise UnsafeWorkbook(Message(
                    "{file}: the part {filename} is larger than it says; it was not read.",
                    file=path.name, filename=part.filename,
                ))
            if not prolog_done:
                if parser is None:
                    if not chunk.lstrip().startswith(_XML_STARTS):
                        prolog_done = True  # a picture or another binary part
                        continue
                    parser = DefusedXMLParser(
                        target=_StopAtRoot(), forbid_dtd=True, forbid_entities=True, forbid_external=True
                    )
                prolog_done = _feed_prolog(path, part.filename, parser, chunk)
    if inflated != part.file_size:
        raise UnsafeWorkbook(Message(
            "{file}: the part {filename} is shorter than it says; it is damaged.",
            file=path.name, filename=part.filename,
        ))
    if extent is not None:
        extent.check()


def farthest_reference(text: bytes) -> tuple[int, int]:
    """The highest row number and column number that the references in this XML name: a row's ` r="12"`, a
    cell's ` r="B12"` (its row counts when the reference closes with its quote, its column when a digit follows
    the letters); (0, 0) when there are none.

    Read with numpy, a whole chunk at a time: a 200,000-row sheet holds five million references, and matching
    them one by one with a regular expression took longer than inflating the sheet.
    """
    data = np.frombuffer(text + bytes(_MAX_LETTERS + _MAX_DIGITS + 2), np.uint8)  # zeros end a cut reference
    # Where a reference's quote opens, found from the quotes (one pass over the text), then checked backwards.
    at = np.flatnonzero(data[len(_REFERENCE) - 1:len(text)] == _REFERENCE[-1])
    for offset, byte in enumerate(_REFERENCE[:-1]):
        at = at[data[at + offset] == byte]
    at += len(_REFERENCE)
    column, at = _read_number(data, at, b"A", b"Z", 26, _MAX_LETTERS)
    row, end = _read_number(data, at, b"0", b"9", 10, _MAX_DIGITS)
    after = data[end]
    endless = (end - at == _MAX_DIGITS) & (after >= ord("0")) & (after <= ord("9"))
    row[endless] = _ENDLESS
    rows = row[(end > at) & ((after == ord('"')) | endless)]
    columns = column[(end > at) & (column > 0)]
    return int(rows.max(initial=0)), int(columns.max(initial=0))


def _read_number(data: np.ndarray, at: np.ndarray, first: bytes, last: bytes, base: int,
                 longest: int) -> tuple[np.ndarray, np.ndarray]:
    """The number written from each position on in the symbols `first`..`last` (A1's letters count from 1,
    digits from 0), at most `longest` of them, and where each one ends."""
    number = np.zeros(len(at), np.int64)
    end = at.copy()
    going = np.ones(len(at), bool)
    zero = ord(first) - (1 if base == 26 else 0)
    for _ in range(longest):
        symbol = data[end]
        going &= (symbol >= ord(first)) & (symbol <= ord(last))
        if not going.any():
            break
        number[going] = number[going] * base + symbol[going] - zero
        end += going
    return number, end


def column_number(letters: bytes) -> int:
    """A1's "A" is 1, "XFD" 16,384."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


class _SheetExtent:
    """The farthest row and column a worksheet's XML declares and names, read chunk by chunk."""

    def __init__(self, path: Path, name: str) -> None:
        self.path, self.name = path, name
        self.declared = (0, 0)
        self.rows = 0
        self.columns = 0
        self.tail = b""

    def scan(self, chunk: bytes) -> None:
        text = self.tail + chunk
        self.tail = text[-_CHUNK_OVERLAP:]
        if not self.declared[0] and (found := _DIMENSION.search(text)):
            self.declared = (int(found[2]), column_number(found[1]))
        rows, columns = farthest_reference(text)
        self.rows, self.columns = max(self.rows, rows), max(self.columns, columns)
        self.check()  # as soon as it is out of bounds: a hostile sheet is not read to its end

    def check(self) -> None:
        for rows, columns in (self.declared, (self.rows, self.columns)):
            if rows * columns > MAX_SHEET_CELLS:
                raise UnsafeWorkbook(Message(
                    "{file}: the sheet {name} reaches row {rows:,} and column {columns:,} ({cells:,} cells from "
                    "A1); Laoke reads sheets of up to {limit:,} cells. Delete what lies beyond the orders, or "
                    "split the export.",
                    file=self.path.name, name=self.name, rows=rows, columns=columns, cells=rows * columns,
                    limit=MAX_SHEET_CELLS,
                ))


def _feed_prolog(path: Path, name: str, parser: DefusedXMLParser, chunk: bytes) -> bool:
    """Feed XML to the defused parser; True once the first element starts (the prolog had no DTD)."""
    try:
        parser.feed(chunk)
    except _RootReached:
        return True
    except DefusedXmlException as error:
        raise UnsafeWorkbook(
            Message(
                "{file}: the part {name} declares a DTD or entities ({kind}), which order "
                "sheets never do; it was not read.",
                file=path.name, name=name, kind=type(error).__name__,
            )
        ) from error
    except (ParseError, LookupError) as error:
        raise UnsafeWorkbook(Message(
            "{file}: the part {name} is not well-formed XML ({error}).",
            file=path.name, name=name, error=error,
        )) from error
    return False
