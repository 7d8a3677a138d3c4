"""Exports are safe in Excel (no formula runs) and are never half-written."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.errors import LaokeError
from core.safety.spreadsheet import Sheet, write_csv, write_xlsx

HOSTILE = ["=HYPERLINK(\"http://x\",\"click\")", "+8613812345678", "-2+3", "@SUM(A1)", "\tcmd"]


def test_xlsx_keeps_formula_looking_text_as_text(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "out.xlsx", [Sheet("客户", ["名字", "备注", "金额", "日期"],
                                                    [[text, "普通", Decimal("12.50"), date(2026, 5, 1)]
                                                     for text in HOSTILE])])
    sheet = load_workbook(path)["客户"]
    values = [row for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert [row[0] for row in values] == HOSTILE
    for row in sheet.iter_rows(min_row=2, max_col=1):
        assert row[0].data_type == "s"
        assert row[0].quotePrefix
    assert values[0][2] == 12.5


def test_csv_has_a_bom_and_neutralises_formulas(tmp_path: Path) -> None:
    hostile = [*HOSTILE, "\rx"]
    path = write_csv(tmp_path / "out.csv", ["名字", "电话"], [[text, "13812345678"] for text in hostile])
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["名字", "电话"]
    assert [row[0] for row in rows[1:]] == ["'" + text for text in hostile]
    assert {row[1] for row in rows[1:]} == {"13812345678"}


def test_a_failed_export_leaves_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("previous export")

    def rows():  # type: ignore[no-untyped-def]
        yield ["ok"]
        raise RuntimeError("disk went away")

    with pytest.raises(RuntimeError):
        write_csv(target, ["a"], rows())
    assert target.read_text() == "previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(LaokeError, match="Cannot write"):
        write_csv(blocker / "sub" / "out.csv", ["a"], [])


def test_a_nul_cannot_smuggle_a_formula_into_csv(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write_csv(tmp_path / "out.csv", ["备注"], [["\x00=HYPERLINK(\"http://x\",\"点我\")"], ["a\x00b"]])
    rows = path.read_text(encoding="utf-8-sig").splitlines()
    assert rows[1] == '"\'=HYPERLINK(""http://x"",""点我"")"' and rows[2] == "ab"
