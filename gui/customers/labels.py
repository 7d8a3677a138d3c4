"""Names shown for stored codes (stages, platforms, identity kinds, order statuses), translated once for every customer widget."""

from __future__ import annotations

from PySide6.QtCore import QObject


class CustomerLabels(QObject):
    def stages(self) -> dict[str, str]:
        return {
            "prospect": self.tr("Prospect"), "interested": self.tr("Interested"), "new": self.tr("New"),
            "repeat": self.tr("Repeat"), "loyal": self.tr("Loyal"), "dormant": self.tr("Dormant"),
            "lost": self.tr("Lost"),
        }

    def platforms(self) -> dict[str, str]:
        return {
            "taobao_tmall": self.tr("Taobao/Tmall"), "jd": self.tr("JD"), "pdd": self.tr("Pinduoduo"),
            "douyin": self.tr("Douyin"), "kuaishou": self.tr("Kuaishou"), "wechat_shop": self.tr("WeChat shop"),
            "youzan": self.tr("Youzan"), "shopify": self.tr("Shopify"), "other": self.tr("Other"),
        }

    def profile_fields(self) -> dict[str, str]:
        return {
            "name": self.tr("Name"), "nickname": self.tr("Nickname"), "platform": self.tr("Platform"),
            "platform_buyer_id": self.tr("Buyer account"), "phone": self.tr("Phone"),
            "phone_alt": self.tr("Second phone"), "email": self.tr("Email"), "wechat_id": self.tr("WeChat id"),
            "gender": self.tr("Gender"), "province": self.tr("Province"), "city": self.tr("City"),
            "district": self.tr("District"), "address": self.tr("Address"),
        }

    def genders(self) -> dict[str | None, str]:
        return {None: self.tr("Unknown"), "F": self.tr("Female"), "M": self.tr("Male")}

    def identity_kinds(self) -> dict[str, str]:
        return {
            "buyer_id": self.tr("Buyer account"), "nickname": self.tr("Nickname"), "email": self.tr("Email"),
            "phone": self.tr("Phone"), "name_address": self.tr("Name and address"),
        }

    def order_statuses(self) -> dict[str, str]:
        return {
            "unpaid": self.tr("unpaid"), "paid": self.tr("paid"), "shipped": self.tr("shipped"),
            "completed": self.tr("completed"), "closed": self.tr("closed"), "refunded": self.tr("refunded"),
        }
