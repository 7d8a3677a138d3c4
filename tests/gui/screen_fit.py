"""Open the main window on a screen of a given size and report, as JSON, how it fits.

    python -m tests.gui.screen_fit WIDTH HEIGHT LANGUAGE DB [SCREENSHOT_FOLDER]

Run in a process of its own: the offscreen platform takes its screen size from a file named when the
application starts (`QT_QPA_PLATFORM=offscreen:configfile=screen.json`), so one process is one screen. With a
folder, each page is saved there as <page>_<width>x<height>_<language>.png.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str]) -> int:
    width, height, language, db = int(argv[0]), int(argv[1]), argv[2], Path(argv[3])
    shots = Path(argv[4]) if len(argv) > 4 else None
    config = Path(tempfile.mkdtemp()) / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width,
                                               "height": height}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"

    from PySide6.QtWidgets import QApplication

    from core.store.opening import open_database
    from gui.app import create_application
    from gui.context import AppContext
    from gui.i18n import install_translators
    from gui.main_window import PAGES, TITLE_BAR, MainWindow
    from gui.worker import wait_for_background_tasks

    app = create_application()
    install_translators(app, language)

    def settle() -> None:
        for _ in range(30):
            app.processEvents()
            wait_for_background_tasks()

    window = MainWindow(AppContext(open_database(db)))
    window.show()
    settle()
    free = window.screen().availableGeometry()
    report: dict = {"free": [free.width(), free.height()],
                    "window": [window.x(), window.y(), window.width(), window.height() + TITLE_BAR], "pages": {}}
    for key, _module, _cls in PAGES:
        page = window.show_page(key)
        settle()
        hint = window.minimumSizeHint()
        report["pages"][key] = [hint.width(), hint.height()]
        if key == "customers":
            page.table.selectRow(0)  # the detail open beside the list
            settle()
            report["columns_cut"] = columns_cut(page)
        if shots is not None:
            window.grab().save(str(shots / f"{key}_{width}x{height}_{language}.png"))
    window.close()
    window.context.database.dispose()
    QApplication.processEvents()
    print(json.dumps(report))
    return 0


def columns_cut(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The list's shown columns whose right edge lies past the table's visible width."""
    from gui.customers.table_model import COLUMNS

    header = page.table.horizontalHeader()
    visible = page.table.viewport().width()
    return [key for column, key in enumerate(COLUMNS) if not header.isSectionHidden(column)
            and header.sectionViewportPosition(column) + header.sectionSize(column) > visible]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
