"""Message templates: the placeholders, filling them for one customer, and what an SMS will cost.

Chinese SMS gateways bill a text with any non-GSM character (any Chinese) as UCS-2: up to 70 characters is one
message, longer texts are split into parts of 67. Pure GSM-7 text fits 160, split into parts of 153 (the
extension characters such as € and [ ] take two). The 【signature】 the gateway adds counts too. Gateways count
UCS-2 text in UTF-16 code units: an emoji (outside the Basic Multilingual Plane) is two.

A placeholder with nothing to put in it (no shop name set, a buyer with no known product) is left showing
as {店铺}, never filled with a gap ("您在拍下的…"): the task and the rules dialog flag it instead.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from core.safety.privacy import is_masked

PLACEHOLDERS = ("称呼", "姓名", "昵称", "店铺", "商品", "生日", "天数", "节日", "礼物", "日期", "订单号", "运单号", "等级")
_PLACEHOLDER = re.compile(r"\{([^{}\s]+)\}")

GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = set("^{}\\[~]|€\f")


def salutation(name: str | None, nickname: str | None, gender: str | None) -> str:
    """How to address a buyer: 王女士 / 王先生 when the name and gender are known, else their name, else 亲.

    Pinduoduo and Douyin exports mask names (张**): the surname still makes 张女士, the rest is never said.
    """
    if name and gender in ("F", "M") and len(name) >= 2 and not is_masked(name[0]):
        return name[0] + ("女士" if gender == "F" else "先生")
    return known_name(name, nickname) or "亲"


def known_name(*names: str | None) -> str:
    """The first of `names` that is there and not masked (张**, 密文), else ''."""
    return next((name for name in names if name and not is_masked(name)), "")


def month_day(day: date | None) -> str:
    return f"{day.month}月{day.day}日" if day else ""


def shorten(text: str | None, limit: int = 20) -> str:
    """A product title short enough for a text message: the first item of a multi-item order."""
    text = re.split(r"[，,;；]", (text or "").strip(), maxsplit=1)[0].strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fill_template(template: str, values: dict[str, str]) -> str:
    """Replace each {placeholder} that has a value; unknown and empty ones stay visible so the owner notices."""
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1)) or match.group(0), template)


def unfilled_placeholders(message: str) -> list[str]:
    """The known placeholders a filled message still shows, each once: it must not go out like this."""
    return list(dict.fromkeys(name for name in _PLACEHOLDER.findall(message) if name in PLACEHOLDERS))


def unknown_placeholders(template: str) -> list[str]:
    return [name for name in _PLACEHOLDER.findall(template) if name not in PLACEHOLDERS]


@dataclass(frozen=True)
class SmsCount:
    characters: int
    messages: int
    per_message: int
    unicode: bool
    has_opt_out: bool

    @property
    def needs_two_or_more(self) -> bool:
        return self.messages >= 2


def sms_text(message: str, signature: str) -> str:
    """The text as the gateway sends it: the signature first, as Chinese carriers require."""
    return f"{signature}{message}" if signature and not message.startswith(signature) else message


def count_sms(message: str, signature: str = "", opt_out: str = "回T退订") -> SmsCount:
    """How many billed messages the text makes, counting the signature."""
    text = sms_text(message, signature)
    unicode = any(character not in GSM7_BASIC and character not in GSM7_EXTENSION for character in text)
    if unicode:
        length, single, part = len(text.encode("utf-16-le")) // 2, 70, 67
    else:
        length = sum(2 if character in GSM7_EXTENSION else 1 for character in text)
        single, part = 160, 153
    messages = 0 if length == 0 else 1 if length <= single else math.ceil(length / part)
    return SmsCount(length, messages, single if messages <= 1 else part, unicode, bool(opt_out) and opt_out in text)
