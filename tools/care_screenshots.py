"""Render the care calendar and its Rules editor on the demo shop, in English and Chinese, for the README.

    python -m tools.care_screenshots   # writes docs/screenshots/care_*.png
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from core.store.db import Database
from tools.screenshots import OUT, render_demo_shop, settle


def render(app: QApplication, database: Database, language: str) -> None:
    from gui.care.page import CarePage
    from gui.context import AppContext

    page = CarePage(AppContext(database))
    page.resize(1280, 800)
    page.show()
    settle(app)
    # A greeting by SMS shows the counter; on a day without one, the first task.
    greeting = next((row for row in range(page.model.rowCount())
                     if page.model.task(row).channel == "sms" and "快乐" in page.model.task(row).message), 0)
    page.table.selectRow(greeting)
    settle(app)
    page.grab().save(str(OUT / f"care_calendar_{language}.png"))
    page.open_rules()
    settle(app)
    page.rules_dialog.grab().save(str(OUT / f"care_rules_{language}.png"))
    page.rules_dialog.close()
    page.close()


if __name__ == "__main__":
    render_demo_shop(render)
