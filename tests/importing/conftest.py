"""Helpers for import tests: prepare and commit files against the test database."""

from __future__ import annotations

import pytest
from sqlalchemy import func, inspect, select

from core.importing import commit_imports, prepare_import
from core.store.models import Customer, CustomerAlias, CustomerSearchKey, ImportBatch, Order, OrderLine


def table_counts(database) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model))
            for model in (Customer, CustomerAlias, CustomerSearchKey, Order, OrderLine, ImportBatch)
        }


def index_names(database) -> set[str]:  # type: ignore[no-untyped-def]
    """Every index in the database file, by name."""
    with database.engine.connect() as connection:
        inspector = inspect(connection)
        return {index["name"] for table in inspector.get_table_names() for index in inspector.get_indexes(table)}


@pytest.fixture
def import_file(database):  # type: ignore[no-untyped-def]
    """Import files into the test database; returns the batch summaries."""

    def run(*paths, preset_key=None):  # type: ignore[no-untyped-def]
        prepared = [prepare_import(path, preset_key) for path in paths]
        return commit_imports(database, prepared)

    return run


@pytest.fixture
def orders_of(database):  # type: ignore[no-untyped-def]
    def run() -> dict[str, Order]:
        with database.session() as session:
            orders = session.scalars(select(Order)).all()
            for order in orders:
                order.lines  # noqa: B018 - load the lines before the session closes
            return {order.platform_order_id: order for order in orders}

    return run
