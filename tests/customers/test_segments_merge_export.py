"""Segments with live counts, duplicates merged and un-merged without loss, the xlsx export, the CLI."""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from core.cli import main
from core.customers.detail import customer_detail
from core.customers.export import CustomerExportWords, export_customers, export_file_name
from core.customers.listing import CustomerFilter, customer_ids
from core.customers.merge import MEMBERS_PER_GROUP, duplicate_candidates, merge_customers, undo_merge
from core.customers.profile import add_note, set_birthday, set_vip, update_profile
from core.customers.segments import delete_segment, save_segment, segments_with_counts
from core.customers.tags import add_tags
from core.errors import LaokeError
from core.figures.birthdays import Birthday
from core.safety.privacy import set_owner_passphrase, set_rep_mode
from core.search.query import search_customer_ids
from core.store.models import CalendarKind, Customer, CustomerAlias


def test_segments_keep_their_filter_and_count_live(database, book) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        segment = save_segment(session, "杭州老客", CustomerFilter(city="杭州市"))
        save_segment(session, "VIP", CustomerFilter(vip=True))
        with pytest.raises(LaokeError):
            save_segment(session, " ", CustomerFilter())
    with database.session() as session:
        assert [(s.name, s.customers) for s in segments_with_counts(session)] == [("杭州老客", 2), ("VIP", 0)]
    with database.transaction() as session:
        set_vip(session, [book["李四"]], True)
        delete_segment(session, segment)
    with database.session() as session:
        assert [(s.name, s.customers) for s in segments_with_counts(session)] == [("VIP", 1)]


def test_duplicates_by_phone_name_address_and_nickname(database, book) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        session.add_all([
            Customer(name="张小明", phone="13812341234", platform="jd"),
            Customer(name="王五", address="文三路1号", platform="jd"),
            Customer(name="王五", address="文三路1号", platform="pdd"),
            Customer(nickname="阿飞", platform="douyin"),
        ])
    with database.session() as session:
        reasons = {pair.reason for pair in duplicate_candidates(session)}
        pairs = {(p.first_id, p.reason) for p in duplicate_candidates(session)}
    assert reasons == {"phone", "name_address", "nickname"}
    assert (book["张晓明"], "phone") in pairs
    assert (book["单田芳"], "nickname") in pairs


def test_duplicate_pairs_name_both_buyers(database, book) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        session.add(Customer(name="张小明", phone="13812341234", platform="jd"))
    with database.session() as session:
        pair = next(p for p in duplicate_candidates(session) if p.reason == "phone")
    assert (pair.first_name, pair.second_name) == ("张晓明", "张小明")
    with database.transaction() as session:
        session.add_all([Customer(phone="13900001111", platform="pdd"), Customer(phone="13900001111", platform="jd")])
    with database.session() as session:
        nameless = next(p for p in duplicate_candidates(session) if p.first_name.startswith("#"))
    assert nameless.second_name == f"#{nameless.second_id}"  # never the phone: reps see the pairs too


def test_a_like_nickname_with_another_name_or_phone_is_not_a_duplicate(database) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        session.add_all([
            Customer(name="韦佳梅", nickname="一只鹿", phone="17110539594", platform="taobao_tmall"),
            Customer(name="汪明华", nickname="一只鹿414", platform="douyin"),  # another name
            Customer(nickname="一只鹿3302", phone="14764877902", platform="jd"),  # another phone
            Customer(nickname="一只鹿_", phone="171****9594", platform="pdd"),  # masked: no evidence either way
            Customer(name="韦佳梅", nickname="一只鹿", platform="youzan"),  # the same name
        ])
    with database.session() as session:
        pairs = [(p.first_name, p.second_name) for p in duplicate_candidates(session)]
    assert pairs == [("韦佳梅", "一只鹿_"), ("韦佳梅", "韦佳梅")]


