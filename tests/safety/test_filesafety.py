"""Hostile workbooks (entity bombs, zip bombs, lying sizes) are refused by ensure_safe_workbook, in bounded memory."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pytest

from core.safety.files import MAX_PART_BYTES, UnsafeWorkbook, ensure_safe_workbook
from core.safety.spreadsheet import Sheet, write_xlsx

ROOT = Path(__file__).resolve().parents[2]
SHEET = "xl/worksheets/sheet1.xml"
BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE worksheet [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">\n' for n in range(1, 10))
    + ']>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>'
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&secret;</t></is></c></row>'
    "</sheetData></worksheet>"
)


def workbook(path: Path) -> Path:
    return write_xlsx(path, [Sheet("订单", ["订单号", "买家", "金额"], [[f"T{n}", "王芳", n] for n in range(50)])])


def replace_part(source: Path, target: Path, name: str, data: bytes) -> Path:
    return stream_part(source, target, name, [data])


def stream_part(source: Path, target: Path, name: str, chunks: Iterable[bytes]) -> Path:
    """A copy of the workbook whose part `name` is written from `chunks`, never whole in memory."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            if item.filename != name:
                copy.writestr(item, original.read(item))
        with copy.open(name, "w", force_zip64=True) as part:
            for chunk in chunks:
                part.write(chunk)
    return target


def patch_declared_size(path: Path, name: str, size: int) -> None:
    """Rewrite the uncompressed size a part declares, in its local header and the central directory."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + name_length] == encoded:
            struct.pack_into("<I", data, central + 24, size)
            local = struct.unpack_from("<I", data, central + 42)[0]
            struct.pack_into("<I", data, local + 22, size)
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


def test_an_ordinary_workbook_and_a_csv_pass(tmp_path: Path) -> None:
    ensure_safe_workbook(workbook(tmp_path / "orders.xlsx"))
    csv_file = tmp_path / "orders.csv"
    csv_file.write_text("订单号,买家\nT1,王芳\n", encoding="utf-8-sig")
    ensure_safe_workbook(csv_file)


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "external-entity"])
def test_entity_declarations_are_refused(tmp_path: Path, xml: str) -> None:
    bomb = replace_part(workbook(tmp_path / "base.xlsx"), tmp_path / "bomb.xlsx", SHEET, xml.encode())
    with pytest.raises(UnsafeWorkbook, match="declares a DTD"):
        ensure_safe_workbook(bomb)


def test_a_dtd_in_utf16_is_refused_too(tmp_path: Path) -> None:
    xml = BILLION_LAUGHS.replace('version="1.0"', 'version="1.0" encoding="UTF-16"').encode("utf-16")
    bomb = replace_part(workbook(tmp_path / "base.xlsx"), tmp_path / "bomb.xlsx", "xl/sharedStrings.xml", xml)
    with pytest.raises(UnsafeWorkbook, match="DTD"):
        ensure_safe_workbook(bomb)


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workbook whose sheet inflates ~1000 times to 200 MB: within the size limit, far past the ratio."""
    folder = tmp_path_factory.mktemp("bomb")
    spaces = [b" " * (1 << 20)] * 200
    return stream_part(workbook(folder / "base.xlsx"), folder / "zip-bomb.xlsx", SHEET,
                       [b"<worksheet>", *spaces, b"</worksheet>"])


def test_a_zip_bomb_is_refused(zip_bomb: Path) -> None:
    with pytest.raises(UnsafeWorkbook, match="zip bomb"):
        ensure_safe_workbook(zip_bomb)


def test_a_part_larger_than_it_declares_is_refused(tmp_path: Path) -> None:
    liar = workbook(tmp_path / "liar.xlsx")
    patch_declared_size(liar, SHEET, 100)
    with pytest.raises(UnsafeWorkbook, match="damaged|larger than it says"):
        ensure_safe_workbook(liar)


def test_a_declared_size_past_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    huge = workbook(tmp_path / "huge.xlsx")
    patch_declared_size(huge, SHEET, MAX_PART_BYTES + 1)
    with pytest.raises(UnsafeWorkbook, match="would unpack to"):
        ensure_safe_workbook(huge)


def test_an_xlsx_that_is_no_zip_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "protected.xlsx"
    fake.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))  # an OLE file: Excel's encrypted xlsx
    with pytest.raises(UnsafeWorkbook, match="password"):
        ensure_safe_workbook(fake)


PEAK_MEMORY = """
import json, sys, time
from core.safety.files import ensure_safe_workbook
from core.errors import LaokeError
started = time.perf_counter()
try:
    ensure_safe_workbook(sys.argv[1])
    outcome = "accepted"
except LaokeError as error:
    outcome = str(error)
# VmHWM is this process image's peak resident memory (ru_maxrss would include the forked parent's).
peak_kib = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(json.dumps({"outcome": outcome, "peak_mib": peak_kib / 1024, "seconds": time.perf_counter() - started}))
"""


def refuse_in_a_fresh_process(path: Path) -> dict:
    result = subprocess.run([sys.executable, "-c", PEAK_MEMORY, str(path)], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, check=True)
    return json.loads(result.stdout)


def test_bombs_are_refused_in_little_memory(tmp_path: Path, zip_bomb: Path) -> None:
    """The zip bomb inflates to 200 MB and the entity bomb to ~3 GB; the guard's process stays under 80 MB."""
    laughs = replace_part(workbook(tmp_path / "base.xlsx"), tmp_path / "laughs.xlsx", SHEET, BILLION_LAUGHS.encode())
    for bomb in (zip_bomb, laughs):
        report = refuse_in_a_fresh_process(bomb)
        assert report["outcome"] != "accepted"
        assert report["peak_mib"] < 80, report


def test_an_honest_large_part_is_read_in_chunks(tmp_path: Path) -> None:
    """A 120 MB part that compresses only ~100 times is accepted, and still in little memory."""
    import random

    rng = random.Random(3)
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{rng.randrange(10**6)}</v></c></row>' for n in range(40000))
    big = stream_part(workbook(tmp_path / "base.xlsx"), tmp_path / "big.xlsx", SHEET,
                      [b'<?xml version="1.0"?><worksheet><sheetData>', *[rows.encode()] * 60,
                       b"</sheetData></worksheet>"])
    report = refuse_in_a_fresh_process(big)
    assert report["outcome"] == "accepted", report
    assert report["peak_mib"] < 80, report
