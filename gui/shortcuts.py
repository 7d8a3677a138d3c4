"""Help ▸ Keyboard shortcuts: every menu key as the menus hold it, the keys of a customer's own window
(gui.widgets.add_window_keys), and the chat lookup's key to set."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.menus import save_lookup_shortcut

NATIVE = QKeySequence.SequenceFormat.NativeText


class ShortcutsDialog(QDialog):
    def __init__(self, actions: list[QAction], lookup_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.lookup_action = lookup_action
        layout = QVBoxLayout(self)
        rows = [(action.text().replace("&", ""), action.shortcut().toString(NATIVE))
                for action in actions if action is not lookup_action]
        rows += [(self.tr("Close a dialog or a customer's window"), self.tr("Esc or %1").replace(
                     "%1", QKeySequence(QKeySequence.StandardKey.Close).toString(NATIVE))),
                 (self.tr("Save in a customer's window"),
                  QKeySequence(QKeySequence.StandardKey.Save).toString(NATIVE))]
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for row, (text, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(text))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.lookup_keys = QKeySequenceEdit(lookup_action.shortcut())
        self.lookup_keys.setMaximumSequenceLength(1)
        self.lookup_keys.setClearButtonEnabled(True)
        form.addRow(self.tr("Chat lookup:"), self.lookup_keys)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Press the keys the chat lookup should open with; they work while "
                                        "a Laoke window is in front.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def save(self) -> None:
        keys = self.lookup_keys.keySequence()
        save_lookup_shortcut(keys)
        self.lookup_action.setShortcut(keys)
        self.accept()
