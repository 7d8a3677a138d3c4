"""The portable path (any database but SQLite) gives the same cached figures as SQLite's fast path."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from core.demo import create_demo_shop
from core.figures.insights import shop_health
from core.refresh import refresh_derived
from core.store.models import Customer
from core.store.opening import open_database

TODAY = date(2026, 11, 1)
COLUMNS = [Customer.id, Customer.order_count, Customer.paid_orders, Customer.total_spent, Customer.first_order_at,
           Customer.last_paid_at, Customer.stage, Customer.stage_since, Customer.r_score, Customer.f_score,
           Customer.m_score, Customer.rfm_segment, Customer.median_gap_days, Customer.overdue]


def shop_figures(path, portable: bool, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    database = open_database(path)
    try:
        with database.transaction() as session:
            create_demo_shop(session, customers=120, today=TODAY)
        if portable:
            monkeypatch.setattr(database.engine.dialect, "name", "elsewhere")
        with database.transaction() as session:
            session.execute(Customer.__table__.update().values(stage_since=None, r_score=None, overdue=None))
            refresh_derived(session.connection(), as_of=TODAY)
            rows = session.execute(select(*COLUMNS).order_by(Customer.id)).all()
            health = shop_health(session.connection(), TODAY)
        return rows, health
    finally:
        monkeypatch.undo()
        database.dispose()


def test_portable_path_matches_the_sqlite_fast_path(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    fast = shop_figures(tmp_path / "fast.db", False, monkeypatch)
    portable = shop_figures(tmp_path / "portable.db", True, monkeypatch)
    assert fast == portable
    assert any(row.overdue for row in fast[0])
