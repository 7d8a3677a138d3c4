"""Small widgets several pages share."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.worker import run_in_background

if TYPE_CHECKING:
    from gui.context import AppContext


class PageHeader(QWidget):
    """A page's title and a line saying what it is for."""

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        self.title = QLabel(title)
        self.title.setObjectName("pageTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.subtitle = QLabel(subtitle)
        self.subtitle.setWordWrap(True)
        self.subtitle.setVisible(bool(subtitle))
        self.subtitle.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.subtitle)


class EmptyState(QWidget):
    """A centred message with actions, shown where there is nothing yet."""

    def __init__(self, headline: str, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.headline = QLabel(headline)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.headline)
        self.explanation = QLabel(explanation)
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.explanation)
        self.actions = QVBoxLayout()
        self.actions.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addLayout(self.actions)
        layout.addStretch(2)

    def add_action(self, widget: QWidget) -> None:
        self.actions.addWidget(widget, alignment=Qt.AlignmentFlag.AlignCenter)


def scrolling_column(layout: QVBoxLayout) -> QVBoxLayout:
    """A scroll area taking the rest of a page's `layout`; returns the column to put the page's sections in.

    A page taller than the screen would otherwise stretch the window past it: Settings needs about 1,000
    pixels, and a 1366×768 laptop shows some 700 of the window.
    """
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    content = QWidget()
    column = QVBoxLayout(content)
    column.setContentsMargins(0, 0, 0, 0)
    scroll.setWidget(content)
    layout.addWidget(scroll, 1)
    return column


def add_window_keys(window: QWidget, save: Callable[[], None] | None = None) -> None:
    """Esc and Ctrl+W close `window` (a customer's own window); Ctrl+S saves it, when it can save."""
    for keys in (QKeySequence(QKeySequence.StandardKey.Cancel), QKeySequence(QKeySequence.StandardKey.Close)):
        QShortcut(keys, window, window.close)
    if save is not None:
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), window, save)


def offer_names(combo: QComboBox, names: list[str]) -> None:
    """Offer these names after the combo's first item ("any"), keeping the one chosen (still offered while
    chosen, so a saved filter shows what it holds even when the book no longer has it); no change signal."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    try:
        while combo.count() > 1:
            combo.removeItem(1)
        for name in sorted({*names, *([chosen] if chosen else [])}):
            combo.addItem(name, name)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
    finally:
        combo.blockSignals(False)


class SavingSection(QGroupBox):
    """A Settings section whose button saves in the background and recomputes: the button is off while it
    works, the message line says what happens, then that it is saved (and the pages reload) or why not."""

    def __init__(self, title: str, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.context = context
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._saved_text = ""

    def add_save_row(self, form: QFormLayout, label: str, save: Callable[[], None]) -> None:
        self.save_button = QPushButton(label)
        self.save_button.clicked.connect(save)
        form.addRow(self.save_button, self.message)

    def start_saving(self, work: Callable[..., Any], *args: Any, working: str, saved: str) -> None:
        """Run `work(database, *args)` off the GUI thread, saying `working` meanwhile and `saved` after."""
        self.save_button.setEnabled(False)
        self.message.setText(working)
        self._saved_text = saved
        run_in_background(work, self.context.database, *args, on_success=self._saved, on_failure=self._failed)

    def _saved(self, _result: object) -> None:
        self.save_button.setEnabled(True)
        self.message.setText(self._saved_text)
        self.context.data_changed.emit()

    def _failed(self, message: str, _details: str) -> None:
        self.save_button.setEnabled(True)
        self.message.setText(message)
