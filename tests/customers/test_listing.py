"""The list: filters combine, any column sorts in the database, rows come back in the asked order."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import update

from core.customers.listing import CustomerFilter, count_customers, customer_ids, customer_rows
from core.customers.profile import set_birthday, set_do_not_contact, set_vip
from core.customers.tags import add_tags
from core.figures.birthdays import Birthday
from core.store.models import CalendarKind, Customer

TODAY = date(2026, 11, 22)


def ids_for(database, today=TODAY, **filters):  # type: ignore[no-untyped-def]
    with database.session() as session:
        return set(customer_ids(session, CustomerFilter(**filters), today=today))


def test_filters_combine(database, book) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        add_tags(session, [book["张晓明"], book["曾小红"]], ["回头客"])
        add_tags(session, [book["张晓明"]], ["送礼"])
        set_vip(session, [book["曾小红"]], True)
        set_do_not_contact(session, [book["李四"]], True, "asked us to stop")
    assert ids_for(database, tags_any=["回头客", "送礼"]) == {book["张晓明"], book["曾小红"]}
    assert ids_for(database, tags_all=["回头客", "送礼"]) == {book["张晓明"]}
    assert ids_for(database, tags_any=["回头客"], vip=True) == {book["曾小红"]}
    assert ids_for(database, do_not_contact=True) == {book["李四"]}
    assert ids_for(database, city="杭州市") == {book["张晓明"], book["李四"]}
    assert ids_for(database, province="浙江省", platforms=["douyin"]) == {book["李四"]}
    assert ids_for(database, spent_min=Decimal("50"), spent_max=Decimal("120")) == {book["张晓明"], book["曾小红"]}
    assert ids_for(database, orders_min=2) == {book["曾小红"]}
    assert ids_for(database, orders_max=0) == {book["单田芳"]}
    assert ids_for(database, last_order_after=date(2026, 5, 1)) == {book["张晓明"], book["曾小红"]}
    assert ids_for(database, last_order_before=date(2026, 1, 1)) == {book["李四"]}
    assert ids_for(database, search="zxm", city="杭州市") == {book["张晓明"]}
    assert ids_for(database, ids=[book["李四"], book["单田芳"]]) == {book["李四"], book["单田芳"]}


def test_stage_filter_reads_the_cached_stage(database, book) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        session.execute(update(Customer).where(Customer.id == book["单田芳"]).values(stage="loyal"))
    assert ids_for(database, stages=["loyal"]) == {book["单田芳"]}


def test_birthdays_solar_and_lunar(database, book) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        set_birthday(session, book["张晓明"], Birthday(CalendarKind.SOLAR, 11, 30))
        # 2026-12-02 is lunar 10-24: inside the next ten days, outside this solar month.
        set_birthday(session, book["曾小红"], Birthday(CalendarKind.LUNAR, 10, 24))
        set_birthday(session, book["单田芳"], Birthday(CalendarKind.SOLAR, 1, 5))
    assert ids_for(database, birthday_this_month=True) == {book["张晓明"]}
    assert ids_for(database, birthday_within_days=10) == {book["张晓明"], book["曾小红"]}
    assert ids_for(database, birthday_within_days=1) == set()


@pytest.mark.parametrize("days, expected", [(39, set()), (40, {"曾小红"}), (44, {"曾小红", "张晓明"})])
def test_birthday_within_any_number_of_days(database, book, days, expected) -> None:  # type: ignore[no-untyped-def]
    # 2027-01-01 is lunar 2026-11-24 (40 days on); 2027-01-05 is solar (44 days on).
    with database.transaction() as session:
        set_birthday(session, book["张晓明"], Birthday(CalendarKind.SOLAR, 1, 5))
        set_birthday(session, book["曾小红"], Birthday(CalendarKind.LUNAR, 11, 24))
    assert ids_for(database, birthday_within_days=days) == {book[name] for name in expected}


def test_leap_day_birthdays_fall_on_the_28th_in_common_years(database, book) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        set_birthday(session, book["张晓明"], Birthday(CalendarKind.SOLAR, 2, 29))
    assert ids_for(database, today=date(2027, 2, 28), birthday_within_days=0) == {book["张晓明"]}


@pytest.mark.parametrize("sort", ["name", "platform", "stage", "paid_orders", "total_spent", "last_order",
                                  "birthday", "city", "vip", "do_not_contact", "overdue", "id"])
def test_every_column_sorts_both_ways(database, book, sort) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session:
        up = customer_ids(session, sort=sort, descending=False)
        down = customer_ids(session, sort=sort, descending=True)
    assert sorted(up) == sorted(book.values())
    assert sorted(down) == sorted(book.values())


def test_a_prospect_without_orders_sorts_as_the_smallest_on_every_backend(database, book) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session:
        assert customer_ids(session, sort="last_order", descending=True)[-1] == book["单田芳"]
        assert customer_ids(session, sort="last_order", descending=False)[0] == book["单田芳"]


def test_sort_by_total_spent_and_paging(database, book) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session:
        ranked = customer_ids(session, sort="total_spent", descending=True)
        assert ranked[:2] == [book["曾小红"], book["张晓明"]]
        assert customer_ids(session, sort="total_spent", descending=True, limit=2, offset=1) == ranked[1:3]
        assert count_customers(session) == 4
        with pytest.raises(ValueError, match="cannot sort"):
            customer_ids(session, sort="nope")


def test_rows_in_order_with_tags_and_masking(database, book) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        add_tags(session, [book["张晓明"]], ["送礼"])
    with database.session() as session:
        rows = customer_rows(session, [book["曾小红"], book["张晓明"]], masked=True)
    assert [row.name for row in rows] == ["曾小红", "张晓明"]
    assert rows[1].tags == [("送礼", "#5b8def")]
    assert rows[1].phone == "138****1234"
    assert rows[0].total_spent == Decimal("120.00") and rows[0].paid_orders == 2


def test_filter_round_trips_through_json() -> None:
    original = CustomerFilter(search="zx", tags_all=["送礼"], spent_min=Decimal("10.50"),
                              last_order_after=date(2026, 1, 1), vip=False)
    assert CustomerFilter.from_dict(original.to_dict()) == original
    assert CustomerFilter().is_empty()
