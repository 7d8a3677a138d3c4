"""Import speed on a big order sheet, next to the fastest bare read of the same file.

    python bench/import_bench.py [--rows 200000] [--keep DIR]

Generates a Taobao order list (the first 25 columns of ExportOrderList: 19-digit ids written as ="…",
phones with a leading apostrophe, Chinese names, addresses and titles; ~0.4 buyers per order) as xlsx and
as GB18030 CSV, then for each file measures, each in its own process so peak memory is its own:
the bare read (python-calamine for xlsx, the csv module for CSV), the import into a fresh database, and
re-importing the same file. Prints seconds, rows/s and peak RSS.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕"
PLACES = [("浙江省", "杭州市", "西湖区"), ("广东省", "深圳市", "南山区"), ("江苏省", "南京市", "建邺区"),
          ("上海", "上海市", "浦东新区"), ("北京", "北京市", "朝阳区"), ("四川省", "成都市", "武侯区")]
PRODUCTS = ["明前龙井茶 250g 礼盒装", "福鼎白茶饼 357g", "云南普洱熟茶 七子饼", "正山小种红茶 罐装", "安溪铁观音 浓香型",
            "碧螺春 新茶 明前特级", "茶具套装 家用 陶瓷", "桂花乌龙 三角茶包 20袋"]
STATUSES = ["交易成功"] * 8 + ["卖家已发货，等待买家确认", "买家已付款，等待卖家发货", "交易关闭", "等待买家付款"]
COLUMNS = 25


def generate_rows(count: int, seed: int = 7):  # type: ignore[no-untyped-def]
    from core.importing.layouts import LAYOUT_HEADERS

    headers = list(LAYOUT_HEADERS["taobao_tmall.orderlist_csv_legacy"][:COLUMNS])
    rng = random.Random(seed)
    buyers = []
    for number in range(max(count * 2 // 5, 1)):
        province, city, district = rng.choice(PLACES)
        name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice([1, 2])))
        buyers.append((f"tb{number:07d}{rng.choice(GIVEN)}", name, f"1{rng.randint(3, 9)}{rng.randint(10**8, 10**9 - 1)}",
                       f"{province} {city} {district} 文{rng.randint(1, 999)}路{rng.randint(1, 200)}号{rng.randint(1, 30)}幢"))
    start = datetime(2024, 1, 1)
    yield headers
    for number in range(count):
        buyer_key, name, phone, address = rng.choice(buyers)
        created = start + timedelta(minutes=rng.randint(0, 900_000))
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


def step(name: str, path: Path, database: Path) -> dict[str, float]:
    """One measured step, run inside its own process."""
    began = time.perf_counter()
    if name == "bare-xlsx":
        from python_calamine import CalamineWorkbook

        rows = len(CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python())
    elif name == "bare-csv":
        with path.open(encoding="gb18030", newline="") as handle:
            rows = sum(1 for _row in csv.reader(handle))
    else:
        from core.importing import commit_imports, prepare_import
        from core.store.opening import open_database

        db = open_database(database)
        prepared = prepare_import(path)
        [summary] = commit_imports(db, [prepared])
        rows = summary.rows_read
        db.dispose()
    seconds = time.perf_counter() - began
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": round(seconds, 2), "rows": rows, "peak_rss_mb": round(peak_mb)}


def measure(name: str, path: Path, database: Path) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, __file__, "--step", name, str(path), str(database)], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--keep", type=Path, help="folder to keep (and reuse) the generated sheets in")
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
    print(f"{'file':<6} {'step':<10} {'seconds':>8} {'rows/s':>9} {'× bare':>7} {'peak RSS':>9}")
    for label, path, bare in (("xlsx", xlsx, "bare-xlsx"), ("csv", gbk, "bare-csv")):
        database = folder / f"bench_{label}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        baseline = measure(bare, path, database)
        for name, result in (("bare read", baseline), ("import", measure("import", path, database)),
                             ("re-import", measure("import", path, database))):
            rate = args.rows / result["seconds"] if result["seconds"] else 0
            ratio = result["seconds"] / baseline["seconds"] if baseline["seconds"] else 0
            print(f"{label:<6} {name:<10} {result['seconds']:>8.2f} {rate:>9,.0f} {ratio:>7.2f} {result['peak_rss_mb']:>6} MB")


if __name__ == "__main__":
    main()
