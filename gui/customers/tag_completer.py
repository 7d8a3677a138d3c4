"""Completion for a comma-separated list of tags: completes the tag being typed, keeps the others."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit


class TagListCompleter(QCompleter):
    def __init__(self, line_edit: QLineEdit) -> None:
        super().__init__(line_edit)
        self._model = QStringListModel(self)
        self.setModel(self._model)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self._line_edit = line_edit
        line_edit.setCompleter(self)

    def set_tags(self, names: list[str]) -> None:
        self._model.setStringList(names)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt's name
        return [path.replace("，", ",").split(",")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802 - Qt's name
        done = [part.strip() for part in self._line_edit.text().replace("，", ",").split(",")[:-1] if part.strip()]
        return ", ".join([*done, index.data()]) + ", "
