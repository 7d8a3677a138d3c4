"""The rows a sheet cannot give, each with its file, row, column and why; saved as an Excel sheet on request,
so the owner can fix them in the file and import it again."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from core.safety.spreadsheet import Sheet
from gui.file_dialogs import save_workbook
from gui.importing.models import BadRowsModel, table_view


class BadRowsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = BadRowsModel(self)
        self.view = table_view(self.model)
        self.save_button = QPushButton(self.tr("Save this list…"))
        self.save_button.setToolTip(self.tr("An Excel sheet of these rows and why, to fix them in the file"))
        self.save_button.clicked.connect(self.save)
        self.file_stem = ""
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)

    def show_rows(self, bad_rows: Sequence[Any], file_stem: str) -> None:
        """List `bad_rows`; a saved list is named after the file (`file_stem`)."""
        self.model.set_rows(bad_rows)
        self.file_stem = file_stem
        self.save_button.setEnabled(bool(bad_rows))
        self.view.resizeColumnsToContents()

    def save(self) -> None:
        name = self.tr("%1 - rows that cannot be read.xlsx").replace("%1", self.file_stem)
        save_workbook(self, self.tr("Save this list"), name, self.tr("Excel workbook (*.xlsx)"),
                      [Sheet(self.tr("Rows that cannot be read"), self.model.headers(), self.model.all_cells())])
