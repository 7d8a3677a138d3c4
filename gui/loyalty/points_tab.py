"""The buyer's Points tab: tier, balance and ledger, with points adjusted or redeemed by hand."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
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

from core.loyalty.members import Membership, book_and_refresh, membership
from gui.context import AppContext
from gui.customers.tasks import read, write
from gui.worker import run_in_background

MAX_POINTS = 10_000_000


class PointsDialog(QDialog):
    """How many points and why: an adjustment may take points (a minus), a redemption names its reward."""

    def __init__(self, redemption: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Redeem points") if redemption else self.tr("Adjust points"))
        form = QFormLayout(self)
        self.points = QSpinBox()
        self.points.setRange(1 if redemption else -MAX_POINTS, MAX_POINTS)
        self.points.setValue(100)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. 100 points = ¥10") if redemption
                                     else self.tr("why, e.g. a late parcel"))
        form.addRow(self.tr("Points:"), self.points)
        form.addRow(self.tr("Reward:") if redemption else self.tr("Note:"), self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.note.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip()) and self.points.value() != 0))


class PointsTab(QWidget):
    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.customer_id: int | None = None
        self.kinds = {"order": self.tr("Order"), "refund": self.tr("Refund"), "undone": self.tr("Order undone"),
                      "adjustment": self.tr("Adjustment"), "redemption": self.tr("Redemption"),
                      "expiry": self.tr("Expired")}
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
        self.redeem_button = QPushButton(self.tr("Redeem…"))
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
        dialog = PointsDialog(redemption, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        run_in_background(write, self.context.database, book_and_refresh, self.customer_id, dialog.points.value(),
                          dialog.note.text(), redemption=redemption, on_success=self._booked,
                          on_failure=lambda message, _details: self.message.setText(message))

    def _booked(self, member: Membership | None) -> None:
        self.show_membership(member)
        self.changed.emit()
