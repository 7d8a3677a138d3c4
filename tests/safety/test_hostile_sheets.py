"""Hostile and absurd sheets are refused with a message naming the file, never by a dead process or full memory."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from core.importing.readers import SheetRefused, read_sheets
from core.safety.files import CHUNK_BYTES, UnsafeWorkbook, ensure_safe_workbook, farthest_reference

ROOT = Path(__file__).resolve().parents[2]


def far_cell_workbook(path: Path, cell: str) -> Path:
    workbook = Workbook()
    workbook.active["A1"] = "订单编号"
    workbook.active[cell] = "x"
    workbook.save(path)
    return path


@pytest.mark.parametrize("cell", ["XFD1048576", "ALL300000"])
def test_a_tiny_xlsx_with_one_far_cell_is_refused_and_the_process_lives(tmp_path, cell) -> None:
    sheet = far_cell_workbook(tmp_path / "orders.xlsx", cell)
    assert sheet.stat().st_size < 10_000
    # In a process of its own, with 2 GB of address space: before the check the reader aborted (SIGABRT).
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30));"
    code = (f"{limit}from pathlib import Path; from core.importing.readers import read_sheets, SheetRefused\n"
            f"try:\n    read_sheets(Path({str(sheet)!r}))\nexcept SheetRefused as error:\n    print(error)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    assert "orders.xlsx" in done.stdout and "cells" in done.stdout


def with_sheet_xml(path: Path, xml: bytes) -> Path:
    """The workbook at `path` with its sheet's XML replaced (everything else as openpyxl wrote it)."""
    with zipfile.ZipFile(path) as original:
        parts = {name: original.read(name) for name in original.namelist()}
    parts["xl/worksheets/sheet1.xml"] = xml
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as rewritten:
        for name, data in parts.items():
            rewritten.writestr(name, data)
    return path


def sheet_xml(cells: bytes, dimension: bytes = b"A1") -> bytes:
    return (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="'
            + dimension + b'"/><sheetData>' + cells + b"</sheetData></worksheet>")


@pytest.mark.parametrize("far", [b'<row r="1"><c r="XFD1"><v>1</v></c></row><row r="4000"><c r="A4000"/></row>',
                                 b'<row r="1"><c r="A1"/><c r="Z31000000"><v>1</v></c></row>',
                                 b'<row r="1"><c r="B1"/></row><row r="1234567890123456"><c r="B2"/></row>'])
def test_a_far_cell_is_found_when_the_dimension_says_a1(tmp_path, far) -> None:
    sheet = with_sheet_xml(far_cell_workbook(tmp_path / "orders.xlsx", "B2"), sheet_xml(far))
    with pytest.raises(UnsafeWorkbook, match="orders.xlsx: the sheet .* cells from A1"):
        ensure_safe_workbook(sheet)


def test_a_far_cell_cut_by_the_end_of_a_chunk_is_still_found(tmp_path) -> None:
    head = b'<row r="1"><c r="A1" t="inlineStr"><is><t>'
    far = b'</t></is></c><c r="XFD20000"><v>1</v></c></row>'
    # The reference's letters end the first chunk and its digits begin the next.
    before_far = sheet_xml(head).index(b"</sheetData>") + far.index(b"XFD") + len(b"XFD")
    text = os.urandom(CHUNK_BYTES).hex().encode()[:CHUNK_BYTES - before_far]  # compresses as a real sheet does
    xml = sheet_xml(head + text + far)
    assert xml.index(b"XFD") + 3 == CHUNK_BYTES
    sheet = with_sheet_xml(far_cell_workbook(tmp_path / "orders.xlsx", "B2"), xml)
    with pytest.raises(UnsafeWorkbook, match="column 16,384"):
        ensure_safe_workbook(sheet)


@pytest.mark.parametrize(("xml", "farthest"), [
    (b'<row r="12" spans="1:3"><c r="B12" s="1"><v>1</v></c><c r="AC12"/></row>', (12, 29)),
    (b'<c r="ABCD1"/><c r="AB"/>', (0, 0)),  # four letters, or no digit: no reference the reader follows
    (b'<c r="XFD7', (0, 16384)),  # cut before its quote: the column counts, the row waits for the next chunk
    (b'<row r="99999999999999"/>', (1 << 62, 0)),  # a row number past twelve digits counts as endless
    (b"", (0, 0)),
])
def test_the_farthest_reference_of_a_chunk(xml, farthest) -> None:
    assert farthest_reference(xml) == farthest


def test_the_farthest_reference_agrees_with_reading_each_reference_on_its_own() -> None:
    xml = sheet_xml(b"".join(b'<row r="%d"><c r="%s%d" t="s"><v>%d</v></c></row>' % (row, column, row, row)
                             for row, column in ((3, b"C"), (70, b"BA"), (9, b"A"), (41, b"Y"))))
    rows = [int(number) for number in re.findall(rb' r="[A-Z]{0,3}(\d+)"', xml)]
    assert farthest_reference(xml) == (max(rows), 53)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_csv_that_links_to_a_device_is_refused(tmp_path, device) -> None:
    link = tmp_path / "orders.csv"
    os.symlink(device, link)
    with pytest.raises(SheetRefused, match="orders.csv is not a file but a device"):
        read_sheets(link)


def test_a_sheet_over_1_gb_is_refused_before_it_is_read(tmp_path) -> None:
    big = tmp_path / "orders.csv"
    with big.open("wb") as handle:
        handle.truncate((1 << 30) + 1)  # sparse: no disk used
    with pytest.raises(SheetRefused, match="orders.csv is 1,024 MB; Laoke reads sheets of up to 1,024 MB"):
        read_sheets(big)


@pytest.mark.parametrize(("body", "row"), [
    ('订单编号,电话\n1,13800001234\n2,"' + "x" * (50 << 20) + '"\n', 3),
    ('订单编号,电话\n1,13800001234\n2,"未闭合的引号\n' + "3,13800005678\n" * 1000, 3),
])
def test_a_csv_with_a_huge_cell_or_an_unclosed_quote_names_file_and_row(tmp_path, body, row) -> None:
    sheet = tmp_path / "orders.csv"
    sheet.write_text(body, encoding="utf-8")
    with pytest.raises(SheetRefused, match=rf"orders.csv, row {row}: a cell is longer"):
        read_sheets(sheet)
