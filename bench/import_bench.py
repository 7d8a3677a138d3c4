"""Import speed on a big order sheet, beside its floors measured in the same run.

    python bench/import_bench.py [--rows 200000] [--keep DIR] [--only xlsx|csv] [--profile csv|xlsx]
                                 [--importer-only]

Generates a Taobao order list (the first 25 columns of ExportOrderList: 19-digit ids written as ="…",
phones with a leading apostrophe, Chinese names, addresses and titles; ~0.4 buyers per order) as xlsx and
as GB18030 CSV. Each step runs in a process of its own, so its peak RSS is its own:

- bare read: the fastest reader (python-calamine for xlsx, the csv module for CSV);
- import: the whole CLI command (`main.py import FILE --db DB`) into an empty book, timed from outside;
- tuned floor: the same bare read, then what the import wrote (its customers, aliases, orders, lines and
  search keys, fetched beforehand and not timed) inserted into an empty copy of the schema with plain
  executemany in one transaction, a 64 MB cache, the plain indexes dropped and built afterwards, plus one
  GROUP BY for the buyers' figures;
- re-import: the same command again on the same file, beside the bare read plus hashing every row's text.

Prints seconds, rows/s, peak RSS and the ratios the goals are stated in. `--profile` runs the import in-process
under cProfile instead and prints the top entries. `--importer-only` also times the same command with nothing
derived from the rows (no figures, stages, search keys, loyalty or forecast): the importer's own work, for
comparing with a version whose import derived less.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import hashlib
import json
import os
import pstats
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager, nullcontext
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# What an import writes, in the order the foreign keys need.
WRITTEN_TABLES = ("customers", "customer_aliases", "orders", "order_lines", "customer_search_keys")
BUYER_FIGURES = """
UPDATE customers SET order_count = figures.orders, paid_orders = figures.paid, total_spent = figures.spent,
       first_order_at = figures.first, last_order_at = figures.last
FROM (SELECT customer_id, count(*) AS orders, sum(paid_amount > 0) AS paid, sum(paid_amount) AS spent,
             min(created_at) AS first, max(created_at) AS last
      FROM orders GROUP BY customer_id) AS figures
WHERE customers.id = figures.customer_id
"""

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕"
PLACES = [("浙江省", "杭州市", "西湖区"), ("广东省", "深圳市", "南山区"), ("江苏省", "南京市", "建邺区"),
          ("上海", "上海市", "浦东新区"), ("北京", "北京市", "朝阳区"), ("四川省", "成都市", "武侯区")]
PRODUCTS = ["明前龙井茶 250g 礼盒装", "福鼎白茶饼 357g", "云南普洱熟茶 七子饼", "正山小种红茶 罐装", "安溪铁观音 浓香型",
            "碧螺春 新茶 明前特级", "茶具套装 家用 陶瓷", "桂花乌龙 三角茶包 20袋"]
STATUSES = ["交易成功"] * 8 + ["卖家已发货，等待买家确认", "买家已付款，等待卖家发货", "交易关闭", "等待买家付款"]
COLUMNS = 25


def generate_rows(count: int, seed: int = 7, *, buyers_of: int | None = None, new_buyers: int = 0,
                  first_order: int = 0, start: datetime = datetime(2024, 1, 1), minutes: int = 900_000):  # type: ignore[no-untyped-def]
    """The sheet's rows, header first. A later month of the same shop: `buyers_of` the first sheet's row count
    (the same seed draws the same buyers), `new_buyers` more, order numbers from `first_order` on, placed within
    `minutes` of `start`."""
    from core.importing.layouts import LAYOUT_HEADERS

    headers = list(LAYOUT_HEADERS["taobao_tmall.orderlist_csv_legacy"][:COLUMNS])
    rng = random.Random(seed)
    buyers = []
    for number in range(max((buyers_of or count) * 2 // 5, 1) + new_buyers):
        province, city, district = rng.choice(PLACES)
        name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice([1, 2])))
        buyers.append((f"tb{number:07d}{rng.choice(GIVEN)}", name, f"1{rng.randint(3, 9)}{rng.randint(10**8, 10**9 - 1)}",
                       f"{province} {city} {district} 文{rng.randint(1, 999)}路{rng.randint(1, 200)}号{rng.randint(1, 30)}幢"))
    yield headers
    for number in range(first_order, first_order + count):
        buyer_key, name, phone, address = rng.choice(buyers)
        created = start + timedelta(minutes=rng.randint(0, minutes))
        price = rng.randint(30, 900)
        yield [
            f'="{3_900_000_000_000_000_000 + number * 7919}"', buyer_key, f"{buyer_key}@163.com", f"{price}.00", "0.00",
            "0", f"{price}.00", "0", f"{price}.00", "0", rng.choice(STATUSES), rng.choice(["", "", "请尽快发货", "-"]),
            name, address, "快递", "-", f"'{phone}", created.strftime("%Y-%m-%d %H:%M:%S"),
            (created + timedelta(minutes=3)).strftime("%Y-%m-%d %H:%M:%S"), rng.choice(PRODUCTS), "1",
            f"YT{rng.randint(10**12, 10**13)}", "圆通速递", "", str(rng.randint(1, 3)),
        ]


def write_files(rows: int, folder: Path) -> tuple[Path, Path]:
    from openpyxl import Workbook

    xlsx, gbk = folder / f"orders_{rows}.xlsx", folder / f"orders_{rows}.csv"
    if not gbk.exists():
        with gbk.open("w", encoding="gb18030", newline="") as handle:
            csv.writer(handle).writerows(generate_rows(rows))
    if not xlsx.exists():
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        for row in generate_rows(rows):
            # Text cells, as the platforms write them (a leading = must not become a formula).
            sheet.append([value[2:-1] if value.startswith('="') else value for value in row])
        workbook.save(xlsx)
    return xlsx, gbk


def bare_read(path: Path) -> list:
    """Every row of the sheet as the fastest reader gives it, held in memory as an import holds it."""
    if path.suffix == ".xlsx":
        from python_calamine import CalamineWorkbook

        return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    with path.open(encoding="gb18030", newline="") as handle:
        return list(csv.reader(handle))


def row_hashes(rows: list) -> list[str]:
    """Each row's text, line endings made one, hashed: what recognising unchanged orders needs at least."""
    return [hashlib.sha1("\x1f".join(str(cell).replace("\r\n", "\n") for cell in row).encode("utf-8")).hexdigest()
            for row in rows]


