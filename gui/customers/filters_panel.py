"""The filters beside the search box: every part optional, all parts combined."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from core.customers.birthday_filter import MAX_WINDOW_DAYS
from core.customers.listing import CustomerFilter
from core.store.models import Platform, Stage
from gui.customers.labels import CustomerLabels
from gui.widgets import offer_names

BIRTHDAY_CHOICES = (None, "month", "days")
DEFAULT_BIRTHDAY_DAYS = 7


def _names(text: str) -> list[str]:
    return [part.strip() for part in text.replace("，", ",").split(",") if part.strip()]


def select_data(combo: QComboBox, value: object) -> None:
    """Select the item whose data is `value` (None, True and False kept apart)."""
    for row in range(combo.count()):
        data = combo.itemData(row)
        if data is value or (type(data) is type(value) and data == value):
            combo.setCurrentIndex(row)
            return
    combo.setCurrentIndex(0)


def _amount(text: str) -> Decimal | None:
    try:
        return Decimal(text) if text.strip() else None
    except InvalidOperation:
        return None


class OptionalDate(QWidget):
    """A date that is either set (ticked) or not."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox()
        self.date = QDateEdit(QDate.currentDate().addMonths(-3))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setEnabled(False)
        layout.addWidget(self.enabled)
        layout.addWidget(self.date, 1)
        self.enabled.toggled.connect(self.date.setEnabled)
        self.enabled.toggled.connect(self.changed)
        self.date.dateChanged.connect(self.changed)

    def value(self):  # type: ignore[no-untyped-def]
        return self.date.date().toPython() if self.enabled.isChecked() else None

    def set_value(self, value) -> None:  # type: ignore[no-untyped-def]
        self.enabled.setChecked(value is not None)
        if value is not None:
            self.date.setDate(QDate(value.year, value.month, value.day))


