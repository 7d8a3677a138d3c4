"""A realistic demo shop: a tea and snacks store selling on several platforms for two years.

The same seed gives the same shop, so screenshots and tests can rely on it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from core.care.generate import generate_tasks, span_around
from core.figures.stage_history import rebuild_stage_history
from core.progress import CancelToken, ProgressCallback, no_progress
from core.refresh import refresh_derived
from core.store.bulk import new_ids
from core.store.models import (
    CalendarKind,
    Customer,
    CustomerAlias,
    CustomerTag,
    Note,
    NoteKind,
    Order,
    OrderLine,
    OrderStatus,
    Platform,
    Tag,
)
from core.store.opening import open_database
from core.store.settings import DEMO_MADE_ON_KEY, set_setting

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英晓明红梅玉兰建华志强海燕雪梅丹丹思远子涵梓萱浩然一诺欣怡宇轩雨桐佳怡俊杰"
NICK_WORDS = ["小猫爱吃鱼", "夏天的风", "柠檬不酸", "慢慢来", "橘子汽水", "阿飞", "木木", "豆豆妈", "晴天",
              "云朵", "大白兔", "好运来", "茶小白", "喝茶的熊", "向日葵", "老周", "糖糖", "七月", "山茶花", "一只鹿"]
# Every this many buyers one is an earlier buyer again, on another record (see _copy_person).
TWIN_EVERY = 150
PLACES = [
    ("浙江省", "杭州市", ["西湖区", "余杭区", "滨江区"]),
    ("浙江省", "宁波市", ["鄞州区", "海曙区"]),
    ("广东省", "广州市", ["天河区", "越秀区", "番禺区"]),
    ("广东省", "深圳市", ["南山区", "福田区", "宝安区"]),
    ("上海市", "上海市", ["浦东新区", "徐汇区", "静安区"]),
    ("北京市", "北京市", ["朝阳区", "海淀区", "东城区"]),
    ("江苏省", "南京市", ["鼓楼区", "玄武区"]),
    ("江苏省", "苏州市", ["姑苏区", "工业园区"]),
    ("四川省", "成都市", ["武侯区", "锦江区", "高新区"]),
    ("湖北省", "武汉市", ["洪山区", "江汉区"]),
    ("福建省", "厦门市", ["思明区", "湖里区"]),
    ("山东省", "青岛市", ["市南区", "崂山区"]),
    ("陕西省", "西安市", ["雁塔区", "碑林区"]),
]
STREETS = ["文三路", "人民路", "解放路", "中山路", "建设路", "和平街", "幸福里", "长江路", "滨江大道", "学院路"]
PRODUCTS = [
    ("明前龙井 250g", Decimal("168.00")), ("安吉白茶 200g", Decimal("138.00")),
    ("正山小种 罐装", Decimal("88.00")), ("云南普洱熟茶饼 357g", Decimal("128.00")),
    ("茉莉花茶 袋泡30包", Decimal("39.90")), ("桂花乌龙 冷泡茶", Decimal("49.00")),
    ("手工芝麻糖 500g", Decimal("29.90")), ("坚果礼盒 1.2kg", Decimal("159.00")),
    ("玻璃泡茶杯", Decimal("45.00")), ("陈皮白茶 小饼", Decimal("69.00")),
]
PLATFORM_SHARE = [(Platform.TAOBAO, 45), (Platform.PDD, 20), (Platform.JD, 15), (Platform.DOUYIN, 12),
                  (Platform.WECHAT_SHOP, 8)]
TAGS = [("回头客", "#2e9d5b"), ("爱喝绿茶", "#4caf50"), ("送礼", "#e0559f"), ("价格敏感", "#f39c12"),
        ("大客户", "#c0392b"), ("差评风险", "#7f8c8d"), ("公司采购", "#3f6fd8"), ("直播间粉丝", "#8e44ad")]
VIP_NOTES = ["喜欢偏浓的口味，发货时多送一包试饮装", "公司年底采购礼盒，提前一个月联系",
             "对包装要求高，请用加厚纸箱", "老顾客介绍来的，记得感谢", "只喝明前茶，上新第一时间告知"]
GENERAL_NOTES = ["上次物流慢，已补偿优惠券", "咨询过冷泡方法", "地址在学校，周末收不到件", "希望开发票"]


@dataclass(frozen=True)
class DemoSummary:
    customers: int
    orders: int
    tags: int


def _buyer_behaviour(rng: random.Random) -> tuple[int, float]:
    """How many orders a buyer places and how far apart, drawn to give a real shop's mix."""
    kind = rng.random()
    if kind < 0.08:
        return 0, 0.0  # a contact who never bought
    if kind < 0.55:
        return 1, 0.0
    if kind < 0.80:
        return rng.randint(2, 3), rng.uniform(30, 150)
    return rng.randint(4, 12), rng.uniform(20, 70)


