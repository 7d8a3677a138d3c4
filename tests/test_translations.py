"""Every string the window shows has a Chinese translation, and the compiled catalogue is current."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from tools import i18n


def test_every_tr_string_is_translated_to_chinese(tmp_path: Path) -> None:
    for path in i18n.I18N.glob("*_zh_CN.ts"):
        shutil.copy(path, tmp_path / path.name)
    i18n.update(tmp_path)
    assert i18n.unfinished(tmp_path) == {}, "run: python tools/i18n.py update && python tools/i18n.py todo"


def test_lupdate_sees_every_tr_call() -> None:
    # lupdate reads Python with its own parser and skips, for one, tr() inside an f-string's braces: such a
    # string stays English in the Chinese window although the test above passes.
    catalogued = {(context.findtext("name"), source.text) for path in i18n.I18N.glob("*_zh_CN.ts")
                  for context in ElementTree.parse(path).iter("context") for source in context.iter("source")}
    missed = []
    for path in sorted((i18n.ROOT / "gui").rglob("*.py")):
        for cls in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(cls, ast.ClassDef):
                continue
            for node in ast.walk(cls):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr"
                        and node.args and isinstance(node.args[0], ast.Constant)
                        and (cls.name, node.args[0].value) not in catalogued):
                    missed.append(f"{path.relative_to(i18n.ROOT)}:{node.lineno}: {cls.name}: {node.args[0].value}")
    assert missed == [], "take these tr() calls out of the f-strings (or wherever lupdate misses them)"


def test_compiled_catalogue_matches_the_sources(tmp_path: Path) -> None:
    sources = sorted(str(path) for path in i18n.I18N.glob("*_zh_CN.ts"))
    fresh = tmp_path / "fresh.qm"
    subprocess.run([i18n.qt_tool("lrelease"), *sources, "-qm", str(fresh), "-silent"], check=True)
    assert fresh.read_bytes() == i18n.QM.read_bytes(), "run: python tools/i18n.py update"


def test_qt_tools_are_beside_this_python() -> None:
    assert Path(i18n.qt_tool("lupdate")).exists(), sys.executable
