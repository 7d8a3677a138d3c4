"""Render the Insights page on the demo shop, in English and Chinese: the window as a user opens it, and the
whole scrolling column of table and charts at once.

    python -m tools.insights_screenshots   # docs/screenshots/insights_*, insights_charts_*
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from core.store.db import Database
from tools.screenshots import OUT, render_demo_shop, settle


def render(app: QApplication, database: Database, language: str) -> None:
    from gui.context import AppContext
    from gui.main_window import MainWindow

    window = MainWindow(AppContext(database))
    window.resize(1280, 800)
    window.show()
    page = window.show_page("insights")
    while page.insights is None:  # the figures are built in a worker
        settle(app)
    settle(app)
    window.grab().save(str(OUT / f"insights_{language}.png"))
    page.content_layout.parentWidget().grab().save(str(OUT / f"insights_charts_{language}.png"))
    window.close()


if __name__ == "__main__":
    render_demo_shop(render)
