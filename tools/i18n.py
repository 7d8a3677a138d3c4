"""Keep the Chinese translation complete.

    python tools/i18n.py update          # extract tr() strings into resources/i18n/<area>_zh_CN.ts, build the .qm
    python tools/i18n.py todo            # list strings still untranslated, as JSON {area: {source: ""}}
    python tools/i18n.py fill FILE.json  # write translations from {area: {source: translation}}, then build

Each area of the GUI has its own .ts file, so work on different pages never edits the same file;
all of them are compiled into one resources/i18n/laoke_zh_CN.qm. The messages core/ raises or returns
(`core.messages.Message("…")`, core never imports Qt) go into core_zh_CN.ts under the context "core",
which `gui.core_text` translates with.

The window's own strings are English, so English needs a catalogue only for counts: `tr("%n customers", "", n)`
has the forms "%n customer" and "%n customers". lupdate collects every such string into plurals_en.ts, compiled
into resources/i18n/laoke_en.qm; in FILE.json its forms are a list, ["%n customer", "%n customers"].
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGE = "zh_CN"
QM = I18N / f"laoke_{LANGUAGE}.qm"
PLURALS = "plurals_en"  # the area of the English catalogue: the plural forms of counted strings, nothing else
PLURALS_QM = I18N / "laoke_en.qm"
CORE_CONTEXT = "core"  # gui.core_text translates core's messages in this context
# The first prefix a source path starts with names its area; the rest of gui/ is the shell.
AREA_PREFIXES = (
    ("customers", ("gui/customers/",)),
    ("import", ("gui/importing/",)),
    ("care", ("gui/care/",)),
    ("insights", ("gui/insights/",)),
    ("safety", ("gui/safety/",)),
    ("today", ("gui/today/",)),
)


def qt_tool(name: str) -> str:
    return str(Path(sys.executable).with_name(f"pyside6-{name}"))


def area_of(relative: str) -> str:
    for area, prefixes in AREA_PREFIXES:
        if relative.startswith(prefixes):
            return area
    return "shell"


def sources_by_area() -> dict[str, list[str]]:
    areas: dict[str, list[str]] = {}
    for path in sorted((ROOT / "gui").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        areas.setdefault(area_of(relative), []).append(relative)
    return areas


def ts_path(area: str, folder: Path = I18N) -> Path:
    return folder / (f"{PLURALS}.ts" if area == PLURALS else f"{area}_{LANGUAGE}.ts")


def catalogues(folder: Path = I18N) -> dict[str, Path]:
    """Every .ts file by area: the Chinese ones, then the English plurals."""
    chinese = {path.name.removesuffix(f"_{LANGUAGE}.ts"): path for path in sorted(folder.glob(f"*_{LANGUAGE}.ts"))}
    return {**chinese, PLURALS: ts_path(PLURALS, folder)}


def update(folder: Path = I18N) -> None:
    """Extract every tr() string and core message; existing translations are kept, vanished ones dropped."""
    with tempfile.TemporaryDirectory() as scratch:
        areas = {area: [_as_lupdate_reads(file, Path(scratch)) for file in files]
                 for area, files in sources_by_area().items()}
        for area, files in areas.items():
            _lupdate(files, ts_path(area, folder))
        _lupdate([file for files in areas.values() for file in files], ts_path(PLURALS, folder), "en",
                 "-pluralonly")
    with tempfile.TemporaryDirectory() as scratch:
        # lupdate reads Python but not core's own marker: hand it the templates as QT_TRANSLATE_NOOP calls.
        stub = Path(scratch) / "core_messages.py"
        stub.write_text("".join(f"QT_TRANSLATE_NOOP({json.dumps(CORE_CONTEXT)}, {json.dumps(template)})\n"
                                for template in core_templates()), encoding="utf-8")
        _lupdate([str(stub)], ts_path("core", folder))


def _as_lupdate_reads(relative: str, scratch: Path) -> str:
    """The file to hand lupdate for `relative`: itself, or a copy whose objects' tr() calls name their context."""
    source = (ROOT / relative).read_text(encoding="utf-8")
    explicit = explicit_contexts(source, relative)
    if explicit == source:
        return relative
    copy = scratch / relative
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_text(explicit, encoding="utf-8")
    return str(copy)


