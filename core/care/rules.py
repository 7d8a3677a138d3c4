"""The care rules: their defaults, and the shop's own parameters, filters and templates stored in `CareRule`.

Every rule has the same shape: on/off, a priority (higher wins under the frequency cap), a message template,
and `params` holding the rule's own numbers plus the filters every rule shares (stages, tags, platforms,
VIP only, minimum spend). A rule the database does not hold yet runs with its defaults.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass
from datetime import time
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.messages import Message
from core.safety.privacy import ensure_owner_mode
from core.store.models import CareRule, Order, Stage
from core.store.settings import get_setting, set_setting

CHANGING_RULES = Message("Changing the care rules")
CHANGING_SETTINGS = Message("Changing the care settings")


class RuleKind(StrEnum):
    """The family a rule belongs to: the calendar colours tasks by it."""

    BIRTHDAY = "birthday"
    HOLIDAY = "holiday"
    ORDER = "order"
    LIFECYCLE = "lifecycle"


class Channel(StrEnum):
    SMS = "sms"
    WECHAT = "wechat"
    PHONE = "phone"
    PLATFORM_CHAT = "platform_chat"


@dataclass(frozen=True)
class RuleSpec:
    """What a rule is, as shipped: the defaults a shop starts from."""

    key: str
    kind: RuleKind
    priority: int
    params: dict[str, Any]
    template: str


ACTIVE_STAGES = [Stage.NEW, Stage.REPEAT, Stage.LOYAL]
NO_FILTERS: dict[str, Any] = {"stages": [], "tags": [], "platforms": [], "vip_only": False, "min_spend": 0,
                              "member_tiers": []}
# The birthday rule's gift for a member tier is kept under this prefix and the tier's name ("tier:金卡"), apart
# from the stage keys.
TIER_GIFT = "tier:"

RULE_SPECS: tuple[RuleSpec, ...] = (
    RuleSpec("birthday", RuleKind.BIRTHDAY, 80, {
        "days_ahead": 3, "on_the_day": True, "channel": Channel.SMS, "capped": True,
        "prep_template": "{姓名} {生日}生日（还有{天数}天）：准备{礼物}",
        "gift_notes": {"vip": "手写贺卡 + 小礼盒", Stage.LOYAL: "生日优惠券", Stage.REPEAT: "生日优惠券",
                       "default": "生日祝福"},
    }, "{称呼}，生日快乐！{店铺}为您准备了一份小心意，祝您新的一岁万事顺意。回T退订"),
    RuleSpec("holiday", RuleKind.HOLIDAY, 40, {
        "days_before": 1, "channel": Channel.WECHAT, "capped": True,
        "festivals": ["spring_festival", "mid_autumn", "national_day", "dragon_boat", "shop_618", "double_11"],
        "stages": [Stage.REPEAT, Stage.LOYAL],
    }, "{称呼}，{节日}快乐！感谢一路相伴，{店铺}祝您和家人一切安好。回T退订"),
    RuleSpec("order_unpaid", RuleKind.ORDER, 95, {
        "delay_hours": 2, "channel": Channel.PLATFORM_CHAT, "capped": False,
    }, "{称呼}，您在{店铺}拍下的{商品}还没有付款哦，库存有限，有问题随时找我～"),
    RuleSpec("order_shipped", RuleKind.ORDER, 70, {
        "channel": Channel.PLATFORM_CHAT, "capped": False,
    }, "{称呼}，您的{商品}已经发货啦，运单号{运单号}，请留意查收。"),
    RuleSpec("order_followup", RuleKind.ORDER, 60, {
        "days_after": 7, "channel": Channel.WECHAT, "capped": True,
    }, "{称呼}，{商品}收到{天数}天了，用得还顺手吗？有任何问题随时告诉我们。"),
    RuleSpec("order_review", RuleKind.ORDER, 45, {
        "days_after": 3, "channel": Channel.PLATFORM_CHAT, "capped": True,
    }, "{称呼}，如果对{商品}还满意，方便的话帮我们写个评价吧，谢谢支持！"),
    RuleSpec("order_refund", RuleKind.ORDER, 90, {
        "channel": Channel.PHONE, "capped": False,
    }, "{称呼}，您的退款已经处理，给您添麻烦了，很抱歉。{店铺}随时为您服务。"),
    RuleSpec("anniversary", RuleKind.LIFECYCLE, 55, {
        "days": [100, 365], "channel": Channel.SMS, "capped": True,
    }, "{称呼}，今天是我们相识{天数}天的日子，谢谢您对{店铺}的信任！回T退订"),
    RuleSpec("winback", RuleKind.LIFECYCLE, 65, {
        "days_after": 0, "channel": Channel.SMS, "capped": True,
    }, "{称呼}，好久不见！{店铺}给您留了一张老客专享券，期待再次为您服务。回T退订"),
    RuleSpec("repurchase", RuleKind.LIFECYCLE, 75, {
        "rhythm_factor": 1.2, "product_gaps": {}, "learned_gaps": True, "min_repeat_buyers": 3,
        "channel": Channel.WECHAT, "capped": True,
    }, "{称呼}，上次买的{商品}差不多该用完啦，需要帮您留一份吗？回T退订"),
    RuleSpec("vip_checkin", RuleKind.LIFECYCLE, 50, {
        "every_days": 30, "channel": Channel.PHONE, "capped": True, "vip_only": True,
    }, "回访 VIP {姓名}：问候近况，问问{商品}的使用感受"),
    RuleSpec("member_day", RuleKind.LIFECYCLE, 30, {
        "day_of_month": 8, "channel": Channel.SMS, "capped": True, "stages": [Stage.REPEAT, Stage.LOYAL],
    }, "{称呼}，每月{日期}是{店铺}会员日，老客专享优惠今天开启。回T退订"),
    # 升级祝贺: on the day a buyer's member tier went up (core.loyalty keeps the change), once per tier.
    RuleSpec("tier_upgrade", RuleKind.LIFECYCLE, 58, {
        "channel": Channel.WECHAT, "capped": True,
    }, "{称呼}，恭喜您升级为{店铺}{等级}！感谢一直以来的支持，新等级的权益已为您开启。回T退订"),
)
SPECS_BY_KEY = {spec.key: spec for spec in RULE_SPECS}


@dataclass(frozen=True)
class Rule:
    """A rule as the shop has set it up: the defaults overlaid with its stored row."""

    key: str
    kind: RuleKind
    enabled: bool
    priority: int
    params: dict[str, Any]
    template: str

    def param(self, name: str) -> Any:
        return self.params.get(name, SPECS_BY_KEY[self.key].params.get(name, NO_FILTERS.get(name)))

    @property
    def channel(self) -> str:
        return str(self.param("channel"))

    @property
    def capped(self) -> bool:
        return bool(self.param("capped"))

    @property
    def filters(self) -> Filters:
        return Filters(
            stages=tuple(str(stage) for stage in self.param("stages") or ()),
            tags=tuple(self.param("tags") or ()),
            platforms=tuple(self.param("platforms") or ()),
            vip_only=bool(self.param("vip_only")),
            min_spend=Decimal(str(self.param("min_spend") or 0)),
            member_tiers=tuple(self.param("member_tiers") or ()),
        )


@dataclass(frozen=True)
class Filters:
    """Who a rule applies to; an empty list means everyone."""

    stages: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()
    vip_only: bool = False
    min_spend: Decimal = Decimal(0)
    member_tiers: tuple[str, ...] = ()


def default_rule(key: str) -> Rule:
    spec = SPECS_BY_KEY[key]
    return Rule(spec.key, spec.kind, True, spec.priority, copy.deepcopy(spec.params), spec.template)


def load_rules(session: Session) -> list[Rule]:
    """Every rule, in the shipped order, with the shop's stored settings over the defaults."""
    stored = {row.key: row for row in session.scalars(select(CareRule))}
    rules = []
    for spec in RULE_SPECS:
        row = stored.get(spec.key)
        if row is None:
            rules.append(default_rule(spec.key))
            continue
        params = copy.deepcopy(spec.params)
        params.update(row.params or {})
        rules.append(Rule(spec.key, spec.kind, row.enabled, row.priority, params, row.template or spec.template))
    return rules


