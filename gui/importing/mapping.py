"""The column mapping editor: which sheet column holds each of Laoke's order fields."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.importing.customer_sheet import CUSTOMER_FIELDS
from core.importing.presets import ORDER_FIELDS, Columns


class MappingEditor(QWidget):
    changed = Signal()

    def __init__(self, customers: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original: dict[str, Columns] = {}
        self._boxes: dict[str, QComboBox] = {}
        layout = QFormLayout(self)
        labels = self.customer_labels() if customers else self.field_labels()
        for name in (CUSTOMER_FIELDS if customers else ORDER_FIELDS):
            box = QComboBox()
            box.setObjectName(f"mapping_{name}")
            box.currentIndexChanged.connect(self.changed)
            self._boxes[name] = box
            layout.addRow(labels[name], box)

    def field_labels(self) -> dict[str, str]:
        return {
            "order_id": self.tr("Order number"), "global_id": self.tr("Order id across shops"),
            "line_id": self.tr("Sub-order number"),
            "buyer_id": self.tr("Buyer account"), "buyer_nick": self.tr("Buyer nickname"), "email": self.tr("Email"),
            "receiver_name": self.tr("Receiver name"), "phone": self.tr("Receiver phone"),
            "phone_alt": self.tr("Other phone"), "province": self.tr("Province"), "city": self.tr("City"),
            "district": self.tr("District"), "address": self.tr("Address"), "billing_name": self.tr("Billing name"),
            "billing_phone": self.tr("Billing phone"), "billing_address": self.tr("Billing address"),
            "status": self.tr("Order status"),
            "refund_status": self.tr("Refund / after-sale status"), "fulfillment_status": self.tr("Shipping status"),
            "cancelled_at": self.tr("Cancelled at"), "amount": self.tr("Amount paid"),
            "total_amount": self.tr("Order total"), "shipping_fee": self.tr("Shipping fee"),
            "refund_amount": self.tr("Refunded amount"), "line_refund": self.tr("Refunded of the line"),
            "close_reason": self.tr("Why the order closed"),
            "created_at": self.tr("Ordered at"),
            "paid_at": self.tr("Paid at"), "shipped_at": self.tr("Shipped at"),
            "completed_at": self.tr("Completed at"), "item_title": self.tr("Item title"), "sku": self.tr("SKU"),
            "quantity": self.tr("Quantity"), "unit_price": self.tr("Unit price"),
            "line_amount": self.tr("Line amount"), "buyer_message": self.tr("Buyer message"),
            "seller_remark": self.tr("Seller remark"), "tracking_no": self.tr("Tracking number"),
            "shop_name": self.tr("Shop name"),
        }

    def customer_labels(self) -> dict[str, str]:
        return {
            "name": self.tr("Name"), "nickname": self.tr("Nickname"), "phone": self.tr("Phone"),
            "wechat_id": self.tr("WeChat"), "email": self.tr("Email"), "birthday": self.tr("Birthday"),
            "tags": self.tr("Tags"), "notes": self.tr("Notes"), "address": self.tr("Address"),
            "gender": self.tr("Gender"),
        }

    def show_mapping(self, headers: Sequence[str], columns: Mapping[str, tuple[int, ...]],
                     fields: Mapping[str, Columns]) -> None:
        """Offer the sheet's headers for every field, each set to the column the current preset reads."""
        self._original = dict(fields)
        choices = [self.tr("(not in this sheet)"), *[header.strip() for header in headers]]
        for name, box in self._boxes.items():
            box.blockSignals(True)
            box.clear()
            box.addItems(choices)
            found = columns.get(name)
            box.setCurrentIndex(found[0] + 1 if found else 0)
            box.blockSignals(False)

    def fields(self) -> dict[str, Columns]:
        """The mapping as chosen; a several-column field (an address) keeps its columns unless changed."""
        chosen: dict[str, Columns] = {}
        for name, box in self._boxes.items():
            if box.currentIndex() <= 0:
                continue
            original = self._original.get(name)
            if isinstance(original, tuple) and box.currentText() in [column.strip() for column in original]:
                chosen[name] = original
            else:
                chosen[name] = box.currentText()
        return chosen

    def box(self, name: str) -> QComboBox:
        return self._boxes[name]


def mapping_page(editor: MappingEditor, *buttons: QPushButton) -> QWidget:
    """The editor in a scroll area with its buttons below, right-aligned: the wizards' "Columns" tab."""
    page = QWidget()
    layout = QVBoxLayout(page)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(editor)
    layout.addWidget(scroll)
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    layout.addLayout(row)
    return page