def explicit_contexts(source: str, name: str = "<source>") -> str:
    """`source` with every `variable.tr(` written as `QCoreApplication.translate("Class", `.

    At run time `actions.tr("&Back up…")` translates in the context of the object's class (BackupActions);
    lupdate files it under the variable's name ("actions"), so the Chinese window never found the translation.
    The class is read from the assignment `actions = BackupActions(…)` in the same function; a tr() on an
    object whose class cannot be told that way stops the extraction rather than being filed wrongly.
    """
    lines = source.encode("utf-8").splitlines(keepends=True)
    edits: list[tuple[int, int, int, str]] = []  # line, start and end byte, replacement
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        classes = {target.id: node.value.func.id for node in ast.walk(function) if isinstance(node, ast.Assign)
                   and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name)
                   for target in node.targets if isinstance(target, ast.Name)}
        for call in ast.walk(function):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "tr"
                    and isinstance(call.func.value, ast.Name) and call.func.value.id != "self"):
                continue
            variable = call.func.value.id
            if variable not in classes:
                raise SystemExit(f"{name}:{call.lineno}: cannot tell the class of {variable!r} for its tr()")
            edits.append((call.lineno - 1, call.func.col_offset, call.func.end_col_offset + 1,
                          f'QCoreApplication.translate("{classes[variable]}", '))
    for line, start, end, replacement in sorted(set(edits), reverse=True):
        text = lines[line]
        if text[end - 1:end] != b"(":
            raise SystemExit(f"{name}:{line + 1}: write the tr( call on one line")
        lines[line] = text[:start] + replacement.encode("utf-8") + text[end:]
    return b"".join(lines).decode("utf-8")


def _lupdate(files: list[str], ts: Path, language: str = LANGUAGE, *options: str) -> None:
    subprocess.run(
        [qt_tool("lupdate"), *files, "-ts", str(ts), "-no-obsolete", "-locations", "none",
         "-target-language", language, "-silent", *options],
        cwd=ROOT, check=True,
    )


def core_templates() -> list[str]:
    """Every `Message("…")` template in core/, in order of appearance, each once."""
    templates: dict[str, None] = {}
    for path in sorted((ROOT / "core").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Message"
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                templates[node.args[0].value] = None
    return list(templates)


def release() -> None:
    chinese = [str(path) for area, path in catalogues().items() if area != PLURALS]
    for files, qm in ((chinese, QM), ([str(ts_path(PLURALS))], PLURALS_QM)):
        subprocess.run([qt_tool("lrelease"), *files, "-qm", str(qm), "-silent"], cwd=ROOT, check=True)


def unfinished(folder: Path = I18N) -> dict[str, dict[str, str]]:
    todo: dict[str, dict[str, str]] = {}
    for area, path in catalogues(folder).items():
        for message in ElementTree.parse(path).iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("unfinished", "vanished"):
                todo.setdefault(area, {})[message.findtext("source") or ""] = ""
    return todo


def fill(translations: dict[str, dict[str, str | list[str]]]) -> None:
    for area, table in translations.items():
        path = ts_path(area)
        tree = ElementTree.parse(path)
        for message in tree.iter("message"):
            source = message.findtext("source")
            if source not in table or not table[source]:
                continue
            translation = message.find("translation")
            assert translation is not None
            translation.attrib.pop("type", None)
            for child in list(translation):
                translation.remove(child)
            forms = table[source]
            if message.get("numerus") == "yes":
                for form in [forms] if isinstance(forms, str) else forms:  # Chinese has one form, English two
                    ElementTree.SubElement(translation, "numerusform").text = form
                translation.text = None
            else:
                assert isinstance(forms, str), source
                translation.text = forms
        tree.write(path, encoding="utf-8", xml_declaration=True)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "update"
    if command == "update":
        update()
        release()
        missing = unfinished()
        if missing:
            print(f"untranslated strings remain: python tools/i18n.py todo ({sum(map(len, missing.values()))})")
    elif command == "todo":
        print(json.dumps(unfinished(), ensure_ascii=False, indent=2))
    elif command == "fill":
        fill(json.loads(Path(argv[1]).read_text(encoding="utf-8")))
        update()  # back in lupdate's own layout, so the next update rewrites nothing
        release()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
