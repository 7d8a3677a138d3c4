"""Filling messages and counting SMS: the signature counts, 70/67 for Chinese, 160/153 for GSM-7."""

from __future__ import annotations

import pytest

from core.care.templates import (
    count_sms,
    fill_template,
    salutation,
    shorten,
    unfilled_placeholders,
    unknown_placeholders,
)


def test_fill_template_replaces_known_placeholders_and_keeps_unknown_ones_visible() -> None:
    text = fill_template("{称呼}，{店铺}祝您{节日}快乐 {优惠券}", {"称呼": "王女士", "店铺": "老客茶铺", "节日": "中秋节"})
    assert text == "王女士，老客茶铺祝您中秋节快乐 {优惠券}"
    assert unknown_placeholders("{称呼} {优惠券}") == ["优惠券"]


def test_a_placeholder_with_no_value_is_never_filled_with_a_gap() -> None:
    text = fill_template("{称呼}，您在{店铺}拍下的{商品}还没有付款", {"称呼": "张先生", "店铺": "", "商品": "正山小种"})
    assert text == "张先生，您在{店铺}拍下的正山小种还没有付款"
    assert unfilled_placeholders(text) == ["店铺"]
    assert unfilled_placeholders("张先生，{优惠券}") == []  # unknown ones are the rules dialog's to name


def test_an_emoji_counts_as_two_units_as_gateways_bill_it() -> None:
    assert count_sms("生日快乐🎂").characters == 6
    assert count_sms("好" * 69 + "🎂").messages == 2  # 71 units


@pytest.mark.parametrize(("name", "nickname", "gender", "expected"), [
    ("王芳", None, "F", "王女士"), ("李强", None, "M", "李先生"), ("李强", "阿强", None, "李强"),
    (None, "阿强", "M", "阿强"), (None, None, None, "亲"),
    # Masked names from Pinduoduo or Douyin are never said as they are.
    ("张**", None, "F", "张女士"), ("张**", "小张爱喝茶", None, "小张爱喝茶"), ("张**", None, None, "亲"),
    ("*明", None, "M", "亲"), ("密文", "阿强", None, "阿强"),
])
def test_salutation(name, nickname, gender, expected) -> None:  # type: ignore[no-untyped-def]
    assert salutation(name, nickname, gender) == expected


def test_shorten_keeps_the_first_item_of_an_order() -> None:
    assert shorten("明前龙井 250g，玻璃泡茶杯") == "明前龙井 250g"
    assert shorten("一" * 30) == "一" * 19 + "…"


@pytest.mark.parametrize(("length", "messages"), [(70, 1), (71, 2), (134, 2), (135, 3)])
def test_chinese_text_bills_70_then_per_67_counting_the_signature(length: int, messages: int) -> None:
    signature = "【老客茶铺】"  # 6 characters
    count = count_sms("好" * (length - len(signature)), signature)
    assert (count.characters, count.messages, count.unicode) == (length, messages, True)
    assert count.needs_two_or_more == (messages >= 2)


@pytest.mark.parametrize(("length", "messages"), [(160, 1), (161, 2), (306, 2), (307, 3)])
def test_gsm7_text_bills_160_then_per_153(length: int, messages: int) -> None:
    count = count_sms("a" * length)
    assert (count.characters, count.messages, count.unicode) == (length, messages, False)


def test_gsm7_extension_characters_count_twice() -> None:
    assert count_sms("€" * 80).characters == 160 and count_sms("€" * 81).messages == 2


def test_the_opt_out_phrase_is_looked_for() -> None:
    assert count_sms("生日快乐，回T退订", "【店】").has_opt_out
    assert not count_sms("生日快乐", "【店】").has_opt_out
    assert count_sms("").messages == 0
