"""Importing a seller's own customer list: preview as stored, column mapping, bad rows, import with Cancel."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.importing import commit_customer_sheets, remember_customer_mapping
from core.importing.customer_sheet import prepare_customer_sheet
from gui.context import AppContext
from gui.core_text import core_text
from gui.importing.bad_rows import BadRowsPanel
from gui.importing.mapping import MappingEditor, mapping_page
from gui.importing.models import PREVIEW_ROWS, RowsModel, table_view
from gui.worker import BackgroundTask, run_in_background


class CustomerPreviewModel(RowsModel):
    def headers(self) -> Sequence[str]:
        return (self.tr("Name"), self.tr("Nickname"), self.tr("Phone"), self.tr("WeChat"), self.tr("Birthday"),
                self.tr("Tags"), self.tr("Notes"))

    def cells(self, row: Any) -> Sequence[object]:
        values = row.values
        birthday = values.get("birthday")
        shown_birthday = None
        if birthday is not None:
            day = f"{birthday.year}-{birthday.month}-{birthday.day}" if birthday.year else f"{birthday.month}-{birthday.day}"
            shown_birthday = self.tr("lunar %1").replace("%1", day) if birthday.calendar == "lunar" else day
        return (values.get("name"), values.get("nickname"), values.get("phone"), values.get("wechat_id"),
                shown_birthday, "、".join(values.get("tags") or []), values.get("notes"))


class CustomerSheetDialog(QDialog):
    finished_import = Signal(object)  # the summaries, after a successful import

    def __init__(self, context: AppContext, prepared: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.prepared = prepared
        self.task: BackgroundTask | None = None
        self.setWindowTitle(self.tr("Import a customer list"))
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        self.info = QLabel()
        layout.addWidget(self.info)
        self.tabs = QTabWidget()
        self.preview_model = CustomerPreviewModel(self)
        self.bad_rows = BadRowsPanel()
        self.bad_model = self.bad_rows.model
        self.tabs.addTab(table_view(self.preview_model), self.tr("Preview"))
        self.mapping_editor = MappingEditor(customers=True)
        self.apply_button = QPushButton(self.tr("Apply this mapping"))
        self.apply_button.clicked.connect(self.apply_mapping)
        self.tabs.addTab(mapping_page(self.mapping_editor, self.apply_button), self.tr("Columns"))
        self.tabs.addTab(self.bad_rows, self.tr("Rows that cannot be read"))
        layout.addWidget(self.tabs, 1)
        self.progress = QProgressBar()
        self.progress.hide()
        layout.addWidget(self.progress)
        buttons = QHBoxLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons.addWidget(self.message, 1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)
        self.show_prepared(prepared)

    def show_prepared(self, prepared: Any) -> None:
        self.prepared = prepared
        self.info.setText(self.tr("%1: header on row %2, %Ln customers.", "", len(prepared.rows))
                          .replace("%1", prepared.path.name).replace("%2", str(prepared.header_row + 1)))
        self.preview_model.set_rows(prepared.rows[:PREVIEW_ROWS])
        self.bad_rows.show_rows(prepared.bad_rows, prepared.path.stem)
        self.tabs.setTabText(2, self.tr("Rows that cannot be read (%1)").replace("%1", str(len(prepared.bad_rows))))
        headers = prepared.sheet.rows[prepared.header_row]
        self.mapping_editor.show_mapping(headers, {name: (column,) for name, column in prepared.columns.items()}, {})
        self.import_button.setText(self.tr("Import %Ln customers", "", len(prepared.rows)))
        self.import_button.setEnabled(bool(prepared.rows))
        if not prepared.columns:
            self.message.setText(self.tr("Say under Columns which column holds what (at least a name, phone or "
                                         "WeChat), then apply it."))
            self.tabs.setCurrentIndex(1)

    def apply_mapping(self) -> None:
        mapping = {name: str(header) for name, header in self.mapping_editor.fields().items()}
        try:
            self.show_prepared(prepare_customer_sheet(Path(self.prepared.path), mapping))
            remember_customer_mapping(self.context.database, self.prepared, mapping)
        except Exception as error:  # noqa: BLE001 - a refused mapping is shown, the dialog stays usable
            self.message.setText(core_text(error))

    def start_import(self) -> None:
        self.import_button.setEnabled(False)
        self.progress.show()
        self.progress.setRange(0, 0)
        self.task = run_in_background(
            commit_customer_sheets, self.context.database, [self.prepared],
            on_success=self._imported, on_failure=lambda message, _details: self._stopped(message),
            on_cancelled=lambda: self._stopped(self.tr("Import cancelled: nothing was saved.")),
            on_progress=lambda done, total: (self.progress.setRange(0, total), self.progress.setValue(done)),
        )

    def _imported(self, summaries: list[Any]) -> None:
        self.task = None
        self.finished_import.emit(summaries)
        self.accept()

    def _stopped(self, message: str) -> None:
        self.task = None
        self.progress.hide()
        self.import_button.setEnabled(True)
        self.message.setText(message)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
        else:
            self.reject()