def test_big_duplicate_groups_give_a_few_members_each(database, book) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        session.add_all([Customer(nickname=f"奶茶续命{n}", phone="13000000000", platform="pdd") for n in range(40)])
        session.add(Customer(nickname="奶茶续命", platform="jd"))  # the only one on another platform, added last
    with database.session() as session:
        pairs = duplicate_candidates(session)
    by_phone = [p for p in pairs if p.reason == "phone"]
    by_nickname = [p for p in pairs if p.reason == "nickname"]
    assert len(by_phone) == MEMBERS_PER_GROUP - 1  # not 39: the group is capped
    assert len(by_nickname) == 1  # the cap is per platform, so the jd buyer is still found
    with database.session() as session:
        assert len(duplicate_candidates(session, limit=5)) == 5


def test_merge_moves_everything_and_undo_puts_it_back(database, book) -> None:  # type: ignore[no-untyped-def]
    kept, merged = book["张晓明"], book["曾小红"]
    with database.transaction() as session:
        add_tags(session, [merged], ["送礼"])
        add_note(session, merged, "老朋友")
        session.add(CustomerAlias(customer_id=merged, kind="buyer", platform="jd", value="jd_zeng"))
        update_profile(session, kept, {"email": ""})
        update_profile(session, merged, {"email": "zeng@example.com"})
        merge_id = merge_customers(session, kept, merged)
    with database.session() as session:
        detail = customer_detail(session, kept)
        assert {o.number for o in detail.orders} == {"TB2026000001", "JD88001", "JD88002"}
        assert ("送礼", "#5b8def") in detail.tags and [n.text for n in detail.notes] == ["老朋友"]
        assert detail.aliases == [("buyer", "jd", "jd_zeng")] and detail.profile["email"] == "zeng@example.com"
        assert detail.figures.paid_orders == 3
        assert merged not in customer_ids(session)
        assert search_customer_ids(session, "13900005678") == [kept]
    with database.transaction() as session:
        with pytest.raises(LaokeError):
            merge_customers(session, kept, merged)
        undo_merge(session, merge_id)
        with pytest.raises(LaokeError, match="already undone"):
            undo_merge(session, merge_id)
    with database.session() as session:
        kept_detail, merged_detail = customer_detail(session, kept), customer_detail(session, merged)
        assert [o.number for o in kept_detail.orders] == ["TB2026000001"] and kept_detail.tags == []
        assert kept_detail.profile["email"] is None and kept_detail.aliases == []
        assert {o.number for o in merged_detail.orders} == {"JD88001", "JD88002"}
        assert merged_detail.tags == [("送礼", "#5b8def")] and merged_detail.figures.paid_orders == 2
        assert merged in search_customer_ids(session, "zxh")


