"""Deleting customers from the list's selection or from the detail panel: one confirmation, one place."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from core.customers.deletion import delete_customers
from gui.context import AppContext
from gui.customers.tasks import write
from gui.worker import run_in_background


class CustomerDeleter(QObject):
    """Asks, deletes in the background, then tells every page the book changed."""

    deleted = Signal(int)  # how many customers were deleted

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.window = parent

    def ask_and_delete(self, customer_ids: list[int]) -> None:
        if not customer_ids:
            return
        question = self.tr(
            "Delete %Ln customers with their notes, tags and aliases? Their orders stay in your sales records, "
            "without a customer. This cannot be undone.", "", len(customer_ids))
        answer = QMessageBox.question(self.window, self.tr("Delete customers"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        run_in_background(write, self.context.database, delete_customers, customer_ids,
                          on_success=self._done, on_failure=self._failed)

    def _done(self, count: int) -> None:
        self.deleted.emit(count)
        self.context.data_changed.emit()

    def _failed(self, message: str, _details: str = "") -> None:
        QMessageBox.warning(self.window, self.tr("Delete customers"), message)
