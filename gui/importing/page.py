"""The Import page: a wizard from dropped or chosen order sheets to customers, and the import history.

Steps: choose files -> review (detected layout, preview as stored, column mapping, bad rows) -> importing
(progress, Cancel rolls back) -> summary (counts, a link to the new customers). Reading, importing and
undoing run in workers; this page only shows what they hand back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.importing import (
    PRESETS,
    commit_imports,
    import_history,
    import_notices,
    name_the_shop,
    needs_shop_name,
    prepare_customer_files,
    prepare_files,
    reparse_with,
    save_column_mapping,
    undo_import,
)
from core.importing.presets import custom_preset
from core.store.models import OrderStatus
from gui.context import AppContext
from gui.core_text import core_text
from gui.file_dialogs import Folder, open_path, open_paths
from gui.importing.bad_rows import BadRowsPanel
from gui.importing.customer_sheet_dialog import CustomerSheetDialog
from gui.importing.mapping import MappingEditor
from gui.importing.mapping import mapping_page as make_mapping_page
from gui.importing.models import PREVIEW_ROWS, HistoryModel, PreviewModel, table_view
from gui.importing.preset_names import preset_name
from gui.safety.owner_only import owner_only_tip, rep_mode_watch
from gui.widgets import PageHeader
from gui.worker import BackgroundTask, run_in_background

SHEET_FILTER = "*.xlsx *.xls *.csv *.txt"
STEP_CHOOSE, STEP_REVIEW, STEP_PROGRESS, STEP_SUMMARY = range(4)


class ImportPage(QWidget):
    finished = Signal()  # an import or undo finished (tests wait for it)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.prepared: list[Any] = []
        self.summaries: list[Any] = []
        self.task: BackgroundTask | None = None
        self.writing = False  # the task is an import or an undo: closing now would throw its work away
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.addWidget(PageHeader(self.tr("Import"), self.tr("Turn the order sheets your shop back-end exports into customers.")))
        self.steps = QStackedWidget()
        self.steps.addWidget(self._build_choose())
        self.steps.addWidget(self._build_review())
        self.steps.addWidget(self._build_progress())
        self.steps.addWidget(self._build_summary())
        layout.addWidget(self.steps, 3)
        layout.addWidget(self._build_history(), 2)
        context.database_changed.connect(self.reload_history)
        self.reload_history()

    # --- building -------------------------------------------------------------------------------------
    def _build_choose(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        hint = QLabel(self.tr("Drop order sheets (xlsx, xls or csv) anywhere on this window, or choose them."))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(hint)
        self.choose_button = QPushButton(self.tr("Choose order sheets…"))
        self.choose_button.clicked.connect(self.choose_files)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.choose_button)
        self.customers_button = QPushButton(self.tr("Import my own customer list…"))
        self.customers_button.clicked.connect(self.choose_customer_list)
        row.addWidget(self.customers_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.choose_message = QLabel()
        self.choose_message.setWordWrap(True)
        self.choose_message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choose_message.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.choose_message)
        layout.addStretch(1)
        return page

    def _build_review(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        self.file_combo = QComboBox()
        self.file_combo.currentIndexChanged.connect(self._show_file)
        top.addWidget(QLabel(self.tr("File:")))
        top.addWidget(self.file_combo, 1)
        top.addWidget(QLabel(self.tr("Layout:")))
        self.preset_combo = QComboBox()
        for key in sorted(PRESETS):
            self.preset_combo.addItem(preset_name(key), key)
        self.preset_combo.activated.connect(self._preset_chosen)
        top.addWidget(self.preset_combo, 1)
        layout.addLayout(top)
        self.detected_label = QLabel()
        layout.addWidget(self.detected_label)
        # What the user should know before importing: a file naming no buyers, optional cells stored empty.
        self.notices_label = QLabel()
        self.notices_label.setWordWrap(True)
        self.notices_label.setStyleSheet("color: #7a4f01;")
        layout.addWidget(self.notices_label)

        self.tabs = QTabWidget()
        self.preview_model = PreviewModel(self.status_text, self)
        self.preview_view = table_view(self.preview_model)
        self.tabs.addTab(self.preview_view, self.tr("Preview"))
        self.mapping_editor = MappingEditor()
        self.apply_mapping_button = QPushButton(self.tr("Apply this mapping"))
        self.apply_mapping_button.clicked.connect(self.apply_mapping)
        self.save_mapping_button = QPushButton(self.tr("Save mapping for files like this…"))
        self.save_mapping_button.clicked.connect(self.save_mapping)
        mapping_page = make_mapping_page(self.mapping_editor, self.apply_mapping_button, self.save_mapping_button)
        self.tabs.addTab(mapping_page, self.tr("Columns"))
        self.bad_rows = BadRowsPanel()
        self.bad_model = self.bad_rows.model
        self.tabs.addTab(self.bad_rows, self.tr("Rows that cannot be read"))
        layout.addWidget(self.tabs, 1)

        buttons = QHBoxLayout()
        self.review_message = QLabel()
        self.review_message.setWordWrap(True)
        buttons.addWidget(self.review_message, 1)
        self.back_button = QPushButton(self.tr("Cancel"))
        self.back_button.clicked.connect(self.start_over)
        self.import_button = QPushButton()
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)
        return page

    def _build_progress(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.progress_label = QLabel()
        layout.addWidget(self.progress_label)
        self.progress_bar = QProgressBar()
        layout.addWidget(self.progress_bar)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_task)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _build_summary(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.new_customers_link = QLabel()
        self.new_customers_link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.new_customers_link.linkActivated.connect(self.show_new_customers)
        layout.addWidget(self.new_customers_link)
        self.more_button = QPushButton(self.tr("Import more sheets"))
        self.more_button.clicked.connect(self.start_over)
        row = QHBoxLayout()
        row.addWidget(self.more_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _build_history(self) -> QWidget:
        box = QGroupBox(self.tr("Import history"))
        layout = QVBoxLayout(box)
        self.history_model = HistoryModel(self)
        self.history_view = table_view(self.history_model)
        self.history_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history_view.selectionModel().selectionChanged.connect(self._history_selected)
        layout.addWidget(self.history_view)
        row = QHBoxLayout()
        row.addStretch(1)
        self.undo_button = QPushButton(self.tr("Undo this import…"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_selected)
        row.addWidget(self.undo_button)
        rep_mode_watch(self.context).changed.connect(self._history_selected)
        layout.addLayout(row)
        return box

    def status_text(self, status: str) -> str:
        return {
            OrderStatus.UNPAID: self.tr("unpaid"), OrderStatus.PAID: self.tr("paid"),
            OrderStatus.SHIPPED: self.tr("shipped"), OrderStatus.COMPLETED: self.tr("completed"),
            OrderStatus.CLOSED: self.tr("closed"), OrderStatus.REFUNDED: self.tr("refunded"),
        }.get(status, status)

    # --- choosing and reading files --------------------------------------------------------------------
    def choose_files(self) -> None:
        paths = open_paths(self, self.tr("Choose order sheets"),
                           self.tr("Order sheets (%1);;All files (*)").replace("%1", SHEET_FILTER), Folder.SHEETS)
        if paths:
            self.open_files(paths)

    def choose_customer_list(self) -> None:
        path = open_path(self, self.tr("Choose your customer list"),
                         self.tr("Sheets (%1);;All files (*)").replace("%1", SHEET_FILTER), Folder.SHEETS)
        if path:
            self.open_customer_list(path)

    def open_customer_list(self, path: Path) -> None:
        """Read a customer list in a worker, then review and import it in its own dialog."""
        self.choose_message.clear()
        self._run(self.tr("Reading %1…").replace("%1", path.name), prepare_customer_files, self.context.database,
                  [path], unknown_layout_ok=True, on_success=self._customer_list_read,
                  on_failure=self._files_refused, on_cancelled=self.start_over)

    def _customer_list_read(self, prepared: list[Any]) -> None:
        self.steps.setCurrentIndex(STEP_CHOOSE)
        self.customer_dialog = CustomerSheetDialog(self.context, prepared[0], self)
        self.customer_dialog.finished_import.connect(self._imported)
        self.customer_dialog.open()

    def open_files(self, paths: list[Path]) -> None:
        """Read the files in a worker, then show the review step (or say why a file was refused)."""
        self.choose_message.clear()
        self._run(
            self.tr("Reading %1…").replace("%1", ", ".join(path.name for path in paths)),
            prepare_files, self.context.database, paths, unknown_layout_ok=True,
            on_success=self._files_read, on_failure=self._files_refused, on_cancelled=self.start_over,
        )

    def _files_read(self, prepared: list[Any]) -> None:
        self.prepared = prepared
        self.file_combo.blockSignals(True)
        self.file_combo.clear()
        self.file_combo.addItems([item.path.name for item in prepared])
        self.file_combo.blockSignals(False)
        self.file_combo.setEnabled(len(prepared) > 1)
        self._show_file(0)
        self.steps.setCurrentIndex(STEP_REVIEW)

    def _files_refused(self, message: str, _details: str) -> None:
        self.steps.setCurrentIndex(STEP_CHOOSE)
        self.choose_message.setText(message)

    def current(self) -> Any:
        return self.prepared[max(self.file_combo.currentIndex(), 0)]

    def _show_file(self, _index: int) -> None:
        if not self.prepared:
            return
        item = self.current()
        position = self.preset_combo.findData(item.preset.key)
        if position < 0:
            self.preset_combo.addItem(preset_name(item.preset.key), item.preset.key)
            position = self.preset_combo.count() - 1
        self.preset_combo.setCurrentIndex(position)
        self.detected_label.setText(
            self.tr("Header on row %1 · rows: %2 · orders: %3").replace("%1", str(item.header_row + 1))
            .replace("%2", f"{item.rows_read:,}").replace("%3", f"{item.order_count:,}")
        )
        self.preview_model.set_rows(item.orders[:PREVIEW_ROWS])
        self.preview_view.resizeColumnsToContents()
        self.mapping_editor.show_mapping(item.headers, item.columns, item.preset.fields)
        notices = [core_text(notice) for prepared in self.prepared for notice in import_notices(prepared)]
        self.notices_label.setText("\n".join(notices))
        self.notices_label.setVisible(bool(notices))
        bad_rows = [bad for prepared in self.prepared for bad in prepared.bad_rows]
        self.bad_rows.show_rows(bad_rows, self.current().path.stem)
        # A row can have several problems (one line each in the list); the tab and the text both count rows.
        bad_row_count = len({(bad.file, bad.row) for bad in bad_rows})
        self.tabs.setTabText(2, self.tr("Rows that cannot be read (%1)").replace("%1", str(bad_row_count)))
        orders = sum(prepared.order_count for prepared in self.prepared)
        self.import_button.setEnabled(orders > 0)
        if not item.columns:
            self.review_message.setText(self.tr("Laoke does not know this layout: choose it above, or say under "
                                                "Columns which column holds what (at least the order number)."))
            self.import_button.setText(self.tr("Import"))
            self.tabs.setCurrentIndex(1)
        elif bad_rows:
            self.review_message.setText(
                self.tr("%Ln rows cannot be read and will be left out (see the list). Import the rest?", "",
                        bad_row_count)
            )
            self.import_button.setText(self.tr("Import the good rows (%Ln orders)", "", orders))
        else:
            self.review_message.setText(self.tr("Every row can be read."))
            self.import_button.setText(self.tr("Import %Ln orders", "", orders))

    def _preset_chosen(self, _index: int) -> None:
        key = self.preset_combo.currentData()
        if key in PRESETS and key != self.current().preset.key:
            self._reparse(PRESETS[key])

    def apply_mapping(self) -> None:
        item = self.current()
        self._reparse(custom_preset(self.tr("My mapping"), item.preset.platform, self.mapping_editor.fields()))

    def save_mapping(self) -> None:
        name, accepted = QInputDialog.getText(self, self.tr("Save mapping"), self.tr("Name for this layout:"))
        if not accepted or not name.strip():
            return
        item = self.current()
        preset = save_column_mapping(self.context.database, item, name.strip(), item.preset.platform,
                                     self.mapping_editor.fields())
        self._reparse(preset)

    def _reparse(self, preset: Any) -> None:
        index = max(self.file_combo.currentIndex(), 0)

        def replaced(prepared: Any) -> None:
            self.prepared[index] = prepared
            self.steps.setCurrentIndex(STEP_REVIEW)
            self._show_file(index)

        self._run(self.tr("Reading the sheet again…"), reparse_with, self.prepared[index], preset,
                  on_success=replaced, on_failure=self._reparse_failed, on_cancelled=lambda: self.steps.setCurrentIndex(STEP_REVIEW))

    def _reparse_failed(self, message: str, _details: str) -> None:
        self.steps.setCurrentIndex(STEP_REVIEW)
        self.review_message.setText(message)

    # --- importing ----------------------------------------------------------------------------------------
    def start_import(self) -> None:
        for prepared in self.prepared:
            if needs_shop_name(prepared) and not self._ask_shop(prepared):
                return
        self.writing = True
        self._run(self.tr("Importing…"), commit_imports, self.context.database, list(self.prepared),
                  on_success=self._imported, on_failure=self._import_failed, on_cancelled=self._import_cancelled)

    def _ask_shop(self, prepared: Any) -> bool:
        """Which shop a file that does not say comes from; False when the user cancels the import."""
        shop, accepted = QInputDialog.getText(
            self, self.tr("Which shop is this file?"),
            self.tr("%1 does not say which of your shops its orders come from. Shop name (leave empty if you "
                    "have only one):").replace("%1", prepared.path.name),
            text=prepared.shop_suggested)  # the last answer for this platform: one Enter for a one-shop seller
        if accepted:
            name_the_shop(prepared, shop)
        return accepted

    def _imported(self, summaries: list[Any]) -> None:
        self.summaries = summaries
        self.prepared = []
        lines = [self.summary_text(summary) for summary in summaries]
        self.summary_label.setText("\n".join(lines))
        new_ids = self.new_customer_ids()
        link = self.tr("Show the %Ln new customers", "", len(new_ids))
        self.new_customers_link.setText(f"<a href='new'>{link}</a>" if new_ids else "")
        self.steps.setCurrentIndex(STEP_SUMMARY)
        self._changed()

    def summary_text(self, summary: Any) -> str:
        if not hasattr(summary, "orders_new"):  # a customer list
            text = self.tr("%1 — new customers: %2 · known customers completed: %3 · rows left out: %4")
            counts = (summary.customers_new, summary.customers_matched, summary.rows_rejected)
        else:
            text = self.tr("%1 — new orders: %2 · updated: %3 · unchanged: %4 · new customers: %5 · returning: %6 · "
                           "rows left out: %7")
            counts = (summary.orders_new, summary.orders_updated, summary.orders_unchanged, summary.customers_new,
                      summary.customers_matched, summary.rows_rejected)
        for number, count in enumerate(counts, start=2):
            text = text.replace(f"%{number}", f"{count:,}")
        return text.replace("%1", summary.file_name)  # last: a "%2" in a file's name stays as it is

    def new_customer_ids(self) -> list[int]:
        return [cid for summary in self.summaries for cid in summary.new_customer_ids]

    def show_new_customers(self, _link: str = "") -> None:
        self.context.show_customers_requested.emit(self.new_customer_ids(), self.tr("New from the last import"))

    def _import_failed(self, message: str, _details: str) -> None:
        self.steps.setCurrentIndex(STEP_REVIEW)
        self.review_message.setText(self.tr("Nothing was imported: %1").replace("%1", message))
        self.finished.emit()

    def _import_cancelled(self) -> None:
        self.steps.setCurrentIndex(STEP_REVIEW)
        self.review_message.setText(self.tr("Import cancelled: nothing was saved."))
        self.finished.emit()

    def start_over(self) -> None:
        self.prepared = []
        self.steps.setCurrentIndex(STEP_CHOOSE)

    # --- history and undo --------------------------------------------------------------------------------
    def reload_history(self) -> None:
        self.history_model.set_rows(import_history(self.context.database))
        self.history_view.resizeColumnsToContents()
        self.undo_button.setEnabled(False)

    def _history_selected(self) -> None:
        """Undoing deletes the customers an import brought: the owner's, so in rep mode the button says so."""
        batch = self.selected_batch()
        rep_mode = rep_mode_watch(self.context).rep_mode
        self.undo_button.setEnabled(batch is not None and batch["status"] == "committed" and not rep_mode)
        self.undo_button.setToolTip(owner_only_tip() if rep_mode else "")

    def selected_batch(self) -> dict[str, Any] | None:
        rows = self.history_view.selectionModel().selectedRows()
        return self.history_model.row_at(rows[0].row()) if rows else None

    def undo_selected(self) -> None:
        batch = self.selected_batch()
        if batch is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Undo import"),
            self.tr("Undo the import of %1? Its new orders and the customers only it created are removed, and the "
                    "orders it updated get their earlier values back.").replace("%1", batch["file_name"]),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        previous = self.steps.currentIndex()
        self.writing = True
        self._run(self.tr("Undoing the import of %1…").replace("%1", batch["file_name"]),
                  undo_import, self.context.database, batch["id"],
                  on_success=lambda _summary: (self.steps.setCurrentIndex(previous), self._changed()),
                  on_failure=lambda message, _details: (
                      self.steps.setCurrentIndex(previous),
                      QMessageBox.warning(self, self.tr("Undo import"), message), self.finished.emit()),
                  on_cancelled=lambda: self.steps.setCurrentIndex(previous))

    # --- plumbing -----------------------------------------------------------------------------------------
    def _changed(self) -> None:
        self.reload_history()
        self.context.data_changed.emit()
        self.finished.emit()

    def _run(self, label: str, function: Any, *args: Any, on_success: Any, on_failure: Any, on_cancelled: Any,
             **kwargs: Any) -> None:
        self.progress_label.setText(label)
        self.progress_bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.steps.setCurrentIndex(STEP_PROGRESS)
        self.task = run_in_background(
            function, *args, on_success=on_success, on_failure=on_failure, on_cancelled=on_cancelled,
            on_progress=self._progress, on_finished=self._task_finished, **kwargs,
        )

    def _progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)

    def cancel_task(self) -> None:
        if self.task is not None:
            self.cancel_button.setEnabled(False)
            self.task.cancel()

    def _task_finished(self) -> None:
        self.task = None
        self.writing = False

    def busy(self) -> bool:
        return self.task is not None

    # --- drag and drop onto the page (the main window forwards drops on the rest of the window) ----------
    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 - Qt's name
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and not self.busy():
            self.open_files(paths)
