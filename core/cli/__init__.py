"""`python main.py <command>`: the same core as the window, for scripts and support.

Each command lives in its own module with `register(subcommands, common)`; add new ones to COMMANDS.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from core import __version__
from core.errors import LaokeError, describe_os_error
from core.logs import configure_logging

COMMANDS = (
    "core.cli.activity_cmd",
    "core.cli.backup_cmd",
    "core.cli.demo_cmd",
    "core.cli.stats_cmd",
    "core.cli.customers_cmd",
    "core.cli.export_cmd",
    "core.cli.import_cmd",
    "core.cli.care_cmd",
    "core.cli.stages_cmd",
    "core.cli.members_cmd",
    "core.cli.server_cmd",
    "core.cli.tag_rules_cmd",
    "core.cli.today_cmd",
)


def common_options(defaults: bool = True) -> argparse.ArgumentParser:
    """Options every command takes, before or after the command's name.

    A command's own copy has no defaults (`defaults=False`): argparse would otherwise set them over what was
    given before the name, and `laoke --db shop.db stats` read the default database.
    """
    common = argparse.ArgumentParser(add_help=False, argument_default=None if defaults else argparse.SUPPRESS)
    common.add_argument("--db", metavar="PATH", help="database file or URL (default: LAOKE_DB or the data folder)")
    common.add_argument("--json", action="store_true", help="print machine-readable JSON")
    common.add_argument("--owner", action="store_true",
                        help="work as the shop owner, not in rep mode: asks for the owner's passphrase (or reads "
                        "LAOKE_OWNER_PASSPHRASE)")
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="laoke",
        description="Laoke (老客): a customer book for small online shops. Without a command, opens the window.",
        parents=[common_options()],
    )
    parser.add_argument("--version", action="version", version=f"Laoke {__version__}")
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMANDS:
        importlib.import_module(module_name).register(subcommands, common_options(defaults=False))
    return parser


def run_command(args: argparse.Namespace) -> int:
    """Run the parsed command; expected failures print one clear line to stderr and exit 1."""
    # Here, not at the top: `--version` and `--help` need neither SQLAlchemy nor the database layer.
    from sqlalchemy.exc import OperationalError

    from core.store.db import describe_operational_error

    try:
        return int(args.handler(args) or 0)
    except LaokeError as error:
        print(f"laoke: {error}", file=sys.stderr)
        return 1
    except OperationalError as error:
        print(f"laoke: {describe_operational_error(error, args.db or 'in use')}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("laoke: interrupted; nothing was saved from the unfinished step.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _reader_went_away()
    except OSError as error:
        explained = describe_os_error(error)
        if explained is None:
            return _unexpected(args, error)
        print(f"laoke: {explained}", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - a bug: log the traceback, tell the user where it is
        return _unexpected(args, error)


def _reader_went_away() -> int:
    """Output piped into `head` and the like: the reader closed the pipe, which is no error of ours."""
    # Python flushes stdout again at exit; point it at devnull so that flush cannot fail and print a traceback.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 1


def _unexpected(args: argparse.Namespace, error: BaseException) -> int:
    if os.environ.get("LAOKE_DEBUG"):
        raise error  # a developer wants the traceback here, not in the log
    log_path = configure_logging()
    logging.getLogger("laoke.cli").error("command %s failed", args.command, exc_info=error)
    where = f" Details are in {log_path}." if log_path else ""
    print(f"laoke: unexpected error: {error!r}. Nothing was saved from the unfinished step.{where}", file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return 0
    return run_command(args)
