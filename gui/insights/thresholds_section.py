"""Settings section: the lifecycle stages' thresholds. Saving recomputes every stage at once."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QWidget

from core.errors import LaokeError
from core.figures.customer_cache import refresh_customer_cache
from core.figures.lifecycle import CHANGING_THRESHOLDS, THRESHOLDS_KEY, StageThresholds, load_thresholds
from core.safety.privacy import ensure_owner_mode
from core.store.settings import set_setting
from gui.context import AppContext
from gui.widgets import SavingSection
from gui.worker import run_in_background


def read_thresholds(database, progress, cancel) -> StageThresholds:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return load_thresholds(session.connection())


def save_thresholds(database, thresholds: StageThresholds, progress, cancel) -> StageThresholds:  # type: ignore[no-untyped-def]
    """Store the thresholds and rescore every customer's stage with them, in one transaction.

    The customers' order figures do not depend on the thresholds: the rescore reads the cached ones."""
    with database.transaction() as session:
        ensure_owner_mode(session, CHANGING_THRESHOLDS)
        set_setting(session, THRESHOLDS_KEY, thresholds.to_dict())
        session.flush()
        refresh_customer_cache(session.connection(), customer_ids=())
    return thresholds


class StageThresholdsSection(SavingSection):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Lifecycle stages"), context, parent)
        form = QFormLayout(self)
        # A number of days needs no more room than its digits: stretched across the page it read as a text box.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.active_days = self._spin(1, 3650, self.tr(" days"))
        self.dormant_days = self._spin(2, 3650, self.tr(" days"))
        self.repeat_min_orders = self._spin(2, 99, self.tr(" paid orders"))
        self.loyal_min_orders = self._spin(3, 999, self.tr(" paid orders"))
        form.addRow(self.tr("Active (new, repeat, loyal): last paid order within"), self.active_days)
        form.addRow(self.tr("Lost: no paid order for more than"), self.dormant_days)
        form.addRow(self.tr("Repeat buyer from"), self.repeat_min_orders)
        form.addRow(self.tr("Loyal fan from"), self.loyal_min_orders)
        hint = QLabel(self.tr("In between, a buyer is dormant. Saving recomputes every customer's stage."))
        hint.setWordWrap(True)
        form.addRow(hint)
        self.add_save_row(form, self.tr("Save and recompute stages"), self.save)
        context.database_changed.connect(self.load)
        self.load()

    @staticmethod
    def _spin(low: int, high: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        return spin

    def load(self) -> None:
        run_in_background(read_thresholds, self.context.database, on_success=self.show_thresholds)

    def show_thresholds(self, thresholds: StageThresholds) -> None:
        self.active_days.setValue(thresholds.active_days)
        self.dormant_days.setValue(thresholds.dormant_days)
        self.repeat_min_orders.setValue(thresholds.repeat_min_orders)
        self.loyal_min_orders.setValue(thresholds.loyal_min_orders)

    def save(self) -> None:
        try:
            thresholds = StageThresholds(self.active_days.value(), self.dormant_days.value(),
                                         self.repeat_min_orders.value(), self.loyal_min_orders.value())
        except LaokeError:
            self.message.setText(self.tr("Active days must be fewer than dormant days, and a repeat buyer needs "
                                         "fewer paid orders than a loyal fan."))
            return
        self.start_saving(save_thresholds, thresholds, working=self.tr("Recomputing stages…"),
                          saved=self.tr("Saved: every stage is up to date."))
