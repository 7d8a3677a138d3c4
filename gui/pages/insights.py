"""The Insights page."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from gui.context import AppContext
from gui.widgets import PageHeader


class InsightsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.addWidget(PageHeader(self.tr("Insights"), self.tr("Lifecycle stages, RFM and the shop's repeat-customer health.")))
        layout.addStretch(1)
