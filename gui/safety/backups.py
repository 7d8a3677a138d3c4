"""Backups in the window: the File menu's Back up…/Restore…, and the Backups section of Settings.

The work runs in core.store.backup on a background thread; these widgets only ask, confirm and report.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.messages import Message
from core.safety.privacy import ensure_owner_mode
from core.store.backup import DEFAULT_KEEP, backup_database, backup_folder, list_backups
from core.store.backup import rolling_backup as make_rolling_backup
from core.store.db import Database
from core.store.restore import restore_database
from gui.context import AppContext
from gui.file_dialogs import Folder, open_path, save_path
from gui.safety.errors import show_error
from gui.safety.owner_only import owner_only, rep_mode_watch
from gui.worker import run_in_background


def _ensure_owner(database: Database, action: str) -> None:
    with database.session() as session:
        ensure_owner_mode(session, action)


def _back_up_now(database: Database, *, progress, cancel):  # type: ignore[no-untyped-def]
    _ensure_owner(database, Message("Backing up the customer book"))
    return make_rolling_backup(database.path, "manual")


def _back_up_to(database: Database, target: Path, *, progress, cancel):  # type: ignore[no-untyped-def]
    _ensure_owner(database, Message("Backing up the customer book"))
    return backup_database(database.path, target)


def _restore(database: Database, backup: Path, *, progress, cancel):  # type: ignore[no-untyped-def]
    _ensure_owner(database, Message("Restoring a backup"))
    return restore_database(backup, database.path)


class BackupActions(QObject):
    """Back up and restore for the open database; shared by the File menu and the Settings section."""

    changed = Signal()  # a backup was made or restored: lists of backups refresh
    busy_changed = Signal(bool)

    def __init__(self, context: AppContext, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.parent_widget = parent_widget
        self.rep_mode_watch = rep_mode_watch(context)

    def rep_mode_tip(self) -> str:
        return self.tr("Switched off in rep mode: backups hold every phone unmasked. Ask the shop owner.")

    @property
    def database_path(self) -> Path | None:
        return self.context.database.path

    def _can_back_up(self) -> bool:
        if self.database_path is None:
            QMessageBox.information(self.parent_widget, self.tr("Backups"), self.tr(
                "This shop's database is on a server; back it up there (for PostgreSQL, with pg_dump)."))
            return False
        return True

    def back_up_to_file(self) -> None:
        if not self._can_back_up():
            return
        target = save_path(self.parent_widget, self.tr("Back up the customer book"),
                           f"{self.database_path.stem}-backup.db", self.tr("Laoke database (*.db);;All files (*)"),
                           Folder.DATABASES)
        if target:
            self._run(_back_up_to, self.context.database, target, done=self.tr("Backed up to %1."))

    def back_up_now(self) -> None:
        if self._can_back_up():
            self._run(_back_up_now, self.context.database, done=self.tr("Backed up to %1."))

    def restore_from_file(self) -> None:
        if not self._can_back_up():
            return
        chosen = open_path(self.parent_widget, self.tr("Restore a backup"),
                           self.tr("Laoke database (*.db);;All files (*)"), Folder.DATABASES,
                           start=backup_folder(self.database_path))
        if chosen:
            self.restore(chosen)

    def restore(self, backup: Path) -> None:
        if not self._can_back_up():
            return
        if self.context.database.read_only:
            QMessageBox.information(self.parent_widget, self.tr("Restore a backup"), self.tr(
                "This window opened the database read-only, so it cannot restore a backup into it."))
            return
        answer = QMessageBox.question(
            self.parent_widget, self.tr("Restore a backup"),
            self.tr("Replace the customer book with the backup %1?\n\nLaoke checks the backup first, and keeps "
                    "the customer book as it is now as a backup, so you can go back.").replace("%1", backup.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self._run(_restore, self.context.database, backup, done=self.tr("Restored from %1."), restored=True)

    def _run(self, function, *args, done: str, restored: bool = False) -> None:  # type: ignore[no-untyped-def]
        self.busy_changed.emit(True)

        def succeeded(result) -> None:  # type: ignore[no-untyped-def]
            name = str(args[1] if restored else result)
            if restored:
                self.context.data_changed.emit()
            self.changed.emit()
            QMessageBox.information(self.parent_widget, self.tr("Backups"), done.replace("%1", name))

        run_in_background(
            function, *args,
            on_success=succeeded,
            on_failure=lambda message, details: show_error(self.parent_widget, self.tr("Backups"), message, details),
            on_finished=lambda: self.busy_changed.emit(False),
        )


def add_backup_actions(window: QWidget, menu: QMenu, context: AppContext, before: QAction | None) -> BackupActions:
    """File ▸ Back up… and Restore a backup…, inserted before `before` (the Quit separator)."""
    actions = BackupActions(context, window)
    back_up = QAction(actions.tr("&Back up…"), window)
    back_up.triggered.connect(actions.back_up_to_file)
    restore = QAction(actions.tr("&Restore a backup…"), window)
    restore.triggered.connect(actions.restore_from_file)
    menu.insertActions(before, [back_up, restore])
    menu.setToolTipsVisible(True)
    actions.menu_actions = [back_up, restore]
    owner_only(context, back_up, restore, why=actions.rep_mode_tip())
    return actions


class BackupSection(QGroupBox):
    """Settings ▸ Backups: the automatic copies, newest first, with Back up now and Restore."""

    COL_WHEN, COL_WHY, COL_SIZE = range(3)
    open_to_reps = True  # a rep sees the copies; the buttons switch themselves off in rep mode

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Backups"))
        self.context = context
        self.actions = BackupActions(context, self)
        layout = QVBoxLayout(self)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.explanation)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("When"), self.tr("Why"), self.tr("Size")])
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.setMinimumHeight(150)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.list)
        buttons = QHBoxLayout()
        self.back_up_button = QPushButton(self.tr("Back up now"))
        self.back_up_button.clicked.connect(self.actions.back_up_now)
        self.restore_button = QPushButton(self.tr("Restore the selected backup…"))
        self.restore_button.clicked.connect(self._restore_selected)
        self.restore_file_button = QPushButton(self.tr("Restore from a file…"))
        self.restore_file_button.clicked.connect(self.actions.restore_from_file)
        for button in (self.back_up_button, self.restore_button, self.restore_file_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.actions.changed.connect(self.reload)
        self.actions.busy_changed.connect(self._set_busy)
        self.actions.rep_mode_watch.changed.connect(self._update_buttons)
        context.database_changed.connect(self.reload)
        context.data_changed.connect(self.reload)  # an import or a restore elsewhere made a backup
        self._busy = False
        self.reload()

    def reason_label(self, reason: str) -> str:
        labels = {
            "daily": self.tr("Daily, on first start"),
            "manual": self.tr("Made by hand"),
            "before-import": self.tr("Before an import"),
            "before-restore": self.tr("Before a restore"),
        }
        if reason.startswith("before-upgrade"):
            return self.tr("Before an upgrade")
        return labels.get(reason, reason)

    def reload(self) -> None:
        self.list.clear()
        path = self.context.database.path
        if path is None:
            self.explanation.setText(self.tr(
                "This shop's database is on a server; back it up there (for PostgreSQL, with pg_dump)."))
            self._update_buttons()
            return
        self.explanation.setText(self.tr(
            "Laoke backs up the customer book on the first start of each day and before an import that follows a "
            "change, and keeps the newest %1 copies of each kind in %2.").replace("%1", str(DEFAULT_KEEP)).replace("%2", str(backup_folder(path))))
        locale = QLocale()
        for entry in list_backups(path):
            item = QTreeWidgetItem([
                locale.toString(entry.created.replace(microsecond=0), QLocale.FormatType.ShortFormat),
                self.reason_label(entry.reason),
                locale.formattedDataSize(entry.size),
            ])
            item.setData(self.COL_WHEN, Qt.ItemDataRole.UserRole, str(entry.path))
            item.setTextAlignment(self.COL_SIZE, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        self._update_buttons()

    def selected_backup(self) -> Path | None:
        items = self.list.selectedItems()
        return Path(items[0].data(self.COL_WHEN, Qt.ItemDataRole.UserRole)) if items else None

    def _restore_selected(self) -> None:
        backup = self.selected_backup()
        if backup is not None:
            self.actions.restore(backup)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        database = self.context.database
        owner = not self.actions.rep_mode_watch.rep_mode
        usable = database.path is not None and not self._busy and owner
        writable = usable and not database.read_only
        self.back_up_button.setEnabled(usable)
        self.restore_button.setEnabled(writable and self.selected_backup() is not None)
        self.restore_file_button.setEnabled(writable)
        for button in (self.back_up_button, self.restore_button, self.restore_file_button):
            button.setToolTip("" if owner else self.actions.rep_mode_tip())