def create_demo_shop(
    session: Session,
    customers: int = 2000,
    *,
    today: date | None = None,
    seed: int = 8,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> DemoSummary:
    """Fill an empty database with a demo shop; the caller commits."""
    today = today or date.today()
    rng = random.Random(seed)
    start = today - timedelta(days=730)
    tag_ids = _create_tags(session)
    next_order_no = 3_900_000_000_000_000_000 + rng.randint(0, 10**15)

    customer_rows, alias_rows, tag_rows, note_rows, order_rows, line_rows = [], [], [], [], [], []
    customer_ids = new_ids(session.connection(), Customer.__table__)  # type: ignore[arg-type]
    order_ids = new_ids(session.connection(), Order.__table__)  # type: ignore[arg-type]
    identities_used: set[str] = set()
    for index in range(customers):
        if cancel is not None:
            cancel.raise_if_cancelled()
        customer_id = next(customer_ids)
        platform = rng.choices([p for p, _ in PLATFORM_SHARE], [w for _, w in PLATFORM_SHARE])[0]
        row = _demo_customer(rng, customer_id, platform, today, identities_used)
        if index % TWIN_EVERY == TWIN_EVERY - 1:
            _copy_person(customer_rows[index - 1], row)
        customer_rows.append(row)
        if row["platform_buyer_id"]:
            alias_rows.append({"customer_id": customer_id, "kind": "buyer_id", "platform": str(platform),
                               "value": row["platform_buyer_id"]})
        if row["phone"]:
            alias_rows.append({"customer_id": customer_id, "kind": "phone", "platform": "", "value": row["phone"]})

        count, gap = _buyer_behaviour(rng)
        when = start + timedelta(days=rng.randint(0, 729))
        for _ in range(count):
            if when > today:
                break
            order_id = next(order_ids)
            next_order_no += rng.randint(1, 10**9)
            order, lines = _demo_order(rng, order_id, customer_id, platform, row, when, today, next_order_no)
            order_rows.append(order)
            line_rows.extend(lines)
            when += timedelta(days=max(3, int(rng.gauss(gap, gap / 3))))
        if count >= 4 or rng.random() < 0.25:
            for tag_name in rng.sample(list(tag_ids), k=rng.randint(1, 2)):
                tag_rows.append({"customer_id": customer_id, "tag_id": tag_ids[tag_name]})
        if row["is_vip"]:
            note_rows.append({"customer_id": customer_id, "kind": NoteKind.VIP, "text": rng.choice(VIP_NOTES),
                              "created_at": datetime.combine(today - timedelta(days=rng.randint(1, 300)), time(10))})
        if rng.random() < 0.05:
            note_rows.append({"customer_id": customer_id, "kind": NoteKind.GENERAL,
                              "text": rng.choice(GENERAL_NOTES),
                              "created_at": datetime.combine(today - timedelta(days=rng.randint(1, 300)), time(15))})
        progress(index + 1, customers)

    for table, rows in ((Customer, customer_rows), (CustomerAlias, alias_rows), (Order, order_rows),
                        (OrderLine, line_rows), (CustomerTag, tag_rows), (Note, note_rows)):
        if rows:
            session.execute(insert(table), rows)
    set_setting(session, "shop_name", "老客茶铺")
    set_setting(session, DEMO_MADE_ON_KEY, today.isoformat())
    session.flush()
    refresh_derived(session.connection(), as_of=today)
    # The demo's two years of orders arrive at once: give its stages a history to chart.
    rebuild_stage_history(session.connection(), as_of=today)
    return DemoSummary(customers=len(customer_rows), orders=len(order_rows), tags=len(tag_ids))


def _create_tags(session: Session) -> dict[str, int]:
    tag_ids = {}
    for name, color in TAGS:
        tag = session.scalar(select(Tag).where(Tag.name == name)) or Tag(name=name, color=color)
        session.add(tag)
        session.flush()
        tag_ids[name] = tag.id
    return tag_ids


def _unique(draw, used: set[str]) -> str:  # type: ignore[no-untyped-def]
    """Draw until the value is new: demo buyers never share a phone or a platform key by accident."""
    value = draw()
    while value in used:
        value = draw()
    used.add(value)
    return value


def _demo_customer(
    rng: random.Random, customer_id: int, platform: Platform, today: date, used: set[str]
) -> dict:
    name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, k=rng.choice([1, 2])))
    nickname = rng.choice(NICK_WORDS) + (str(rng.randint(1, 999)) if rng.random() < 0.6 else "")
    phone = _unique(lambda: "1" + rng.choice("3456789") + "".join(rng.choices("0123456789", k=9)), used)
    # PDD, Douyin and WeChat shop exports carry no stable buyer key; Taobao and JD do.
    keyed = platform in (Platform.TAOBAO, Platform.JD)
    buyer_key = _unique(lambda: _buyer_key(rng, platform, nickname), used) if keyed else None
    province, city, districts = rng.choice(PLACES)
    row = {
        "id": customer_id,
        "platform": str(platform),
        "platform_buyer_id": buyer_key,
        "nickname": nickname,
        "name": name,
        "phone": phone,
        "phone_last4": phone[-4:],
        "province": province,
        "city": city,
        "district": rng.choice(districts),
        "address": f"{rng.choice(STREETS)}{rng.randint(1, 999)}号{rng.randint(1, 30)}幢{rng.randint(101, 2502)}室",
        "gender": rng.choice(["F", "F", "M", None]),
        "source": "demo",
        "is_vip": rng.random() < 0.06,
        "do_not_contact": False,
        "birthday_calendar": None,
        "birth_year": None,
        "birth_month": None,
        "birth_day": None,
        "birth_is_leap_month": False,
        "dnc_reason": None,
        "dnc_since": None,
    }
    if rng.random() < 0.4:
        lunar = rng.random() < 0.25
        row.update(
            birthday_calendar=str(CalendarKind.LUNAR if lunar else CalendarKind.SOLAR),
            birth_year=rng.randint(1965, 2004) if rng.random() < 0.6 else None,
            birth_month=rng.randint(1, 12),
            birth_day=rng.randint(1, 30 if lunar else 28),
        )
    if rng.random() < 0.02:
        row.update(do_not_contact=True, dnc_reason="买家要求不要再发短信",
                   dnc_since=datetime.combine(today - timedelta(days=rng.randint(1, 200)), time(9)))
    return row


