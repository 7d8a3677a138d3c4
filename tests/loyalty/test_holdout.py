"""The forecast checked on the shop's own orders: fitted before a cut-off, compared with what buyers bought
after it, per group of buyers by how often they had come back."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import numpy as np

from core.figures.order_facts import day_number
from core.loyalty.holdout import holdout_check
from core.store.models import Customer, Order

AS_OF = date(2026, 11, 1)


def a_shop(database, buyers: int) -> None:  # type: ignore[no-untyped-def]
    """Buyers as BG/NBD pictures them: each buys at their own rate and may drop out after any purchase."""
    rng = np.random.default_rng(7)
    with database.transaction() as session:
        for number in range(buyers):
            customer = Customer(name=f"客{number}", platform="taobao_tmall")
            session.add(customer)
            session.flush()
            rate, dropout = rng.gamma(2.0, 1 / 80), rng.beta(1.0, 4.0)
            day = float(day_number(AS_OF) - rng.integers(200, 700))
            for visit in range(200):
                session.add(Order(platform="taobao_tmall", platform_order_id=f"TB{number:04}{visit:03}",
                                  customer_id=customer.id, status="completed", paid_amount=Decimal("88.00"),
                                  created_at=datetime(1970, 1, 1) + timedelta(days=int(day))))
                day += rng.exponential(1 / rate)
                if rng.random() < dropout or day > day_number(AS_OF):
                    break


def test_the_check_fits_before_the_cut_off_and_compares_each_frequency_group(database) -> None:  # type: ignore[no-untyped-def]
    a_shop(database, 300)
    with database.session() as session:
        check = holdout_check(session.connection(), AS_OF)
    assert check.fitted and check.holdout_end == AS_OF
    assert 28 <= (AS_OF - check.calibration_end).days <= 365
    *groups, everyone = check.groups
    assert [group.repeats for group in groups] == list(range(8)) and everyone.repeats is None
    assert sum(group.buyers for group in groups) == everyone.buyers
    assert groups[-1].actual > groups[1].actual  # who came back often buys more after the cut-off ...
    assert groups[-1].predicted > groups[1].predicted  # ... and the model says so
    assert abs(everyone.predicted - everyone.actual) < 0.5 * everyone.actual


def test_a_small_shop_is_told_there_is_too_little_to_check(database) -> None:  # type: ignore[no-untyped-def]
    a_shop(database, 12)
    with database.session() as session:
        check = holdout_check(session.connection(), AS_OF)
    assert not check.fitted and check.groups == () and check.repeat_buyers < 30
