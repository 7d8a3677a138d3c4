"""The bundle collects `core` and `gui` by package; a folder without __init__.py would be left out of it."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_source_folder_is_a_regular_package() -> None:
    folders = {path.parent for top in ("core", "gui") for path in (ROOT / top).rglob("*.py")}
    scripts = ROOT / "core" / "store" / "migrations" / "versions"  # Alembic reads these as files; they are bundled as data
    missing = sorted(str(folder.relative_to(ROOT)) for folder in folders - {scripts}
                     if not (folder / "__init__.py").exists())
    assert missing == []
