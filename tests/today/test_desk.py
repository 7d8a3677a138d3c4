"""What the Today desk says about a shop, read from what is stored."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from core.care.rules import load_care_settings, save_care_settings
from core.today import month_so_far_spans, read_desk
from main import main
from tests.today.conftest import TODAY


def test_the_desk_counts_what_today_holds(database, desk_shop) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session:
        desk = read_desk(session, TODAY)
    # Today's and the overdue open tasks, by kind; tomorrow's and the done one are not today's work.
    assert desk.care_by_kind == {"birthday": 1, "order": 1}
    assert desk.care_total == 2
    # An order unpaid since yesterday is worth a reminder; one from nine days ago was closed by the platform,
    # and a do-not-contact buyer is never on a list to contact.
    assert desk.unpaid.ids == [desk_shop["赵敏"]] and desk.unpaid_orders == 1 and desk.unpaid_days == 3
    assert desk.birthdays.ids == [desk_shop["王芳"]]
    assert desk.overdue_regulars.ids == [desk_shop["李强"]]
    assert desk.last_import is not None and desk.last_import.file_name == "淘宝-11月.xlsx"
    assert desk.last_import.orders_new == 7
    assert desk.newest_order_age_days == 0


def test_this_month_so_far_against_the_same_days_of_last_month(database, desk_shop) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session:
        desk = read_desk(session, TODAY)
    this, last = desk.this_month, desk.last_month
    assert (this.first, this.last, last.first, last.last) == (
        date(2026, 11, 1), TODAY, date(2026, 10, 1), date(2026, 10, 15))
    assert (this.new_buyers, this.returning_buyers) == (1, 1)
    assert this.repeat_rate == 0.5
    assert this.net_revenue == Decimal("270.00")  # 120 + 200, less the 50 refunded (never twice)
    assert (last.new_buyers, last.returning_buyers, last.net_revenue) == (0, 1, Decimal("80.00"))


def test_spans_stay_inside_a_shorter_last_month() -> None:
    assert month_so_far_spans(date(2026, 3, 31))[1] == (date(2026, 2, 1), date(2026, 2, 28))


def test_an_empty_book_has_an_empty_desk(database) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session:
        desk = read_desk(session, TODAY)
    assert desk.care_total == 0 and desk.unpaid.count == 0 and desk.last_import is None
    assert desk.newest_order_age_days is None and desk.this_month.repeat_rate is None


def test_orders_no_file_brought_are_told_apart(database) -> None:  # type: ignore[no-untyped-def]
    from core.demo import create_demo_shop

    with database.transaction() as session:
        create_demo_shop(session, customers=20, today=TODAY)
    with database.session() as session:
        desk = read_desk(session, TODAY)
    assert desk.last_import is None and desk.orders > 0 and desk.demo_made_on == TODAY


def _remind_unpaid_for(database, days: int) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        save_care_settings(session, replace(load_care_settings(session), unpaid_remind_days=days))


def test_the_unpaid_window_is_the_shops_setting(database, desk_shop) -> None:  # type: ignore[no-untyped-def]
    # A platform that keeps an unpaid order open for ten days: the order of nine days ago is still worth a 催付.
    _remind_unpaid_for(database, 10)
    with database.session() as session:
        desk = read_desk(session, TODAY)
    assert desk.unpaid_days == 10 and desk.unpaid.ids == [desk_shop["赵敏"]] and desk.unpaid_orders == 2
    # One day: only today's orders, and 赵敏's is from yesterday.
    _remind_unpaid_for(database, 1)
    with database.session() as session:
        desk = read_desk(session, TODAY)
    assert desk.unpaid.count == 0 and desk.unpaid_orders == 0


def test_the_unpaid_window_is_refused_outside_its_range(database) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="1 to 30 days"):
        _remind_unpaid_for(database, 0)


def test_the_command_line_reads_the_same_window(database, desk_shop, db_target, capsys) -> None:  # type: ignore[no-untyped-def]
    _remind_unpaid_for(database, 10)
    assert main(["today", "--json", "--db", db_target, "--as-of", TODAY.isoformat()]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["unpaid"] == {"days": 10, "orders": 2, "customer_ids": [desk_shop["赵敏"]]}
    assert main(["today", "--db", db_target, "--as-of", TODAY.isoformat()]) == 0
    assert "催付: 2 unpaid orders of the last 10 days, 1 buyer" in capsys.readouterr().out
