"""Refuse hostile workbooks before a reader opens them: zip bombs and XML entity bombs.

An xlsx is a zip of XML parts. `ensure_safe_workbook` walks every part once, in bounded chunks:
- declared sizes, the number of parts and the compression ratio must be what a real order sheet has
  (a zip bomb inflates about 1,000 times; real sheets 5–50 times);
- every part inflates to exactly its declared size with a good CRC (so no reader can be fed more than we
  counted);
- the XML parts carry no DTD: with no DTD there are no entity declarations, so no "billion laughs" and no
  external entities. defusedxml's parser reads each part's prolog, up to its first element, and refuses one.
Nothing is held in memory beyond one chunk.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from core.errors import LaokeError
from core.messages import Message

MAX_PARTS = 10_000
MAX_PART_BYTES = 1 << 30  # one sheet of 1 GiB of XML is ~1.5 million rows of 20 columns
MAX_TOTAL_BYTES = 2 << 30
MAX_RATIO = 250  # inflated size over compressed size, for parts large enough to matter
RATIO_FLOOR_BYTES = 1 << 20  # a small part may compress as well as it likes
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
    with archive.open(part) as stream:
        while chunk := stream.read(CHUNK_BYTES):
            inflated += len(chunk)
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
