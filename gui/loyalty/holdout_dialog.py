"""How well the forecast fits this shop: fitted on its orders up to a cut-off, what it expected after, against
what buyers bought then, per group of buyers by how often they had come back."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.loyalty.holdout import TOP_GROUP, HoldoutCheck, holdout_check
from gui.context import AppContext
from gui.customers.tasks import read
from gui.worker import run_in_background


def check_forecast(session) -> HoldoutCheck:  # type: ignore[no-untyped-def]
    return holdout_check(session.connection())


class HoldoutDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("How well the forecast fits this shop"))
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Fitting the model on the earlier orders…"))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.groups = QTreeWidget()
        self.groups.setRootIsDecorated(False)
        self.groups.setHeaderLabels([self.tr("Came back before"), self.tr("Buyers"), self.tr("Bought after"),
                                     self.tr("Forecast")])
        layout.addWidget(self.groups, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 380)
        run_in_background(read, context.database, check_forecast, on_success=self.show_check,
                          on_failure=lambda message, _details: self.summary.setText(message))

    def show_check(self, check: HoldoutCheck) -> None:
        if not check.fitted:
            self.summary.setText(self.tr("Before %1 only %Ln buyers had come back: too few to fit the forecast and "
                                         "check it. The overdue column shows each buyer's rhythm instead.", "",
                                         check.repeat_buyers).replace("%1", check.calibration_end.isoformat()))
            return
        self.summary.setText(self.tr("Fitted on the orders up to %1, the forecast expected the purchase days below "
                                     "from %2 to %3; beside it, what the buyers really bought (mean per buyer).")
                             .replace("%1", check.calibration_end.isoformat())
                             .replace("%2", (check.calibration_end + timedelta(days=1)).isoformat())
                             .replace("%3", check.holdout_end.isoformat()))
        for group in check.groups:
            if group.repeats is None:
                label = self.tr("Everyone")
            elif group.repeats == TOP_GROUP:
                label = self.tr("%1 times or more").replace("%1", str(TOP_GROUP))
            else:
                label = self.tr("%Ln times", "", group.repeats)
            item = QTreeWidgetItem([label, f"{group.buyers:,}", f"{group.actual:.2f}", f"{group.predicted:.2f}"])
            for column in (1, 2, 3):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.groups.addTopLevelItem(item)


class HoldoutButton(QPushButton):
    """The detail's way to the check, under the buyer's forecast."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setText(self.tr("How well does the forecast fit this shop?"))
        self.setFlat(True)
        self.clicked.connect(self.show_check)
        self.dialog: HoldoutDialog | None = None

    def show_check(self) -> None:
        self.dialog = HoldoutDialog(self.context, self.window())
        self.dialog.open()
