"""The birthday rule's gift per tier as a small table: VIP, each member tier, each buying stage, and everyone
else.

It replaced a line of `vip=…, loyal=…` text that only someone who knew the stage keys could edit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from core.care.rules import TIER_GIFT
from core.store.models import Stage
from gui.customers.labels import CustomerLabels

STAGES = (Stage.LOYAL, Stage.REPEAT, Stage.NEW, Stage.DORMANT, Stage.LOST)


class GiftTable(QTableWidget):
    def __init__(self, gifts: dict[str, str], member_tiers: tuple[str, ...] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        stages = CustomerLabels(self).stages()
        tier_keys = [f"{TIER_GIFT}{tier}" for tier in reversed(member_tiers)]  # the highest tier first
        names = {"vip": self.tr("VIP"), "default": self.tr("Everyone else")} | {
            str(stage): stages.get(stage, stage) for stage in Stage} | {
            key: self.tr("Member tier %1").replace("%1", key.removeprefix(TIER_GIFT)) for key in tier_keys}
        keys = list(dict.fromkeys(["vip", *tier_keys, *map(str, STAGES), "default", *gifts]))
        self.setColumnCount(2)
        self.setRowCount(len(keys))
        self.setHorizontalHeaderLabels([self.tr("Tier"), self.tr("Gift")])
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        for row, key in enumerate(keys):
            tier = QTableWidgetItem(names.get(key, key))
            tier.setData(Qt.ItemDataRole.UserRole, key)  # what the rule stores
            tier.setFlags(tier.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.setItem(row, 0, tier)
            self.setItem(row, 1, QTableWidgetItem(str(gifts.get(key, ""))))
        self.setMaximumHeight(self.verticalHeader().defaultSectionSize() * 5 + self.horizontalHeader().height())

    def gifts(self) -> dict[str, str]:
        """Each tier's gift as typed; a tier left empty falls back to the next (VIP, member tier, stage, everyone
        else)."""
        gifts = {}
        for row in range(self.rowCount()):
            text = self.item(row, 1).text().strip()
            if text:
                gifts[self.item(row, 0).data(Qt.ItemDataRole.UserRole)] = text
        return gifts
