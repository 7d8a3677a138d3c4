"""Unexpected errors: logged to the rotating log file and shown with a "Copy details" button, never a crash."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from core.logs import configure_logging

log = logging.getLogger("laoke.gui")


class ErrorDialog(QMessageBox):
    """A failure in words a shop owner can read; the technical details one click away for support."""

    def __init__(self, title: str, message: str, details: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(title)
        self.setText(message)
        self.details = details
        self.copy_button: QPushButton | None = None
        if details:
            self.setDetailedText(details)
            self.copy_button = self.addButton(self.tr("Copy details"), QMessageBox.ButtonRole.ActionRole)
            self.copy_button.clicked.disconnect()  # an action button would close the dialog; copying should not
            self.copy_button.clicked.connect(self.copy_details)
        self.addButton(QMessageBox.StandardButton.Close)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(f"{self.text()}\n\n{self.details}")


def show_error(parent: QWidget | None, title: str, message: str, details: str = "") -> ErrorDialog:
    """Show a failure (e.g. a background task's `on_failure(message, details)`) without blocking the caller."""
    dialog = ErrorDialog(title, message, details, parent)
    dialog.open()
    return dialog


def unexpected_error_text(error: BaseException) -> str:
    text = QCoreApplication.translate(
        "ErrorReport",
        "Something went wrong that Laoke did not expect: %1\nWhat was not finished was not saved. "
        "Copy the details for a support request; they are also in the log file.",
    )
    return text.replace("%1", f"{type(error).__name__}: {error}" if str(error) else type(error).__name__)


def report_unexpected(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """sys.excepthook: log the traceback, then show it with "Copy details" instead of dying."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    log.error("unexpected error", exc_info=(kind, error, trace))
    details = "".join(traceback.format_exception(kind, error, trace))
    if QApplication.instance() is None:
        sys.__excepthook__(kind, error, trace)
        return
    show_error(QApplication.activeWindow(), QCoreApplication.translate("ErrorReport", "Unexpected error"),
               unexpected_error_text(error), details)


def install_error_reporting() -> None:
    """Log to the data folder's rotating file and report uncaught exceptions in a dialog."""
    configure_logging()
    sys.excepthook = report_unexpected
