"""Bundle size and start-up time of the frozen app (dist/laoke) next to the source run.

    python -m PyInstaller installer.spec && python bench/startup.py [--runs 5] [--cold]

`--cold` empties the page cache before every run (root only: /proc/sys/vm/drop_caches), as after a reboot.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "laoke"


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def drop_caches() -> None:
    subprocess.run(["sync"], check=True)
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def timed(command: list[str], environment: dict[str, str], cold: bool) -> float:
    if cold:
        drop_caches()
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=environment, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold", action="store_true")
    args = parser.parse_args()
    if not (BUNDLE / "laoke").exists():
        print("build the bundle first: python -m PyInstaller installer.spec", file=sys.stderr)
        return 1
    folder = Path(tempfile.mkdtemp(prefix="laoke-bench-"))
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", LAOKE_DB=str(folder / "shop.db"),
                       XDG_DATA_HOME=str(folder / "data"), XDG_CONFIG_HOME=str(folder / "config"))
    subprocess.run([sys.executable, "main.py", "demo", "--customers", "2000"], cwd=ROOT, env=environment,
                   check=True, stdout=subprocess.DEVNULL)
    frozen, source = [str(BUNDLE / "laoke")], [sys.executable, "main.py"]
    variants = [
        ("CLI `--version`, source", [*source, "--version"]),
        ("CLI `--version`, frozen", [*frozen, "--version"]),
        ("CLI `stats --json`, source", [*source, "stats", "--json"]),
        ("CLI `stats --json`, frozen", [*frozen, "stats", "--json"]),
        ("window `--smoke` (every page), source", [*source, "--smoke"]),
        ("window `--smoke` (every page), frozen", [*frozen, "--smoke"]),
    ]
    print(f"bundle dist/laoke: {folder_size(BUNDLE) / 2**20:.0f} MiB, "
          f"{sum(1 for path in BUNDLE.rglob('*') if path.is_file())} files")
    mode = "cold (page cache dropped before each run)" if args.cold else "warm"
    print(f"| start-up, {mode} | median of {args.runs} | min | max |")
    print("|---|---|---|---|")
    for label, command in variants:
        times = [timed(command, environment, args.cold) for _ in range(args.runs)]
        print(f"| {label} | {statistics.median(times):.2f} s | {min(times):.2f} s | {max(times):.2f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
