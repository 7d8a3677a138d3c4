"""The side bar: everyone, then the saved segments, each with its live count."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMenu, QWidget

from core.customers.listing import CustomerFilter, count_customers
from core.customers.segments import SegmentCount, delete_segment, segments_with_counts
from gui.context import AppContext
from gui.customers.tasks import read, write
from gui.worker import run_in_background

SEGMENT_ROLE = Qt.ItemDataRole.UserRole


def _everyone_and_segments(session) -> tuple[int, list[SegmentCount]]:  # type: ignore[no-untyped-def]
    return count_customers(session), segments_with_counts(session)


class SegmentsBar(QListWidget):
    chosen = Signal(object)  # a CustomerFilter

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("segments")
        # Narrow beside the list at 1280 px: "All customers (2,000)" wraps rather than hide behind a scroll bar.
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.itemClicked.connect(self._clicked)

    def reload(self) -> None:
        run_in_background(read, self.context.database, _everyone_and_segments, on_success=self._show)

    def _show(self, result: tuple[int, list[SegmentCount]]) -> None:
        everyone, segments = result
        self.clear()
        item = QListWidgetItem(self.tr("All customers (%1)").replace("%1", f"{everyone:,}"))
        item.setData(SEGMENT_ROLE, None)
        self.addItem(item)
        for segment in segments:
            item = QListWidgetItem(f"{segment.name} ({segment.customers:,})")
            item.setData(SEGMENT_ROLE, segment)
            self.addItem(item)

    def _clicked(self, item: QListWidgetItem) -> None:
        segment = item.data(SEGMENT_ROLE)
        self.chosen.emit(segment.filter if segment is not None else CustomerFilter())

    def _menu(self, position) -> None:  # type: ignore[no-untyped-def]
        item = self.itemAt(position)
        segment = item.data(SEGMENT_ROLE) if item is not None else None
        if segment is None:
            return
        menu = QMenu(self)
        delete_action = menu.addAction(self.tr("Delete segment “%1”").replace("%1", segment.name))
        if menu.exec(self.viewport().mapToGlobal(position)) is delete_action:
            run_in_background(write, self.context.database, delete_segment, segment.id,
                              on_success=lambda _result: self.reload())
