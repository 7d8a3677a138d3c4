"""Property tests: mutated workbooks get a clean verdict or a clear refusal; exports round-trip exactly."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from core.errors import LaokeError
from core.safety.files import ensure_safe_workbook
from core.safety.spreadsheet import FORMULA_TRIGGERS, Sheet, write_csv, write_xlsx

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _seed_workbook() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = write_xlsx(Path(folder) / "seed.xlsx",
                          [Sheet("订单", ["订单号", "买家", "金额"], [[f"T{n}", "王芳", n] for n in range(30)])])
        return path.read_bytes()


SEED = _seed_workbook()

mutations = st.lists(st.tuples(st.integers(0, len(SEED) - 1), st.integers(0, 255)), max_size=40)


@FUZZ
@given(mutations=mutations, cut=st.integers(0, len(SEED)), suffix=st.sampled_from([".xlsx", ".zip", ".csv"]))
def test_a_mutated_workbook_is_accepted_or_refused_clearly(mutations, cut, suffix) -> None:
    data = bytearray(SEED)
    for offset, value in mutations:
        data[offset] = value
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"orders{suffix}"
        path.write_bytes(bytes(data[:cut]) if cut < len(SEED) // 2 else bytes(data))
        try:
            ensure_safe_workbook(path)
        except LaokeError as error:
            assert str(error) and "Traceback" not in str(error)


# Text a shop's export may hold: Chinese, formula triggers, quotes, separators, line breaks, control characters.
cell_text = st.text(
    alphabet=st.one_of(st.sampled_from(list("王芳老客=+-@\t\r\n\",;'　 0123456789")), st.characters(codec="utf-8")),
    max_size=30,
)
cells = st.one_of(cell_text, st.integers(-10**9, 10**9), st.none())
tables = st.lists(st.lists(cells, min_size=3, max_size=3), min_size=1, max_size=8)


def _xml_clean(text: str) -> str:
    """What an xlsx keeps of `text`: XML 1.0 has no control characters but tab and line ends, and reads
    every line end (CR LF, CR) back as LF."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(character for character in text
                   if character in "\t\n\r" or not (ord(character) < 32 or 0xD800 <= ord(character) <= 0xDFFF
                                                     or ord(character) in (0xFFFE, 0xFFFF)))


@FUZZ
@given(rows=tables)
def test_xlsx_export_round_trips_and_passes_the_guard(rows) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_xlsx(Path(folder) / "out.xlsx", [Sheet("客户", ["a", "b", "c"], rows)])
        ensure_safe_workbook(path)
        sheet = load_workbook(path)["客户"]
        read = [list(row) for row in sheet.iter_rows(min_row=2, max_col=3, values_only=True)]
        for cell in sheet.iter_rows(min_row=2, max_col=3):
            for value in cell:
                if isinstance(value.value, str) and value.value.startswith(FORMULA_TRIGGERS):
                    assert value.data_type == "s" and value.quotePrefix
    expected = [[_xml_clean(value) or None if isinstance(value, str) else value for value in row] for row in rows]
    while expected and all(value is None for value in expected[-1]):
        expected.pop()  # a trailing empty row is not kept by Excel files
    assert read[: len(expected)] == expected


@FUZZ
@given(rows=tables)
def test_csv_export_round_trips_with_formulas_neutralised(rows) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_csv(Path(folder) / "out.csv", ["a", "b", "c"], rows)
        raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    read = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert read[0] == ["a", "b", "c"]
    for written, got in zip(rows, read[1:], strict=True):
        for value, text in zip(written, got, strict=True):
            # NULs are dropped: a leading one hid a formula from the check, and spreadsheets skip them anyway.
            original = "" if value is None else str(value).replace("\x00", "")
            if original.startswith(FORMULA_TRIGGERS):
                assert text == "'" + original
            else:
                assert text == original


def test_a_control_character_cannot_smuggle_a_formula_into_xlsx(tmp_path: Path) -> None:
    """Found by the round trip above: cleaning '\\x01=…' left '=…', which openpyxl would store as a formula."""
    path = write_xlsx(tmp_path / "out.xlsx", [Sheet("客户", ["备注"], [["\x01=HYPERLINK(\"http://x\",\"点我\")"]])])
    cell = load_workbook(path)["客户"]["A2"]
    assert cell.value == "=HYPERLINK(\"http://x\",\"点我\")"
    assert cell.data_type == "s" and cell.quotePrefix


def _rezip_with(part: str, data: bytes, folder: Path) -> Path:
    """The seed workbook with one part replaced, zipped properly (CRC and sizes right): the XML is what is hostile."""
    import zipfile

    source, target = folder / "seed.xlsx", folder / "mutated.xlsx"
    source.write_bytes(SEED)
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            copy.writestr(item.filename, data if item.filename == part else original.read(item))
    return target


XML_PIECES = st.sampled_from([b"<!DOCTYPE x [<!ENTITY a 'b'>]>", b"<!ENTITY a SYSTEM 'file:///etc/passwd'>", b"&a;",
                             b"<?xml version='1.0' encoding='bogus'?>", b"\x00", b"\xff\xfe", b"<", b"]]>",
                             b"<!-- -->", b"<?pi x?>", b"\xe4\xb8\xad"])


@FUZZ
@given(part=st.sampled_from(["xl/worksheets/sheet1.xml", "xl/workbook.xml", "[Content_Types].xml"]),
       position=st.floats(0, 1), pieces=st.lists(st.one_of(XML_PIECES, st.binary(max_size=8)), min_size=1, max_size=4))
def test_hostile_xml_inside_a_sound_zip_is_accepted_or_refused_clearly(part, position, pieces) -> None:
    import zipfile

    original = zipfile.ZipFile(io.BytesIO(SEED)).read(part)
    cut = int(len(original) * position)
    with tempfile.TemporaryDirectory() as folder:
        path = _rezip_with(part, original[:cut] + b"".join(pieces) + original[cut:], Path(folder))
        try:
            ensure_safe_workbook(path)
        except LaokeError as error:
            assert part in str(error)
