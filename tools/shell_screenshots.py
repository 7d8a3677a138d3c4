"""Render the main window on the demo shop, in English and Chinese, for the top of the README.

    QT_QPA_PLATFORM=offscreen python tools/shell_screenshots.py   # writes docs/screenshots/shell_*.png
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QLocale  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core.db import open_database  # noqa: E402
from core.demo import create_demo_shop  # noqa: E402
from gui.context import AppContext  # noqa: E402
from gui.i18n import install_translators  # noqa: E402
from gui.worker import wait_for_background_tasks  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def settle(app: QApplication) -> None:
    for _ in range(40):
        app.processEvents()
        wait_for_background_tasks()


def render(app: QApplication, database_path: Path, language: str) -> None:
    translators = install_translators(app, language)
    QLocale.setDefault(QLocale("zh_CN" if language == "zh_CN" else "en_US"))
    from gui.main_window import MainWindow

    database = open_database(database_path)
    window = MainWindow(AppContext(database))
    window.resize(1440, 860)
    window.show()
    settle(app)
    customers = window.show_page("customers")
    settle(app)
    customers.table.selectRow(2)  # a buyer with a few orders, shown in the detail beside the list
    settle(app)
    window.grab().save(str(OUT / f"shell_{language}.png"))
    window.close()
    database.dispose()
    for translator in translators:
        app.removeTranslator(translator)


def main() -> None:
    app = QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.db"
        database = open_database(path)
        with database.transaction() as session:
            create_demo_shop(session)
        database.dispose()
        for language in ("en", "zh_CN"):
            render(app, path, language)


if __name__ == "__main__":
    main()
