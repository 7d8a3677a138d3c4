"""What a rep may not do, switched off in the window with a tool tip that says why.

Core refuses these actions itself (core.safety.privacy.ensure_owner_mode), in the window and the CLI alike;
the window says so before the click instead of after it. One watch per open book knows whether this run is in
rep mode; Settings ▸ Rep mode and the Unlock dialog tell it when the owner unlocks or locks the run.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from core.safety.privacy import has_owner_passphrase, rep_mode_enabled
from core.store.db import Database
from gui.context import AppContext
from gui.worker import run_in_background

log = logging.getLogger("laoke.gui")
Control = QWidget | QAction


def _read_state(database: Database, *, progress, cancel) -> tuple[bool, bool]:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return has_owner_passphrase(session), rep_mode_enabled(session)


class RepModeWatch(QObject):
    """Whether this run is in rep mode; the owner-only controls follow it."""

    changed = Signal()  # rep mode went on or off, or the passphrase was set: read `rep_mode`

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.context = context
        self.has_passphrase = False
        self.rep_mode = False  # until read: core refuses a rep's owner-only action anyway
        # control, why it is off, its own tool tip, the tips of the fields inside it
        self._controls: list[tuple[Control, str, str, list[tuple[QWidget, str]]]] = []
        context.database_changed.connect(self.check)
        self.check()

    def check(self) -> None:
        run_in_background(_read_state, self.context.database, on_success=lambda state: self.show(*state),
                          on_failure=lambda message, _details: log.warning("rep mode not checked: %s", message))

    def show(self, has_passphrase: bool, rep_mode: bool) -> None:
        self.has_passphrase, self.rep_mode = has_passphrase, rep_mode
        self._controls = [entry for entry in self._controls if shiboken6.isValid(entry[0])]
        for entry in self._controls:
            self._apply(*entry)
        self.changed.emit()

    def switched(self, rep_mode: bool) -> None:
        """The owner unlocked or locked this run: the controls follow, and every page shows the book anew
        (masked or not)."""
        self.show(self.has_passphrase, rep_mode)
        self.context.data_changed.emit()

    def add(self, controls: tuple[Control, ...], why: str) -> None:
        for control in controls:
            entry = (control, why, control.toolTip(), _tips_inside(control))
            self._controls.append(entry)
            self._apply(*entry)

    def _apply(self, control: Control, why: str, own_tip: str, inside: list[tuple[QWidget, str]]) -> None:
        control.setEnabled(not self.rep_mode)
        control.setToolTip(why if self.rep_mode else own_tip)
        for field, tip in inside:  # a field's own hint would hide the reason: both show
            if shiboken6.isValid(field):
                field.setToolTip(f"{why}\n\n{tip}" if self.rep_mode else tip)


def _tips_inside(control: Control) -> list[tuple[QWidget, str]]:
    """The fields inside a section that have their own tool tips, with them (to put back for the owner)."""
    if not isinstance(control, QWidget):
        return []
    return [(field, field.toolTip()) for field in control.findChildren(QWidget) if field.toolTip()]


def rep_mode_watch(context: AppContext) -> RepModeWatch:
    """The open book's watch, made on first use."""
    watch = context.findChild(RepModeWatch)
    return watch if watch is not None else RepModeWatch(context)


def owner_only(context: AppContext, *controls: Control, why: str | None = None) -> RepModeWatch:
    """Switch `controls` off in rep mode, each with `why` (or the general reason) as its tool tip.

    For controls whose enabled state depends on nothing else; the others ask `rep_mode_watch(...).rep_mode`."""
    watch = rep_mode_watch(context)
    watch.add(controls, why or owner_only_tip())
    return watch


def owner_only_tip() -> str:
    return QCoreApplication.translate("OwnerOnly",
        "Switched off in rep mode: only the shop owner may do this. The owner unlocks this run with File ▸ "
        "Unlock as the owner…")
