"""Test sheets built from the real export layouts: any preset's header row, rows placed by field, any format."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from core.importing.headers import normalise_header
from core.importing.presets import PRESETS, Preset


def headers_of(preset: Preset) -> list[str]:
    return list(preset.headers)


def row_for(preset: Preset, headers: Sequence[str], **fields: Any) -> list[str]:
    """A row of the layout with each given field's text in the column(s) the preset reads it from."""
    row = [""] * len(headers)
    positions = {}
    for column, header in enumerate(headers):
        positions.setdefault(normalise_header(header), column)
    for name, value in fields.items():
        columns = preset.fields[name]
        if isinstance(columns, str):
            row[positions[normalise_header(columns)]] = str(value)
        else:  # an address over several columns: the value is a tuple of parts
            for column_name, part in zip(columns, value, strict=True):
                row[positions[normalise_header(column_name)]] = str(part)
    return row


def write_sheet(path: Path, rows: Sequence[Sequence[str]], fmt: str = "xlsx") -> Path:
    """Write rows as xlsx (every cell a text cell), csv (UTF-8 BOM), gbk (GB18030 CSV), tsv or html."""
    if fmt == "xlsx":
        workbook = Workbook()
        sheet = workbook.active
        for row_number, row in enumerate(rows, start=1):
            for column, value in enumerate(row, start=1):
                cell = sheet.cell(row_number, column, value)
                cell.data_type = "s"  # platforms write even ="123" as text, never as a formula
        workbook.save(path)
    elif fmt in ("csv", "gbk", "tsv", "utf8"):
        encoding = {"csv": "utf-8-sig", "utf8": "utf-8", "gbk": "gb18030", "tsv": "utf-8"}[fmt]
        with path.open("w", encoding=encoding, newline="") as handle:
            csv.writer(handle, delimiter="\t" if fmt == "tsv" else ",").writerows(rows)
    elif fmt in ("html", "html_gbk"):
        encoding = "gb18030" if fmt == "html_gbk" else "utf-8"
        cells = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>\n" for row in rows)
        path.write_text(f"<html><head><meta charset='{encoding}'></head><body><table>{cells}</table></body></html>",
                        encoding=encoding)
    else:
        raise ValueError(fmt)
    return path


def preset(key: str) -> Preset:
    return PRESETS[key]