def _copy_person(original: dict, twin: dict) -> None:
    """Make `twin` the same person as `original`, seen through an export that hid the phone: the duplicates
    the owner reviews and merges (the same name and address, a like nickname). Draws nothing from the
    generator, so every other demo buyer stays as it was."""
    for field in ("name", "province", "city", "district", "address", "gender"):
        twin[field] = original[field]
    twin["nickname"] = original["nickname"].rstrip("0123456789") + "_"
    twin["phone"] = twin["phone_last4"] = None


def _buyer_key(rng: random.Random, platform: Platform, nickname: str) -> str:
    if platform == Platform.TAOBAO:
        return f"tb{rng.randint(10**8, 10**9)}" if rng.random() < 0.5 else f"{nickname}{rng.randint(10, 9999)}"
    return f"jd_{rng.randint(10**9, 10**10):x}"


def _demo_order(rng, order_id, customer_id, platform, buyer, when, today, order_no):  # type: ignore[no-untyped-def]
    created = datetime.combine(when, time(rng.randint(8, 23), rng.randint(0, 59), rng.randint(0, 59)))
    picks = rng.sample(PRODUCTS, k=rng.choice([1, 1, 1, 2, 3]))
    lines, total = [], Decimal(0)
    for title, price in picks:
        quantity = rng.choice([1, 1, 1, 2])
        amount = price * quantity
        total += amount
        lines.append({"order_id": order_id, "title": title, "quantity": quantity, "unit_price": price,
                      "amount": amount})
    age = (today - when).days
    status = _demo_status(rng, age)
    paid_at = created + timedelta(minutes=rng.randint(1, 30)) if status != OrderStatus.UNPAID else None
    order = {
        "id": order_id,
        "platform": str(platform),
        "platform_order_id": str(order_no),
        "customer_id": customer_id,
        "status": str(status),
        "status_raw": None,
        "total_amount": total,
        "paid_amount": total if paid_at else Decimal(0),
        "shipping_fee": Decimal(0),
        "refund_amount": total if status == OrderStatus.REFUNDED else None,
        "created_at": created,
        "paid_at": paid_at,
        "completed_at": created + timedelta(days=rng.randint(3, 10)) if status == OrderStatus.COMPLETED else None,
        "item_summary": "，".join(title for title, _ in picks),
        "quantity": sum(line["quantity"] for line in lines),
        "receiver_name": buyer["name"],
        "receiver_phone": buyer["phone"],
        "receiver_address": f"{buyer['province']}{buyer['city']}{buyer['district']}{buyer['address']}",
        "province": buyer["province"],
        "city": buyer["city"],
    }
    return order, lines


def _demo_status(rng: random.Random, age_days: int) -> OrderStatus:
    if age_days <= 1 and rng.random() < 0.3:
        return OrderStatus.UNPAID
    if age_days <= 3:
        return rng.choice([OrderStatus.PAID, OrderStatus.SHIPPED])
    if age_days <= 10:
        return rng.choice([OrderStatus.SHIPPED, OrderStatus.COMPLETED])
    roll = rng.random()
    if roll < 0.04:
        return OrderStatus.REFUNDED
    if roll < 0.08:
        return OrderStatus.CLOSED
    return OrderStatus.COMPLETED


def ensure_demo_database(
    target: Path, customers: int = 2000, *, progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> Path:
    """The demo shop's database file, created on first use; an existing one is left as it is."""
    database = open_database(target)
    try:
        with database.transaction() as session:
            if not session.scalar(select(func.count()).select_from(Customer)):
                create_demo_shop(session, customers=customers, progress=progress, cancel=cancel)
                # Planned at once, so the first look at the window already says what today holds.
                today = date.today()
                generate_tasks(session, *span_around(today), create_from=today, cancel=cancel)
    finally:
        database.dispose()
    return target
