"""Settings → Care calendar: the shop's name, the frequency cap, the send window, the SMS signature, the
opt-out phrase, what to do with care that fell due before an import (the backlog policy) and how long an
unpaid order is worth a 催付 on the Today desk."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from core.care.rules import BACKLOG_CATCH_UP, BACKLOG_SKIP, UNPAID_REMIND_DAYS_MAX, CareSettings
from gui.care import jobs
from gui.context import AppContext
from gui.worker import run_in_background


def to_time(value: QTime) -> time:
    return time(value.hour(), value.minute())


class CareSettingsSection(QGroupBox):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setTitle(self.tr("Care calendar"))
        form = QFormLayout(self)
        self.shop_name = QLineEdit()
        self.shop_name.setPlaceholderText(self.tr("as buyers know it, e.g. 老客茶铺"))
        self.shop_name.setToolTip(self.tr("Messages say it where a template has {店铺}; empty: the shop name "
                                          "in your imported order sheets"))
        form.addRow(self.tr("Shop name:"), self.shop_name)
        cap_row = QHBoxLayout()
        self.cap_count = QSpinBox()
        self.cap_count.setRange(1, 10)
        self.cap_days = QSpinBox()
        self.cap_days.setRange(1, 60)
        self.cap_words = QLabel()
        self.days_word = QLabel()
        for spin in (self.cap_count, self.cap_days):
            spin.valueChanged.connect(self._say_cap)
        cap_row.addWidget(QLabel(self.tr("at most")))
        cap_row.addWidget(self.cap_count)
        cap_row.addWidget(self.cap_words)
        cap_row.addWidget(self.cap_days)
        cap_row.addWidget(self.days_word)
        cap_row.addStretch(1)
        self._say_cap()
        form.addRow(self.tr("Frequency cap:"), cap_row)
        window_row = QHBoxLayout()
        self.window_start = QTimeEdit()
        self.window_end = QTimeEdit()
        for editor in (self.window_start, self.window_end):
            editor.setDisplayFormat("HH:mm")
        window_row.addWidget(self.window_start)
        window_row.addWidget(QLabel("–"))
        window_row.addWidget(self.window_end)
        window_row.addStretch(1)
        form.addRow(self.tr("Send window:"), window_row)
        self.signature = QLineEdit()
        self.signature.setPlaceholderText(self.tr("【Shop name】 (empty: the shop name)"))
        form.addRow(self.tr("SMS signature:"), self.signature)
        self.opt_out = QLineEdit()
        form.addRow(self.tr("Opt-out phrase:"), self.opt_out)
        self.backlog = QComboBox()
        self.backlog.addItem(self.tr("Skip them: plan only what falls due from the import on"), BACKLOG_SKIP)
        self.backlog.addItem(self.tr("Catch up: win back long-quiet buyers over a week, follow up old orders"),
                             BACKLOG_CATCH_UP)
        self.backlog.setToolTip(self.tr("A first import brings years of orders: without this, every buyer who "
                                        "went quiet long ago would be a win-back on the day of the import."))
        form.addRow(self.tr("Care due before an import:"), self.backlog)
        self.unpaid_days = QSpinBox()
        self.unpaid_days.setRange(1, UNPAID_REMIND_DAYS_MAX)
        self.unpaid_days.valueChanged.connect(self._say_unpaid_days)
        self._say_unpaid_days()
        self.unpaid_days.setToolTip(self.tr("Today lists orders still unpaid from this many days: Taobao, Pinduoduo "
                                            "and Douyin close an unpaid order after one to three days."))
        unpaid_row = QHBoxLayout()  # a number's width, as the cap's are, not the form's
        unpaid_row.addWidget(self.unpaid_days)
        unpaid_row.addStretch(1)
        form.addRow(self.tr("Remind unpaid orders for:"), unpaid_row)
        save_row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save care settings"))
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.message, 1)
        form.addRow(save_row)
        context.database_changed.connect(self.load)
        self.load()

    def _say_cap(self) -> None:
        """The words between the numbers follow them: "1 message per buyer in 1 day"."""
        self.cap_words.setText(self.tr("messages per buyer in", "", self.cap_count.value()))
        self.days_word.setText(self.tr("days", "", self.cap_days.value()))

    def _say_unpaid_days(self) -> None:
        self.unpaid_days.setSuffix(self.tr(" days", "after a number", self.unpaid_days.value()))

    def load(self) -> None:
        self.save_button.setEnabled(False)
        run_in_background(jobs.read_care_settings, self.context.database, on_success=self._show,
                          on_failure=lambda message, _details: self.message.setText(message))

    def _show(self, settings: CareSettings) -> None:
        self.cap_count.setValue(settings.cap_count)
        self.cap_days.setValue(settings.cap_days)
        self.window_start.setTime(QTime(settings.window_start.hour, settings.window_start.minute))
        self.window_end.setTime(QTime(settings.window_end.hour, settings.window_end.minute))
        self.signature.setText(settings.signature)
        self.opt_out.setText(settings.opt_out)
        self.shop_name.setText(settings.shop_name)
        self.backlog.setCurrentIndex(max(0, self.backlog.findData(settings.backlog)))
        self.unpaid_days.setValue(settings.unpaid_remind_days)
        self.save_button.setEnabled(True)

    def settings(self) -> CareSettings:
        return CareSettings(
            cap_count=self.cap_count.value(), cap_days=self.cap_days.value(),
            window_start=to_time(self.window_start.time()), window_end=to_time(self.window_end.time()),
            signature=self.signature.text().strip(), opt_out=self.opt_out.text().strip(),
            shop_name=self.shop_name.text().strip(), backlog=self.backlog.currentData(),
            unpaid_remind_days=self.unpaid_days.value(),
        )

    def _saved(self, _settings: CareSettings) -> None:
        self.message.setText(self.tr("Saved."))
        self.context.care_settings_changed.emit()

    def save(self) -> None:
        chosen = self.settings()
        if chosen.window_start >= chosen.window_end:
            self.message.setText(self.tr("The send window must start before it ends."))
            return
        run_in_background(jobs.store_care_settings, self.context.database, chosen,
                          on_success=self._saved,
                          on_failure=lambda message, _details: self.message.setText(message))
