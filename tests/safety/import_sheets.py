"""Order sheets and shops for the import's safety tests: a Taobao export of any size, a shop that already
holds customers, the CLI in a subprocess, and the row counts that tell "before" from "after"."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from core.demo import create_demo_shop
from core.importing import PRESETS
from core.store.opening import open_database
from tests.importing.sheets import row_for, write_sheet

ROOT = Path(__file__).resolve().parents[2]
TAOBAO = PRESETS["taobao_tmall.orderlist_csv_legacy"]
COUNTED = ("customers", "customer_aliases", "orders", "order_lines", "import_batches")


def order_rows(count: int, *, first: int = 0) -> list[list[str]]:
    """A Taobao order list (header row first) with `count` orders from `count // 2` buyers."""
    headers = list(TAOBAO.headers)
    rows = [headers]
    for number in range(first, first + count):
        buyer = number // 2
        rows.append(row_for(
            TAOBAO, headers, order_id=f'="{4_000_000_000_000_000_000 + number}"', buyer_id=f"tb_buyer{buyer}",
            status="交易成功", amount=f"{100 + number % 900}.00元", phone=f"'139{buyer:08d}", receiver_name="张三",
            address="浙江省 杭州市 西湖区 文三路1号", created_at=f"2026/0{1 + number % 9}/1{number % 10} 10:00:00",
            item_title="龙井茶", quantity="1",
        ))
    return rows


def write_orders(path: Path, count: int, fmt: str = "csv", *, first: int = 0) -> Path:
    return write_sheet(path, order_rows(count, first=first), fmt)


def shop(path: Path, customers: int = 60) -> Path:
    """A database that already holds a demo shop, checkpointed (no -wal beside it)."""
    database = open_database(path)
    with database.transaction() as session:
        create_demo_shop(session, customers=customers)
    database.dispose()
    return path


def counts(path: Path) -> tuple[int, ...]:
    with sqlite3.connect(path) as connection:
        return tuple(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in COUNTED)


def laoke(*arguments: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run Laoke's CLI from this checkout in a fresh process."""
    return subprocess.run([sys.executable, "main.py", *arguments], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)
