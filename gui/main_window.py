"""The main window: a side navigation that composes the pages, menus and the status bar.

The window paints its frame before the book opens (`open_book`): this module imports no more than the frame
needs, and the book's machinery (SQLAlchemy, the pages, backups) loads where it is first used.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QStackedWidget,
    QWidget,
)

from core import __version__
from core.paths import demo_db_path, resource_path
from gui.context import AppContext
from gui.file_dialogs import Folder, open_path
from gui.menus import WindowMenus
from gui.safety.errors import show_error
from gui.widgets import add_window_keys
from gui.worker import run_in_background

if TYPE_CHECKING:
    from core.store.db import Database

# key, module, class: pages are built the first time they are shown, so start-up imports little.
PAGES = (
    ("today", "gui.today.page", "TodayPage"),
    ("customers", "gui.customers.page", "CustomersPage"),
    ("import", "gui.importing.page", "ImportPage"),
    ("care", "gui.care.page", "CarePage"),
    ("insights", "gui.insights.page", "InsightsPage"),
    ("settings", "gui.settings.page", "SettingsPage"),
)
GEOMETRY_KEY = "window/geometry"
# What the first window asks for, shrunk to the screen: a 1366×768 or 1280×800 laptop gets a window that fits
# whole, its title bar included (the frame is not known before the window is first shown; 40 px covers the
# usual title bars of Windows, GNOME and KDE).
FIRST_SIZE = QSize(1280, 800)
TITLE_BAR = 40
NOTICE_MS = 6000
log = logging.getLogger("laoke.gui")


def rescore_if_stale(database: Database, *, progress, cancel) -> int:  # type: ignore[no-untyped-def]
    # Imported in the worker: numpy and the figures' machinery are no part of the window's first paint.
    from core.refresh import rescore_database_if_stale

    return rescore_database_if_stale(database, progress, cancel)


def page_row(key: str) -> int:
    return next(row for row, (page_key, _module, _cls) in enumerate(PAGES) if page_key == key)


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext | None = None) -> None:
        """The frame (navigation, menus, status bar); with a context, the book in it at once."""
        super().__init__()
        self.context: AppContext = None  # type: ignore[assignment]  # set by open_book, before any page
        self.pages: dict[str, QWidget] = {}

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(150)
        self.navigation.setStyleSheet("QListWidget#navigation::item { padding: 9px 14px; }")
        titles = self.page_titles()
        for key, _module, _cls in PAGES:
            item = QListWidgetItem(titles[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.navigation.addItem(item)
        self.stack = QStackedWidget()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.database_label = QLabel()
        self.database_label.setObjectName("databaseLabel")
        self.server_status = QLabel()
        self.server_status.setObjectName("serverStatus")
        self.server_status.setStyleSheet("color:#b03a2e;")
        self.server_status.hide()
        self.statusBar().addPermanentWidget(self.server_status)
        self.statusBar().addPermanentWidget(self.database_label)
        self.menus = WindowMenus(self)
        # The names other pages' tests and the rep mode reach the actions by.
        self.file_menu = self.menus.file_menu
        self.find_action, self.lookup_action = self.menus.find_action, self.menus.lookup_action
        self._build_toolbar()
        self.navigation.setCurrentRow(0)  # its page comes with the book
        self._restore_geometry()
        self.setAcceptDrops(True)
        if context is not None:
            self.open_book(context)

    def open_book(self, context: AppContext) -> None:
        """Show this book: its backups in the File menu, the status bar, the side bar's counts, the first page."""
        self.context = context
        self.backup_actions = self.menus.add_book_actions(context)
        self.navigation.currentRowChanged.connect(self._show_row)
        context.database_changed.connect(self._show_database)
        context.show_customers_requested.connect(self._show_customers)
        self._show_database()
        context.database_changed.connect(self._rescore_if_stale)
        self._rescore_if_stale()
        for news in (context.data_changed, context.care_tasks_changed):
            news.connect(self._count_care_tasks)
        self._count_care_tasks()
        self._show_row(self.navigation.currentRow())
        from gui.server_watch import ServerWatch

        self.server_watch = ServerWatch(context, self)
        self.server_watch.changed.connect(self._show_changes_made_elsewhere)
        self.server_watch.reachable.connect(self._show_server_reachable)

    def page_titles(self) -> dict[str, str]:
        return {
            "today": self.tr("Today"),
            "customers": self.tr("Customers"),
            "import": self.tr("Import"),
            "care": self.tr("Care calendar"),
            "insights": self.tr("Insights"),
            "settings": self.tr("Settings"),
        }

    def show_page(self, key: str) -> QWidget:
        self.navigation.setCurrentRow(page_row(key))
        return self.pages[key]

    def page(self, key: str) -> QWidget:
        """The page for `key`, built on first use."""
        if key not in self.pages:
            _key, module_name, class_name = next(entry for entry in PAGES if entry[0] == key)
            page_class = getattr(importlib.import_module(module_name), class_name)
            page = page_class(self.context)
            self.pages[key] = page
            self.stack.addWidget(page)
            self._connect_page(key, page)
        return self.pages[key]

    def _connect_page(self, key: str, page: QWidget) -> None:
        if key == "today":
            page.care_requested.connect(lambda: self.show_page("care").go_to_today())
            page.import_requested.connect(self.import_sheets)
            page.insights_requested.connect(lambda: self.show_page("insights"))
        if key == "import":
            page.finished.connect(self._plan_care_after_import)
            page.finished.connect(self._rescore_if_stale)  # the forecast refit an import leaves for after it
        if key == "customers":
            page.import_requested.connect(self.import_sheets)
            page.demo_requested.connect(self.open_demo_shop)

    def import_sheets(self) -> None:
        """Ctrl+I, the Today page and the empty book: the import page with the file dialog open."""
        page = self.show_page("import")
        if not page.busy():
            page.choose_files()

    def _show_customers(self, customer_ids: list, label: str) -> None:
        page = self.show_page("customers")
        page.show_only(customer_ids, label)

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentWidget(self.page(PAGES[row][0]))

    def _build_toolbar(self) -> None:
        """The chat lookup a click away: reps open it mid-chat, over the shop's chat window."""
        self.chat_lookup = None
        toolbar = self.addToolBar(self.tr("Customers"))
        toolbar.setObjectName("customersToolbar")
        toolbar.addAction(self.lookup_action)

    def export_customers(self) -> None:
        self.show_page("customers").export()

    def save_customer(self) -> None:
        """Ctrl+S: the detail's typed changes (profile and tags), where the customer list is open; else the
        status bar says why nothing was saved (what there is to save changes with every keystroke)."""
        page = self.pages.get("customers")
        if page is not None and self.stack.currentWidget() is page and page.detail.edited:
            page.detail.save_edits()
        else:
            self.say(self.tr("Nothing to save: change a customer's profile or tags in the customer list first."))

    def delete_customers(self) -> None:
        """Delete: the customers chosen in the list, after the confirmation (only where the list is open)."""
        page = self.pages.get("customers")
        if page is not None and self.stack.currentWidget() is page and page.delete_button.isEnabled():
            page.deleter.ask_and_delete(page.selected_ids())
        elif page is not None and page.rep_mode_watch.rep_mode:
            self.say(self.tr("Switched off in rep mode. Ask the shop owner."))
        else:
            self.say(self.tr("Nothing to delete: choose the customers in the customer list first."))

    def say(self, text: str) -> None:
        """A short notice in the status bar, for a key or menu item that had nothing to act on."""
        self.statusBar().showMessage(text, NOTICE_MS)

    def refresh(self) -> None:
        """F5: the page in view reads the book again."""
        reload = getattr(self.stack.currentWidget(), "reload", None)
        if reload is not None:
            reload()

    def _show_changes_made_elsewhere(self) -> None:
        """Another rep changed the book: the page in view reads it again, keeping what is being typed (the
        customer list keeps its rows and selection; the detail keeps an unsaved profile or tags)."""
        page = self.stack.currentWidget()
        if page is self.pages.get("customers"):
            page.refresh_shown()
        elif page is self.pages.get("today") or page is self.pages.get("care"):
            page.reload()
        self._count_care_tasks()

    def _show_server_reachable(self, reachable: bool, reason: str) -> None:
        self.server_status.setVisible(not reachable)
        if reachable:
            self.statusBar().showMessage(self.tr("Connected to the server again."), 8000)
            return
        self.server_status.setText(self.tr("Server unreachable: showing what was last read, reconnecting…"))
        self.server_status.setToolTip(reason)

    def show_shortcuts(self) -> None:
        from gui.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self.menus.actions_with_keys(), self.lookup_action, self)
        dialog.exec()

    def edit_shop_identity(self) -> None:
        from gui.first_run import edit_shop_identity

        edit_shop_identity(self.context, self)

    def open_user_guide(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(resource_path("README.md"))))

    def find_customer(self) -> None:
        """From any page: the customer book, its search box focused with what was typed before selected."""
        search = self.show_page("customers").search
        search.setFocus()
        search.selectAll()

    def show_chat_lookup(self) -> None:
        if self.chat_lookup is None:
            from gui.customers.lookup import ChatLookupWindow

            self.chat_lookup = ChatLookupWindow(self.context, self)
            add_window_keys(self.chat_lookup)
            self.chat_lookup.changed.connect(self.context.data_changed)
        self.chat_lookup.show()
        self.chat_lookup.raise_()
        self.chat_lookup.activateWindow()
        self.chat_lookup.search.setFocus()

    def _show_database(self) -> None:
        label = self.context.database.label
        if self.context.database.read_only:
            label = self.tr("%1 (read-only)").replace("%1", label)
        self.database_label.setText(self.tr("Database: %1").replace("%1", label))
        # Two windows, or two books, are told apart in the task bar by the book's name (and read-only).
        self.setWindowTitle(self.tr("%1 — Laoke").replace("%1", Path(label).name if label else ""))

    def _rescore_if_stale(self) -> None:
        # Stages and overdue age with the calendar even when no order arrives: bring them to today.
        run_in_background(rescore_if_stale, self.context.database,
                          on_success=lambda changed: changed and self.context.data_changed.emit())

    def _plan_care_after_import(self) -> None:
        """New orders mean new care: plan it, so the side bar's count and Today say so without opening the
        calendar (which plans for itself once it is open)."""
        if "care" not in self.pages:
            from gui.care.jobs import plan_around  # the calendar's own code, loaded when first needed

            run_in_background(plan_around, self.context.database, self.context.today(),
                              on_success=lambda _span: self.context.care_tasks_changed.emit())

    def _count_care_tasks(self) -> None:
        """Today's care tasks beside the calendar's name: what the shop has to do shows without opening it."""
        from core.care.tasks import due_count
        from gui.customers.tasks import read

        run_in_background(read, self.context.database, due_count, self.context.today(), on_success=self._show_care_count,
                          on_failure=lambda message, _details: log.warning("care tasks not counted: %s", message))

    def _show_care_count(self, count: int) -> None:
        item = self.navigation.item(page_row("care"))
        title = self.page_titles()["care"]
        item.setText(self.tr("%1 (%2)").replace("%2", f"{count:,}").replace("%1", title) if count else title)
        item.setToolTip(self.tr("%Ln care tasks for today, overdue ones included", "", count) if count else "")

    def choose_database(self) -> None:
        path = open_path(self, self.tr("Open a Laoke database"), self.tr("Laoke database (*.db);;All files (*)"),
                         Folder.DATABASES)
        if path:
            self.switch_to(path)

    def switch_to(self, path: Path) -> None:
        from gui.safety.opening import open_for_window, release_lock

        previous = self.context.database.path
        database = open_for_window(path, self)
        if database is None:
            return
        self.context.switch_database(database)
        if previous != database.path:
            release_lock(previous)

    def open_demo_shop(self) -> None:
        from core.demo import ensure_demo_database  # the whole book's machinery, for this menu item alone

        progress = QProgressDialog(self.tr("Creating the demo shop…"), self.tr("Cancel"), 0, 0, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        task = run_in_background(
            ensure_demo_database,
            demo_db_path(),
            on_success=self.switch_to,
            on_failure=lambda message, details: show_error(self, self.tr("Demo shop"), message, details),
            on_progress=lambda done, total: (progress.setMaximum(total), progress.setValue(done)),
            on_finished=progress.reset,
        )
        progress.canceled.connect(task.cancel)

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Laoke"),
            self.tr("Laoke %1 — a customer book for small online shops, offline on your computer.").replace(
                "%1", __version__
            ),
        )

    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 - Qt's name
        """Sheets dropped anywhere on the window open in the import wizard."""
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        page = self.show_page("import")
        if paths and not page.busy():
            page.open_files(paths)

    def _may_stop_import(self) -> bool:
        """Closing during an import or an undo asks first; stopping rolls it back, and Laoke closes once the
        database is as it was (the application waits for the worker before it exits)."""
        page = self.pages.get("import")
        if page is None or not page.writing:
            return True
        answer = QMessageBox.question(self, self.tr("Import still running"), self.tr(
            "Laoke is still writing an import (or undoing one). Stop it and close? The customer book stays as it "
            "was before it started, and you can do it again later."))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        page.cancel_task()
        return True

    def _restore_geometry(self) -> None:
        """The size and place the window had when it was last closed, else the largest that fits the screen."""
        geometry = QSettings().value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            return
        free = self.screen().availableGeometry()
        size = QSize(min(FIRST_SIZE.width(), free.width()), min(FIRST_SIZE.height(), free.height() - TITLE_BAR))
        self.resize(size)
        self.move(free.x() + (free.width() - size.width()) // 2,
                  free.y() + max(0, (free.height() - TITLE_BAR - size.height()) // 2))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self._may_stop_import():
            event.ignore()
            return
        if "customers" in self.pages:
            self.pages["customers"].detail.settle_edits()  # typed but unsaved: ask before it is gone
        QSettings().setValue(GEOMETRY_KEY, self.saveGeometry())
        if self.context is not None:
            from gui.safety.opening import release_lock

            self.context.database.close()  # the file alone is the whole book; the app closes it again at exit
            release_lock(self.context.database.path)
        super().closeEvent(event)
