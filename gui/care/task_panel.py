"""The selected task: its customer card, the filled message with the SMS counter and Copy, and the actions
Done (channel, note to the timeline), Snooze (to a date) and Skip (with a reason). With several tasks
selected, the actions apply to all of them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.care.cards import CustomerCard
from core.care.rules import CareSettings, Channel
from core.care.tasks import TaskRow
from core.safety.privacy import is_masked
from gui.care.month_view import to_date
from gui.care.names import CareNames
from gui.care.sms_counter import SmsCounter
from gui.customers.labels import CustomerLabels


class TaskPanel(QWidget):
    done_requested = Signal(str, str)  # channel, note
    snooze_requested = Signal(object)  # date
    skip_requested = Signal(str)  # reason
    customer_requested = Signal(int, str)  # customer id, their name: show them in the customer book
    start_requested = Signal(int)  # task id: a rep starts it, and sees that buyer's number (logged)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = CareNames(self)
        self.stages = CustomerLabels(self).stages()
        self.settings = CareSettings()
        self.tasks: list[TaskRow] = []
        self.clock: Callable[[], time] = lambda: datetime.now().time()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        card_box = QGroupBox(self.tr("Customer"))
        card_layout = QVBoxLayout(card_box)
        self.card = QLabel()
        self.card.setWordWrap(True)
        self.card.setTextFormat(Qt.TextFormat.PlainText)
        self.card.setMinimumHeight(self.card.fontMetrics().lineSpacing() * 7)
        self.card.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        card_layout.addWidget(self.card)
        self.revealed: dict[int, str] = {}  # task id: the number its rep revealed by starting it
        self.cards: dict[int, CustomerCard] = {}
        self.start_button = QPushButton(self.tr("Start this task (show the number)"))
        self.start_button.setToolTip(self.tr("Rep mode masks phones. Starting the task shows this buyer's number "
                                             "for it; the owner sees it in the audit log."))
        self.start_button.clicked.connect(lambda: self.tasks and self.start_requested.emit(self.tasks[0].id))
        self.open_customer_button = QPushButton(self.tr("Show in the customer book"))
        self.open_customer_button.clicked.connect(self._open_customer)
        card_buttons = QHBoxLayout()
        card_buttons.addStretch(1)
        card_buttons.addWidget(self.start_button)
        card_buttons.addWidget(self.open_customer_button)
        card_layout.addLayout(card_buttons)
        top = QHBoxLayout()
        top.addWidget(card_box, 2)

        message_box = QGroupBox(self.tr("Message"))
        message_layout = QVBoxLayout(message_box)
        self.message = QPlainTextEdit()
        self.message.setReadOnly(True)
        self.message.setMaximumHeight(70)
        message_layout.addWidget(self.message)
        counter_row = QHBoxLayout()
        self.counter = SmsCounter()
        counter_row.addWidget(self.counter, 1)
        self.copy_button = QPushButton(self.tr("Copy message"))
        self.copy_button.clicked.connect(self.copy_message)
        counter_row.addWidget(self.copy_button)
        message_layout.addLayout(counter_row)
        self.unfilled_hint = QLabel()  # a placeholder without a value: the message must not go out like this
        self.unfilled_hint.setWordWrap(True)
        self.unfilled_hint.setStyleSheet("color: #c0392b;")
        self.unfilled_hint.setVisible(False)
        message_layout.addWidget(self.unfilled_hint)
        self.window_hint = QLabel()
        self.window_hint.setStyleSheet("color: #c0392b;")
        self.window_hint.setVisible(False)
        message_layout.addWidget(self.window_hint)
        top.addWidget(message_box, 3)
        layout.addLayout(top)

        actions = QGroupBox(self.tr("Work the task"))
        form = QFormLayout(actions)
        done_row = QHBoxLayout()
        self.channel = QComboBox()
        for channel in Channel:
            self.channel.addItem(self.names.channel(channel), str(channel))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Optional note for the customer's timeline"))
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.clicked.connect(self._done)
        done_row.addWidget(self.channel)
        done_row.addWidget(self.note, 1)
        done_row.addWidget(self.done_button)
        form.addRow(self.tr("Contacted by:"), done_row)
        snooze_row = QHBoxLayout()
        self.snooze_date = QDateEdit()
        self.snooze_date.setCalendarPopup(True)
        self.snooze_date.setDisplayFormat("yyyy-MM-dd")
        self.snooze_button = QPushButton(self.tr("Snooze"))
        self.snooze_button.clicked.connect(lambda: self.snooze_requested.emit(to_date(self.snooze_date.date())))
        snooze_row.addWidget(self.snooze_date)
        snooze_row.addWidget(self.snooze_button)
        snooze_row.addStretch(1)
        form.addRow(self.tr("Snooze to:"), snooze_row)
        skip_row = QHBoxLayout()
        self.skip_reason = QLineEdit()
        self.skip_reason.setPlaceholderText(self.tr("Why skip (required)"))
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.clicked.connect(self._skip)
        skip_row.addWidget(self.skip_reason, 1)
        skip_row.addWidget(self.skip_button)
        form.addRow(self.tr("Skip:"), skip_row)
        layout.addWidget(actions)
        self.show_tasks([], {}, date.today())

    def show_tasks(self, tasks: list[TaskRow], cards: dict[int, CustomerCard], today: date) -> None:
        self.tasks = tasks
        self.cards = cards
        card = cards.get(tasks[0].customer_id) if len(tasks) == 1 else None
        self.start_button.setVisible(card is not None and is_masked(card.phone) and tasks[0].id not in self.revealed)
        has_tasks = bool(tasks)
        for widget in (self.done_button, self.snooze_button, self.skip_button):
            widget.setEnabled(has_tasks)
        self.copy_button.setEnabled(len(tasks) == 1)
        self.open_customer_button.setEnabled(len(tasks) == 1)
        tomorrow = today + timedelta(days=1)
        self.snooze_date.setMinimumDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self.snooze_date.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self.note.clear()
        self.skip_reason.clear()
        self._show_window_hint()
        self._show_unfilled(tasks[0] if len(tasks) == 1 else None)
        if not tasks:
            self.card.setText(self.tr("Select a task in the agenda."))
            self.message.clear()
            self.counter.clear()
            return
        if len(tasks) > 1:
            self.card.setText(self.tr("%1 tasks selected: the actions apply to all of them.")
                              .replace("%1", str(len(tasks))))
            self.message.clear()
            self.counter.clear()
            return
        task = tasks[0]
        self.card.setText(self._card_text(task, cards.get(task.customer_id)))
        self.message.setPlainText(self._shown_message(task))
        self.channel.setCurrentIndex(max(0, self.channel.findData(task.channel)))
        if task.channel == Channel.SMS:
            self.counter.show_for(task.message, self.settings.sms_signature, self.settings.opt_out)
        else:
            self.counter.setText(self.tr("%n characters", "", len(task.message)))
            self.counter.setStyleSheet("")

    def _show_window_hint(self) -> None:
        """Messages to buyers go out inside the send window; say so when it is closed now."""
        outreach = any(task.channel for task in self.tasks)
        closed = outreach and not self.settings.in_send_window(self.clock())
        self.window_hint.setVisible(closed)
        if closed:
            self.window_hint.setText(
                self.tr("Outside the send window (%1–%2): better contact the buyer after %1.")
                .replace("%1", self.settings.window_start.strftime("%H:%M"))
                .replace("%2", self.settings.window_end.strftime("%H:%M")))

    def _show_unfilled(self, task: TaskRow | None) -> None:
        missing = task.unfilled if task is not None else []
        self.unfilled_hint.setVisible(bool(missing))
        if missing:
            self.copy_button.setEnabled(False)
            self.unfilled_hint.setText(
                self.tr("⚠ Nothing to fill in for %1: give it in Settings (the shop's name) or write the message "
                        "yourself before sending.").replace("%1", "、".join(self.names.placeholder(name)
                                                                            for name in missing)))

    def _shown_message(self, task: TaskRow) -> str:
        if task.channel == Channel.SMS and self.settings.sms_signature:
            return self.settings.sms_signature + task.message
        return task.message

    def _card_text(self, task: TaskRow, card: CustomerCard | None) -> str:
        if card is None:
            return task.customer_name
        lines = [card.display_name + (f"（{card.nickname}）" if card.nickname and card.name else "")
                 + ("  ★ VIP" if card.is_vip else "")]
        phone = self.revealed.get(task.id, card.phone)
        lines.append(self.tr("Phone: %1").replace("%1", phone or "—")
                     + ("    " + self.tr("WeChat: %1").replace("%1", card.wechat_id) if card.wechat_id else ""))
        lines.append(self.tr("Stage: %1 · %Ln paid orders · spent ¥%2", "", card.paid_orders)
                     .replace("%1", self.stages.get(card.stage, card.stage)).replace("%2", f"{card.total_spent:,.2f}"))
        if card.tags:
            lines.append(self.tr("Tags: %1").replace("%1", "、".join(card.tags)))
        if card.last_item:
            lines.append(self.tr("Last bought: %1").replace("%1", card.last_item))
        return "\n".join(lines)

    def show_revealed(self, task_id: int, phone: str | None) -> None:
        self.revealed[task_id] = phone or "—"
        if len(self.tasks) == 1 and self.tasks[0].id == task_id:
            self.card.setText(self._card_text(self.tasks[0], self.cards.get(self.tasks[0].customer_id)))
            self.start_button.setVisible(False)

    def _open_customer(self) -> None:
        if len(self.tasks) == 1:
            self.customer_requested.emit(self.tasks[0].customer_id, self.tasks[0].customer_name)

    def copy_message(self) -> None:
        if len(self.tasks) == 1:
            QGuiApplication.clipboard().setText(self.message.toPlainText())

    def _done(self) -> None:
        self.done_requested.emit(self.channel.currentData(), self.note.text())

    def _skip(self) -> None:
        if not self.skip_reason.text().strip():
            self.skip_reason.setFocus()
            self.skip_reason.setPlaceholderText(self.tr("Please say why this task is skipped"))
            return
        self.skip_requested.emit(self.skip_reason.text().strip())
