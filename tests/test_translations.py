"""Every string the window shows has a Chinese translation, every count its English forms, and the compiled
catalogues are current."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from tools import i18n


def test_every_tr_string_is_translated_to_chinese_and_every_count_has_english_forms(tmp_path: Path) -> None:
    for path in i18n.catalogues().values():
        shutil.copy(path, tmp_path / path.name)
    i18n.update(tmp_path)
    assert i18n.unfinished(tmp_path) == {}, "run: python tools/i18n.py update && python tools/i18n.py todo"


def test_english_counts_have_a_singular_and_a_plural() -> None:
    forms = {message.findtext("source"): [form.text for form in message.iter("numerusform")]
             for message in ElementTree.parse(i18n.ts_path(i18n.PLURALS)).iter("message")}
    assert "%Ln customers" in forms
    lacking = {source: found for source, found in forms.items() if len(found) != 2 or not all(found)}
    assert lacking == {}, "give each English count its two forms: tools/i18n.py fill"


def test_lupdate_sees_every_tr_call() -> None:
    # lupdate reads Python with its own parser and skips, for one, tr() inside an f-string's braces: such a
    # string stays English in the Chinese window although the test above passes.
    catalogued = {(context.findtext("name"), source.text) for path in i18n.I18N.glob("*_zh_CN.ts")
                  for context in ElementTree.parse(path).iter("context") for source in context.iter("source")}
    missed = []
    for path in sorted((i18n.ROOT / "gui").rglob("*.py")):
        module = ast.parse(path.read_text(encoding="utf-8"))
        calls = [(cls.name, node.args[0].value, node.lineno) for cls in ast.walk(module)
                 if isinstance(cls, ast.ClassDef) for node in ast.walk(cls) if _call_of(node, "tr", 1)]
        calls += [(node.args[0].value, node.args[1].value, node.lineno) for node in ast.walk(module)
                  if _call_of(node, "translate", 2)]
        missed += [f"{path.relative_to(i18n.ROOT)}:{line}: {context}: {text}"
                   for context, text, line in calls if (context, text) not in catalogued]
    assert missed == [], "take these tr() calls out of the f-strings (or wherever lupdate misses them)"


def _call_of(node: ast.AST, name: str, literals: int) -> bool:
    """Whether `node` calls a method `name` whose first `literals` arguments are string literals."""
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == name
            and len(node.args) >= literals and all(isinstance(arg, ast.Constant) for arg in node.args[:literals]))


def test_compiled_catalogues_match_the_sources(tmp_path: Path) -> None:
    chinese = [str(path) for area, path in i18n.catalogues().items() if area != i18n.PLURALS]
    for sources, compiled in ((chinese, i18n.QM), ([str(i18n.ts_path(i18n.PLURALS))], i18n.PLURALS_QM)):
        fresh = tmp_path / compiled.name
        subprocess.run([i18n.qt_tool("lrelease"), *sources, "-qm", str(fresh), "-silent"], check=True)
        assert fresh.read_bytes() == compiled.read_bytes(), "run: python tools/i18n.py update"


def test_qt_tools_are_beside_this_python() -> None:
    assert Path(i18n.qt_tool("lupdate")).exists(), sys.executable


def test_an_objects_tr_outside_its_class_is_filed_under_the_class() -> None:
    source = 'def f(window):\n    actions = BackupActions(window)\n    return actions.tr("&Back up…"), self.tr("x")\n'
    assert i18n.explicit_contexts(source) == (
        'def f(window):\n    actions = BackupActions(window)\n'
        '    return QCoreApplication.translate("BackupActions", "&Back up…"), self.tr("x")\n')