def written_rows(imported: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    with sqlite3.connect(imported) as connection:
        tables = {}
        for table in WRITTEN_TABLES:
            cursor = connection.execute(f"SELECT * FROM {table}")  # noqa: S608 - our own table names
            tables[table] = ([column[0] for column in cursor.description], cursor.fetchall())
    return tables


def empty_schema(target: Path) -> None:
    from core.store.opening import open_database

    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    open_database(target).dispose()


def tuned_floor(path: Path, written: dict[str, tuple[list[str], list[tuple]]], target: Path) -> int:
    """The bare read, then the import's own rows stored the plainest fast way; returns the rows read."""
    rows = bare_read(path)
    connection = sqlite3.connect(target, isolation_level=None)
    connection.execute("PRAGMA cache_size = -65536")  # 64 MB
    plain_indexes = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'"
        f" AND tbl_name IN ({', '.join('?' * len(WRITTEN_TABLES))})", WRITTEN_TABLES).fetchall()
    connection.execute("BEGIN")
    for name, _sql in plain_indexes:
        connection.execute(f'DROP INDEX "{name}"')
    for table, (columns, values) in written.items():
        marks = ", ".join("?" * len(columns))
        connection.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values)  # noqa: S608
    connection.execute(BUYER_FIGURES)
    for _name, sql in plain_indexes:
        connection.execute(sql)
    connection.execute("COMMIT")
    connection.close()
    return len(rows)


def peak_rss_mb() -> float:
    """This process's peak resident memory since it started (VmHWM: unlike ru_maxrss, not the forking parent's)."""
    status = Path("/proc/self/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith("VmHWM:")).split()[1]) / 1024


def step(name: str, path: Path, database: Path) -> dict[str, float]:
    """One measured step, run inside a process of its own."""
    if name == "floor":  # what the import wrote, and the empty schema, made ready before the clock starts
        written = written_rows(database)
        target = database.with_name(database.stem + "_floor.db")
        empty_schema(target)
    began, cpu = time.perf_counter(), time.process_time()
    refit: list[float] = []
    if name in ("import", "importer"):  # the whole command, as `main.py import FILE --db DB` runs it
        from core.cli import main as cli

        with timing_the_refit(refit), without_derived_data() if name == "importer" else nullcontext():
            if cli(["import", str(path), "--db", str(database)]) != 0:
                raise SystemExit("the import failed")
        rows = 0
    elif name == "bare":
        rows = len(bare_read(path))
    elif name == "bare+hash":
        rows = len(row_hashes(bare_read(path)))
    else:
        rows = tuned_floor(path, written, target)
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    if name in ("import", "importer"):  # the whole command's CPU, start-up included, as its time is taken from outside
        cpu = time.process_time()
    return {"seconds": round(seconds, 2), "cpu": round(cpu, 2), "rows": rows, "peak_rss_mb": round(peak_rss_mb()),
            "refit_seconds": round(sum(refit), 2)}


@contextmanager
def timing_calls(module: object, name: str, spent: list[float]):  # type: ignore[no-untyped-def]
    """While inside, the wall time of every call of `module.name` is appended to `spent`."""
    original = getattr(module, name)

    def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
        began = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - began)

    setattr(module, name, timed)
    try:
        yield
    finally:
        setattr(module, name, original)


def timing_the_refit(spent: list[float]):  # type: ignore[no-untyped-def]
    """Note the wall time of the forecast refit the command runs after the import's commit (part of the
    command's time, reported beside it)."""
    import core.refresh

    return timing_calls(core.refresh, "refit_forecast_after_import", spent)


