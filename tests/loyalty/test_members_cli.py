"""`members` and `customers --json` show tiers and points; points are booked from the command line."""

from __future__ import annotations

import json

from core.cli import main


def run(capsys, *argv):  # type: ignore[no-untyped-def]
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_members_counts_tiers_books_points_and_customers_json_carries_them(shop, database, db_target, capsys) -> None:  # type: ignore[no-untyped-def]
    gold = shop.buyer("金", ("6000.00", "2026-10-01"))
    shop.buyer("普", ("10.00", "2026-10-01"))
    database.dispose()
    code, out, _err = run(capsys, "members", "--db", db_target, "--json")
    assert code == 0
    assert {row["tier"]: row["buyers"] for row in json.loads(out)} == {"普通会员": 1, "银卡": 0, "金卡": 1, "钻石": 0}

    code, out, _err = run(capsys, "members", "--db", db_target, "--customer", str(gold), "--redeem", "1000",
                          "--note", "100积分抵10元", "--json")
    assert code == 0
    member = json.loads(out)
    assert (member["points"], [line["kind"] for line in member["ledger"]]) == (5000, ["order", "redemption"])

    code, _out, err = run(capsys, "members", "--db", db_target, "--customer", str(gold), "--adjust", "5")
    assert code == 1 and "note" in err

    code, out, _err = run(capsys, "customers", "--db", db_target, "--tier", "金卡", "--json")
    assert [(row["member_tier"], row["points"]) for row in json.loads(out)] == [("金卡", 5000)]


def test_tag_rules_are_added_listed_and_applied_from_the_command_line(shop, database, db_target, capsys) -> None:  # type: ignore[no-untyped-def]
    big = shop.buyer("大", ("800.00", "2026-10-01"))
    shop.buyer("小", ("10.00", "2026-10-01"))
    database.dispose()
    code, out, _err = run(capsys, "tag-rules", "--db", db_target, "--add", "大客户", "--when", "spent_at_least=500",
                          "--when", "platform_is=[\"taobao_tmall\"]", "--json")
    assert code == 0
    [rule] = json.loads(out)
    assert (rule["tag"], rule["tagged"], rule["match_all"]) == ("大客户", 1, True)
    code, out, _err = run(capsys, "tag-rules", "--db", db_target, "--apply")
    assert code == 0 and "大客户: 1 buyer, when spent_at_least 500 and platform_is ['taobao_tmall']" in out
    code, out, _err = run(capsys, "customers", "--db", db_target, "--without-tag", "大客户", "--json")
    assert big not in [row["id"] for row in json.loads(out)] and len(json.loads(out)) == 1
    code, _out, err = run(capsys, "tag-rules", "--db", db_target, "--add", "x")
    assert code == 1 and "--when" in err


def test_rewards_are_listed_and_used_and_the_forecast_checked_from_the_command_line(  # type: ignore[no-untyped-def]
        shop, database, db_target, capsys) -> None:
    buyer = shop.buyer("甲", ("300.00", "2026-10-01"))
    database.dispose()
    code, out, _err = run(capsys, "members", "--db", db_target, "--customer", str(buyer), "--use-reward",
                          "满200返20", "--order", "TB000001", "--json")
    assert code == 0 and json.loads(out)["ledger"][-1]["kind"] == "reward"
    code, out, _err = run(capsys, "members", "--db", db_target, "--rewards", "--json")
    assert {row["name"]: row["used"] for row in json.loads(out)} == {"满200返20": 1, "100积分抵10元": 0}
    code, out, _err = run(capsys, "members", "--db", db_target, "--forecast-check")
    assert code == 0 and "too few to fit" in out


def test_the_export_carries_tier_points_and_forecast(shop, database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from core.customers.export import export_customers

    shop.buyer("金", ("6000.00", "2026-10-01"))
    with database.session() as session:
        export_customers(session, tmp_path / "out.xlsx")
    header, row = list(load_workbook(tmp_path / "out.xlsx").active.iter_rows(values_only=True))
    exported = dict(zip(header, row, strict=True))
    assert (exported["会员等级"], exported["积分"]) == ("金卡", 6000)
    assert "仍活跃概率" in exported and "90天预计购买" in exported
