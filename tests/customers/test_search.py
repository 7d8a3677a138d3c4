"""One search box finds a buyer by any handle a rep has at hand."""

from __future__ import annotations

import pytest
from pypinyin import Style, lazy_pinyin

from core.customers.profile import update_profile
from core.customers.tags import add_tags
from core.search.keys import KeyKind, name_pinyin_variants, pinyin, search_keys
from core.search.query import search_customer_ids


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("张晓明", "张晓明"), ("晓明", "张晓明"), ("zxm", "张晓明"), ("ZhangXiaoming", "张晓明"),
        ("xiaoming", "张晓明"), ("xm", "张晓明"), ("不酸", "张晓明"), ("柠檬", "张晓明"),
        ("1234", "张晓明"), ("13812341234", "张晓明"), ("TB2026000001", "张晓明"), ("tb20260", "张晓明"),
        ("zeng", "曾小红"), ("zxh", "曾小红"), ("shantianfang", "单田芳"), ("stf", "单田芳"),
        ("阿飞", "单田芳"), ("飞12", "单田芳"), ("JD88002", "曾小红"),
        # A phone pasted from a chat or typed as people write it.
        ("138-1234-1234", "张晓明"), ("+86 138 1234 1234", "张晓明"), ("8613812341234", "张晓明"), ("0086 13812341234", "张晓明"),
        ("(139) 0000-5678", "曾小红"),
    ],
)
def test_each_handle_finds_the_buyer(database, book, query, who) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session:
        assert book[who] in search_customer_ids(session, query)


def test_unrelated_text_finds_nobody(database, book) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session:
        assert search_customer_ids(session, "qqqq") == []
        assert search_customer_ids(session, "   ") == []


def test_polyphonic_surnames_keep_both_readings() -> None:
    assert [v for v in name_pinyin_variants("曾小红") if v[0] == "zeng"] == [["zeng", "xiao", "hong"]]
    assert any(v[0] == "ceng" for v in name_pinyin_variants("曾小红"))
    assert any(v[0] == "xie" for v in name_pinyin_variants("解放"))
    assert any(v[0] == "qiu" for v in name_pinyin_variants("仇英"))


@pytest.mark.parametrize("text", ["张晓明", "银行家", "重庆李", "长江", "单于", "Lily 李", "奶茶88续命", "行长"])
def test_pinyin_reads_as_pypinyin_does_phrases_included(text: str) -> None:
    assert pinyin(text) == lazy_pinyin(text, style=Style.NORMAL, errors="ignore")
    assert pinyin("银行") == ["yin", "hang"]  # a phrase's reading, not 行's everyday xing


def test_keys_include_suffixes_pinyin_and_phones() -> None:
    keys = search_keys("张晓明", "Lemon Tea", ["138-1234-1234"], "WX_abc")
    assert {"张晓明", "晓明", "明", "zhangxiaoming", "zxm", "lemontea", "tea", "13812341234", "wx_abc"} <= keys.keys()
    assert (keys["张晓明"], keys["晓明"], keys["zxm"], keys["xm"]) == (
        KeyKind.WHOLE, KeyKind.PART, KeyKind.INITIALS, KeyKind.INITIALS_PART)


def test_edits_and_tags_are_found_at_once(database, book) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        update_profile(session, book["李四"], {"name": "王五", "wechat_id": "wangwu88"})
        add_tags(session, [book["单田芳"]], ["评书迷"])
    with database.session() as session:
        assert search_customer_ids(session, "wangwu88") == [book["李四"]]
        assert search_customer_ids(session, "ww") == [book["李四"]]
        assert search_customer_ids(session, "李四") == []
        assert search_customer_ids(session, "评书迷") == [book["单田芳"]]


def test_upgrading_an_older_book_fills_the_search_keys(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from core.refresh import finish_pending_rebuilds
    from core.store.db import make_engine
    from core.store.migrate import upgrade_connection
    from core.store.opening import open_database

    path = tmp_path / "old.db"
    engine = make_engine(path, foreign_keys=False)
    with engine.begin() as connection:
        upgrade_connection(connection, "0001")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO customers (id, name, phone, source, is_vip, do_not_contact, birth_is_leap_month,"
                           " created_at, updated_at, order_count, paid_orders, total_spent, stage) VALUES (7, '曾小红',"
                           " '13900005678', 'manual', 0, 0, 0, '2025-01-01', '2025-01-01', 0, 0, 0, 'prospect')")
    database = open_database(path)
    try:
        finish_pending_rebuilds(database)  # what the window and every command do right after opening
        with database.session() as session:
            assert search_customer_ids(session, "zxh") == [7]
            assert search_customer_ids(session, "13900005678") == [7]
    finally:
        database.dispose()


def test_a_profile_email_is_found_whole_and_by_a_part(database, book) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        update_profile(session, book["李四"], {"email": "Li.Si@example.com"})
    with database.session() as session:
        assert search_customer_ids(session, "li.si@example.com") == [book["李四"]]
        assert search_customer_ids(session, "si@exa") == [book["李四"]]
