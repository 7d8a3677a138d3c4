"""What the window tests share: main windows on a fresh database, in a chosen language."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from core.store.opening import open_database
from gui.context import AppContext
from gui.i18n import install_translators
from gui.main_window import MainWindow
from gui.worker import wait_for_background_tasks


@pytest.fixture
def window_factory(qtbot, qsettings_isolated, db_path):  # type: ignore[no-untyped-def]
    translators = []
    windows = []

    def make(language: str = "en") -> MainWindow:
        app = QApplication.instance()
        translators.extend(install_translators(app, language))
        window = MainWindow(AppContext(open_database(db_path)))
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    wait_for_background_tasks()
    for window in windows:
        window.context.database.dispose()
    for translator in translators:
        QApplication.instance().removeTranslator(translator)
