"""Messages from core/ stay English text for the CLI and carry what the GUI needs to show them translated."""

from __future__ import annotations

import ast
import pickle
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from core.errors import LaokeError
from core.importing.readers import SheetRefused, read_sheets
from core.messages import Message, message_of
from tools import i18n

USER_FACING = {"LaokeError", "DatabaseError", "SheetRefused", "UnsafeWorkbook", "ValueProblem"}
PLACEHOLDER = re.compile(r"(?<!\{)\{([a-z_0-9]+)[^{}]*\}(?!\})")


def test_a_message_is_its_english_text_and_keeps_its_template() -> None:
    text = Message("{file} holds {count:,} parts.", file="订单.xlsx", count=12000)
    assert text == "订单.xlsx holds 12,000 parts." and isinstance(text, str)
    assert (text.template, text.values) == ("{file} holds {count:,} parts.", {"file": "订单.xlsx", "count": 12000})
    copied = pickle.loads(pickle.dumps(LaokeError(text)))
    assert message_of(copied).template == text.template
    assert message_of(ValueError("plain")) == "plain"


def test_a_refused_sheet_carries_its_message(tmp_path: Path) -> None:
    scan = tmp_path / "scan.csv"
    scan.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(SheetRefused) as refused:
        read_sheets(scan)
    assert str(refused.value) == "scan.csv is a PDF document, not a sheet: export the orders as Excel or CSV."
    assert message_of(refused.value).values == {"file": "scan.csv"}


def _raised_texts() -> list[tuple[str, int, ast.expr]]:
    found = []
    for path in sorted((i18n.ROOT / "core").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in USER_FACING
                    and node.args):
                found.append((path.relative_to(i18n.ROOT).as_posix(), node.lineno, node.args[0]))
    return found


def test_every_user_facing_error_in_core_is_raised_with_a_message() -> None:
    plain = [f"{path}:{line}" for path, line, argument in _raised_texts()
             if isinstance(argument, ast.JoinedStr) or (isinstance(argument, ast.Constant) and argument.value)]
    assert plain == [], "wrap the text in core.messages.Message so the Chinese UI can translate it"
    assert len(_raised_texts()) > 80  # the check must see the raises, not pass on nothing


def test_every_core_message_is_extracted_and_its_translation_keeps_the_placeholders() -> None:
    templates = set(i18n.core_templates())
    assert "{file} is empty." in templates and "no order number" in templates
    tree = ElementTree.parse(i18n.ts_path("core"))
    translated = {message.findtext("source"): message.findtext("translation") for message in tree.iter("message")}
    assert templates <= set(translated)
    for source, translation in translated.items():
        assert set(PLACEHOLDER.findall(source or "")) == set(PLACEHOLDER.findall(translation or "")), source
