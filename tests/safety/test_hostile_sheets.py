"""Hostile and absurd sheets are refused with a message naming the file, never by a dead process or full memory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from core.importing.readers import SheetRefused, read_sheets

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
