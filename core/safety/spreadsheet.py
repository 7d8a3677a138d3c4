"""Writing xlsx and CSV exports that are safe to open in Excel, and never half-written.

Cells that start with = + - @ tab or CR would run as formulas (CSV injection). In xlsx they are stored as text
cells with Excel's quote prefix, so the value is kept exactly and shown as typed; in CSV a leading apostrophe
neutralises them (after dropping NULs, which would otherwise hide the trigger). CSVs carry a UTF-8 BOM so Excel shows Chinese. Files are written beside the target and moved
into place at the end, so a failure leaves any earlier file untouched.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from re import Pattern
from typing import Any

from core.errors import LaokeError
from core.messages import Message

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def csv_safe(value: object) -> str:
    """A CSV cell that opens as text: NULs dropped (a leading one hid "=…" from the check, and spreadsheet
    programs skip it), then a quote before anything that would start a formula."""
    if value is None:
        return ""
    text = str(value).replace("\x00", "")
    return "'" + text if looks_like_formula(text) else text


@dataclass
class Sheet:
    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[Any]]
    column_widths: dict[int, int] = field(default_factory=dict)


@contextmanager
def _atomic_target(path: Path):  # type: ignore[no-untyped-def]
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise LaokeError(Message("Cannot write {path}: {reason}.", path=path, reason=error.strerror)) from error
    os.close(handle)
    try:
        yield Path(temporary)
        os.replace(temporary, path)
    except OSError as error:
        raise LaokeError(Message("Cannot write {path}: {reason}.", path=path, reason=error.strerror)) from error
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _xlsx_value(value: Any, illegal_characters: Pattern[str]) -> Any:
    if isinstance(value, str):
        # XML cannot hold control characters; openpyxl would refuse the whole export over one of them.
        return illegal_characters.sub("", value)
    if isinstance(value, Decimal):
        return float(value) if value == value.quantize(Decimal("0.01")) else str(value)
    return value


def write_xlsx(path: Path, sheets: Sequence[Sheet]) -> Path:
    """Write the sheets to an xlsx file; formula-looking text stays text."""
    # Here, not at the top: openpyxl takes ~0.15 s to import and the window's file dialogs import this module.
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=False)
    workbook.remove(workbook.active)
    for sheet in sheets:
        worksheet = workbook.create_sheet(title=sheet.title[:31])
        worksheet.append(list(sheet.headers))
        for cell in worksheet[1]:
            cell.font = Font(bold=True)
        for row_number, row in enumerate(sheet.rows, start=2):
            for column_number, value in enumerate(row, start=1):
                cell = worksheet.cell(row=row_number, column=column_number)
                value = _xlsx_value(value, ILLEGAL_CHARACTERS_RE)
                cell.value = value
                if looks_like_formula(value):
                    cell.data_type = "s"
                    cell.quotePrefix = True
                elif isinstance(value, datetime):
                    cell.number_format = "yyyy-mm-dd hh:mm"
                elif isinstance(value, date):
                    cell.number_format = "yyyy-mm-dd"
        for column_number, header in enumerate(sheet.headers, start=1):
            width = sheet.column_widths.get(column_number, max(10, min(40, len(str(header)) * 2 + 4)))
            worksheet.column_dimensions[get_column_letter(column_number)].width = width
        worksheet.freeze_panes = "A2"
    with _atomic_target(path) as temporary:
        workbook.save(temporary)
    return Path(path)


def write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> Path:
    """Write a CSV Excel opens correctly: UTF-8 with BOM, formula-looking cells neutralised."""
    with _atomic_target(path) as temporary, open(temporary, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([csv_safe(header) for header in headers])
        for row in rows:
            writer.writerow([csv_safe(_csv_value(value)) for value in row])
    return Path(path)


def _csv_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return value
