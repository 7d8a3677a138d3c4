"""The Insights figures on a small shop, against a hand computation."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal

import numpy as np
import pytest

from core.figures.insights import build_insights, load_shop_data, shop_health
from core.store.models import Customer, Order
from main import main

END = date(2026, 6, 30)
# name: orders as (day, status, amount); everyone known since 2025-01-01.
SHOP = {
    "ann": [(date(2026, 1, 10), "completed", "100"), (date(2026, 3, 10), "completed", "100"),
            (date(2026, 5, 9), "completed", "100"), (date(2026, 6, 20), "paid", "100")],
    "bo": [(date(2026, 2, 1), "completed", "300"), (date(2026, 4, 2), "shipped", "100")],
    "cy": [(date(2026, 6, 1), "paid", "60")],
    "di": [(date(2025, 12, 1), "completed", "40")],
    "ed": [(date(2025, 3, 1), "completed", "200")],
    "fay": [(date(2026, 6, 25), "unpaid", "80"), (date(2026, 5, 1), "refunded", "90")],
    "gus": [],
}


@pytest.fixture
def shop(database):  # type: ignore[no-untyped-def]
    ids = {}
    with database.transaction() as session:
        for name, orders in SHOP.items():
            customer = Customer(name=name, created_at=datetime(2025, 1, 1))
            session.add(customer)
            session.flush()
            ids[name] = customer.id
            for number, (day, status, amount) in enumerate(orders):
                session.add(Order(platform="jd", platform_order_id=f"{name}{number}", customer_id=customer.id,
                                  status=status, paid_amount=Decimal(amount),
                                  created_at=datetime.combine(day, datetime.min.time())))
    return ids


def test_figures_match_a_hand_computation(database, shop) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session:
        data = load_shop_data(session.connection(), END)
    insights = build_insights(data, date(2026, 1, 1), END)
    seeds = {row.key: row for row in insights.seeds}
    # ann loyal (4 paid, 10 days ago), bo repeat, cy new, di dormant (211 days), ed lost, fay interested, gus prospect.
    assert {key: row.customers for key, row in seeds.items()} == {
        "all": 7, "prospect": 1, "interested": 1, "new": 1, "repeat": 1, "loyal": 1, "dormant": 1, "lost": 1}
    # Revenue 400 + 400 + 60 + 40 + 200 = 1100 over 9 paid orders.
    assert seeds["all"].aov == Decimal("122.22")
    assert seeds["repeat"].aov == Decimal("200.00") and seeds["repeat"].revenue_share == round(400 / 1100, 4)
    assert seeds["prospect"].share == round(1 / 7, 4) and seeds["prospect"].aov is None
    # Buyers: ann, bo, cy, di, ed; twice or more: ann, bo.
    assert insights.repeat_rate == 0.4
    # First-to-second gaps: ann 59 days (Jan 10 -> Mar 10), bo 60 days -> median 59.5.
    assert insights.repurchase_cycle_days == 59.5

    chart = insights.stage_distribution
    loyal = chart.categories.index("loyal")
    assert chart.ids[(loyal, 0)].tolist() == [shop["ann"]]

    buyers = insights.new_returning_buyers
    assert buyers.categories == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]
    # New per month: Jan ann, Feb bo, Jun cy; returning: Mar ann, Apr bo, May ann, Jun ann.
    assert buyers.values[:, 0].tolist() == [1, 1, 0, 0, 0, 1]
    assert buyers.values[:, 1].tolist() == [0, 0, 1, 1, 1, 1]
    assert insights.new_returning_revenue.values[5].tolist() == [60.0, 100.0]
    assert buyers.ids[(5, 1)].tolist() == [shop["ann"]]

    # Gaps ending in range: ann 59, 60, 42; bo 60 -> bins 45-59 (59), 60-89 (60, 60), 30-44 (42).
    histogram = dict(zip(insights.gap_histogram.categories, insights.gap_histogram.values[:, 0], strict=True))
    assert (histogram["30–44"], histogram["45–59"], histogram["60–89"]) == (1, 1, 2)

    cohorts = insights.cohorts
    january = cohorts.rows.index("2026-01")
    assert cohorts.values[january, :6].tolist() == [1.0, 0.0, 1.0, 0.0, 1.0, 1.0]
    assert np.isnan(cohorts.values[january, 6])  # July has not come yet
    # The months chart recomputes stages as of each month's end: at the end of January, di was still new.
    by_month = insights.stages_by_month
    assert by_month.customers(0, by_month.series.index("new")).tolist() == sorted([shop["ann"], shop["di"]])


def test_stats_json_reports_stages_and_health(capsys, database, db_path, shop) -> None:  # type: ignore[no-untyped-def]
    assert main(["stats", "--json", "--db", str(db_path), "--as-of", END.isoformat()]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["stages"] == {"prospect": 1, "interested": 1, "new": 1, "repeat": 1, "loyal": 1, "dormant": 1,
                               "lost": 1}
    assert (stats["repeat_rate"], stats["aov"], stats["repurchase_cycle_days"]) == (0.4, "122.22", 59.5)
    with database.session() as session:
        assert shop_health(session.connection(), date(2025, 2, 1))["stages"]["prospect"] == 7


def test_product_repurchase_gaps(database) -> None:  # type: ignore[no-untyped-def]
    from core.figures.insights import product_repurchase_gaps
    from core.store.models import OrderLine

    purchases = {"tea": [("a", 1), ("a", 31), ("a", 51), ("b", 10), ("b", 50)], "cup": [("a", 1), ("b", 5)]}
    with database.transaction() as session:
        people = {name: Customer(name=name) for name in "ab"}
        session.add_all(people.values())
        session.flush()
        for title, bought in purchases.items():
            for number, (name, day) in enumerate(bought):
                order = Order(platform="jd", platform_order_id=f"{title}{number}", customer_id=people[name].id,
                              status="completed", created_at=datetime(2026, 1, 1) + (day - 1) * (datetime(2026, 1, 2)
                                                                                                 - datetime(2026, 1, 1)))
                order.lines.append(OrderLine(title=title))
                session.add(order)
        ids = {name: person.id for name, person in people.items()}
    with database.session() as session:
        data = load_shop_data(session.connection(), END)
    grid = product_repurchase_gaps(data.lines, END)
    # tea: a's gaps 30, 20 and b's 40 -> median 30 over two buyers; nobody bought a cup twice.
    assert grid.rows == ["tea"]
    assert grid.values.tolist() == [[2, 30]]
    assert grid.ids[(0, 0)].tolist() == sorted(ids.values())


def test_the_stage_clock_goes_back_in_time_too(database, shop) -> None:  # type: ignore[no-untyped-def]
    from core.figures.insights import StageClock
    from core.figures.order_facts import day_number

    with database.session() as session:
        data = load_shop_data(session.connection(), END)
    clock = StageClock(data.facts, data.ids, data.known, data.thresholds)
    later = clock.stages(day_number(END)).tolist()
    earlier = clock.stages(day_number(date(2026, 1, 31))).tolist()
    fresh = StageClock(data.facts, data.ids, data.known, data.thresholds)
    assert earlier == fresh.stages(day_number(date(2026, 1, 31))).tolist()
    assert later == fresh.stages(day_number(END)).tolist()
    assert earlier != later


def test_rfm_grid_says_what_each_score_stands_for(database, shop) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session:
        data = load_shop_data(session.connection(), END)
    grid = build_insights(data, date(2026, 1, 1), END).rfm_grid
    # Paid orders: cy 1, di 1, ed 1, bo 2, ann 4 -> the one-order tie scores 2 (mid-rank), bo 4, ann 5:
    # F1 and F3 belong to nobody and get no column.
    assert grid.columns == ["F2", "F4", "F5"] and grid.values.shape == (5, 3)
    assert grid.column_ranges == [(1, 1), (2, 2), (4, 4)]
    # Recency (days): ann 10, cy 29, bo 89, di 211, ed 486 -> R5 .. R1.
    assert grid.row_ranges == [(10, 10), (29, 29), (89, 89), (211, 211), (486, 486)]
    assert grid.values.sum() == 5


def test_stages_command_recomputes_and_rebuilds_history(capsys, database, db_path, shop) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from core.store.models import StageChange

    assert main(["stages", "--json", "--db", str(db_path), "--as-of", END.isoformat(), "--rebuild-history"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["stages"] == {"dormant": 1, "interested": 1, "lost": 1, "loyal": 1, "new": 1, "prospect": 1,
                                "repeat": 1}
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(StageChange)) == result["history_changes"] > 7
