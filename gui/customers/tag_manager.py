"""The tag manager: every tag with how many buyers carry it, most used first; create, rename, recolour,
merge and delete (saying how many buyers are affected)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.customers.tags import (
    TagUse,
    create_tag,
    delete_tag,
    merge_tags,
    recolour_tag,
    rename_tag,
    tags_by_use,
)
from gui.context import AppContext
from gui.customers.tasks import read, write
from gui.safety.owner_only import owner_only_tip, rep_mode_watch
from gui.worker import run_in_background

TAG_ROLE = Qt.ItemDataRole.UserRole


class TagManagerDialog(QDialog):
    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Tags"))
        self.resize(420, 460)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Most used first. Deleting a tag removes it from every customer.")))
        self.tags = QListWidget()
        layout.addWidget(self.tags, 1)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New…"))
        self.new_button.clicked.connect(self.new_tag)
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.clicked.connect(self.rename)
        self.colour_button = QPushButton(self.tr("Colour…"))
        self.colour_button.clicked.connect(self.recolour)
        self.merge_button = QPushButton(self.tr("Merge into…"))
        self.merge_button.clicked.connect(self.merge)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self.delete)
        for button in (self.new_button, self.rename_button, self.colour_button, self.merge_button,
                       self.delete_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.rep_mode_watch = rep_mode_watch(context)
        self.rep_mode_watch.changed.connect(lambda: self._show_choice(self.tags.currentItem()))
        self.tags.currentItemChanged.connect(self._show_choice)
        self._show_choice(None)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        run_in_background(read, self.context.database, tags_by_use, on_success=self._show)

    def _show(self, tags: list[TagUse]) -> None:
        self.tags.clear()
        for tag in tags:
            item = QListWidgetItem(self.tr("%1 — %Ln customers", "", tag.customers).replace("%1", tag.name))
            item.setData(TAG_ROLE, tag)
            item.setForeground(QColor(tag.color))
            self.tags.addItem(item)

    def _show_choice(self, item: QListWidgetItem | None) -> None:
        """Rename, colour, merge and delete act on the tag chosen in the list: until then they wait. Merge and
        delete remove a tag for good, so they are the owner's."""
        rep_mode = self.rep_mode_watch.rep_mode
        for button in (self.rename_button, self.colour_button, self.merge_button, self.delete_button):
            owners = button in (self.merge_button, self.delete_button)
            button.setEnabled(item is not None and not (owners and rep_mode))
            if owners and rep_mode:
                button.setToolTip(owner_only_tip())
            else:
                button.setToolTip("" if item is not None else self.tr("Choose a tag in the list first."))

    def current(self) -> TagUse | None:
        item = self.tags.currentItem()
        return item.data(TAG_ROLE) if item is not None else None

    def _run(self, function, *args) -> None:  # type: ignore[no-untyped-def]
        run_in_background(write, self.context.database, function, *args,
                          on_success=self._done,
                          on_failure=lambda message, _d: QMessageBox.warning(self, self.tr("Tags"), message))

    def _done(self, _result: object) -> None:
        self.reload()
        self.changed.emit()

    def new_tag(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New tag"), self.tr("Tag name:"))
        if ok and name.strip():
            self._run(create_tag, name)

    def rename(self) -> None:
        tag = self.current()
        if tag is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename tag"), self.tr("New tag name:"), text=tag.name)
        if ok and name.strip():
            self._run(rename_tag, tag.id, name)

    def recolour(self) -> None:
        tag = self.current()
        if tag is None:
            return
        colour = QColorDialog.getColor(QColor(tag.color), self, self.tr("Tag colour"))
        if colour.isValid():
            self._run(recolour_tag, tag.id, colour.name())

    def merge(self) -> None:
        tag = self.current()
        if tag is None:
            return
        others = [self.tags.item(row).data(TAG_ROLE) for row in range(self.tags.count())]
        names = [other.name for other in others if other.id != tag.id]
        if not names:
            return
        target, ok = QInputDialog.getItem(self, self.tr("Merge tags"),
                                          self.tr("Give everyone tagged “%1” this tag instead:").replace("%1", tag.name),
                                          names, 0, False)
        if ok:
            target_id = next(other.id for other in others if other.name == target)
            self._run(merge_tags, tag.id, target_id)

    def delete(self) -> None:
        tag = self.current()
        if tag is None:
            return
        question = self.tr("Delete the tag “%1”? %Ln customers will lose it.", "", tag.customers).replace("%1", tag.name)
        if tag.rules:
            question += " " + self.tr("The tag rules that give it are deleted with it.")
        answer = QMessageBox.question(self, self.tr("Delete tag"), question)
        if answer == QMessageBox.StandardButton.Yes:
            self._run(delete_tag, tag.id)
