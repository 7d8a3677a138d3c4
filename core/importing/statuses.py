"""Each platform's order status text mapped to Laoke's six statuses; the raw text is kept beside it."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from functools import lru_cache

from core.store.models import PAID_STATUSES, OrderStatus, Platform

S = OrderStatus
# Exact texts seen in real exports, per platform (commas normalised to half-width before lookup).
PLATFORM_STATUSES: dict[str, dict[str, OrderStatus]] = {
    Platform.TAOBAO: {
        "等待买家付款": S.UNPAID, "买家已付款,等待卖家发货": S.PAID, "卖家已发货,等待买家确认": S.SHIPPED,
        "卖家部分发货": S.SHIPPED, "交易成功": S.COMPLETED, "交易关闭": S.CLOSED, "等待卖家发货": S.PAID,
        "已发货": S.SHIPPED, "等待买家确认收货": S.SHIPPED,
    },
    Platform.JD: {
        "等待付款": S.UNPAID, "等待出库": S.PAID, "等待确认收货": S.SHIPPED, "完成": S.COMPLETED, "锁定": S.PAID,
        "(锁定)等待出库": S.PAID, "(删除)等待出库": S.CLOSED, "(删除)等待确认收货": S.CLOSED,
        "(删除)等待付款": S.CLOSED, "已取消": S.CLOSED, "已完成": S.COMPLETED,
    },
    Platform.PDD: {
        "待支付": S.UNPAID, "未支付": S.UNPAID, "待发货": S.PAID, "已发货": S.SHIPPED, "已发货,待收货": S.SHIPPED,
        "已收货": S.COMPLETED, "已签收": S.COMPLETED, "已完成": S.COMPLETED, "已取消": S.CLOSED, "已关闭": S.CLOSED,
        "已发货,退款成功": S.REFUNDED, "未发货,退款成功": S.REFUNDED,
    },
    Platform.DOUYIN: {
        "待支付": S.UNPAID, "待发货": S.PAID, "备货中": S.PAID, "已支付": S.PAID, "已发货": S.SHIPPED,
        "已完成": S.COMPLETED, "已关闭": S.CLOSED, "已取消": S.CLOSED,
    },
    Platform.KUAISHOU: {
        "待付款": S.UNPAID, "待发货": S.PAID, "已发货": S.SHIPPED, "已收货": S.COMPLETED, "交易成功": S.COMPLETED,
        "交易关闭": S.CLOSED, "已关闭": S.CLOSED,
    },
    Platform.WECHAT_SHOP: {
        "待付款": S.UNPAID, "待发货": S.PAID, "部分发货": S.SHIPPED, "已发货": S.SHIPPED, "待收货": S.SHIPPED,
        "已完成": S.COMPLETED, "已取消": S.CLOSED, "已关闭": S.CLOSED, "售后完成": S.REFUNDED,
    },
    Platform.YOUZAN: {
        "待付款": S.UNPAID, "待发货": S.PAID, "已发货": S.SHIPPED, "等待买家确认收货": S.SHIPPED,
        "交易成功": S.COMPLETED, "交易完成": S.COMPLETED, "已完成": S.COMPLETED, "交易关闭": S.CLOSED,
        "已关闭": S.CLOSED,
    },
    Platform.SHOPIFY: {
        "pending": S.UNPAID, "authorized": S.PAID, "paid": S.PAID, "partially_paid": S.PAID,
        "partially_refunded": S.PAID, "refunded": S.REFUNDED, "voided": S.CLOSED, "expired": S.CLOSED,
    },
}
# For texts no table lists: the first keyword found decides (order matters: 已发货 before 发货, …).
KEYWORDS: tuple[tuple[str, OrderStatus], ...] = (
    ("退款成功", S.REFUNDED), ("已退款", S.REFUNDED), ("全额退款", S.REFUNDED), ("refunded", S.REFUNDED),
    ("关闭", S.CLOSED), ("取消", S.CLOSED), ("删除", S.CLOSED), ("cancel", S.CLOSED), ("void", S.CLOSED),
    ("待付款", S.UNPAID), ("等待付款", S.UNPAID), ("待支付", S.UNPAID), ("未付款", S.UNPAID), ("未支付", S.UNPAID),
    ("买家付款", S.UNPAID), ("pending", S.UNPAID),
    ("成功", S.COMPLETED), ("完成", S.COMPLETED), ("已收货", S.COMPLETED), ("已签收", S.COMPLETED),
    ("已发货", S.SHIPPED), ("待收货", S.SHIPPED), ("确认收货", S.SHIPPED), ("fulfilled", S.SHIPPED),
    ("已付款", S.PAID), ("已支付", S.PAID), ("待发货", S.PAID), ("出库", S.PAID), ("paid", S.PAID),
)
REFUNDED_WORDS = ("退款成功", "已退款", "全额退款", "退款完成", "售后完成", "refunded")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "").strip()


@lru_cache(maxsize=4096)
def map_status(platform: str, raw: str | None) -> OrderStatus | None:
    """Laoke's status for a platform's status text, or None when the text says nothing known."""
    if not raw:
        return None
    folded = _fold(raw)
    exact = PLATFORM_STATUSES.get(platform, {}).get(folded) or PLATFORM_STATUSES.get(platform, {}).get(folded.lower())
    if exact is not None:
        return exact
    lowered = folded.lower()
    return next((status for keyword, status in KEYWORDS if keyword in lowered), None)


@lru_cache(maxsize=4096)
def says_refunded(refund_text: str | None) -> bool:
    """Whether a refund/after-sale column says the money went back (a refused or cancelled claim does not)."""
    if not refund_text:
        return False
    lowered = _fold(refund_text).lower()
    if "partially" in lowered or "部分" in lowered:
        return False
    return any(word in lowered for word in REFUNDED_WORDS)


def settled_status(status: OrderStatus, net_paid: Decimal | None, refund: Decimal | None,
                   close_reason: str | None) -> OrderStatus:
    """The status once refunds are counted: money that all went back is a refund, whatever the status says.

    Taobao closes a refunded order (交易关闭, 订单关闭原因 退款), and keeps 交易成功 on an order whose whole
    payment was refunded after success (买家实际支付金额 0.00, 退款金额 = the total).
    """
    if status == S.CLOSED and close_reason and "退款" in close_reason:
        return S.REFUNDED
    if status in PAID_STATUSES and refund and refund > 0 and net_paid is not None and net_paid <= 0:
        return S.REFUNDED
    return status


def shopify_status(financial: str | None, fulfillment: str | None, cancelled_at: str | None) -> OrderStatus | None:
    """Shopify splits the state over three columns: money, shipping and cancellation."""
    if cancelled_at:
        return S.REFUNDED if financial and financial.lower() == "refunded" else S.CLOSED
    status = map_status(Platform.SHOPIFY, financial)
    if status == S.PAID and fulfillment and fulfillment.lower() in ("fulfilled", "partial"):
        return S.SHIPPED
    return status
