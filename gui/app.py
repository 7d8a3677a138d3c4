"""Starting the window: the application object, language, the window's frame, then the database in it.

The frame paints before the book opens: opening it loads SQLAlchemy and the pages' machinery, most of the
start-up, and a window that shows at once is what tells a shop owner Laoke is coming.
"""

from __future__ import annotations

import argparse
import gc
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from core import APP_NAME, __version__
from core.errors import LaokeError
from core.paths import default_db_path, demo_db_path, resource_path
from gui.context import AppContext
from gui.core_text import core_text
from gui.i18n import choose_language, install_translators
from gui.main_window import PAGES, MainWindow
from gui.safety.errors import install_error_reporting
from gui.worker import wait_for_background_tasks


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("resources/icons/laoke.png"))))
    return app


def run_gui(args: argparse.Namespace) -> int:
    app = create_application()
    install_translators(app, choose_language(args.lang))
    install_error_reporting()
    window = MainWindow()
    window.show()
    app.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)  # paint the frame now
    from gui.safety.opening import open_for_window, start_daily_backup

    try:
        if args.demo:
            from core.demo import ensure_demo_database  # the whole book's machinery: only for the demo

            ensure_demo_database(demo_db_path())
    except LaokeError as error:
        QMessageBox.critical(window, APP_NAME, core_text(error))
        return 1
    database = open_for_window(demo_db_path() if args.demo else (args.db or default_db_path()), window)
    if database is None:
        return 1
    start_daily_backup(database)
    window.open_book(AppContext(database))
    freeze_startup_heap()
    if args.smoke:
        QTimer.singleShot(0, lambda: _visit_every_page_and_quit(window))
    else:
        # Here, after the frame: it reads the shop's settings through core, which brings SQLAlchemy.
        from gui.first_run import offer_first_run_on_every_book

        offer_first_run_on_every_book(window.context, window)
    code = app.exec()
    wait_for_background_tasks()  # let a backup or an import that is still running finish its transaction
    window.context.database.close()  # what those tasks wrote goes into the file too
    return code


def freeze_startup_heap() -> None:
    """Leave what start-up built out of every later full garbage collection.

    The modules, Qt wrappers, SQLAlchemy mappers and pypinyin's dictionaries are ~300,000 objects that live as
    long as the window. Each full collection walked them all: 100-190 ms with the GIL held, so the window
    froze that long, a dozen times while the customer list read a million ids (bench/search_bench.py).
    """
    gc.freeze()


def _visit_every_page_and_quit(window: MainWindow) -> None:
    """`--smoke`: build and show every page once, then quit; for CI and the frozen bundle's check."""
    failures = visit_every_page(window)
    if failures:
        print(f"smoke failed: {len(failures)} error(s)", file=sys.stderr)
    else:
        print(f"smoke ok: {len(PAGES)} pages on {window.context.database.label}: {window.windowTitle()}")
    window.close()
    QApplication.exit(1 if failures else 0)


def visit_every_page(window: MainWindow) -> list[BaseException]:
    """Show each page once and return every error raised, even one a slot reports through sys.excepthook.

    The smoke run must end with an exit code: an error dialog would wait for a click that never comes.
    """
    failures: list[BaseException] = []
    report = sys.excepthook

    def record(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        failures.append(error)
        traceback.print_exception(kind, error, trace)
        report(kind, error, trace)

    sys.excepthook = record
    try:
        for key, _module, _cls in PAGES:
            window.show_page(key)
            QApplication.processEvents()
    except Exception as error:  # noqa: BLE001 - a failing page is reported, whatever the error
        record(type(error), error, error.__traceback__)
    finally:
        sys.excepthook = report
    return failures
