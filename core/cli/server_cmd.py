"""`server init URL [--from FILE]` and `server add-rep URL NAME`: team mode on one PostgreSQL server."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING

from core.cli.output import emit, terminal_progress
from core.errors import LaokeError
from core.messages import Message

if TYPE_CHECKING:
    from sqlalchemy import Engine

PASSWORD_VARIABLE = "LAOKE_REP_PASSWORD"


def register(subcommands, common: argparse.ArgumentParser) -> None:  # type: ignore[no-untyped-def]
    server = subcommands.add_parser("server", help="team mode: set up a PostgreSQL server for the owner and reps")
    actions = server.add_subparsers(dest="server_action", required=True, metavar="ACTION")
    init = actions.add_parser("init", parents=[common], help="create the roles and the schema (and move a book)")
    init.add_argument("url", metavar="URL", help="postgresql+psycopg://owner@host/laoke, as a role that may "
                                                 "create roles")
    init.add_argument("--from", dest="source", metavar="FILE", help="copy this laptop book onto the server")
    init.set_defaults(handler=run_init)
    rep = actions.add_parser("add-rep", parents=[common], help="a login for one rep, in the rep group")
    rep.add_argument("url", metavar="URL")
    rep.add_argument("name", metavar="NAME", help="the rep's login name (recorded on their notes and tasks)")
    rep.set_defaults(handler=run_add_rep)
    login = actions.add_parser("login", parents=[common], help="keep this login's password on this computer")
    login.add_argument("url", metavar="URL", help="postgresql+psycopg://name@host/laoke, without the password")
    login.set_defaults(handler=run_login)


def _server_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    if make_url(url).get_backend_name() != "postgresql":
        raise LaokeError(Message("{url} is not a PostgreSQL URL (postgresql+psycopg://user@host/name).", url=url))
    return url


def run_init(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    from core.store.db import make_engine
    from core.store.migrate import ensure_current
    from core.store.opening import open_database
    from core.store.server import OWNER_ROLE, REP_ROLE, copy_book, create_roles, grant_privileges, row_counts

    url = _server_url(args.url)
    source = open_database(args.source) if args.source else None
    engine = make_engine(url)
    try:
        if source is not None and _holds_a_shop(engine):
            raise LaokeError(Message("{url} already holds a shop: --from needs an empty database.",
                                     url=make_url(url).render_as_string(hide_password=True)))
        ensure_current(url, None)
        with engine.begin() as connection:
            create_roles(connection)
            grant_privileges(connection)
            copied = copy_book(source.engine, connection, terminal_progress("Copying")) if source else None
            if source is not None:
                with source.engine.connect() as reading:
                    expected = row_counts(reading)
                if row_counts(connection) != expected:  # rolls the copy back: the server stays empty
                    raise LaokeError(Message("The copy does not match {file}: nothing was moved.",
                                             file=args.source))
    finally:
        engine.dispose()
        if source is not None:
            source.dispose()
    data = {"roles": [OWNER_ROLE, REP_ROLE], "copied": copied}
    lines = [f"The server is ready: roles {OWNER_ROLE} and {REP_ROLE}, schema at the current version."]
    if copied is not None:
        lines.append(f"Copied {args.source}: " + ", ".join(f"{count:,} {table}" for table, count in copied.items()
                                                            if count))
    lines.append("Add each rep with: main.py server add-rep URL NAME")
    emit(args, data, lines)
    return 0


def _holds_a_shop(engine: Engine) -> bool:
    from sqlalchemy import inspect

    from core.store.server import row_counts

    with engine.connect() as connection:
        return "customers" in inspect(connection).get_table_names() and any(row_counts(connection).values())


def run_add_rep(args: argparse.Namespace) -> int:
    from core.store.db import make_engine
    from core.store.server import add_rep

    url = _server_url(args.url)
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is None and sys.stdin.isatty():
        password = getpass.getpass(f"Password for {args.name}: ") or None
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            add_rep(connection, args.name, password)
    finally:
        engine.dispose()
    lines = [f"{args.name} can log in as a rep: postgresql+psycopg://{args.name}@HOST/DATABASE "
             "(the password goes in the rep's ~/.pgpass, never in Laoke's settings)."]
    if password is None:  # a role without a password cannot log in over the network: say so, not "can log in"
        lines = [f"{args.name} is a rep but has no password yet, so cannot log in: run this again at a terminal "
                 f"(it asks) or with {PASSWORD_VARIABLE} set."]
    emit(args, {"rep": args.name, "password": password is not None}, lines)
    return 0


def run_login(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    from core.store.passwords import remember_password

    url = make_url(_server_url(args.url))
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is None:
        password = getpass.getpass(f"Password for {url.username}: ")
    where = remember_password(url, password)
    emit(args, {"login": url.username, "kept_in": where},
         [f"The password for {url.username} is kept in {where}; open Laoke with --db {args.url}"])
    return 0
