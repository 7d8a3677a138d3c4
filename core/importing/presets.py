"""What each platform's export columns mean, and which preset a header row belongs to.

A preset maps Laoke's fields to the header text of one export layout (see layouts.py for the full rows).
Detection compares the sheet's normalised header names with every layout's and takes the closest.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from core.importing.headers import header_index, normalise_header
from core.importing.layouts import LAYOUT_HEADERS
from core.store.models import Platform

# The fields a column can be mapped to, in the order the mapping editor lists them.
ORDER_FIELDS = (
    "order_id", "global_id", "line_id", "buyer_id", "buyer_nick", "email", "receiver_name", "phone", "phone_alt",
    "province", "city", "district", "address", "billing_name", "billing_phone", "billing_address", "status", "refund_status", "fulfillment_status", "cancelled_at",
    "amount", "total_amount", "shipping_fee", "refund_amount", "line_refund", "close_reason", "created_at", "paid_at", "shipped_at",
    "completed_at", "item_title", "sku", "quantity", "unit_price", "line_amount", "buyer_message",
    "seller_remark", "tracking_no", "shop_name",
)
REQUIRED_FIELDS = ("order_id",)
Columns = str | tuple[str, ...]


@dataclass(frozen=True)
class Preset:
    key: str
    platform: str
    label: str
    fields: Mapping[str, Columns]
    # "orders": rows make orders (one or several rows each). "lines": a companion file of order lines
    # (Taobao's item reports) that fills in the lines of orders another file created.
    role: str = "orders"
    # True when the amount column holds each line's share (item reports), so the order's is their sum.
    amount_per_line: bool = False
    # One row per order with all items in one title cell (Taobao 订单报表, Youzan 订单维度).
    one_row_per_order: bool = False
    # Whether the amount column already nets refunds out (Taobao's 买家实际支付金额: 25.31 paid of 234.00
    # after a 208.69 refund) or is what was charged before them (Shopify's Total), so a refund is
    # subtracted exactly once.
    paid_is_net: bool = True
    headers: tuple[str, ...] = field(default=())

    @property
    def essential_fields(self) -> frozenset[str]:
        """The cells whose unreadable text costs the row: the order number, and for an order file its time and
        paid amount. Any other unreadable cell is stored empty and reported, as the order is still true."""
        if self.role == "lines":
            return frozenset(REQUIRED_FIELDS)
        return frozenset((*REQUIRED_FIELDS, "created_at", "amount"))

    @property
    def known_names(self) -> set[str]:
        names = {normalise_header(header) for header in self.headers}
        for columns in self.fields.values():
            names.update(normalise_header(column) for column in _as_tuple(columns))
        return names


def _as_tuple(columns: Columns) -> tuple[str, ...]:
    return (columns,) if isinstance(columns, str) else tuple(columns)


def _preset(key: str, platform: str, label: str, fields: Mapping[str, Columns], **options) -> Preset:  # type: ignore[no-untyped-def]
    return Preset(key, str(platform), label, fields, headers=LAYOUT_HEADERS.get(key, ()), **options)


_TAOBAO_ITEM_REPORT = {
    "order_id": "主订单编号", "line_id": "子订单编号", "status": "订单状态", "refund_status": "退款状态",
    "amount": "买家实付金额", "refund_amount": "退款金额", "created_at": "订单创建时间", "paid_at": "订单付款时间",
    "shipped_at": "发货时间", "item_title": "商品标题", "sku": "商品属性", "quantity": "购买数量",
    "unit_price": "商品价格", "line_amount": "买家实付金额", "buyer_message": "主订单买家留言",
    "seller_remark": "商家备注", "tracking_no": "物流单号",
}
_WECHAT_SHOP = {
    "order_id": "订单号", "receiver_name": "收件人姓名", "phone": "收件人手机", "province": "省", "city": "市",
    "district": "区", "address": ("省", "市", "区", "收件人地址"), "status": "订单状态", "refund_status": "商品售后",
    "amount": "订单实际支付金额", "shipping_fee": "订单运费", "created_at": "订单下单时间", "paid_at": "支付时间",
    "shipped_at": "订单发货时间", "completed_at": "订单确认收货时间", "item_title": "商品名称", "sku": "商品属性",
    "quantity": "商品数量", "unit_price": "商品实际价格(单件)", "line_amount": "商品实际价格(总共)",
    "buyer_message": "买家备注", "seller_remark": "商家备注", "tracking_no": "快递单号",
    "line_refund": "商品已退款金额",
}
_JD_LEGACY = {
    "order_id": "订单号", "buyer_id": "下单帐号", "receiver_name": "客户姓名", "phone": "联系电话",
    "address": "客户地址", "status": "订单状态", "amount": "应付金额", "total_amount": "订单金额",
    "shipping_fee": "运费金额", "created_at": "下单时间", "paid_at": "付款确认时间", "completed_at": "订单完成时间",
    "item_title": "商品名称", "quantity": "订购数量", "unit_price": "京东价", "buyer_message": "订单备注",
    "seller_remark": "商家备注", "email": "邮箱地址",
}
_PDD_2023 = {
    "order_id": "订单号", "buyer_nick": "买家昵称", "province": "省", "city": "市", "district": "区", "address": ("省", "市", "区", "街道/镇"),
    "status": "订单状态", "refund_status": "售后状态", "amount": "用户实付金额(元)", "total_amount": "商品总价(元)",
    "shipping_fee": "邮费(元)", "created_at": "订单成交时间", "paid_at": "支付时间", "shipped_at": "发货时间",
    "completed_at": "确认收货时间", "item_title": "商品", "sku": "商品规格", "quantity": "商品数量(件)",
    "buyer_message": "买家留言", "seller_remark": "商家备注", "tracking_no": "快递单号",
}

PRESETS: dict[str, Preset] = {
    preset.key: preset
    for preset in (
        _preset(
            "taobao_tmall.orderlist_csv_legacy", Platform.TAOBAO, "Taobao/Tmall order list (ExportOrderList CSV)",
            {
                "order_id": "订单编号", "buyer_id": "买家会员名", "receiver_name": "收货人姓名", "phone": "联系手机",
                "phone_alt": "联系电话", "address": "收货地址", "status": "订单状态", "amount": "买家实际支付金额",
                "total_amount": "总金额", "shipping_fee": "买家应付邮费", "refund_amount": "退款金额",
                "created_at": "订单创建时间", "paid_at": "订单付款时间", "completed_at": "确认收货时间",
                "item_title": "宝贝标题", "quantity": "宝贝总数量", "buyer_message": "买家留言",
                "seller_remark": "订单备注", "tracking_no": "物流单号", "shop_name": "店铺名称",
                "close_reason": "订单关闭原因",
            },
            one_row_per_order=True,
        ),
        _preset(
            "taobao_tmall.orderdetaillist_csv_legacy", Platform.TAOBAO,
            "Taobao/Tmall order items (ExportOrderDetailList CSV)",
            {"order_id": "订单编号", "status": "订单状态", "unit_price": "价格", "item_title": "标题", "sku": "商品属性",
             "quantity": "购买数量"},
            role="lines",
        ),
        _preset(
            "taobao_tmall.orderdetail_csv_2020", Platform.TAOBAO, "Taobao/Tmall item report CSV (2020)",
            {**_TAOBAO_ITEM_REPORT, "amount": "买家实际支付金额", "line_amount": "买家实际支付金额", "item_title": "标题",
             "unit_price": "价格", "buyer_message": "主订单买家留言", "seller_remark": "主订单备注"},
            role="lines", amount_per_line=True,
        ),
        _preset(
            "taobao_tmall.order_report_xlsx_qianniu", Platform.TAOBAO, "Taobao/Tmall Qianniu order report",
            {
                "order_id": "订单编号", "address": "收货地址", "status": "订单状态", "amount": "买家实付金额",
                "total_amount": "总金额", "shipping_fee": "买家应付邮费", "refund_amount": "退款金额",
                "created_at": "订单创建时间", "paid_at": "订单付款时间", "shipped_at": "发货时间",
                "completed_at": "确认收货时间", "item_title": "商品标题", "sku": "商品属性SKU", "quantity": "宝贝总数量",
                "seller_remark": "商家备注", "tracking_no": "物流单号", "shop_name": "店铺名称",
                "close_reason": "订单关闭原因",
            },
            one_row_per_order=True,
        ),
        _preset(
            "taobao_tmall.item_report_xlsx_qianniu", Platform.TAOBAO, "Taobao/Tmall Qianniu item report",
            _TAOBAO_ITEM_REPORT, role="lines", amount_per_line=True,
        ),
        _preset("jd.order_export_csv_legacy", Platform.JD, "JD order export (POP CSV)", _JD_LEGACY),
        _preset(
            "jd.order_export_jingmai_2026", Platform.JD, "JD Jingmai order details",
            {**_JD_LEGACY, "amount": "商家应收", "total_amount": "订单金额", "shipped_at": "订单出库时间",
             "tracking_no": "运单号"},
        ),
        _preset("pdd.order_export_2023", Platform.PDD, "Pinduoduo order export", _PDD_2023),
        _preset(
            "pdd.order_export_2020", Platform.PDD, "Pinduoduo order export (2020, with receivers)",
            {**_PDD_2023, "receiver_name": "收货人", "phone": "手机", "address": ("省", "市", "区", "街道", "详细地址"),
             "created_at": "支付时间"},
        ),
        _preset(
            "douyin.order_export", Platform.DOUYIN, "Douyin shop order export",
            {
                "order_id": "主订单编号", "line_id": "子订单编号", "buyer_nick": "买家昵称", "receiver_name": "收件人", "phone": "收件人手机号",
                "province": "省", "city": "市", "district": "区", "address": ("省", "市", "区", "街道", "详细地址"),
                "status": "订单状态", "refund_status": "售后状态", "amount": "订单应付金额", "shipping_fee": "运费",
                "created_at": "订单提交时间", "paid_at": "支付完成时间", "shipped_at": "发货时间",
                "completed_at": "订单完成时间", "item_title": "选购商品", "sku": "商品规格", "quantity": "商品数量",
                "unit_price": "商品单价", "buyer_message": "买家留言", "seller_remark": "商家备注",
            },
            paid_is_net=False,  # 订单应付金额 is what the order cost; a refunded sub-order comes off it
        ),
        _preset(
            "kuaishou.order_export", Platform.KUAISHOU, "Kuaishou shop order export",
            {
                "order_id": "订单号", "buyer_nick": "买家昵称", "receiver_name": "收货人姓名", "phone": "收货人电话",
                "province": "收货地址-省",
                "city": "收货地址-市", "district": "收货地址-区",
                "address": ("收货地址-省", "收货地址-市", "收货地址-区", "收货地址-街道", "收货地址"),
                "status": "订单状态", "refund_status": "售后状态", "amount": "实付款", "shipping_fee": "快递费",
                "created_at": "订单创建时间", "paid_at": "订单支付时间", "shipped_at": "发货时间",
                "item_title": "商品名称", "sku": "商品规格", "quantity": "成交数量", "unit_price": "商品单价",
                "buyer_message": "买家留言", "seller_remark": "订单备注", "tracking_no": "快递单号",
            },
            paid_is_net=False,
        ),
        # 订单实际支付金额 is what was paid; 商品已退款金额 says what each line gave back since.
        _preset("wechat_shop.order_export", Platform.WECHAT_SHOP, "WeChat shop order export", _WECHAT_SHOP,
                paid_is_net=False),
        _preset(
            "wechat_shop.order_export_v5_older", Platform.WECHAT_SHOP, "WeChat shop order export (older V5)",
            {**_WECHAT_SHOP, "created_at": "下单时间", "unit_price": "商品价格", "line_amount": "商品价格"},
            paid_is_net=False,
        ),
        _preset(
            "youzan.order_export_order_level", Platform.YOUZAN, "Youzan orders (one row per order)",
            {
                "order_id": "订单号", "shop_name": "归属店铺", "buyer_id": "买家手机号", "buyer_nick": "买家昵称", "receiver_name": "收货人/提货人",
                "phone": "收货人手机号/提货人手机号", "province": "收货人省份", "city": "收货人城市", "district": "收货人地区",
                "address": ("收货人省份", "收货人城市", "收货人地区", "详细收货地址/提货地址"), "status": "订单状态",
                "refund_status": "订单退款状态", "amount": "订单实付金额", "total_amount": "商品金额合计",
                "shipping_fee": "运费", "refund_amount": "订单已退款金额", "created_at": "订单创建时间",
                "paid_at": "买家付款时间", "completed_at": "交易成功时间", "item_title": "全部商品名称",
                "buyer_message": "买家备注", "seller_remark": "商家订单备注",
            },
            one_row_per_order=True, paid_is_net=False,
        ),
        _preset(
            "youzan.order_export_item_level", Platform.YOUZAN, "Youzan orders (one row per item)",
            {
                "order_id": "订单号", "buyer_id": "买家手机号", "receiver_name": "收货人/提货人",
                "phone": "收货人手机号/提货人手机号", "province": "收货人省份", "city": "收货人城市", "district": "收货人地区",
                "address": ("收货人省份", "收货人城市", "收货人地区", "详细收货地址/提货地址"), "status": "订单商品状态",
                "refund_status": "商品退款状态", "amount": "商品实际成交金额", "line_amount": "商品实际成交金额",
                "created_at": "订单创建时间", "paid_at": "买家付款时间", "completed_at": "交易成功时间",
                "shipped_at": "商品发货时间", "item_title": "商品名称", "sku": "商品规格", "quantity": "商品数量",
                "unit_price": "商品单价", "buyer_message": "买家备注", "seller_remark": "商家订单备注",
                "tracking_no": "商品发货物流单号", "line_refund": "商品已退款金额",
            },
            amount_per_line=True, paid_is_net=False,
        ),
        _preset(
            "shopify.orders_export", Platform.SHOPIFY, "Shopify orders export",
            {
                # Names (#1001) repeat across a seller's stores; Id is global. Rows group by Name (Id sits on an
                # order's first row only), the order is keyed by Id and shown by Name.
                "order_id": "Name", "global_id": "Id", "buyer_id": "Email", "email": "Email", "receiver_name": "Shipping Name",
                "phone": "Shipping Phone", "phone_alt": "Phone", "province": "Shipping Province",
                "city": "Shipping City",
                "address": ("Shipping Address1", "Shipping Address2", "Shipping City", "Shipping Zip",
                            "Shipping Province", "Shipping Country"),
                # A pickup, point-of-sale or gift-card order ships nowhere: its buyer is known by the billing side.
                "billing_name": "Billing Name", "billing_phone": "Billing Phone",
                "billing_address": ("Billing Address1", "Billing Address2", "Billing City", "Billing Zip",
                                    "Billing Province", "Billing Country"),
                "status": "Financial Status", "fulfillment_status": "Fulfillment Status", "cancelled_at": "Cancelled at",
                "amount": "Total", "total_amount": "Subtotal", "shipping_fee": "Shipping",
                "refund_amount": "Refunded Amount", "created_at": "Created at", "paid_at": "Paid at",
                "shipped_at": "Fulfilled at", "item_title": "Lineitem name", "sku": "Lineitem sku",
                "quantity": "Lineitem quantity", "unit_price": "Lineitem price", "buyer_message": "Notes",
            },
            paid_is_net=False,
        ),
    )
}


@dataclass(frozen=True)
class Detection:
    preset: Preset | None
    score: float


def all_known_names() -> set[str]:
    names: set[str] = set()
    for preset in PRESETS.values():
        names |= preset.known_names
    return names


def resolve_columns(fields: Mapping[str, Columns], headers: Sequence[str]) -> dict[str, tuple[int, ...]]:
    """Field -> the sheet's columns holding it; columns the sheet lacks are left out."""
    index = header_index(headers)
    resolved = {}
    for name, columns in fields.items():
        found = tuple(index[key] for key in (normalise_header(c) for c in _as_tuple(columns)) if key in index)
        if found:
            resolved[name] = found
    return resolved


def detect_preset(headers: Sequence[str]) -> Detection:
    """The preset whose layout is closest to this header row (Jaccard over normalised names)."""
    sheet_names = {normalise_header(header) for header in headers if normalise_header(header)}
    best = Detection(None, 0.0)
    for preset in PRESETS.values():
        resolved = resolve_columns(preset.fields, headers)
        if any(required not in resolved for required in REQUIRED_FIELDS) or len(resolved) < 3:
            continue
        names = preset.known_names
        hits = len(names & sheet_names)
        score = hits / len(names | sheet_names)
        if score > best.score:
            best = Detection(preset, score)
    return best


def custom_preset(name: str, platform: str, fields: Mapping[str, Columns], role: str = "orders") -> Preset:
    """A preset from a user's own mapping (a saved ColumnMapping) for a layout no preset knows."""
    return Preset(f"custom:{name}", platform or str(Platform.OTHER), name, dict(fields), role=role)
