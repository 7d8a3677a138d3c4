"""The customer book: the page a shop owner lives in."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from core.stats import shop_stats
from gui.context import AppContext
from gui.widgets import EmptyState, PageHeader
from gui.worker import run_in_background


def _load_stats(database, progress, cancel):  # type: ignore[no-untyped-def]
    with database.session() as session:
        return shop_stats(session)


class CustomersPage(QWidget):
    import_requested = Signal()
    demo_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.addWidget(PageHeader(self.tr("Customers"), self.tr("Everyone who ever bought from your shop.")))
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)

        self.empty_state = EmptyState(
            self.tr("Your customer book is empty"),
            self.tr("Import the order sheets your shop back-end exports, or look around a demo shop first."),
        )
        import_button = QPushButton(self.tr("Import order sheets…"))
        import_button.clicked.connect(self.import_requested)
        self.demo_button = QPushButton(self.tr("Open the demo shop"))
        self.demo_button.clicked.connect(self.demo_requested)
        self.empty_state.add_action(import_button)
        self.empty_state.add_action(self.demo_button)
        self.stack.addWidget(self.empty_state)

        self.summary = QLabel()
        self.stack.addWidget(self.summary)
        context.data_changed.connect(self.reload)
        self.reload()

    def show_only(self, customer_ids: list[int], label: str) -> None:
        """Show exactly these customers (asked for by another page, e.g. a chart's bar)."""
        self.summary.setText(label)
        self.stack.setCurrentWidget(self.summary)

    def reload(self) -> None:
        run_in_background(_load_stats, self.context.database, on_success=self._show_stats)

    def _show_stats(self, stats: dict) -> None:
        if not stats["customers"] and not stats["orders"]:
            self.stack.setCurrentWidget(self.empty_state)
            return
        self.summary.setText(
            self.tr("Customers: %1 · Orders: %2").replace("%1", str(stats["customers"])).replace(
                "%2", str(stats["orders"])
            )
        )
        self.stack.setCurrentWidget(self.summary)