def test_export_keeps_formula_looking_text_as_text(database, book, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        add_tags(session, [book["李四"]], ["=HYPERLINK(1)"])
        add_note(session, book["李四"], "+86 call first")
        count = export_customers(session, tmp_path / "out.xlsx", customer_filter=CustomerFilter(city="杭州市"))
    assert count == 2
    sheet = load_workbook(tmp_path / "out.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    li = next(row for row in rows if row[header.index("姓名")] == "李四")
    assert li[header.index("昵称")] == "=1+1" and li[header.index("手机")] == "-5"
    assert li[header.index("标签")] == "=HYPERLINK(1)" and li[header.index("备注")] == "+86 call first"
    cell = sheet.cell(row=rows.index(li) + 1, column=header.index("昵称") + 1)
    assert cell.data_type == "s"


def test_export_writes_every_useful_column_in_words(database, book, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        zhang = session.get(Customer, book["张晓明"])
        zhang.address, zhang.is_vip, zhang.gender = "文三路 90 号", True, "M"
        session.add(CustomerAlias(customer_id=book["张晓明"], kind="buyer_id", platform="taobao_tmall",
                                  value="tb_zhang"))
        export_customers(session, tmp_path / "out.xlsx")
    rows = list(load_workbook(tmp_path / "out.xlsx").active.iter_rows(values_only=True))
    header = rows[0]
    assert {"买家账号", "手机", "地址", "标签", "阶段", "付款订单数", "累计消费", "生日", "备注"} <= set(header)
    zhang = dict(zip(header, next(row for row in rows if row[header.index("姓名")] == "张晓明"), strict=True))
    assert (zhang["买家账号"], zhang["平台"], zhang["阶段"], zhang["VIP"], zhang["性别"], zhang["地址"]) == (
        "tb_zhang", "淘宝/天猫", "新客户", "是", "男", "文三路 90 号")
    assert zhang["累计消费"] == 100 and zhang["付款订单数"] == 1


def test_csv_export_opens_in_excel_as_text(database, book, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        add_note(session, book["李四"], "\x00=cmd|' /C calc'!A0")  # a NUL before the formula hid it
        export_customers(session, tmp_path / "out.csv", customer_filter=CustomerFilter(city="杭州市"))
    raw = (tmp_path / "out.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel shows the Chinese
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    header = rows[0]
    li = next(row for row in rows if row[header.index("姓名")] == "李四")
    assert li[header.index("昵称")] == "'=1+1" and li[header.index("手机")] == "'-5"
    assert li[header.index("备注")] == "'=cmd|' /C calc'!A0"


def test_an_export_of_another_kind_is_refused(database, book, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session, pytest.raises(LaokeError, match=r"\.xlsx or \.csv"):
        export_customers(session, tmp_path / "out.xls")
    assert not (tmp_path / "out.xls").exists()


def test_the_default_file_name_says_shop_and_day() -> None:
    assert export_file_name("小满杂货铺", CustomerExportWords(), date(2026, 12, 1)) == "小满杂货铺-客户-2026-12-01.xlsx"
    assert export_file_name("A/B: 店", CustomerExportWords(), date(2026, 12, 1), ".csv") == "AB 店-客户-2026-12-01.csv"
    assert export_file_name("", CustomerExportWords(), date(2026, 12, 1)) == "客户-2026-12-01.xlsx"


def test_export_is_refused_in_rep_mode(database, book, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        set_owner_passphrase(session, "secret")
        set_rep_mode(session, True, "secret")
    with database.transaction() as session, pytest.raises(LaokeError, match="rep mode"):
        export_customers(session, tmp_path / "out.xlsx")
    assert not (tmp_path / "out.xlsx").exists()


def test_cli_lists_searches_and_exports(database, book, db_target, tmp_path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        add_tags(session, [book["张晓明"], book["曾小红"]], ["回头客"])
    assert main(["customers", "--db", db_target, "--search", "zxm", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [c["name"] for c in listed] == ["张晓明"]
    assert listed[0]["phones"] == ["13812341234"] and listed[0]["tags"] == ["回头客"]
    assert listed[0]["total_spent"] == "100.00" and listed[0]["last_order"].startswith("2026-10-01")
    assert set(listed[0]) >= {"id", "nickname", "platform", "stage", "paid_orders", "r", "f", "m",
                              "rfm_segment", "overdue"}
    assert main(["customers", "--db", db_target, "--tag", "回头客", "--limit", "1", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1
    assert main(["customers", "--db", db_target, "--search", "nobody"]) == 0
    assert capsys.readouterr().out == "No customers match.\n"  # not silence
    assert main(["customers", "--db", db_target, "--search", "nobody", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    soon = date.today() + timedelta(days=45)
    with database.transaction() as session:
        set_birthday(session, book["单田芳"], Birthday(CalendarKind.SOLAR, soon.month, soon.day))
    for days, expected in ((44, []), (45, ["单田芳"])):
        assert main(["customers", "--db", db_target, "--birthday-within", str(days), "--json"]) == 0
        assert [c["name"] for c in json.loads(capsys.readouterr().out)] == expected
    out = tmp_path / "c.xlsx"
    assert main(["export", "customers", str(out), "--db", db_target, "--search", "杭州"]) == 0
    assert "Exported 0 customers" in capsys.readouterr().out
    assert main(["export", "customers", str(out), "--db", db_target, "--tag", "回头客", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["exported"] == 2
    header = next(load_workbook(out).active.iter_rows(values_only=True))
    assert header[:3] == ("编号", "姓名", "买家账号")  # the shop's words, in the CLI too
    monkeypatch.chdir(tmp_path)
    assert main(["export", "customers", "--db", db_target, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["path"] == f"客户-{date.today().isoformat()}.xlsx"
    assert (tmp_path / f"客户-{date.today().isoformat()}.xlsx").exists()
    with database.session() as session:
        assert session.scalar(select(Customer.id).where(Customer.name == "张晓明")) == book["张晓明"]
    assert date.today()  # the CLI used today's date for its filters
