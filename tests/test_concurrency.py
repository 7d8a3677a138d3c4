"""Reps at the same time, in real processes on one book: nothing lost, nothing twice, no unexpected error.

Each worker is a forked process that opens the book itself, readies its work (reads its sheet) and waits at
a barrier, so the two writes start together. On SQLite they take turns at the write lock; on PostgreSQL they really overlap, and the writers wait
for each other (an import, a care generation) or try again (a collision on the same buyers).
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from core.care.generate import generate_tasks
from core.customers.merge import merge_customers
from core.customers.profile import add_note, update_profile
from core.customers.tags import add_tags
from core.errors import LaokeError
from core.importing import PRESETS, commit_imports, prepare_import
from core.store.concurrency import retrying
from core.store.models import CareTask, Customer, CustomerAlias, CustomerTag, Note, Order
from core.store.opening import open_database
from tests.importing.sheets import row_for, write_sheet

TAOBAO = PRESETS["taobao_tmall.orderlist_csv_legacy"]
FORK = multiprocessing.get_context("fork")
TIMEOUT = 240


def sheet(path: Path, orders: range, buyer_of: Callable[[int], int]) -> Path:
    headers = list(TAOBAO.headers)
    rows = [headers]
    for number in orders:
        buyer = buyer_of(number)
        rows.append(row_for(
            TAOBAO, headers, order_id=f'="{4_000_000_000_000_000_000 + number}"', buyer_id=f"tb_buyer{buyer}",
            status="交易成功", amount=f"{100 + number % 900}.00元", phone=f"'139{buyer:08d}", receiver_name="张三",
            address="浙江省 杭州市 西湖区 文三路1号", created_at=f"2026/0{1 + number % 9}/1{number % 10} 10:00:00",
            item_title="龙井茶", quantity="1"))
    return write_sheet(path, rows, "csv")


def _work(target: str, barrier: Any, results: Any, job: Callable[..., Any], args: tuple[Any, ...]) -> None:
    database = open_database(target)
    try:
        write = job(database, *args)
        barrier.wait(timeout=TIMEOUT)
        results.put(("ok", write()))
    except BaseException:  # the parent asserts on it: every failure is a test failure, with its traceback
        results.put(("error", traceback.format_exc()))
    finally:
        database.dispose()


def at_once(target: str, *jobs: tuple[Callable[..., Any], tuple[Any, ...]]) -> list[Any]:
    """Ready each (job, args) as job(database, *args) in its own process, then run what it returned, all
    together; returns what each run returned."""
    barrier, results = FORK.Barrier(len(jobs)), FORK.Queue()
    processes = [FORK.Process(target=_work, args=(target, barrier, results, job, args)) for job, args in jobs]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=TIMEOUT) for _ in processes]
    for process in processes:
        process.join(timeout=TIMEOUT)
    errors = [detail for status, detail in outcomes if status == "error"]
    assert errors == [], "\n".join(errors)
    return [detail for _status, detail in outcomes]


def import_sheet(database, path: Path):  # type: ignore[no-untyped-def]
    """Read the sheet now; the returned write imports it and gives (new orders, what the rep was told)."""
    prepared, notices = prepare_import(path), []

    def write() -> tuple[int, list[str]]:
        [summary] = commit_imports(database, [prepared], notice=notices.append)
        return summary.orders_new, notices

    return write


def new_orders(outcomes: list[tuple[int, list[str]]]) -> list[int]:
    return sorted(orders for orders, _notices in outcomes)


def counts(database) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with database.session() as session:
        live = session.scalar(select(func.count()).select_from(Customer).where(Customer.merged_into_id.is_(None)))
        buyers = session.scalar(select(func.count(func.distinct(CustomerAlias.value)))
                                .where(CustomerAlias.kind == "buyer_id"))
        return {"orders": session.scalar(select(func.count()).select_from(Order)), "live customers": live,
                "buyers": buyers}


def test_two_imports_of_different_sheets_sharing_buyers(database, tmp_path: Path) -> None:
    first = sheet(tmp_path / "first.csv", range(0, 300), lambda number: number // 3)  # buyers 0-99
    second = sheet(tmp_path / "second.csv", range(300, 600), lambda number: number // 3 - 50)  # buyers 50-149
    assert new_orders(at_once(database.url, (import_sheet, (first,)), (import_sheet, (second,)))) == [300, 300]
    assert counts(database) == {"orders": 600, "live customers": 150, "buyers": 150}


def test_the_same_sheet_imported_twice_at_once_is_stored_once(database, backend, tmp_path: Path) -> None:
    path = sheet(tmp_path / "orders.csv", range(400), lambda number: number // 2)
    outcomes = at_once(database.url, (import_sheet, (path,)), (import_sheet, (path,)))
    assert new_orders(outcomes) == [0, 400]
    assert counts(database) == {"orders": 400, "live customers": 200, "buyers": 200}
    told = [notice for _orders, notices in outcomes for notice in notices]
    # On a server the second import waited for the first, and said so; SQLite's writer lock is silent.
    assert told == (["Waiting for another rep's import to finish…"] if backend == "postgresql" else [])


def generate_care(database) -> int:  # type: ignore[no-untyped-def]
    start = date(2026, 11, 1)
    return lambda: database.write(lambda session: generate_tasks(session, start, start + timedelta(days=60)).created)


def test_two_care_generations_at_once_make_each_task_once(database, tmp_path: Path) -> None:
    import_sheet(database, sheet(tmp_path / "orders.csv", range(400), lambda number: number // 2))()
    created = at_once(database.url, (generate_care, ()), (generate_care, ()))
    with database.session() as session:
        tasks = session.scalar(select(func.count()).select_from(CareTask))
        keys = session.scalar(select(func.count(func.distinct(CareTask.dedupe_key))))
    assert tasks == keys == sum(created) > 0


def edit_buyer(session, customer_id: int) -> None:  # type: ignore[no-untyped-def]
    add_tags(session, [customer_id], ["回头客"])
    add_note(session, customer_id, f"rep note {customer_id}")
    update_profile(session, customer_id, {"city": "宁波市"})


def edit_buyers(database, ids: list[int]) -> int:  # type: ignore[no-untyped-def]
    """One save per buyer, as the detail pane writes them (gui.customers.tasks.write)."""

    def write() -> None:
        for customer_id in ids:
            database.write(lambda session, customer_id=customer_id: edit_buyer(session, customer_id))

    return write


def test_an_import_while_another_rep_edits_the_same_buyers(database, tmp_path: Path) -> None:
    import_sheet(database, sheet(tmp_path / "old.csv", range(300), lambda number: number // 3))()
    with database.session() as session:
        ids = list(session.scalars(select(Customer.id).order_by(Customer.id)))
    newer = sheet(tmp_path / "new.csv", range(300, 600), lambda number: number % 100)  # the same 100 buyers
    at_once(database.url, (import_sheet, (newer,)), (edit_buyers, (ids,)))
    assert counts(database) == {"orders": 600, "live customers": 100, "buyers": 100}
    with database.session() as session:
        notes = session.execute(select(Note.customer_id, func.count()).group_by(Note.customer_id)).all()
        tagged = session.scalar(select(func.count()).select_from(CustomerTag))
        cities = set(session.scalars(select(Customer.city)))
    assert sorted(notes) == [(customer_id, 1) for customer_id in ids]
    assert tagged == len(ids) and cities == {"宁波市"}


def merge(database, kept: int, merged: int):  # type: ignore[no-untyped-def]
    def write() -> str:
        try:
            database.write(lambda session: merge_customers(session, kept, merged))
        except LaokeError as error:  # what the rep is told: the buyer went into the other rep's merge first
            assert "already merged" in str(error)
            return "already merged"
        return "merged"

    return write


def test_two_merges_of_overlapping_duplicates(database, tmp_path: Path) -> None:
    import_sheet(database, sheet(tmp_path / "orders.csv", range(30), lambda number: number // 3))()
    with database.session() as session:
        first, second, third = session.scalars(select(Customer.id).order_by(Customer.id).limit(3))
    outcomes = at_once(database.url, (merge, (first, second)), (merge, (third, second)))
    assert sorted(outcomes) == ["already merged", "merged"]
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Order)) == 30
        owners = dict(session.execute(select(Order.customer_id, func.count()).group_by(Order.customer_id)).all())
    assert sorted(owners.values()) == [3] * 8 + [6]  # the second buyer's orders moved once, to one of them


class _ServerRefusal(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def test_a_collision_runs_the_transaction_again_and_says_so() -> None:
    attempts, told = [], []

    def work() -> str:
        attempts.append(1)
        if len(attempts) == 1:
            raise OperationalError("UPDATE customers …", {}, _ServerRefusal("40001"))  # serialisation failure
        return "saved"

    assert retrying(work, notice=told.append) == "saved"
    assert len(attempts) == 2 and told == ["Another rep changed the same customers at the same moment; trying "
                                           "again (2 of 5)…"]


def test_any_other_database_error_is_not_tried_again() -> None:
    attempts = []

    def work() -> None:
        attempts.append(1)
        raise OperationalError("SELECT 1", {}, _ServerRefusal("57P01"))  # the server is shutting down

    with pytest.raises(OperationalError):
        retrying(work)
    assert len(attempts) == 1
