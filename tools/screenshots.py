"""What every screenshot script shares: a demo shop, each language in turn, and waiting for background work.

Run the scripts from the project folder as modules: `python -m tools.shell_screenshots`.

A script passes `render_demo_shop` a function that builds its widgets on the open demo database and saves
them under `OUT`; it is called once per language with that language's translators installed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QLocale  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core.demo import ensure_demo_database  # noqa: E402
from core.store.db import Database
from core.store.opening import open_database
from gui.i18n import install_translators  # noqa: E402
from gui.worker import wait_for_background_tasks  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
LANGUAGES = ("en", "zh_CN")


def settle(app: QApplication) -> None:
    for _ in range(40):
        app.processEvents()
        wait_for_background_tasks()


def render_demo_shop(render: Callable[[QApplication, Database, str], None]) -> None:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = ensure_demo_database(Path(folder) / "demo.db")  # as the app makes it: its care calendar planned
        for language in LANGUAGES:
            translators = install_translators(app, language)
            QLocale.setDefault(QLocale("zh_CN" if language == "zh_CN" else "en_US"))
            shop = path.parent / language / path.name  # each language starts from the same untouched shop
            shop.parent.mkdir()
            shutil.copyfile(path, shop)
            database = open_database(shop)
            render(app, database, language)
            database.dispose()
            for translator in translators:
                app.removeTranslator(translator)
