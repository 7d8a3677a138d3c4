"""Settings: language, which database is open, and the sections other rooms contribute.

Settings are the shop owner's: in rep mode every section is switched off, with a tool tip saying why, except
those marked `open_to_reps` (Rep mode, where the owner unlocks the run; Backups, whose buttons say for
themselves). Core refuses a rep's change too.
"""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from gui.context import AppContext
from gui.i18n import SUPPORTED_LANGUAGES, save_language, saved_language
from gui.safety.owner_only import owner_only
from gui.widgets import PageHeader, scrolling_column

# module, class: each a QWidget taking (context), shown as a section below the built-in ones.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("gui.insights.thresholds_section", "StageThresholdsSection"),
    ("gui.care.settings_section", "CareSettingsSection"),
    ("gui.loyalty.settings_section", "LoyaltySettingsSection"),
    ("gui.safety.backups", "BackupSection"),
    ("gui.safety.rep_mode", "RepModeSection"),
)


class SettingsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        outer = QVBoxLayout(self)
        outer.addWidget(PageHeader(self.tr("Settings")))
        layout = scrolling_column(outer)

        appearance = QGroupBox(self.tr("Language"))
        form = QFormLayout(appearance)
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), None)
        for code, name in SUPPORTED_LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(saved_language())))
        self.language.currentIndexChanged.connect(self._language_chosen)
        form.addRow(self.tr("Interface language:"), self.language)
        self.restart_hint = QLabel(self.tr("The new language applies the next time Laoke starts."))
        self.restart_hint.setVisible(False)
        form.addRow(self.restart_hint)
        layout.addWidget(appearance)

        storage = QGroupBox(self.tr("Database"))
        storage_form = QFormLayout(storage)
        self.database_label = QLabel()
        self.database_label.setWordWrap(True)
        storage_form.addRow(self.tr("Open database:"), self.database_label)
        layout.addWidget(storage)
        self.sections = [
            getattr(importlib.import_module(module), name)(context) for module, name in SECTIONS
        ]
        for section in self.sections:
            layout.addWidget(section)
        owner_only(context, appearance, *(section for section in self.sections
                                          if not getattr(section, "open_to_reps", False)))
        layout.addStretch(1)

        context.database_changed.connect(self._show_database)
        self._show_database()

    def _show_database(self) -> None:
        self.database_label.setText(self.context.database.label)

    def _language_chosen(self) -> None:
        save_language(self.language.currentData())
        self.restart_hint.setVisible(True)
