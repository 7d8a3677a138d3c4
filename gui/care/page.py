"""The Care calendar page: a month with each day's tasks by kind, the selected day's agenda (Today puts overdue
tasks first), and the selected task to work: Done, Snooze, Skip — one task or a selection."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.care import jobs
from gui.care.month_view import MonthView, to_date, to_qdate
from gui.care.names import KIND_COLORS, CareNames
from gui.care.task_model import COL_MESSAGE, TaskTableModel
from gui.care.task_panel import TaskPanel
from gui.context import AppContext
from gui.file_dialogs import save_path
from gui.safety.owner_only import owner_only
from gui.widgets import PageHeader
from gui.worker import BackgroundTask, run_in_background


class CarePage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.day = self.today
        self.names = CareNames(self)
        self.generated: tuple[date, date] | None = None
        self.cards: dict = {}
        self.loading = False
        self._load_again: bool | None = None  # a load asked for while one runs: None, or its `regenerate`
        self.notice = ""  # what the last action did, shown with the next counts
        self.select_after_load: int | None = None  # after done/snooze/skip: the row to select once reloaded

        layout = QVBoxLayout(self)
        layout.addWidget(PageHeader(self.tr("Care calendar"), self.tr("Whom to greet, thank, remind or win back today.")))
        toolbar = QHBoxLayout()
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.clicked.connect(self.go_to_today)
        self.refresh_button = QPushButton(self.tr("Regenerate"))
        self.refresh_button.setToolTip(self.tr("Apply the rules again to the latest orders and customers"))
        self.refresh_button.clicked.connect(self.regenerate)
        self.rules_button = QPushButton(self.tr("Rules…"))
        self.rules_button.clicked.connect(self.open_rules)
        owner_only(context, self.rules_button)
        self.export_button = QPushButton(self.tr("Export"))
        export_menu = QMenu(self.export_button)
        self.export_day_action = QAction(self.tr("The day's tasks to Excel…"), self)
        self.export_day_action.triggered.connect(lambda: self.export("xlsx", self.day, self.day))
        self.export_month_action = QAction(self.tr("The month's tasks to Excel…"), self)
        self.export_month_action.triggered.connect(lambda: self.export("xlsx", *self.shown_month()))
        self.export_ics_action = QAction(self.tr("Calendar for a year to .ics…"), self)
        self.export_ics_action.triggered.connect(
            lambda: self.export("ics", self.shown_month()[0], self.shown_month()[0] + timedelta(days=366)))
        for action in (self.export_day_action, self.export_month_action, self.export_ics_action):
            export_menu.addAction(action)
        self.export_button.setMenu(export_menu)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_running)
        self.running_task: BackgroundTask | None = None
        self.status = QLabel()
        for widget in (self.today_button, self.refresh_button, self.rules_button, self.export_button):
            toolbar.addWidget(widget)
        toolbar.addWidget(self.progress)
        toolbar.addWidget(self.cancel_button)
        toolbar.addWidget(self.status, 1)
        layout.addLayout(toolbar)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.month = MonthView()
        self.month.setSelectedDate(to_qdate(self.today))
        self.month.selectionChanged.connect(self._day_chosen)
        self.month.currentPageChanged.connect(lambda _year, _month: self.reload())
        left_layout.addWidget(self.month)
        left_layout.addWidget(self.month.schedule_note)
        legend = QHBoxLayout()
        for kind, color in KIND_COLORS.items():
            chip = QLabel(f"■ {self.names.kind(kind)}")
            chip.setStyleSheet(f"color: {color.name()};")
            legend.addWidget(chip)
        legend.addStretch(1)
        left_layout.addLayout(legend)
        left_layout.addStretch(1)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.agenda_title = QLabel()
        font = self.agenda_title.font()
        font.setBold(True)
        self.agenda_title.setFont(font)
        right_layout.addWidget(self.agenda_title)
        self.model = TaskTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        agenda_split = QSplitter(Qt.Orientation.Vertical)
        agenda_split.addWidget(self.table)
        self.panel = TaskPanel()
        self.panel.done_requested.connect(lambda channel, note: self.work("done", channel, note))
        self.panel.snooze_requested.connect(lambda until: self.work("snooze", until))
        self.panel.skip_requested.connect(lambda reason: self.work("skip", reason))
        self.panel.start_requested.connect(self.start_task)
        self.panel.customer_requested.connect(
            lambda customer_id, name: context.show_customers_requested.emit(
                [customer_id], self.tr("Care task for %1").replace("%1", name)))
        agenda_split.addWidget(self.panel)
        agenda_split.setStretchFactor(0, 1)
        agenda_split.setChildrenCollapsible(False)
        right_layout.addWidget(agenda_split, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        context.data_changed.connect(lambda: self.reload(regenerate=True))
        context.care_settings_changed.connect(lambda: self.reload(regenerate=True))
        self._show_title()
        self.reload(regenerate=True)

    # -- loading ---------------------------------------------------------------------------------------------

    @property
    def today(self) -> date:
        return self.context.today()

    def shown_month(self) -> tuple[date, date]:
        year, month = self.month.yearShown(), self.month.monthShown()
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])

    def reload(self, regenerate: bool = False) -> None:
        """Read the shown month and the selected day; generate first when asked or when the month is new."""
        first, last = self.shown_month()
        if self.generated is None or first < self.generated[0] or last > self.generated[1]:
            regenerate = True
        if self.loading:
            self._load_again = bool(self._load_again) or regenerate
            return
        self.loading = True
        self._busy(self.tr("Generating care tasks…") if regenerate else "")
        task = run_in_background(
            jobs.load_calendar, self.context.database, first, last, self.day, self.today, regenerate,
            on_success=self._loaded, on_failure=self._failed, on_progress=self._progress,
            on_cancelled=lambda: self.status.setText(self.tr("Cancelled: nothing was changed.")),
            on_finished=self._load_finished,
        )
        self._watch(task)

    def regenerate(self) -> None:
        """Regenerate: plan again from the rules, and say so (on a calendar that was up to date, nothing else
        would show that it ran)."""
        self.notice = self.tr("Planned again from the rules")
        self.reload(regenerate=True)

    def _loaded(self, data: jobs.CalendarData) -> None:
        if data.generated is not None:
            self.generated = data.generated if self.generated is None else (
                min(self.generated[0], data.generated[0]), max(self.generated[1], data.generated[1]))
        self.month.set_counts(data.counts)
        self.cards = data.cards
        self.panel.settings = data.settings
        self.model.set_rows(data.agenda)
        if self.select_after_load is not None and self.model.rowCount():
            self.table.selectRow(min(self.select_after_load, self.model.rowCount() - 1))
        self.select_after_load = None
        self._show_title()
        overdue = sum(task.overdue for task in data.agenda)
        tasks = len(data.agenda)
        counts = (self.tr("%Ln tasks, %1 overdue", "", tasks).replace("%1", f"{overdue:,}") if overdue
                  else self.tr("%Ln tasks", "", tasks))
        self.status.setText(f"{self.notice} — {counts}" if self.notice else counts)
        self.notice = ""
        self._selection_changed()
        self.context.care_tasks_changed.emit()

    def _load_finished(self) -> None:
        self.loading = False
        self._idle()
        if self._load_again is not None:
            regenerate, self._load_again = self._load_again, None
            self.reload(regenerate)

    def _failed(self, message: str, _details: str) -> None:
        QMessageBox.warning(self, self.tr("Care calendar"), message)

    def _busy(self, text: str) -> None:
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        if text:
            self.status.setText(text)

    def _watch(self, task: BackgroundTask) -> None:
        """Let Cancel stop this task (generation rolls back; an export leaves no file)."""
        self.running_task = task
        self.cancel_button.setVisible(True)

    def cancel_running(self) -> None:
        if self.running_task is not None:
            self.running_task.cancel()

    def _idle(self) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.running_task = None

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    # -- selection -------------------------------------------------------------------------------------------

    def go_to_today(self) -> None:
        self.month.setSelectedDate(to_qdate(self.today))
        self.month.setCurrentPage(self.today.year, self.today.month)
        self._day_chosen()

    def _day_chosen(self) -> None:
        self.day = to_date(self.month.selectedDate())
        self._show_title()
        self.reload()

    def _show_title(self) -> None:
        # Today is for coming back: on today already, in today's month, it has nowhere to go.
        away = self.day != self.today or (self.month.yearShown(), self.month.monthShown()) != (
            self.today.year, self.today.month)
        self.today_button.setEnabled(away)
        self.today_button.setToolTip("" if away else self.tr("Today is the day shown."))
        if self.day == self.today:
            self.agenda_title.setText(self.tr("Today, %1 — overdue tasks first").replace("%1", self.day.isoformat()))
        else:
            self.agenda_title.setText(self.tr("Agenda for %1").replace("%1", self.day.isoformat()))

    def selected_tasks(self) -> list:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.task(row) for row in rows]

    def _selection_changed(self, *_args: Any) -> None:
        self.panel.show_tasks(self.selected_tasks(), self.cards, self.today)

    # -- actions ---------------------------------------------------------------------------------------------

    def work(self, action: str, argument: Any, note: str = "") -> None:
        ids = [task.id for task in self.selected_tasks()]
        if not ids:
            return
        # The worked tasks leave the agenda: the row they started at then holds the next one to work on.
        self.select_after_load = min(index.row() for index in self.table.selectionModel().selectedRows())
        run_in_background(
            jobs.work_tasks, self.context.database, action, ids, argument, note,
            on_success=lambda count: self._worked(action, count), on_failure=self._failed,
        )

    def start_task(self, task_id: int) -> None:
        run_in_background(jobs.start_task, self.context.database, task_id,
                          on_success=lambda phone: self.panel.show_revealed(task_id, phone), on_failure=self._failed)

    def _worked(self, action: str, count: int) -> None:
        texts = {"done": self.tr("%1 marked done"), "snooze": self.tr("%1 snoozed"), "skip": self.tr("%1 skipped")}
        self.notice = texts[action].replace("%1", str(count))
        self.reload()

    def open_rules(self) -> None:
        from gui.care.rules_dialog import RulesDialog

        dialog = RulesDialog(self.context, self)
        dialog.saved.connect(lambda: self.reload(regenerate=True))
        dialog.open()
        self.rules_dialog = dialog

    def export(self, kind: str, first: date, last: date) -> None:
        if kind == "ics":
            suggested, filters = f"laoke-care-{first}.ics", self.tr("iCalendar (*.ics)")
        else:
            suggested, filters = f"laoke-care-{first}-{last}.xlsx", self.tr("Excel workbook (*.xlsx)")
        path = save_path(self, self.tr("Export"), suggested, filters)
        if not path:
            return
        self._busy(self.tr("Exporting…"))
        task = run_in_background(
            jobs.export_file, self.context.database, kind, path, first, last, self.names.export_words(),
            on_success=self._exported, on_failure=self._failed, on_finished=self._idle,
        )
        self._watch(task)

    def _exported(self, result: tuple[Path, int]) -> None:
        path, count = result
        self.status.setText(self.tr("Wrote %Ln items to %1", "", count).replace("%1", str(path)))
