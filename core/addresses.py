"""Province, city and district from one address string, with the province in one normal form.

Taobao and JD give the receiver's address as one string (`浙江省 杭州市 西湖区 文三路1号`, `北京 朝阳区 三环以内`);
Pinduoduo and others give the levels in columns, sometimes short (`浙江`). The province is always stored by
its official name (浙江省, 广西壮族自治区, 北京市) so that filters and figures see one province, and `浙江` finds it.

A table of the 34 province-level names is all the normal form needs: the platforms themselves separate the
levels by spaces, so city and district are the next words. (`cpca` would also guess levels of unspaced
addresses, but it was last released in 2021 and pulls in pandas, a bigger bundle than the whole app's data.)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# Official names of China's province-level divisions (GB/T 2260), each with the short name platforms write.
PROVINCES = (
    "北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省",
    "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省",
    "云南省", "陕西省", "甘肃省", "青海省", "台湾省", "内蒙古自治区", "广西壮族自治区", "西藏自治区",
    "宁夏回族自治区", "新疆维吾尔自治区", "香港特别行政区", "澳门特别行政区",
)
MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})
_SUFFIX = re.compile(r"(壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$")
SHORT_NAMES = {_SUFFIX.sub("", name): name for name in PROVINCES}
# No two short names share their first two characters (山东/山西, 广东/广西): one lookup finds the candidate.
_BY_FIRST_TWO = {name[:2]: name for name in SHORT_NAMES}
_CITY_ENDINGS = ("市", "州", "盟", "地区")
_DISTRICT_ENDINGS = ("区", "县", "市", "旗")


class Division(NamedTuple):  # a tuple, not a frozen dataclass: made twice per imported order, at C speed
    province: str | None
    city: str | None
    district: str | None


NOWHERE = Division(None, None, None)


@lru_cache(maxsize=4096)
def normal_province(text: str | None) -> str | None:
    """浙江 / 浙江省 / ＂浙江省 ＂ → 浙江省; a text that names no province is kept as written."""
    if not text:
        return text
    folded = unicodedata.normalize("NFKC", text).strip()
    return SHORT_NAMES.get(_SUFFIX.sub("", folded)) or SHORT_NAMES.get(folded) or folded


def split_address(address: str | None) -> Division:
    """The divisions an address string starts with; what it does not name stays None."""
    if not address:
        return NOWHERE
    text = address.strip()  # str.split() below also splits at full-width spaces
    short = _BY_FIRST_TWO.get(text[:2])
    if short is None or not text.startswith(short):
        return NOWHERE
    province = SHORT_NAMES[short]
    rest = text[len(short):]
    ending = province[len(short):]  # 浙江省 or 浙江: both are the province
    if rest.startswith(ending):
        rest = rest[len(ending):]
    words = rest.split(None, 2)  # the city and district words; the street is not split
    if not words:
        return Division(province, None, None)
    city = words[0] if words[0].endswith(_CITY_ENDINGS) else None
    if province in MUNICIPALITIES and (city is None or city == province):
        district_word = words[1] if city else words[0]
        city = province
    else:
        district_word = words[1] if city and len(words) > 1 else None
    district = district_word if district_word and district_word.endswith(_DISTRICT_ENDINGS) else None
    return Division(province, city, district)


def division_of(province: str | None, city: str | None, district: str | None, address: str | None) -> Division:
    """The levels given in their own fields, the rest read from the address string; the province normalised."""
    if province and city and district:
        return Division(normal_province(province), city, district)
    split = split_address(address)
    return Division(normal_province(province) or split.province, city or split.city, district or split.district)
