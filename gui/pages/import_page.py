"""The Import page."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from gui.context import AppContext
from gui.widgets import PageHeader


class ImportPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.addWidget(PageHeader(self.tr("Import"), self.tr("Turn the order sheets your shop back-end exports into customers.")))
        layout.addStretch(1)
