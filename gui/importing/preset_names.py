"""The import layouts' names as the user reads them (core keeps English labels for the CLI and logs)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.importing.presets import PRESETS


def preset_name(key: str | None) -> str:
    """The translated name of a preset, a saved mapping's own name, or the key itself."""
    translate = QCoreApplication.translate  # lupdate finds translate("PresetNames", "...") calls
    names = {
        "taobao_tmall.orderlist_csv_legacy": translate("PresetNames", "Taobao/Tmall order list (ExportOrderList CSV)"),
        "taobao_tmall.orderdetaillist_csv_legacy": translate("PresetNames", "Taobao/Tmall order items (ExportOrderDetailList CSV)"),
        "taobao_tmall.orderdetail_csv_2020": translate("PresetNames", "Taobao/Tmall item report CSV (2020)"),
        "taobao_tmall.order_report_xlsx_qianniu": translate("PresetNames", "Taobao/Tmall Qianniu order report"),
        "taobao_tmall.item_report_xlsx_qianniu": translate("PresetNames", "Taobao/Tmall Qianniu item report"),
        "jd.order_export_csv_legacy": translate("PresetNames", "JD order export (POP CSV)"),
        "jd.order_export_jingmai_2026": translate("PresetNames", "JD Jingmai order details"),
        "pdd.order_export_2023": translate("PresetNames", "Pinduoduo order export"),
        "pdd.order_export_2020": translate("PresetNames", "Pinduoduo order export (2020, with receivers)"),
        "douyin.order_export": translate("PresetNames", "Douyin shop order export"),
        "kuaishou.order_export": translate("PresetNames", "Kuaishou shop order export"),
        "wechat_shop.order_export": translate("PresetNames", "WeChat shop order export"),
        "wechat_shop.order_export_v5_older": translate("PresetNames", "WeChat shop order export (older V5)"),
        "youzan.order_export_order_level": translate("PresetNames", "Youzan orders (one row per order)"),
        "youzan.order_export_item_level": translate("PresetNames", "Youzan orders (one row per item)"),
        "shopify.orders_export": translate("PresetNames", "Shopify orders export"),
        "customer_sheet": translate("PresetNames", "Customer list"),
    }
    if key in names:
        return names[key]
    preset = PRESETS.get(key or "")
    name = preset.label if preset else (key or "").removeprefix("custom:")
    return name or translate("PresetNames", "Unknown layout")
