"""Settings → Member tiers and points: the tiers and their thresholds, what they go by, and how points are
earned and lapse. Saving recomputes every buyer's points and tier."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from core.errors import LaokeError
from core.loyalty.members import LoyaltySettings, loyalty_settings, save_loyalty_settings
from core.loyalty.points import PointsPolicy
from core.loyalty.tiers import Tier, TierPlan
from gui.context import AppContext
from gui.core_text import core_text
from gui.customers.filters_panel import select_data
from gui.customers.tasks import read, write
from gui.widgets import SavingSection
from gui.worker import run_in_background

MAX_TIERS = 8
BASE_RATE = -1.0  # a tier's rate spin box at its minimum: the tier earns the base rate


class LoyaltySettingsSection(SavingSection):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Member tiers and points"), context, parent)
        form = QFormLayout(self)
        # A handful of rows the owner types into: a table widget is the right size here.
        self.tiers = QTableWidget(0, 3)
        self.tiers.setHorizontalHeaderLabels([self.tr("Tier"), self.tr("From"), self.tr("Points per yuan")])
        self.tiers.horizontalHeader().setStretchLastSection(True)
        self.tiers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tiers.setMaximumHeight(170)
        form.addRow(self.tr("Tiers, lowest first:"), self.tiers)
        rows = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add tier"))
        self.remove_button = QPushButton(self.tr("Remove tier"))
        self.add_button.clicked.connect(lambda: self._add_row("", 0, None))
        self.remove_button.clicked.connect(lambda: self.tiers.removeRow(self.tiers.currentRow()))
        rows.addWidget(self.add_button)
        rows.addWidget(self.remove_button)
        rows.addStretch(1)
        form.addRow(rows)
        self.basis = QComboBox()
        self.basis.addItem(self.tr("net spend (yuan)"), "spend")
        self.basis.addItem(self.tr("points"), "points")
        form.addRow(self.tr("Tiers go by:"), self.basis)
        self.window = QSpinBox()
        self.window.setRange(0, 3650)
        self.window.setSuffix(self.tr(" days"))
        self.window.setSpecialValueText(self.tr("all time"))
        form.addRow(self.tr("Count spend of the last:"), self.window)
        self.basis.currentIndexChanged.connect(lambda: self.window.setEnabled(self.basis.currentData() == "spend"))
        self.rate = QDoubleSpinBox()
        self.rate.setRange(0, 1000)
        self.rate.setDecimals(2)
        form.addRow(self.tr("Points per yuan paid (base rate):"), self.rate)
        self.expiry = QComboBox()
        self.expiry.addItem(self.tr("never"), "never")
        self.expiry.addItem(self.tr("at the end of the next year"), "end_of_next_year")
        form.addRow(self.tr("Points expire:"), self.expiry)
        hint = QLabel(self.tr("A tier's own rate applies to the orders a buyer places from the day after "
                              "reaching it. Saving recomputes every buyer's points and tier; a new rate applies "
                              "to past orders too."))
        hint.setWordWrap(True)
        form.addRow(hint)
        self.add_save_row(form, self.tr("Save and recompute"), self.save)
        context.database_changed.connect(self.load)
        self.load()

    def _add_row(self, name: str, threshold: int, rate: float | None) -> None:
        if self.tiers.rowCount() >= MAX_TIERS:
            return
        row = self.tiers.rowCount()
        self.tiers.insertRow(row)
        self.tiers.setItem(row, 0, QTableWidgetItem(name))
        spin = QSpinBox()
        spin.setRange(0, 100_000_000)
        spin.setValue(threshold)
        self.tiers.setCellWidget(row, 1, spin)
        own_rate = QDoubleSpinBox()
        own_rate.setRange(BASE_RATE, 1000)
        own_rate.setDecimals(2)
        own_rate.setSpecialValueText(self.tr("base rate"))
        own_rate.setValue(BASE_RATE if rate is None else rate)
        self.tiers.setCellWidget(row, 2, own_rate)

    def load(self) -> None:
        run_in_background(read, self.context.database, loyalty_settings, on_success=self.show_settings)

    def show_settings(self, settings: LoyaltySettings) -> None:
        self.tiers.setRowCount(0)
        for tier in settings.plan.tiers:
            self._add_row(tier.name, tier.threshold, settings.policy.tier_rates.get(tier.name))
        select_data(self.basis, settings.plan.basis)
        self.window.setValue(settings.plan.window_days or 0)
        self.window.setEnabled(settings.plan.basis == "spend")
        self.rate.setValue(settings.policy.points_per_yuan)
        select_data(self.expiry, settings.policy.expiry)

    def current_settings(self) -> LoyaltySettings:
        """What the section shows; raises LaokeError for a plan that makes no sense."""
        tiers, rates = [], {}
        for row in range(self.tiers.rowCount()):
            item, spin, own_rate = (self.tiers.item(row, 0), self.tiers.cellWidget(row, 1),
                                    self.tiers.cellWidget(row, 2))
            tiers.append(Tier(item.text().strip() if item else "", spin.value()))  # type: ignore[union-attr]
            if own_rate.value() >= 0:  # type: ignore[union-attr]
                rates[tiers[-1].name] = own_rate.value()  # type: ignore[union-attr]
        plan = TierPlan(tuple(tiers), self.basis.currentData(), self.window.value() or None)
        return LoyaltySettings(plan, PointsPolicy(self.rate.value(), self.expiry.currentData(), rates))

    def save(self) -> None:
        try:
            settings = self.current_settings()
        except LaokeError as error:
            self.message.setText(core_text(error))
            return
        self.start_saving(write, save_loyalty_settings, settings, working=self.tr("Recomputing points and tiers…"),
                          saved=self.tr("Saved: every buyer's points and tier are up to date."))
