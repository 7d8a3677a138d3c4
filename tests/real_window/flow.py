"""The main flow in a real X window (Xvfb, the xcb platform), a screenshot of each step.

    xvfb-run -a -s "-screen 0 1280x800x24" python -m tests.real_window.flow OUT_FOLDER [en|zh_CN]

Start on the demo shop, import a sheet by dropping it on the window, find the new buyer in the chat lookup
and tag them, mark a care task done, open Insights. Each step is checked; the screen is saved after it as
OUT_FOLDER/NN_step_<language>.png. Exits 1 at the first step that does not happen.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

STEP_TIMEOUT_S = 60


def main(argv: list[str]) -> int:
    out = Path(argv[0]).resolve()
    language = argv[1] if len(argv) > 1 else "zh_CN"
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="laoke-real-window-"))
    os.environ.update(XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"))
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

    from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
    from PySide6.QtWidgets import QApplication, QInputDialog

    from core.demo import ensure_demo_database
    from core.importing import PRESETS
    from core.store.opening import open_database
    from gui.app import create_application
    from gui.context import AppContext
    from gui.i18n import install_translators
    from gui.main_window import MainWindow
    from gui.worker import wait_for_background_tasks
    from tests.importing.sheets import row_for, write_sheet

    app = create_application()
    install_translators(app, language)
    print(f"platform: {QGuiApplication.platformName()}; screenshots: {out}", flush=True)

    def wait_for(what: str, condition: Callable[[], bool]) -> None:
        deadline = time.monotonic() + STEP_TIMEOUT_S
        while not condition():
            if time.monotonic() > deadline:
                raise SystemExit(f"real window: {what} did not happen within {STEP_TIMEOUT_S} s")
            app.processEvents()
            time.sleep(0.02)
        for _ in range(20):  # let the paint that follows land before the screenshot
            app.processEvents()
            time.sleep(0.01)

    def shot(number: int, step: str) -> None:
        wait_background()
        path = out / f"{number:02d}_{step}_{language}.png"
        QGuiApplication.primaryScreen().grabWindow(0).save(str(path))  # the X screen, as a user sees it
        print(f"  {path.name}", flush=True)

    def wait_background() -> None:
        for _ in range(5):
            app.processEvents()
            wait_for_background_tasks()

    demo = ensure_demo_database(home / "demo.db")
    window = MainWindow(AppContext(open_database(demo)))
    window.show()
    today = window.pages["today"]
    wait_for("the Today page with its figures", lambda: window.isVisible() and today.desk is not None)
    shot(1, "today")

    jd = PRESETS["jd.order_export_jingmai_2026"]
    headers = list(jd.headers)
    sheet = write_sheet(home / "本周订单.xlsx", [headers, row_for(
        jd, headers, order_id="390000000001", buyer_id="jd_xiaoman", status="已完成", created_at="2026-11-28 10:00:00",
        receiver_name="王小满", phone="13700007777", amount="168.00", address="杭州市 西湖区 文三路 90 号",
        item_title="明前龙井 250g", quantity="1")])
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(sheet))])
    centre = QPointF(window.rect().center())
    enter = QDragEnterEvent(QPoint(int(centre.x()), int(centre.y())), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    QApplication.sendEvent(window, QDropEvent(centre, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                                              Qt.KeyboardModifier.NoModifier))
    importing = window.pages["import"]
    wait_for("the dropped sheet's review", lambda: importing.import_button.isEnabled())
    shot(2, "import_review")
    finished: list[bool] = []
    importing.finished.connect(lambda: finished.append(True))

    def name_the_shop() -> None:
        """A JD export does not say which shop it is: the wizard asks, and the seller types the name."""
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QInputDialog):
            dialog.setTextValue("小满杂货铺")
            dialog.accept()
        elif not finished:
            QTimer.singleShot(100, name_the_shop)

    QTimer.singleShot(100, name_the_shop)
    importing.import_button.click()
    wait_for("the import", lambda: bool(finished))
    shot(3, "import_done")

    window.show_chat_lookup()
    lookup = window.chat_lookup
    lookup.search.setText("7777")  # the phone's tail, as a rep asks in a chat
    wait_for("the buyer in the chat lookup", lambda: "王小满" in lookup.card.text())
    lookup.tag_edit.setText("新品试用")
    lookup.tag_edit.returnPressed.emit()
    wait_for("the tag on the buyer's card", lambda: "新品试用" in lookup.card.text())
    shot(4, "lookup_tagged")
    lookup.close()

    care = window.show_page("care")
    wait_for("today's care agenda", lambda: not care.loading and care.model.rowCount() > 0)
    before = care.model.rowCount()
    care.table.selectRow(0)
    care.panel.done_button.click()
    wait_for("the task marked done", lambda: not care.loading and care.model.rowCount() == before - 1
             and bool(care.selected_tasks()))
    shot(5, "care_done")

    insights = window.show_page("insights")
    wait_for("the Insights charts", lambda: insights.status.text() and insights.status.text() != insights.tr(
        "Computing…"))
    shot(6, "insights")
    window.close()
    wait_background()
    print("real window: every step passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
