"""Settings ▸ Rep mode: the owner's passphrase, and unlocking this run (or locking it again) with it.

Once a passphrase is set every run starts in rep mode: phones and addresses show masked, and export, backup,
restore, undo, delete and settings are refused by core itself (core.safety.privacy.ensure_owner_mode), so the
rule holds in every page and in the command line. The window's File menu and status bar unlock too
(gui.safety.unlock); all of them follow the open book's rep-mode watch.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from core.safety.privacy import (
    change_owner_passphrase,
    has_owner_passphrase,
    set_owner_passphrase,
    set_rep_mode,
)
from core.store.db import Database
from gui.context import AppContext
from gui.safety.owner_only import rep_mode_watch
from gui.worker import run_in_background


def _set_passphrase(database: Database, new: str, current: str, *, progress, cancel) -> None:  # type: ignore[no-untyped-def]
    """Set the first passphrase, or change it given the current one (also if another window set it meanwhile)."""
    with database.transaction() as session:
        if has_owner_passphrase(session):
            change_owner_passphrase(session, current, new)
        else:
            set_owner_passphrase(session, new)


def _switch(database: Database, enabled: bool, passphrase: str, *, progress, cancel) -> bool:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        set_rep_mode(session, enabled, passphrase)
    return enabled


class RepModeSection(QGroupBox):
    open_to_reps = True  # the owner unlocks a rep-mode run here

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Rep mode"))
        self.context = context
        self.watch = rep_mode_watch(context)
        form = QFormLayout(self)
        explanation = QLabel(self.tr(
            "For a computer your reps use: once the owner's passphrase is set, Laoke starts every time in rep "
            "mode. Phones and addresses are shown masked (138****1234); export, backup, restore, undo, delete and "
            "settings are switched off; revealing one buyer's phone is logged. The passphrase unlocks this run "
            "only."))
        explanation.setWordWrap(True)
        form.addRow(explanation)
        self.status = QLabel()
        form.addRow(self.tr("Now:"), self.status)

        self.new_passphrase = QLineEdit()
        self.new_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_passphrase = QLineEdit()
        self.confirm_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.set_button = QPushButton(self.tr("Set the owner's passphrase"))
        self.set_button.clicked.connect(self._set_passphrase)
        self.new_row_label = QLabel(self.tr("Owner's passphrase:"))
        self.confirm_row_label = QLabel(self.tr("Type it again:"))

        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("the owner's passphrase"))
        self.passphrase.returnPressed.connect(self._switch)
        self.switch_button = QPushButton()
        self.switch_button.clicked.connect(self._switch)
        self.passphrase_label = QLabel(self.tr("Passphrase:"))
        form.addRow(self.passphrase_label, self.passphrase)
        form.addRow(self.switch_button)
        form.addRow(self.new_row_label, self.new_passphrase)
        form.addRow(self.confirm_row_label, self.confirm_passphrase)
        form.addRow(self.set_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("repModeMessage")
        form.addRow(self.message)

        self.watch.changed.connect(self._show_state)
        self._show_state()

    @property
    def has_passphrase(self) -> bool:
        return self.watch.has_passphrase

    @property
    def rep_mode(self) -> bool:
        return self.watch.rep_mode

    def _show_state(self) -> None:
        read_only = self.context.database.read_only
        self.status.setText(self.tr("Rep mode is on") if self.rep_mode else self.tr("Rep mode is off"))
        self.new_row_label.setText(self.tr("New passphrase:") if self.has_passphrase
                                   else self.tr("Owner's passphrase:"))
        self.set_button.setText(self.tr("Change the passphrase (type the current one above)") if self.has_passphrase
                                else self.tr("Set the owner's passphrase"))
        for widget in (self.passphrase_label, self.passphrase, self.switch_button):
            widget.setVisible(self.has_passphrase)
        self.switch_button.setText(self.tr("Unlock as the owner for this run") if self.rep_mode
                                   else self.tr("Switch rep mode on"))
        for widget in (self.set_button, self.switch_button, self.passphrase, self.new_passphrase,
                       self.confirm_passphrase):
            widget.setEnabled(not read_only)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c0392b;" if error else "")
        self.message.setText(text)

    def _set_passphrase(self) -> None:
        passphrase = self.new_passphrase.text()
        if passphrase != self.confirm_passphrase.text():
            self._say(self.tr("The two passphrases differ; type the same one twice."), error=True)
            return
        self.set_button.setEnabled(False)
        run_in_background(_set_passphrase, self.context.database, passphrase, self.passphrase.text(),
                          on_success=lambda _result: self._passphrase_set(),
                          on_failure=self._refused,
                          on_finished=self._show_state)

    def _passphrase_set(self) -> None:
        for field in (self.new_passphrase, self.confirm_passphrase, self.passphrase):
            field.clear()
        changed = self.has_passphrase
        self.watch.show(True, self.rep_mode)  # whoever set the first passphrase works as the owner this run
        self._say(self.tr("The owner's passphrase is changed.") if changed else
                  self.tr("The owner's passphrase is set. From the next start on, Laoke starts in rep mode; keep "
                          "the passphrase safe: only it unlocks a run."))

    def _switch(self) -> None:
        if not self.switch_button.isEnabled():
            return  # Return pressed while the last attempt is still being checked
        self.switch_button.setEnabled(False)
        run_in_background(_switch, self.context.database, not self.rep_mode, self.passphrase.text(),
                          on_success=self._switched,
                          on_failure=self._refused,
                          on_finished=self._show_state)

    def _refused(self, message: str, _details: str) -> None:
        """Core says what is wrong (a wrong or too short passphrase), already in the user's language."""
        self.passphrase.selectAll()
        self._say(message, error=True)

    def _switched(self, enabled: bool) -> None:
        self.passphrase.clear()
        self.watch.switched(enabled)
        self._say(self.tr("Rep mode is on: phones and addresses are masked, export and delete are off.")
                  if enabled else self.tr("Rep mode is off until Laoke closes."))
