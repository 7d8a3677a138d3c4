"""Laoke's entry point: `python main.py` opens the window; `python main.py COMMAND` runs the CLI."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from core.cli import build_parser, run_command


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="interface language (default: the system's)")
    parser.add_argument("--demo", action="store_true", help="open the demo shop, creating it on first use")
    parser.add_argument("--smoke", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.command is not None:
        return run_command(args)
    from gui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
