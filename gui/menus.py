"""The main window's menus and keys: File, Edit, Customers, Import, Care, View, Help.

Every action a menu holds is built here, with its shortcut; the window and its pages do the work. The
shortcuts dialog (Help) lists these actions, so it can never disagree with them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from gui.main_window import MainWindow

LOOKUP_SHORTCUT_KEY = "shortcuts/chat_lookup"
DEFAULT_LOOKUP_SHORTCUT = "Ctrl+Shift+F"


def lookup_shortcut() -> QKeySequence:
    """The chat lookup's key, as the user set it in Help ▸ Keyboard shortcuts (Ctrl+Shift+F at first)."""
    return QKeySequence(str(QSettings().value(LOOKUP_SHORTCUT_KEY, DEFAULT_LOOKUP_SHORTCUT)))


def save_lookup_shortcut(sequence: QKeySequence) -> None:
    QSettings().setValue(LOOKUP_SHORTCUT_KEY, sequence.toString(QKeySequence.SequenceFormat.PortableText))


class WindowMenus(QObject):
    """Builds the menu bar of `window`; its actions are attributes, so tests and the help can reach them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.file_menu = self._menu(self.tr("&File"), (
            self._action(self.tr("&Open database…"), window.choose_database, QKeySequence.StandardKey.Open),
            self._action(self.tr("Open the &demo shop"), window.open_demo_shop),
        ))
        self.shop_identity_action = self._action(self.tr("Shop name and SMS &signature…"), window.edit_shop_identity)
        self.file_menu.addAction(self.shop_identity_action)
        self.file_menu.addSeparator()
        self.export_action = self._action(self.tr("&Export customers…"), window.export_customers, "Ctrl+E")
        self.file_menu.addAction(self.export_action)
        self.quit_separator = self.file_menu.addSeparator()  # the book's backup actions go above it
        self.backup_actions: list[QAction] = []
        self.quit_action = self._action(self.tr("&Quit"), window.close, QKeySequence.StandardKey.Quit)
        self.file_menu.addAction(self.quit_action)

        self.save_action = self._action(self.tr("&Save the customer"), window.save_customer,
                                        QKeySequence.StandardKey.Save)
        self.delete_action = self._action(self.tr("&Delete customers…"), window.delete_customers,
                                          QKeySequence.StandardKey.Delete)
        self.settings_action = self._action(self.tr("Se&ttings"), lambda: window.show_page("settings"),
                                            QKeySequence.StandardKey.Preferences)
        self.edit_menu = self._menu(self.tr("&Edit"), (self.save_action, self.delete_action, None,
                                                       self.settings_action))

        self.find_action = self._action(self.tr("&Find a customer"), window.find_customer,
                                        QKeySequence.StandardKey.Find)
        self.lookup_action = self._action(self.tr("Chat &lookup"), window.show_chat_lookup, lookup_shortcut())
        self.customers_menu = self._menu(self.tr("&Customers"), (
            self.find_action, self.lookup_action, None,
            self._action(self.tr("&Tags…"), lambda: window.page("customers").open_tag_manager()),
            self._action(self.tr("Possible &duplicates…"), lambda: window.page("customers").open_duplicates()),
        ))

        self.import_action = self._action(self.tr("&Import order sheets…"), window.import_sheets, "Ctrl+I")
        self.import_menu = self._menu(self.tr("&Import"), (
            self.import_action,
            self._action(self.tr("Import a &customer list…"), lambda: window.show_page("import").choose_customer_list()),
            self._action(self.tr("Import &history"), lambda: window.show_page("import")),
        ))

        self.care_rules_action = self._action(self.tr("Care &rules…"), lambda: window.show_page("care").open_rules())
        self.care_menu = self._menu(self.tr("C&are"), (
            self._action(self.tr("&Today's care tasks"), lambda: window.show_page("care").go_to_today()),
            self.care_rules_action,
        ))

        titles = window.page_titles()
        self.page_actions = [
            self._action(titles[key], lambda _checked=False, key=key: window.show_page(key), f"Ctrl+{number}")
            for number, key in enumerate(titles, start=1)
        ]
        self.refresh_action = self._action(self.tr("&Refresh"), window.refresh, QKeySequence.StandardKey.Refresh)
        self.view_menu = self._menu(self.tr("&View"), (*self.page_actions, None, self.refresh_action))

        self.shortcuts_action = self._action(self.tr("&Keyboard shortcuts"), window.show_shortcuts,
                                             QKeySequence.StandardKey.HelpContents)
        self.guide_action = self._action(self.tr("User &guide"), window.open_user_guide)
        self.help_menu = self._menu(self.tr("&Help"), (
            self.shortcuts_action, self.guide_action, None,
            self._action(self.tr("&About Laoke"), window.about),
        ))
        self.menus = (self.file_menu, self.edit_menu, self.customers_menu, self.import_menu, self.care_menu,
                      self.view_menu, self.help_menu)
        for menu in self.menus:
            window.menuBar().addMenu(menu)

    def _action(self, text: str, slot: Callable[..., object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _menu(self, title: str, actions: tuple[QAction | None, ...]) -> QMenu:
        menu = QMenu(title, self.window)
        menu.setToolTipsVisible(True)  # an action switched off in rep mode says why
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        return menu

    def actions_with_keys(self) -> list[QAction]:
        """Every menu action that has a shortcut, in menu order: what the shortcuts dialog lists."""
        return [action for menu in self.menus for action in menu.actions() if not action.shortcut().isEmpty()]


    def add_book_actions(self, context) -> list[QAction]:  # type: ignore[no-untyped-def]
        """The File menu's backup and unlock actions, once a book is open (the frame paints before it opens);
        the owner's actions switch off in rep mode."""
        from gui.safety.backups import add_backup_actions
        from gui.safety.owner_only import owner_only
        from gui.safety.unlock import RepModeControls

        self.backup_actions = add_backup_actions(self.window, self.file_menu, context, self.quit_separator)
        self.activity_action = self._action(self.tr("&Activity log…"), lambda: self._open_activity_log(context))
        self.file_menu.insertAction(self.quit_separator, self.activity_action)
        self.rep_mode_controls = RepModeControls(self.window, self.file_menu, context, self.quit_separator)
        owner_only(context, self.export_action, self.delete_action, self.care_rules_action, self.shop_identity_action,
                   self.activity_action)
        return self.backup_actions

    def _open_activity_log(self, context) -> None:  # type: ignore[no-untyped-def]
        from gui.safety.activity import open_activity_log

        open_activity_log(self.window, context)
