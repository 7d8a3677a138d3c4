"""A line under a message saying what it costs as an SMS, with a warning at two messages or no opt-out phrase."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from core.care.templates import SmsCount, count_sms

WARNING_STYLE = "color: #c0392b;"


class SmsCounter(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.count: SmsCount | None = None

    def show_for(self, message: str, signature: str, opt_out: str) -> None:
        count = count_sms(message, signature, opt_out)
        self.count = count
        parts = [self.tr("%n characters with the signature · %1 SMS (%2 per message)", "", count.characters)
                 .replace("%1", str(count.messages)).replace("%2", str(count.per_message))]
        warnings = []
        if count.needs_two_or_more:
            warnings.append(self.tr("bills as %n messages", "", count.messages))
        if opt_out and not count.has_opt_out:
            warnings.append(self.tr("no opt-out phrase (%1)").replace("%1", opt_out))
        if warnings:
            parts.append("⚠ " + "; ".join(warnings))
        self.setText(" — ".join(parts))
        self.setStyleSheet(WARNING_STYLE if warnings else "")

    @property
    def warns(self) -> bool:
        return bool(self.styleSheet())
