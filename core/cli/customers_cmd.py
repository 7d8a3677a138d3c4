"""`customers`: list or search the customer book."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from core.cli.output import emit, open_for

if TYPE_CHECKING:
    from core.customers.listing import CustomerFilter, CustomerRow


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--search", metavar="TEXT", default="",
                        help="account, name, nickname, phone, order number, pinyin… (best match first)")
    parser.add_argument("--tag", action="append", default=[], metavar="T", help="has this tag (repeatable: all of them)")
    parser.add_argument("--stage", action="append", default=[], metavar="S", help="in this lifecycle stage")
    parser.add_argument("--without-tag", action="append", default=[], metavar="T",
                        help="has none of these tags (repeatable)")
    parser.add_argument("--tier", action="append", default=[], metavar="NAME",
                        help="holds this member tier (repeatable: any of them)")
    parser.add_argument("--birthday-within", type=int, default=None, metavar="DAYS",
                        help="solar or lunar birthday from today to DAYS days on")
    parser.add_argument("--shop", action="append", default=[], metavar="NAME",
                        help="has an order in this of your shops (repeatable: any of them)")


def filter_from(args: argparse.Namespace) -> CustomerFilter:
    from core.customers.listing import CustomerFilter

    return CustomerFilter(search=args.search, tags_all=list(args.tag), stages=list(args.stage),
                          birthday_within_days=args.birthday_within, tiers=list(args.tier),
                          tags_none=list(args.without_tag), shops=list(args.shop))


def register(subcommands, common: argparse.ArgumentParser) -> None:  # type: ignore[no-untyped-def]
    parser = subcommands.add_parser("customers", parents=[common], help="list or search customers")
    add_filter_options(parser)
    parser.add_argument("--limit", type=int, default=50, metavar="N", help="at most N customers (default 50)")
    parser.set_defaults(handler=run)


def as_json(row: CustomerRow) -> dict[str, Any]:
    return {
        "id": row.id, "name": row.name, "nickname": row.nickname, "platform": row.platform, "accounts": row.accounts,
        "phones": [phone for phone in (row.phone, row.phone_alt) if phone],
        "tags": [name for name, _color in row.tags], "stage": row.stage, "paid_orders": row.paid_orders,
        "total_spent": row.total_spent, "last_order": row.last_order_at,
        "r": row.r_score, "f": row.f_score, "m": row.m_score, "rfm_segment": row.rfm_segment,
        "overdue": row.overdue, "member_tier": row.member_tier, "points": row.points,
        "median_gap_days": row.median_gap_days, "p_alive": row.p_alive, "expected_90d": row.expected_90d,
        "next_order_value": row.next_order_value, "next_order": row.next_order_on,
    }


def run(args: argparse.Namespace) -> int:
    from core.customers.finding import find_customer_ids
    from core.customers.listing import customer_rows
    from core.safety.privacy import rep_mode_enabled

    database = open_for(args, read_only=False)
    try:
        ids = find_customer_ids(database, filter_from(args), limit=max(args.limit, 0))  # a rep's by phone: logged
        with database.session() as session:
            rows = customer_rows(session, ids, masked=rep_mode_enabled(session))
    finally:
        database.dispose()
    emit(
        args,
        [as_json(row) for row in rows],
        ["  ".join([f"{row.id:>7}", row.display_name, " / ".join(row.accounts), row.phone or "", row.stage,
                    f"¥{row.total_spent}"]) for row in rows]
        or ["No customers match."],  # a person reads silence as a hang or an error
    )
    return 0