def save_rule(session: Session, rule: Rule) -> None:
    """Store the rule's settings (the owner's: refused in rep mode); the caller commits."""
    ensure_owner_mode(session, CHANGING_RULES)
    if rule.key not in SPECS_BY_KEY:
        raise ValueError(f"unknown care rule {rule.key!r}")
    row = session.get(CareRule, rule.key)
    params = _json_ready(rule.params)
    if row is None:
        session.add(CareRule(key=rule.key, enabled=rule.enabled, priority=rule.priority, params=params,
                             template=rule.template))
    else:
        row.enabled, row.priority, row.params, row.template = rule.enabled, rule.priority, params, rule.template


def _json_ready(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): _json_ready(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json_ready(item) for item in value]
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, StrEnum):
        return str(value)
    return value


@dataclass(frozen=True)
class CareSettings:
    """Shop-wide care settings: the frequency cap, the send window, the SMS signature and the shop's name."""

    cap_count: int = 1
    cap_days: int = 7
    window_start: time = time(8, 0)
    window_end: time = time(21, 0)
    signature: str = ""
    opt_out: str = "回T退订"
    shop_name: str = ""  # what {店铺} says in the messages
    backlog: str = "skip"  # BACKLOG_SKIP or BACKLOG_CATCH_UP: what happens to occasions older than the book
    # How many days back an unpaid order is still worth a 催付 on the Today desk. Taobao, Pinduoduo and Douyin
    # close an unpaid order after one to three days; a shop on a platform that waits longer can say so.
    unpaid_remind_days: int = 3

    @property
    def sms_signature(self) -> str:
        """What an SMS starts with: the signature the owner set, else 【the shop's name】 as it is now."""
        return self.signature or (f"【{self.shop_name}】" if self.shop_name else "")

    def in_send_window(self, moment: time) -> bool:
        return self.window_start <= moment <= self.window_end


