"""RFM scores and segments, and buying rhythm, checked against hand computations."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import numpy as np
from sqlalchemy import select

from core.figures.rfm import quintile_scores, rfm_segment
from core.refresh import refresh_derived
from core.store.models import Customer, Order

AS_OF = date(2026, 6, 30)


def test_quintiles_of_ten_distinct_values() -> None:
    assert quintile_scores(np.arange(1, 11)).tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert quintile_scores(np.arange(1, 11), higher_is_better=False).tolist() == [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]


def test_ties_share_a_score_and_equal_buyers_sit_in_the_middle() -> None:
    # Six one-order buyers: their mid-rank is 3/10 of the shop -> score 2; the rest rank above them.
    scores = quintile_scores(np.array([1, 1, 1, 1, 1, 1, 2, 2, 3, 8]))
    assert scores.tolist() == [2, 2, 2, 2, 2, 2, 4, 4, 5, 5]
    assert quintile_scores(np.array([4, 4, 4])).tolist() == [3, 3, 3]
    assert quintile_scores(np.array([7])).tolist() == [3]
    assert quintile_scores(np.array([])).tolist() == []


def test_segments() -> None:
    assert rfm_segment(5, 5, 4) == "champions"
    assert rfm_segment(3, 3, 3) == "loyal"
    assert rfm_segment(5, 1, 2) == "promising"
    assert rfm_segment(1, 5, 5) == "cant_lose"
    assert rfm_segment(2, 3, 3) == "at_risk"
    assert rfm_segment(3, 1, 1) == "needs_attention"
    assert rfm_segment(2, 2, 1) == "hibernating"
    assert rfm_segment(1, 1, 2) == "lost"


def make_shop(database) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Five buyers and a prospect; orders as (days before AS_OF, amount)."""
    plan = {
        "often": [(2, "100"), (32, "100"), (62, "100"), (122, "100")],  # gaps 30, 30, 60
        "twice": [(10, "300"), (50, "100")],  # gap 40
        "once_recent": [(5, "50")],
        "once_old": [(200, "80")],
        "gone": [(400, "500"), (420, "500"), (440, "500")],  # gaps 20, 20
        "prospect": [],
    }
    ids = {}
    with database.transaction() as session:
        for name, orders in plan.items():
            customer = Customer(name=name)
            session.add(customer)
            session.flush()
            ids[name] = customer.id
            for number, (days_ago, amount) in enumerate(orders):
                session.add(Order(platform="jd", platform_order_id=f"{name}{number}", customer_id=customer.id,
                                  status="completed", paid_amount=Decimal(amount),
                                  created_at=datetime.combine(AS_OF - timedelta(days=days_ago),
                                                              datetime.min.time())))
            # A same-day second order is one visit: no gap of zero days.
            if name == "twice":
                session.add(Order(platform="jd", platform_order_id="twice-split", customer_id=customer.id,
                                  status="paid", paid_amount=Decimal("10"),
                                  created_at=datetime.combine(AS_OF - timedelta(days=10), datetime.min.time())))
        session.flush()
        refresh_derived(session.connection(), as_of=AS_OF)
    return ids


def test_rfm_and_rhythm_match_a_hand_computation(database) -> None:
    ids = make_shop(database)
    with database.session() as session:
        rows = {row.name: row for row in session.scalars(select(Customer))}
    # Recency (days): often 2, once_recent 5, twice 10, once_old 200, gone 400 -> mid-rank scores 5,4,3,2,1.
    assert [rows[name].r_score for name in ("often", "once_recent", "twice", "once_old", "gone")] == [5, 4, 3, 2, 1]
    # Frequency: once x2 (score 2), twice has 3 orders, gone 3, often 4 -> 3/3 tie at mid-rank 3/5 -> 4.
    assert [rows[name].f_score for name in ("once_recent", "once_old", "twice", "gone", "often")] == [2, 2, 4, 4, 5]
    # Monetary: 50, 80, 400 (twice 300+100+10=410), 400 (often), 1500 -> 1, 2, 4, 3, 5.
    assert rows["twice"].total_spent == Decimal("410.00")
    assert [rows[name].m_score for name in ("once_recent", "once_old", "often", "twice", "gone")] == [1, 2, 3, 4, 5]
    assert rows["often"].rfm_segment == "champions"
    assert rows["gone"].rfm_segment == "cant_lose"
    assert rows["once_recent"].rfm_segment == "promising"
    assert rows["prospect"].r_score is None and rows["prospect"].rfm_segment is None
    # Rhythm: often's gaps 30, 30, 60 -> median 30; last order 2 days ago -> overdue 2/30.
    assert rows["often"].median_gap_days == 30
    assert rows["often"].overdue == 0.1  # 2/30, to one decimal
    assert rows["twice"].median_gap_days == 40 and abs(rows["twice"].overdue - 10 / 40) <= 0.05
    assert rows["gone"].median_gap_days == 20 and rows["gone"].overdue == 20.0
    assert rows["once_old"].median_gap_days is None and rows["once_old"].overdue is None
    assert ids


def test_one_buyers_rhythm_for_the_detail(database) -> None:
    from core.figures.rhythm import buying_rhythm

    ids = make_shop(database)
    with database.session() as session:
        often = buying_rhythm(session.connection(), ids["often"], AS_OF)
        once = buying_rhythm(session.connection(), ids["once_old"], AS_OF)
        nobody = buying_rhythm(session.connection(), ids["prospect"], AS_OF)
    assert often.gaps_days == [60, 30, 30]
    assert (often.mean_gap_days, often.median_gap_days, often.days_since_last_paid, often.overdue) == (40.0, 30.0, 2, 0.1)
    assert (once.gaps_days, once.median_gap_days, once.days_since_last_paid, once.overdue) == ([], None, 200, None)
    assert nobody.days_since_last_paid is None and nobody.overdue is None
