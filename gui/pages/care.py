"""The Care calendar page."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from gui.context import AppContext
from gui.widgets import PageHeader


class CarePage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.addWidget(PageHeader(self.tr("Care calendar"), self.tr("Whom to greet, thank, remind or win back today.")))
        layout.addStretch(1)
