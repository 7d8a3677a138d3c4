"""Every string the window shows has a Chinese translation, and the compiled catalogue is current."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tools import i18n


def test_every_tr_string_is_translated_to_chinese(tmp_path: Path) -> None:
    for path in i18n.I18N.glob("*_zh_CN.ts"):
        shutil.copy(path, tmp_path / path.name)
    i18n.update(tmp_path)
    assert i18n.unfinished(tmp_path) == {}, "run: python tools/i18n.py update && python tools/i18n.py todo"


def test_compiled_catalogue_matches_the_sources(tmp_path: Path) -> None:
    sources = sorted(str(path) for path in i18n.I18N.glob("*_zh_CN.ts"))
    fresh = tmp_path / "fresh.qm"
    subprocess.run([i18n.qt_tool("lrelease"), *sources, "-qm", str(fresh), "-silent"], check=True)
    assert fresh.read_bytes() == i18n.QM.read_bytes(), "run: python tools/i18n.py update"


def test_qt_tools_are_beside_this_python() -> None:
    assert Path(i18n.qt_tool("lupdate")).exists(), sys.executable