# A first import brings years of orders and buyers who turned dormant long ago. Skip: plan only what falls due
# from the day the book learnt of it (a week's grace for a weekly export). Catch up: win back the buyers who were
# already dormant, spread over the week after the import, and follow up old orders on their own day.
BACKLOG_SKIP = "skip"
BACKLOG_CATCH_UP = "catch_up"
CARE_SETTINGS_KEY = "care"
UNPAID_REMIND_DAYS_MAX = 30  # no platform keeps an unpaid order open for longer
SHOP_NAME_KEY = "shop_name"


def shop_name_of(session: Session) -> str:
    """The shop's name as the owner gave it, else the name most imported orders carry (店铺名称), else ''.

    Without it the templates' {店铺} came out empty ("您在拍下的…") for every shop but the demo.
    """
    name = get_setting(session, SHOP_NAME_KEY, "") or ""
    if name:
        return name
    most_used = (select(Order.shop_name).where(Order.shop_name.is_not(None), Order.shop_name != "")
                 .group_by(Order.shop_name).order_by(func.count().desc(), Order.shop_name).limit(1))
    return session.scalar(most_used) or ""


def load_care_settings(session: Session) -> CareSettings:
    stored = get_setting(session, CARE_SETTINGS_KEY, {}) or {}
    defaults = CareSettings()
    return CareSettings(
        cap_count=int(stored.get("cap_count", defaults.cap_count)),
        cap_days=int(stored.get("cap_days", defaults.cap_days)),
        window_start=time.fromisoformat(stored.get("window_start", defaults.window_start.isoformat("minutes"))),
        window_end=time.fromisoformat(stored.get("window_end", defaults.window_end.isoformat("minutes"))),
        signature=stored.get("signature") or "",
        opt_out=stored.get("opt_out", defaults.opt_out),
        shop_name=shop_name_of(session),
        backlog=stored.get("backlog", defaults.backlog),
        unpaid_remind_days=int(stored.get("unpaid_remind_days", defaults.unpaid_remind_days)),
    )


def unpaid_remind_days(session: Session) -> int:
    """The 催付 window alone, for the Today desk: without the shop name's scan of every order."""
    stored = get_setting(session, CARE_SETTINGS_KEY, {}) or {}
    return int(stored.get("unpaid_remind_days", CareSettings.unpaid_remind_days))


def save_care_settings(session: Session, settings: CareSettings) -> None:
    """Store the care settings (the owner's: refused in rep mode); the caller commits."""
    ensure_owner_mode(session, CHANGING_SETTINGS)
    if settings.cap_count < 1 or settings.cap_days < 1:
        raise ValueError("the frequency cap needs at least 1 message in at least 1 day")
    if settings.window_start >= settings.window_end:
        raise ValueError("the send window must start before it ends")
    if settings.backlog not in (BACKLOG_SKIP, BACKLOG_CATCH_UP):
        raise ValueError(f"unknown backlog policy {settings.backlog!r}")
    if not 1 <= settings.unpaid_remind_days <= UNPAID_REMIND_DAYS_MAX:
        raise ValueError(f"unpaid orders are reminded for 1 to {UNPAID_REMIND_DAYS_MAX} days")
    set_setting(session, CARE_SETTINGS_KEY, {
        "cap_count": settings.cap_count,
        "cap_days": settings.cap_days,
        "window_start": settings.window_start.isoformat("minutes"),
        "window_end": settings.window_end.isoformat("minutes"),
        "signature": settings.signature,
        "opt_out": settings.opt_out,
        "backlog": settings.backlog,
        "unpaid_remind_days": settings.unpaid_remind_days,
    })
    set_setting(session, SHOP_NAME_KEY, settings.shop_name.strip())


FIRST_RUN_KEY = "first_run_asked"


def shop_identity_unasked(session: Session) -> bool:
    """Whether to ask the shop's name and SMS signature: never asked, and no name given in Settings."""
    return not get_setting(session, FIRST_RUN_KEY, False) and not get_setting(session, SHOP_NAME_KEY, "")


def sms_signature_from(text: str) -> str:
    """What the owner typed as the signature, in the 【…】 carriers require: 小满 and [小满] become 【小满】."""
    core = text.strip().strip("【】[]").strip()
    return f"【{core}】" if core else ""


def save_shop_identity(session: Session, shop_name: str, signature: str) -> None:
    """The first run's answers: the shop's name ({店铺}) and the SMS signature; the caller commits."""
    settings = load_care_settings(session)
    save_care_settings(session, dataclasses.replace(settings, shop_name=shop_name.strip(),
                                                    signature=sms_signature_from(signature)))
    set_setting(session, FIRST_RUN_KEY, True)


def skip_shop_identity(session: Session) -> None:
    set_setting(session, FIRST_RUN_KEY, True)
