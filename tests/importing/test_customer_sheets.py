"""A seller's own customer list: read like an order sheet, merged without overwriting what the book knows."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from core.cli import main
from core.figures.birthdays import Birthday
from core.importing import commit_customer_sheets, commit_imports, prepare_import, undo_import
from core.importing.customer_sheet import parse_birthday, prepare_customer_sheet
from core.importing.readers import SheetRefused
from core.importing.values import ValueProblem
from core.refresh import refresh_derived
from core.store.models import CalendarKind, Customer, Note
from tests.importing.conftest import table_counts
from tests.importing.sheets import write_sheet
from tests.importing.test_import_files import ALICE, taobao_rows

HEADERS = ["姓名", "昵称", "手机号", "微信", "生日", "标签", "备注"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1990-03-08", Birthday(CalendarKind.SOLAR, 3, 8, year=1990)), ("3月8日", Birthday(CalendarKind.SOLAR, 3, 8)),
     ("03/08", Birthday(CalendarKind.SOLAR, 3, 8)), ("农历八月十五", Birthday(CalendarKind.LUNAR, 8, 15)),
     ("阴历 1988-8-15", Birthday(CalendarKind.LUNAR, 8, 15, year=1988)),
     ("闰四月初八", Birthday(CalendarKind.LUNAR, 4, 8, is_leap_month=True)), ("-", None)],
)
def test_birthdays(text, expected):  # type: ignore[no-untyped-def]
    assert parse_birthday(text) == expected


def test_a_bad_birthday_says_so():
    with pytest.raises(ValueProblem, match="birthday"):
        parse_birthday("2月30日")


def _sheet(tmp_path, *rows, fmt="xlsx"):  # type: ignore[no-untyped-def]
    return write_sheet(tmp_path / f"我的客户.{'xlsx' if fmt == 'xlsx' else 'csv'}",
                       [["老客户名单 2026"], HEADERS, *rows], fmt)


def test_a_customer_sheet_creates_customers_with_source_sheet(tmp_path, database):  # type: ignore[no-untyped-def]
    path = _sheet(tmp_path, ["王芳", "芳芳", "13800005555", "wf_88", "农历八月十五", "老客，VIP茶友", "爱喝白茶"],
                  ["赵强", "", "", "zq_1", "1990/03/08", "", ""], ["坏生日", "", "13800006666", "", "13月1日", "", ""])
    prepared = prepare_customer_sheet(path)
    assert prepared.header_row == 1
    [bad] = prepared.bad_rows
    assert (bad.row, bad.column) == (5, "生日")
    [summary] = commit_customer_sheets(database, [prepared])
    assert (summary.customers_new, summary.rows_rejected) == (2, 1)
    with database.session() as session:
        fang = session.scalars(select(Customer).where(Customer.name == "王芳")).one()
        assert (fang.source, fang.nickname, fang.wechat_id, fang.phone_last4) == ("sheet", "芳芳", "wf_88", "5555")
        assert (fang.birthday_calendar, fang.birth_month, fang.birth_day) == ("lunar", 8, 15)
        assert sorted(tag.name for tag in fang.tags) == ["VIP茶友", "老客"]
        assert [note.text for note in fang.notes] == ["爱喝白茶"]


def test_a_customer_sheet_fills_blanks_of_known_buyers_and_undoes(tmp_path, database):  # type: ignore[no-untyped-def]
    commit_imports(database, [prepare_import(write_sheet(tmp_path / "orders.csv", taobao_rows(ALICE), "gbk"))])
    with database.transaction() as session:
        buyer = session.scalars(select(Customer)).one()
        buyer.name = "张三（手改）"
        session.flush()
        refresh_derived(session.connection(), [buyer.id])  # as the window's edit does: the keys follow the name
    before = table_counts(database)
    path = _sheet(tmp_path, ["张三", "三哥", "13800001111", "zs_wx", "5月1日", "回头客", "送过赠品"])
    [summary] = commit_customer_sheets(database, [prepare_customer_sheet(path)])
    assert (summary.customers_new, summary.customers_matched) == (0, 1)
    with database.session() as session:
        buyer = session.scalars(select(Customer)).one()
        assert (buyer.name, buyer.nickname, buyer.wechat_id, buyer.birth_month) == ("张三（手改）", "三哥", "zs_wx", 5)
        assert buyer.order_count == 1
    [again] = commit_customer_sheets(database, [prepare_customer_sheet(path)])
    with database.session() as session:
        assert len(session.scalars(select(Note)).all()) == 1  # the same note is not added twice
    undo_import(database, again.batch_id)
    undo_import(database, summary.batch_id)
    with database.session() as session:
        buyer = session.scalars(select(Customer)).one()
        assert (buyer.nickname, buyer.wechat_id, buyer.birth_month, buyer.tags, buyer.notes) == (None, None, None, [], [])
    after = table_counts(database)
    assert {k: v for k, v in after.items() if k != "import_batches"} == {
        k: v for k, v in before.items() if k != "import_batches"}


def test_a_sheet_without_customer_columns_is_refused(tmp_path):  # type: ignore[no-untyped-def]
    path = write_sheet(tmp_path / "stock.csv", [["商品", "库存"], ["龙井", "3"]], "csv")
    with pytest.raises(SheetRefused, match="not a customer sheet"):
        prepare_customer_sheet(path)


def test_cli_imports_a_customer_sheet(tmp_path, db_target, capsys):  # type: ignore[no-untyped-def]
    path = _sheet(tmp_path, ["王芳", "芳芳", "13800005555", "", "", "", ""], fmt="gbk")
    assert main(["import", "--customers", str(path), "--db", db_target, "--json"]) == 0
    [batch] = json.loads(capsys.readouterr().out)["batches"]
    assert batch["customers_new"] == 1


def test_a_customer_list_mapping_is_remembered_for_the_next_list(tmp_path, database):  # type: ignore[no-untyped-def]
    from core.importing import prepare_customer_files, remember_customer_mapping

    rows = [["客人", "微信号码", "出生"], ["王芳", "wf_88", "3月8日"]]
    first = write_sheet(tmp_path / "list1.xlsx", rows, "xlsx")
    with pytest.raises(SheetRefused):
        prepare_customer_sheet(first)
    mapping = {"name": "客人", "wechat_id": "微信号码", "birthday": "出生"}
    prepared = prepare_customer_sheet(first, mapping)
    remember_customer_mapping(database, prepared, mapping)
    [again] = prepare_customer_files(database, [write_sheet(tmp_path / "list2.xlsx", rows, "xlsx")])
    assert again.rows[0].values["wechat_id"] == "wf_88"
    assert again.rows[0].values["birthday"] == Birthday(CalendarKind.SOLAR, 3, 8)
