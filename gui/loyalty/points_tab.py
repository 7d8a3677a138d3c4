"""The buyer's Points tab: tier, balance and ledger, with points adjusted or redeemed by hand."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.loyalty.members import Membership, book_and_refresh, membership, reward_and_refresh
from core.loyalty.rewards import Reward
from gui.context import AppContext
from gui.customers.tasks import read, write
from gui.worker import run_in_background

MAX_POINTS = 10_000_000


class PointsDialog(QDialog):
    """How many points and why: an adjustment may take points (a minus); a redemption is one of the shop's
    rewards (a points reward spends its points, a spend reward names its order) or another, typed."""

    def __init__(self, redemption: bool, parent: QWidget | None = None, rewards: tuple[Reward, ...] = ()) -> None:
        super().__init__(parent)
        self.redemption = redemption
        self.setWindowTitle(self.tr("Use a reward") if redemption else self.tr("Adjust points"))
        form = QFormLayout(self)
        self.reward = QComboBox()
        for reward in rewards:
            self.reward.addItem(reward.name, reward)
        self.reward.addItem(self.tr("Another reward (type it)"), None)
        self.points = QSpinBox()
        self.points.setRange(1 if redemption else -MAX_POINTS, MAX_POINTS)
        self.points.setValue(100)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. 100 points = ¥10") if redemption
                                     else self.tr("why, e.g. a late parcel"))
        self.order = QLineEdit()
        self.order.setPlaceholderText(self.tr("the order number it came with"))
        if redemption:
            form.addRow(self.tr("Reward:"), self.reward)
        form.addRow(self.tr("Points:"), self.points)
        form.addRow(self.tr("Reward:") if redemption else self.tr("Note:"), self.note)
        form.addRow(self.tr("Order:"), self.order)
        self.form = form
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for changed in (self.note.textChanged, self.order.textChanged, self.reward.currentIndexChanged):
            changed.connect(self._update)
        self._update()

    def chosen_reward(self) -> Reward | None:
        """The catalogue's reward chosen; None for an adjustment or a reward typed by hand."""
        return self.reward.currentData() if self.redemption else None

    def _update(self) -> None:
        reward = self.chosen_reward()
        typed = reward is None
        if reward is not None and reward.points:
            self.points.setValue(reward.points)
        self.form.setRowVisible(self.points, typed or bool(reward.points))
        self.points.setEnabled(typed)
        self.form.setRowVisible(self.note, typed)
        self.form.setRowVisible(self.order, reward is not None and not reward.points)
        ready = bool(self.order.text().strip()) if self.form.isRowVisible(self.order) else (
            not typed or (bool(self.note.text().strip()) and self.points.value() != 0))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)


class PointsTab(QWidget):
    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.customer_id: int | None = None
        self.rewards: tuple[Reward, ...] = ()
        self.kinds = {"order": self.tr("Order"), "refund": self.tr("Refund"), "undone": self.tr("Order undone"),
                      "adjustment": self.tr("Adjustment"), "redemption": self.tr("Redemption"),
                      "expiry": self.tr("Expired"), "reward": self.tr("Reward used")}
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.ledger = QTreeWidget()
        self.ledger.setRootIsDecorated(False)
        self.ledger.setHeaderLabels([self.tr("Date"), self.tr("Reason"), self.tr("Points"), self.tr("Balance"),
                                     self.tr("Order or note"), self.tr("Expires")])
        layout.addWidget(self.ledger, 1)
        buttons = QHBoxLayout()
        self.adjust_button = QPushButton(self.tr("Adjust points…"))
        self.redeem_button = QPushButton(self.tr("Use a reward…"))
        self.adjust_button.clicked.connect(lambda: self.book(redemption=False))
        self.redeem_button.clicked.connect(lambda: self.book(redemption=True))
        self.message = QLabel()
        self.message.setStyleSheet("color:#a93226;")
        buttons.addWidget(self.adjust_button)
        buttons.addWidget(self.redeem_button)
        buttons.addWidget(self.message, 1)
        layout.addLayout(buttons)

    def show_customer(self, customer_id: int | None) -> None:
        self.customer_id = customer_id
        self.message.clear()
        if customer_id is not None:
            run_in_background(read, self.context.database, membership, customer_id, on_success=self.show_membership)

    def show_membership(self, member: Membership | None) -> None:
        if member is None or member.customer_id != self.customer_id:
            return
        self.rewards = member.rewards
        tier = member.tier or self.tr("no member tier")
        since = self.tr(" since %1").replace("%1", member.tier_since.isoformat()) if member.tier_since else ""
        self.summary.setText(self.tr("%1%2 · %Ln points", "", member.points).replace("%1", tier).replace("%2", since))
        self.ledger.clear()
        for line in reversed(member.ledger):  # the latest first
            item = QTreeWidgetItem([
                line.booked_on.isoformat(), self.kinds.get(line.kind, line.kind), f"{line.points:+,}",
                f"{line.balance:,}", line.note or line.order_number or "",
                line.expires_on.isoformat() if line.expires_on else "",
            ])
            for column in (2, 3):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.ledger.addTopLevelItem(item)

    def book(self, redemption: bool) -> None:
        if self.customer_id is None:
            return
        dialog = PointsDialog(redemption, self, self.rewards)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        failed = lambda message, _details: self.message.setText(message)  # noqa: E731
        reward = dialog.chosen_reward()
        if reward is not None:
            run_in_background(write, self.context.database, reward_and_refresh, self.customer_id, reward.name,
                              dialog.order.text(), on_success=self._booked, on_failure=failed)
            return
        run_in_background(write, self.context.database, book_and_refresh, self.customer_id, dialog.points.value(),
                          dialog.note.text(), redemption=redemption, on_success=self._booked, on_failure=failed)

    def _booked(self, member: Membership | None) -> None:
        self.show_membership(member)
        self.changed.emit()