class FiltersPanel(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tags_any = QLineEdit()
        self.tags_any.setPlaceholderText(self.tr("any of: tag1, tag2"))
        self.tags_all = QLineEdit()
        self.tags_all.setPlaceholderText(self.tr("all of: tag1, tag2"))
        self.tags_none = QLineEdit()
        self.tags_none.setPlaceholderText(self.tr("none of: tag1, tag2"))
        self.stage = QComboBox()
        self.stage.addItem(self.tr("Any stage"), None)
        labels = CustomerLabels()
        stage_names, platform_names = labels.stages(), labels.platforms()
        for stage in Stage:
            self.stage.addItem(stage_names[str(stage)], str(stage))
        self.platform = QComboBox()
        self.platform.addItem(self.tr("Any platform"), None)
        for platform in Platform:
            self.platform.addItem(platform_names[str(platform)], str(platform))
        # The seller's shops the orders come from (set_shops fills it once the book is read).
        self.shop = QComboBox()
        self.shop.addItem(self.tr("Any shop"), None)
        self.province = QLineEdit()
        self.city = QLineEdit()
        self.tiers = QLineEdit()
        self.tiers.setPlaceholderText(self.tr("any of: 银卡, 金卡"))
        self.vip = self._yes_no(self.tr("VIP or not"), self.tr("VIP only"), self.tr("Not VIP"))
        self.dnc = self._yes_no(self.tr("Contact or not"), self.tr("Do not contact"), self.tr("May contact"))
        self.birthday = QComboBox()
        for label, choice in zip(
            (self.tr("Any birthday"), self.tr("Birthday this month"), self.tr("Birthday in the next")),
            BIRTHDAY_CHOICES, strict=True,
        ):
            self.birthday.addItem(label, choice)
        # Any window the owner likes (a week before a gift campaign, 45 days for a mailed card…).
        self.birthday_days = QSpinBox()
        self.birthday_days.setRange(0, MAX_WINDOW_DAYS)
        self.birthday_days.setValue(DEFAULT_BIRTHDAY_DAYS)
        self.birthday_days.setSuffix(self.tr(" days"))
        self.birthday_days.setEnabled(False)
        self.birthday.currentIndexChanged.connect(
            lambda: self.birthday_days.setEnabled(self.birthday.currentData() == "days")
        )
        self.spent_min, self.spent_max = QLineEdit(), QLineEdit()
        self.orders_min, self.orders_max = QLineEdit(), QLineEdit()
        for edit in (self.orders_min, self.orders_max):
            edit.setValidator(QIntValidator(0, 1_000_000, edit))
        self.after, self.before = OptionalDate(), OptionalDate()

        # Two columns: in one, the thirteen rows left the list two rows high on a laptop screen.
        who, what = QFormLayout(), QFormLayout()
        who.addRow(self.tr("Tags (any):"), self.tags_any)
        # Paired on existing rows: each row more costs the list a row on a laptop screen.
        who.addRow(self.tr("Tags (all / none):"), self._pair(self.tags_all, self.tags_none))
        who.addRow(self.tr("Stage:"), self.stage)
        who.addRow(self.tr("Platform / shop:"), self._pair(self.platform, self.shop))
        who.addRow(self.tr("Province:"), self.province)
        who.addRow(self.tr("City:"), self.city)
        who.addRow(self.tr("VIP / member tier:"), self._pair(self.vip, self.tiers))
        what.addRow(self.tr("Do not contact:"), self.dnc)
        what.addRow(self.tr("Birthday:"), self._pair(self.birthday, self.birthday_days))
        what.addRow(self.tr("Spent from / to:"), self._pair(self.spent_min, self.spent_max))
        what.addRow(self.tr("Paid orders from / to:"), self._pair(self.orders_min, self.orders_max))
        what.addRow(self.tr("Last order after:"), self.after)
        what.addRow(self.tr("Last order before:"), self.before)
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(who, 1)
        columns.addLayout(what, 1)

        for edit in (self.tags_any, self.tags_all, self.province, self.city, self.spent_min, self.spent_max,
                     self.orders_min, self.orders_max, self.tiers, self.tags_none):
            edit.editingFinished.connect(self.changed)
        for combo in (self.stage, self.platform, self.shop, self.vip, self.dnc, self.birthday):
            combo.currentIndexChanged.connect(self.changed)
        self.birthday_days.valueChanged.connect(self._birthday_days_changed)
        self.after.changed.connect(self.changed)
        self.before.changed.connect(self.changed)

    def set_shops(self, names: list[str]) -> None:
        offer_names(self.shop, names)

    def _birthday_days_changed(self) -> None:
        if self.birthday.currentData() == "days":
            self.changed.emit()

    def _yes_no(self, anything: str, yes: str, no: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(anything, None)
        combo.addItem(yes, True)
        combo.addItem(no, False)
        return combo

    def _pair(self, first: QWidget, second: QWidget) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(first)
        layout.addWidget(second)
        return box

    def current_filter(self, search: str = "") -> CustomerFilter:
        birthday = self.birthday.currentData()
        stage, platform, shop = self.stage.currentData(), self.platform.currentData(), self.shop.currentData()
        return CustomerFilter(
            search=search,
            tags_any=_names(self.tags_any.text()), tags_all=_names(self.tags_all.text()),
            stages=[stage] if stage else [], platforms=[platform] if platform else [],
            province=self.province.text().strip() or None, city=self.city.text().strip() or None,
            vip=self.vip.currentData(), do_not_contact=self.dnc.currentData(),
            birthday_this_month=birthday == "month",
            birthday_within_days=self.birthday_days.value() if birthday == "days" else None,
            spent_min=_amount(self.spent_min.text()), spent_max=_amount(self.spent_max.text()),
            orders_min=int(self.orders_min.text()) if self.orders_min.text() else None,
            orders_max=int(self.orders_max.text()) if self.orders_max.text() else None,
            last_order_after=self.after.value(), last_order_before=self.before.value(),
            tiers=_names(self.tiers.text()), tags_none=_names(self.tags_none.text()),
            shops=[shop] if shop else [],
        )

    def set_filter(self, f: CustomerFilter) -> None:
        """Show a saved segment's filter (without announcing each field as a change)."""
        self.blockSignals(True)
        try:
            self.tags_any.setText(", ".join(f.tags_any))
            self.tags_all.setText(", ".join(f.tags_all))
            select_data(self.stage, f.stages[0] if f.stages else None)
            select_data(self.platform, f.platforms[0] if f.platforms else None)
            if f.shops and self.shop.findData(f.shops[0]) < 0:
                self.shop.addItem(f.shops[0], f.shops[0])
            select_data(self.shop, f.shops[0] if f.shops else None)
            self.province.setText(f.province or "")
            self.city.setText(f.city or "")
            select_data(self.vip, f.vip)
            select_data(self.dnc, f.do_not_contact)
            if f.birthday_within_days is not None:
                self.birthday_days.setValue(f.birthday_within_days)
            select_data(self.birthday, "month" if f.birthday_this_month else
                        "days" if f.birthday_within_days is not None else None)
            self.birthday_days.setEnabled(self.birthday.currentData() == "days")
            self.spent_min.setText(str(f.spent_min) if f.spent_min is not None else "")
            self.spent_max.setText(str(f.spent_max) if f.spent_max is not None else "")
            self.orders_min.setText(str(f.orders_min) if f.orders_min is not None else "")
            self.orders_max.setText(str(f.orders_max) if f.orders_max is not None else "")
            self.after.set_value(f.last_order_after)
            self.before.set_value(f.last_order_before)
            self.tiers.setText(", ".join(f.tiers))
            self.tags_none.setText(", ".join(f.tags_none))
        finally:
            self.blockSignals(False)
