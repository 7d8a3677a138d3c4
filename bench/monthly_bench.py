"""A month's import into a grown shop, beside the same import into an empty book.

    python bench/monthly_bench.py [--book-rows 200000] [--month-rows 5000] [--keep DIR]

The shop: import_bench's Taobao order list of `--book-rows` orders (~73,500 buyers at 200,000), imported once
into a book kept in `--keep`. The month: `--month-rows` new orders of the last 30 days, four in five from the
shop's own buyers and one in five from new ones. Each measurement runs in a process of its own and times the
CLI command in-process (`core.cli.main(["import", ...])`, the interpreter's start-up left out):

- into an empty book;
- into a copy of the shop unchanged since its last automatic copy (what the previous import left; no copy is
  due, so none is made);
- into a copy of the shop written since its last copy: the automatic copy before the import is due, and its
  time is printed on its own.

Prints seconds, the forecast refit's share (it runs after the commit when one is due) and the ratio the goal
is stated in (≤ 1.3× the empty book's time for the unchanged shop).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from import_bench import generate_rows, timing_calls, timing_the_refit  # noqa: E402

MONTH_MINUTES = 30 * 24 * 60


def write_csv(path: Path, rows) -> Path:  # type: ignore[no-untyped-def]
    if not path.exists():
        with path.open("w", encoding="gb18030", newline="") as handle:
            csv.writer(handle).writerows(rows)
    return path


def write_month(book_rows: int, month_rows: int, folder: Path) -> Path:
    """The month's sheet: the shop's buyers (the same seed draws them) and a quarter as many new ones."""
    start = datetime.combine(date.today() - timedelta(days=31), datetime.min.time())
    return write_csv(folder / f"month_{month_rows}_of_{book_rows}.csv",
                     generate_rows(month_rows, seed=7, buyers_of=book_rows, new_buyers=book_rows * 2 // 5 // 4,
                                   first_order=book_rows, start=start, minutes=MONTH_MINUTES))


def remove_book(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(path.parent / "backups", ignore_errors=True)


def build_shop(sheet: Path, book: Path) -> float:
    """The grown shop, imported once (kept for the next run); returns the seconds it took, 0 when kept."""
    if book.exists():
        return 0.0
    began = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(sheet), "--db", str(book)], cwd=ROOT,
                   check=True, capture_output=True)
    return time.perf_counter() - began


def trial_copy(book: Path, folder: Path, name: str, copied_since: bool) -> Path:
    """A copy of the shop in a folder of its own; with `copied_since` its automatic copy is taken as well, as
    the last import's would have been, so the book counts as unchanged since."""
    from core.importing import IMPORT_BACKUP_REASON
    from core.store.backup import rolling_backup

    target = folder / name / book.name
    if target.parent.exists():
        shutil.rmtree(target.parent)
    target.parent.mkdir(parents=True)
    shutil.copy(book, target)
    if copied_since:
        rolling_backup(target, IMPORT_BACKUP_REASON)
    return target


def step(sheet: Path, book: Path) -> dict[str, float]:
    """The month imported into `book` by the CLI command, timed in this process."""
    import core.importing
    from core.cli import main as cli

    refit: list[float] = []
    copy: list[float] = []
    began = time.perf_counter()
    with timing_the_refit(refit), timing_calls(core.importing, "_back_up_before_import", copy):
        if cli(["import", str(sheet), "--db", str(book)]) != 0:
            raise SystemExit("the import failed")
    return {"seconds": round(time.perf_counter() - began, 2), "refit_seconds": round(sum(refit), 2),
            "copy_seconds": round(sum(copy), 2)}


def measure(sheet: Path, book: Path) -> dict[str, float]:
    output = subprocess.run([sys.executable, __file__, "--step", str(sheet), str(book)], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--book-rows", type=int, default=200_000)
    parser.add_argument("--month-rows", type=int, default=5_000)
    parser.add_argument("--keep", type=Path, help="folder to keep (and reuse) the sheets and the grown shop in")
    parser.add_argument("--step", nargs=2, metavar=("SHEET", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        print(json.dumps(step(Path(args.step[0]), Path(args.step[1]))))
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="laoke-monthly-"))
    folder.mkdir(parents=True, exist_ok=True)
    shop_sheet = write_csv(folder / f"orders_{args.book_rows}.csv", generate_rows(args.book_rows))  # import_bench's
    month = write_month(args.book_rows, args.month_rows, folder)
    book = folder / "shop" / f"shop_{args.book_rows}.db"
    book.parent.mkdir(exist_ok=True)
    built = build_shop(shop_sheet, book)
    how = f"built in {built:.0f} s" if built else "kept"
    print(f"shop of {args.book_rows:,} orders {how} ({book}); a month of {args.month_rows:,} orders")
    print(f"load average {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    empty = folder / "empty" / "empty.db"
    empty.parent.mkdir(exist_ok=True)
    remove_book(empty)
    results = {"into an empty book": measure(month, empty)}
    for label, copied_since in (("into the shop, copied since", True), ("into the shop, written since", False)):
        results[label] = measure(month, trial_copy(book, folder, label.split(", ")[1].replace(" ", "_"), copied_since))
    base = results["into an empty book"]
    print(f"{'step':<30} {'seconds':>8} {'copy':>6} {'refit':>6}  ratio")
    for label, result in results.items():
        ratio = (f"{result['seconds'] / base['seconds']:.2f}× the empty book's, "
                 f"{(result['seconds'] - result['refit_seconds']) / (base['seconds'] - base['refit_seconds']):.2f}× "
                 "without the refits")
        if "copied since" in label:
            ratio += " (goal ≤ 1.3×)"
        print(f"{label:<30} {result['seconds']:>8.2f} {result['copy_seconds']:>6.2f} {result['refit_seconds']:>6.2f}  "
              f"{ratio}")
    print(f"load average {' '.join(f'{load:.2f}' for load in os.getloadavg())}")


if __name__ == "__main__":
    main()
