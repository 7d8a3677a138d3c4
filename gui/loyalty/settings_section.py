"""Settings → Member tiers and points: the tiers and their thresholds and rates, what they go by, how points
are earned and lapse, and the reward catalogue. Saving recomputes every buyer's points and tier."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTableWidgetItem,
    QWidget,
)

from core.errors import LaokeError
from core.loyalty.members import LoyaltySettings, loyalty_settings, save_loyalty_settings
from core.loyalty.points import PointsPolicy
from core.loyalty.rewards import Reward
from core.loyalty.tiers import Tier, TierPlan
from gui.context import AppContext
from gui.core_text import core_text
from gui.customers.filters_panel import select_data
from gui.customers.tasks import read, write
from gui.loyalty.editable_rows import EditableRows
from gui.widgets import SavingSection
from gui.worker import run_in_background

MAX_TIERS = 8
BASE_RATE = -1.0  # a tier's rate spin box at its minimum: the tier earns the base rate


class LoyaltySettingsSection(SavingSection):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Member tiers and points"), context, parent)
        form = QFormLayout(self)
        self.tier_rows = EditableRows([self.tr("Tier"), self.tr("From"), self.tr("Points per yuan")],
                                      self.tr("Add tier"), self.tr("Remove tier"), lambda: self._add_tier("", 0, None))
        self.tiers = self.tier_rows.table
        form.addRow(self.tr("Tiers, lowest first:"), self.tier_rows)
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
        self.reward_rows = EditableRows(
            [self.tr("Reward"), self.tr("Gives ¥"), self.tr("Costs points"), self.tr("Needs an order of ¥")],
            self.tr("Add reward"), self.tr("Remove reward"), lambda: self._add_reward("", 10, 0, 0))
        self.rewards = self.reward_rows.table
        form.addRow(self.tr("Rewards:"), self.reward_rows)
        rewards_hint = QLabel(self.tr("A reward either costs points (100积分抵10元) or needs an order of a minimum "
                                      "spend (满200返20); each use is kept in the buyer's points ledger."))
        rewards_hint.setWordWrap(True)
        form.addRow(rewards_hint)
        self.add_save_row(form, self.tr("Save and recompute"), self.save)
        context.database_changed.connect(self.load)
        self.load()

    def _add_tier(self, name: str, threshold: int, rate: float | None) -> None:
        if self.tiers.rowCount() >= MAX_TIERS:
            return
        row = self.tier_rows.new_row()
        self.tiers.setItem(row, 0, QTableWidgetItem(name))
        self.tier_rows.put_number(row, 1, threshold, 0, 100_000_000)
        self.tier_rows.put_number(row, 2, BASE_RATE if rate is None else rate, BASE_RATE, 1000, 2,
                                  self.tr("base rate"))

    def _add_reward(self, name: str, *numbers: int) -> None:
        """A row of the reward table: its name, the yuan it gives, the points it costs, the order it needs."""
        row = self.reward_rows.new_row()
        self.rewards.setItem(row, 0, QTableWidgetItem(name))
        for column, value in enumerate(numbers, start=1):
            self.reward_rows.put_number(row, column, value, 0, 1_000_000)

    def load(self) -> None:
        run_in_background(read, self.context.database, loyalty_settings, on_success=self.show_settings)

    def show_settings(self, settings: LoyaltySettings) -> None:
        self.tiers.setRowCount(0)
        for tier in settings.plan.tiers:
            self._add_tier(tier.name, tier.threshold, settings.policy.tier_rates.get(tier.name))
        self.rewards.setRowCount(0)
        for reward in settings.rewards:
            self._add_reward(reward.name, reward.value, reward.points, reward.min_spend)
        select_data(self.basis, settings.plan.basis)
        self.window.setValue(settings.plan.window_days or 0)
        self.window.setEnabled(settings.plan.basis == "spend")
        self.rate.setValue(settings.policy.points_per_yuan)
        select_data(self.expiry, settings.policy.expiry)

    def current_settings(self) -> LoyaltySettings:
        """What the section shows; raises LaokeError for a plan that makes no sense."""
        tiers, rates = [], {}
        for row in range(self.tiers.rowCount()):
            tiers.append(Tier(self.tier_rows.text(row, 0), int(self.tier_rows.number(row, 1))))
            if self.tier_rows.number(row, 2) >= 0:
                rates[tiers[-1].name] = self.tier_rows.number(row, 2)
        rewards = tuple(Reward(self.reward_rows.text(row, 0), *(int(self.reward_rows.number(row, column))
                                                                for column in (1, 2, 3)))
                        for row in range(self.rewards.rowCount()))
        plan = TierPlan(tuple(tiers), self.basis.currentData(), self.window.value() or None)
        return LoyaltySettings(plan, PointsPolicy(self.rate.value(), self.expiry.currentData(), rates), rewards)

    def save(self) -> None:
        try:
            settings = self.current_settings()
        except LaokeError as error:
            self.message.setText(core_text(error))
            return
        self.start_saving(write, save_loyalty_settings, settings, working=self.tr("Recomputing points and tiers…"),
                          saved=self.tr("Saved: every buyer's points and tier are up to date."))