@contextmanager
def without_derived_data():  # type: ignore[no-untyped-def]
    """While inside, an import writes its orders, lines, customers and aliases but derives nothing from them
    (no figures, stages, search keys, tiers, points or forecast): the importer's own work, comparable with an
    earlier version whose import derived less."""
    import core.importing.writer
    import core.refresh

    stubs = [(core.importing.writer, "refresh_derived", lambda *args, **kwargs: None),
             (core.refresh, "refit_forecast_after_import", lambda database: False)]
    stubs = [(module, name, stub, getattr(module, name)) for module, name, stub in stubs if hasattr(module, name)]
    for module, name, stub, _original in stubs:
        setattr(module, name, stub)
    try:
        yield
    finally:
        for module, name, _stub, original in stubs:
            setattr(module, name, original)


def measure(name: str, path: Path, database: Path) -> dict[str, float]:
    began = time.perf_counter()
    output = subprocess.run([sys.executable, __file__, "--step", name, str(path), str(database)], cwd=ROOT,
                            check=True, capture_output=True, text=True).stdout
    result = json.loads(output.strip().splitlines()[-1])
    if name in ("import", "importer"):  # the command's time from outside: start-up and exit included
        result["seconds"] = round(time.perf_counter() - began, 2)
    return result


def profile_import(path: Path, database: Path, top: int = 30) -> None:
    from core.cli import main as cli

    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    profiler = cProfile.Profile()
    profiler.runcall(cli, ["import", str(path), "--db", str(database)])
    statistics = pstats.Stats(profiler)
    for order in ("tottime", "cumulative"):
        statistics.sort_stats(order).print_stats(top)


def print_row(label: str, name: str, result: dict, rows: int, floor: dict | None, ratio_name: str) -> None:
    """Wall and CPU seconds: on a shared machine the CPU time shows the work itself when others take the cores."""
    rate = rows / result["seconds"] if result["seconds"] else 0
    ratio = (f"{result['seconds'] / floor['seconds']:.2f}× (CPU {result['cpu'] / floor['cpu']:.2f}×) {ratio_name}"
             if floor else "")
    print(f"{label:<6} {name:<22} {result['seconds']:>8.2f} {result['cpu']:>7.2f} {rate:>9,.0f} "
          f"{result['peak_rss_mb']:>6} MB  {ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--keep", type=Path, help="folder to keep (and reuse) the generated sheets in")
    parser.add_argument("--only", choices=["xlsx", "csv"])
    parser.add_argument("--profile", choices=["xlsx", "csv"], help="profile the import of this sheet instead")
    parser.add_argument("--importer-only", action="store_true",
                        help="also time the import with nothing derived from its rows (the importer's own work)")
    parser.add_argument("--step", nargs=3, metavar=("NAME", "FILE", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        name, path, database = args.step
        print(json.dumps(step(name, Path(path), Path(database))))
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="laoke-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    xlsx, gbk = write_files(args.rows, folder)
    print(f"{args.rows} orders × {COLUMNS} columns; sheets ready in {time.perf_counter() - began:.0f} s ({folder})")
    if args.profile:
        profile_import(xlsx if args.profile == "xlsx" else gbk, folder / "profiled.db")
        return
    print(f"load average {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    print(f"{'file':<6} {'step':<22} {'seconds':>8} {'CPU s':>7} {'rows/s':>9} {'peak RSS':>9}  ratio")
    for label, path in (("xlsx", xlsx), ("csv", gbk)):
        if args.only and label != args.only:
            continue
        database = folder / f"bench_{label}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        bare = measure("bare", path, database)
        imported = measure("import", path, database)
        floor = measure("floor", path, database)
        reimported = measure("import", path, database)
        hashed = measure("bare+hash", path, database)
        print_row(label, "bare read", bare, args.rows, None, "")
        print_row(label, "tuned floor", floor, args.rows, bare, "the bare read")
        print_row(label, "import (CLI)", imported, args.rows, floor, "the floor (goal ≤ 1.5×)")
        print(f"{label:<6} · of it the forecast refit after the commit {imported['refit_seconds']:.2f} s; without it "
              f"{(imported['seconds'] - imported['refit_seconds']) / floor['seconds']:.2f}× the floor")
        print_row(label, "bare read + row hashes", hashed, args.rows, bare, "the bare read")
        print_row(label, "re-import (CLI)", reimported, args.rows, hashed, "read + hashes (goal ≤ 1.5×)")
        print(f"{label:<6} peak RSS: import {imported['peak_rss_mb'] / bare['peak_rss_mb']:.2f}× the bare read's "
              f"(goal ≤ 1.3×), re-import {reimported['peak_rss_mb'] / bare['peak_rss_mb']:.2f}×")
        if args.importer_only:
            alone = database.with_name(f"{database.stem}_importer.db")
            for suffix in ("", "-wal", "-shm"):
                Path(f"{alone}{suffix}").unlink(missing_ok=True)
            print_row(label, "importer alone (CLI)", measure("importer", path, alone), args.rows, None, "")
    print(f"load average {' '.join(f'{load:.2f}' for load in os.getloadavg())}")


if __name__ == "__main__":
    main()
