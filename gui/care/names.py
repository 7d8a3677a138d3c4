"""What the care calendar calls things on screen: rules, kinds, channels, parameters, placeholders.

Stages and platforms are named as everywhere else, by gui.customers.labels.CustomerLabels."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from core.care.export import CHANNEL_NAMES, RULE_NAMES, ExportWords

KIND_COLORS = {
    "birthday": QColor("#e0559f"),
    "holiday": QColor("#e67e22"),
    "order": QColor("#3f6fd8"),
    "lifecycle": QColor("#2e9d5b"),
}


class CareNames(QObject):
    """Translated names; a QObject so lupdate finds the strings under one context."""

    def rule(self, key: str) -> str:
        return {
            "birthday": self.tr("Birthday"),
            "holiday": self.tr("Holiday greeting"),
            "order_unpaid": self.tr("Unpaid reminder"),
            "order_shipped": self.tr("Shipped notice"),
            "order_followup": self.tr("Usage follow-up"),
            "order_review": self.tr("Review request"),
            "order_refund": self.tr("Refund care"),
            "anniversary": self.tr("First-purchase anniversary"),
            "winback": self.tr("Win-back"),
            "repurchase": self.tr("Repurchase reminder"),
            "vip_checkin": self.tr("VIP check-in"),
            "member_day": self.tr("Member day"),
            "tier_upgrade": self.tr("Tier upgrade congratulations"),
        }.get(key, key)

    def export_words(self) -> ExportWords:
        """What the exported task list and calendar call things, in the window's language."""
        return ExportWords(
            sheet=self.tr("Care tasks"),
            headers=(self.tr("Date"), self.tr("Customer"), self.tr("Phone"), self.tr("Channel"), self.tr("Rule"),
                     self.tr("Message")),
            calendar=self.tr("Laoke care calendar"),
            birthday=self.tr("🎂 {name}'s birthday"),
            lunar_birthday=self.tr("🎂 {name}'s birthday (lunar)"),
            task=self.tr("{rule}: {name}"),
            rules={key: self.rule(key) for key in RULE_NAMES},
            channels={key: self.channel(key) for key in CHANNEL_NAMES},
        )

    def kind(self, key: str) -> str:
        return {
            "birthday": self.tr("Birthdays"),
            "holiday": self.tr("Holidays"),
            "order": self.tr("Orders"),
            "lifecycle": self.tr("Lifecycle"),
        }.get(key, key)

    def channel(self, key: str) -> str:
        return {
            "sms": self.tr("SMS"),
            "wechat": self.tr("WeChat"),
            "phone": self.tr("Phone"),
            "platform_chat": self.tr("Platform chat"),
            "": self.tr("Prepare"),
        }.get(key, key)

    def param(self, key: str) -> str:
        return {
            "days_ahead": self.tr("Days ahead"),
            "on_the_day": self.tr("Greet on the day"),
            "prep_template": self.tr("Preparation reminder"),
            "gift_notes": self.tr("Gift per tier"),
            "days_before": self.tr("Days before"),
            "festivals": self.tr("Festivals"),
            "delay_hours": self.tr("Hours after the order"),
            "days_after": self.tr("Days after"),
            "days": self.tr("Days after the first purchase"),
            "rhythm_factor": self.tr("Late by (× own rhythm)"),
            "product_gaps": self.tr("Product gaps in days (龙井=60, …)"),
            "learned_gaps": self.tr("Also use each product's gap measured in the shop"),
            "min_repeat_buyers": self.tr("Measured from at least N repeat buyers"),
            "every_days": self.tr("Every N days"),
            "day_of_month": self.tr("Day of the month"),
            "channel": self.tr("Channel"),
            "capped": self.tr("Counts toward the frequency cap"),
        }.get(key, key)

    def placeholder(self, key: str) -> str:
        return {
            "称呼": self.tr("Salutation (王女士)"),
            "姓名": self.tr("Name"),
            "昵称": self.tr("Nickname"),
            "店铺": self.tr("Shop name"),
            "商品": self.tr("Product"),
            "生日": self.tr("Birthday"),
            "天数": self.tr("Days"),
            "节日": self.tr("Festival"),
            "礼物": self.tr("Gift note"),
            "日期": self.tr("Date"),
            "订单号": self.tr("Order number"),
            "运单号": self.tr("Tracking number"),
            "等级": self.tr("Member tier"),
        }.get(key, key)

    def withdrawn(self, code: str | None) -> str:
        return {
            "withdrawn:gone": self.tr("its reason no longer holds"),
            "withdrawn:cap": self.tr("frequency cap"),
            "withdrawn:dnc": self.tr("the buyer asked not to be contacted"),
        }.get(code or "", code or "")
