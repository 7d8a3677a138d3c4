"""A book where several buyers match each query, to see which one comes first (core, CLI and GUI tests)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from core.refresh import refresh_derived
from core.store.models import Customer, CustomerAlias, Order

AS_OF = datetime(2026, 11, 22)
BUYERS = [
    # name, nickname, platform, phone, accounts [(alias kind, value)], orders [(number, when)]
    ("王华", "春天", "taobao_tmall", "13900001796", [("buyer_id", "tb_小米粥88")],
     [("3900123456789012345", "2025-01-02")]),
    ("王华明", "木木684", "taobao_tmall", "17960001234", [("buyer_id", "Tb741289570")],
     [("3900000000000000001", "2026-11-01")]),
    ("周慧", "木木68", "jd", "13811112222", [("buyer_id", "jd_whale")], [("JD66001", "2024-05-01")]),
    ("李明", "whale", "pdd", "13622223333", [("nickname", "一只鹿3302")], [("PDD0017960", "2026-11-20")]),
    ("赵敏", "小赵", "douyin", None, [("nickname", "tb馥1332"), ("buyer_id", "tb17965")],
     [("DY778899", "2026-11-21")]),
    ("钱多多", None, "youzan", None, [("buyer_id", "13577778888")], [("E2026110100001", "2026-10-10")]),
    ("Emma", None, "shopify", None, [("email", "Emma.Li@example.com")], [("#1001", "2026-09-01")]),
]

# query -> whose buyer comes first, and why
FIRST = [
    ("tb_小米粥88", "王华"),  # an account, whole
    ("TB741289570", "王华明"),  # an account in other letter case
    ("一只鹿3302", "李明"),  # a Pinduoduo nickname account
    ("b馥1", "赵敏"),  # a part of an account
    ("小米粥", "王华"),  # the Chinese part of an account
    ("xiaomizhou", "王华"),  # its pinyin
    ("木木68", "周慧"),  # an exact nickname before the longer one that ordered more recently
    ("wh", "王华"),  # exact initials before initials that are a start (王华明) or a nickname's start (whale)
    ("王华", "王华"),  # an exact name before a longer one
    ("1796", "王华"),  # a phone ending in the four digits before one starting with them
    ("01796", "王华"),  # five digits
    ("13900001796", "王华"),  # a whole phone
    ("789012345", "王华"),  # an order number's tail
    ("3900123456789012345", "王华"),  # a whole order number
    ("8888", "钱多多"),  # an account that is a phone, by its tail
    ("emma.li@example.com", "Emma"),  # an account that is an e-mail, whole
    ("li@exam", "Emma"),  # and a part of it
]


def make_ranking_book(database) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Fill the database with BUYERS; returns {name: id}."""
    ids = {}
    with database.transaction() as session:
        for name, nickname, platform, phone, accounts, orders in BUYERS:
            customer = Customer(name=name, nickname=nickname, platform=platform, phone=phone,
                                phone_last4=phone[-4:] if phone else None)
            session.add(customer)
            session.flush()
            ids[name] = customer.id
            for kind, value in accounts:
                session.add(CustomerAlias(customer_id=customer.id, kind=kind, platform=platform, value=value))
            for number, when in orders:
                session.add(Order(platform=platform, platform_order_id=number, customer_id=customer.id,
                                  status="completed", paid_amount=Decimal("10.00"),
                                  created_at=datetime.fromisoformat(when)))
        session.flush()
        refresh_derived(session.connection(), as_of=AS_OF.date())
    return ids
