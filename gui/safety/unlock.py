"""Unlocking a rep-mode run from the window: File ▸ Unlock as the owner…, and the status bar's rep-mode button.

With an owner's passphrase set the window starts in rep mode, and says so in the status bar from the first
paint, with the way out beside it: the owner types the passphrase and works unmasked until Laoke closes.
Nothing of the unlock is stored (core.safety.privacy keeps it in this process); "Back to rep mode" locks the
run again before the laptop goes to a rep.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.safety.privacy import lock_owner, unlock_owner
from core.store.db import Database
from gui.context import AppContext
from gui.safety.owner_only import RepModeWatch, rep_mode_watch
from gui.worker import run_in_background


def _unlock(database: Database, passphrase: str, *, progress, cancel) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        unlock_owner(session, passphrase)


def _lock(database: Database, *, progress, cancel) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        lock_owner(session)


class UnlockDialog(QDialog):
    """The owner's passphrase, for this run only; a wrong one says so and lets the owner type again."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Unlock as the owner"))
        layout = QVBoxLayout(self)
        explanation = QLabel(self.tr(
            "Laoke is in rep mode: phones and addresses are masked, and export, backup, restore, undo, delete and "
            "settings are switched off. The owner's passphrase unlocks them until Laoke closes; the next start is "
            "in rep mode again."))
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("the owner's passphrase"))
        self.passphrase.returnPressed.connect(self.unlock)
        layout.addWidget(self.passphrase)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.unlock_button = self.buttons.addButton(self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        for button in self.buttons.buttons():
            button.setAutoDefault(False)  # a focused one would take the passphrase's Return (Cancel, say)
        self.checking = False
        self.buttons.accepted.connect(self.unlock)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def unlock(self) -> None:
        if self.checking:
            return  # Return pressed again while the last attempt is still being checked
        self.checking = True
        run_in_background(_unlock, self.context.database, self.passphrase.text(),
                          on_success=lambda _result: self._unlocked(),
                          on_failure=self._refused)

    def _unlocked(self) -> None:
        self.checking = False
        rep_mode_watch(self.context).switched(False)
        self.accept()

    def _refused(self, message: str, _details: str) -> None:
        """Core's reason (a wrong passphrase, a read-only book), already in the user's language."""
        self.checking = False
        self.message.setText(message)
        self.passphrase.selectAll()
        self.passphrase.setFocus()


class RepModeControls(QObject):
    """File ▸ Unlock as the owner… / Back to rep mode, and the status bar's button, for the window's book."""

    def __init__(self, window: QMainWindow, menu: QMenu, context: AppContext, before: QAction | None) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.unlock_action = QAction(self.tr("&Unlock as the owner…"), window)
        self.unlock_action.triggered.connect(self.ask_passphrase)
        self.lock_action = QAction(self.tr("Back to rep &mode"), window)
        self.lock_action.setToolTip(self.tr("Mask phones and switch the owner's actions off again, before a "
                                              "rep uses this computer"))
        self.lock_action.triggered.connect(self.lock)
        menu.insertActions(before, [self.unlock_action, self.lock_action])
        self.status_button = QPushButton()
        self.status_button.setObjectName("repModeButton")
        self.status_button.setFlat(True)
        self.status_button.clicked.connect(self._status_clicked)
        window.statusBar().addPermanentWidget(self.status_button)
        self.dialog: UnlockDialog | None = None
        self.watch: RepModeWatch = rep_mode_watch(context)
        self.watch.changed.connect(self._show)
        self._show()

    def _show(self) -> None:
        watch = self.watch
        self.unlock_action.setVisible(watch.rep_mode)
        self.lock_action.setVisible(watch.has_passphrase and not watch.rep_mode)
        self.status_button.setVisible(watch.has_passphrase)
        if watch.rep_mode:
            self.status_button.setText(self.tr("Rep mode: phones masked · Unlock…"))
            self.status_button.setToolTip(self.tr("The shop owner unlocks this run with the owner's passphrase"))
        else:
            self.status_button.setText(self.tr("Owner, until Laoke closes · Back to rep mode"))
            self.status_button.setToolTip(self.lock_action.toolTip())

    def _status_clicked(self) -> None:
        if self.watch.rep_mode:
            self.ask_passphrase()
        else:
            self.lock()

    def ask_passphrase(self) -> None:
        self.dialog = UnlockDialog(self.context, self.window)
        self.dialog.open()

    def lock(self) -> None:
        run_in_background(_lock, self.context.database, on_success=lambda _result: self.watch.switched(True))
