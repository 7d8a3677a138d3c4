"""Conformance: real platform exports, which nobody on this project wrote, import to the expected book.

The exports lie in `../shared/real-exports/` beside the checkout, with `expected.json` counted from the files
alone (see its `_about`). Each entry is imported into a fresh database, file after file, and the book's
orders, customers, paid orders, revenue and item lines are compared exactly; then the last file is imported
again and nothing may change. Without the folder the test skips on a developer's machine and fails in CI.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.figures.stats import shop_stats
from core.importing import commit_imports, prepare_import
from core.store.models import OrderLine
from core.store.opening import open_database

REAL_EXPORTS = Path(__file__).resolve().parents[2].parent / "shared" / "real-exports"
FIGURES = ("orders", "customers", "paid_orders", "revenue", "lines")


def _entries() -> list[tuple[str, dict]]:
    expected = REAL_EXPORTS / "expected.json"
    if not expected.is_file():
        return []
    return [(name, entry) for name, entry in json.loads(expected.read_text("utf-8")).items()
            if not name.startswith("_")]


def _files_of(name: str) -> list[Path]:
    """`a/x.csv + y.csv`: the first file is relative to the folder, the later ones to the first's folder."""
    first, *later = (part.strip() for part in name.split(" + "))
    path = REAL_EXPORTS / first
    return [path, *(path.parent / part for part in later)]


def _book(database) -> dict[str, object]:  # type: ignore[no-untyped-def]
    with database.session() as session:
        stats = shop_stats(session, as_of=date.today())
        lines = session.scalar(select(func.count()).select_from(OrderLine))
    return {"orders": stats["orders"], "customers": stats["customers"], "paid_orders": stats["paid_orders"],
            "revenue": stats["revenue"], "lines": lines}


def _import(database, path: Path):  # type: ignore[no-untyped-def]
    [summary] = commit_imports(database, [prepare_import(path)])
    return summary


def test_the_real_exports_folder_is_there() -> None:
    if not _entries():
        message = f"the real exports are not in {REAL_EXPORTS} (expected.json beside them)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)


@pytest.mark.slow
@pytest.mark.parametrize(("name", "expected"), _entries(), ids=[name for name, _entry in _entries()])
def test_real_export_imports_exactly(name, expected, tmp_path):  # type: ignore[no-untyped-def]
    database = open_database(tmp_path / "book.db")
    try:
        *earlier, last = _files_of(name)
        for path in earlier:
            _import(database, path)
        summary = _import(database, last)
        book = _book(database)
        assert {key: book[key] for key in FIGURES if key in expected} == {
            key: expected[key] for key in FIGURES if key in expected}
        for key, value in expected.get("last_file", {}).items():
            assert getattr(summary, key) == value, key
        again = _import(database, last)
        assert (again.orders_new, again.orders_updated, again.customers_new) == (0, 0, 0)
        assert _book(database) == book
    finally:
        database.dispose()
