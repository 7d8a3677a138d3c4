"""What the customer export calls things in the window's language: every column's header and the words for
stored codes (platforms, stages, genders), as the list and the detail name them."""

from __future__ import annotations

from PySide6.QtCore import QObject

from core.customers.export import CustomerExportWords
from gui.customers.labels import CustomerLabels


class CustomerExportNames(QObject):
    def words(self, list_titles: dict[str, str]) -> CustomerExportWords:
        """`list_titles`: the list's own column titles, so a column reads the same in the file as on screen."""
        labels = CustomerLabels(self)
        fields = labels.profile_fields()
        headers = {key: fields[key] for key in ("name", "nickname", "platform", "phone", "phone_alt", "email",
                                                 "wechat_id", "gender", "province", "city", "district", "address")}
        headers |= {key: list_titles[key] for key in ("stage", "tags", "paid_orders", "total_spent", "last_order",
                                                       "overdue", "birthday", "vip", "do_not_contact",
                                                       "member_tier", "points", "p_alive", "expected_90d",
                                                       "next_order_value", "next_order")}
        headers |= {"id": self.tr("ID"), "account": fields["platform_buyer_id"], "first_order": self.tr("First order"),
                    "notes": self.tr("Notes")}
        genders = {key: name for key, name in labels.genders().items() if key}
        return CustomerExportWords(sheet=self.tr("Customers"), headers=headers, stages=labels.stages(),
                                   platforms=labels.platforms(), genders=genders, yes=self.tr("yes"),
                                   file_word=self.tr("customers", "in the export's file name"))
