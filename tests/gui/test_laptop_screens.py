"""The window on the laptops sellers have: 1366×768 and 1280×800, in both languages.

Each screen runs in a process of its own (tests/gui/screen_fit.py): the offscreen platform reads its screen
size when the application starts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.store.models import Customer
from core.store.opening import open_database
from tests.customers.conftest import make_book

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("laptop") / "shop.db"
    database = open_database(path)
    make_book(database)
    with database.transaction() as session:  # a shop's list is longer than the window: it shows a scroll bar
        session.add_all([Customer(name=f"顾客{number}", phone=f"1390000{number:04d}") for number in range(60)])
    database.dispose()
    return path


def fit(width: int, height: int, language: str, db: Path, home: Path) -> dict:
    environment = dict(os.environ, XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
    result = subprocess.run([sys.executable, "-m", "tests.gui.screen_fit", str(width), str(height), language,
                             str(db)], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120,
                            check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1280, 800)])
def test_the_first_window_fits_the_screen_and_every_page_fits_it(book, tmp_path, width, height,
                                                                  language) -> None:  # type: ignore[no-untyped-def]
    report = fit(width, height, language, book, tmp_path)
    free_width, free_height = report["free"]
    x, y, window_width, window_height = report["window"]  # the height with the title bar
    assert x >= 0 and y >= 0 and x + window_width <= free_width and y + window_height <= free_height
    assert window_width >= min(free_width, 1200)  # as large as the screen allows, not a small box
    for key, (page_width, page_height) in report["pages"].items():
        assert page_width <= window_width and page_height <= window_height - 40, key
    # The list's default columns are all in view beside an open customer's detail.
    assert report["columns_cut"] == []
