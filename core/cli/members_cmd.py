"""`members`: buyers and points per member tier, one buyer's points ledger, points booked by hand, the reward
catalogue and its uses, and the forecast's holdout check on the shop's own orders."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from core.cli.output import emit, open_for
from core.errors import LaokeError
from core.messages import Message

if TYPE_CHECKING:
    from core.loyalty.holdout import HoldoutCheck
    from core.loyalty.members import Membership


def register(subcommands, common: argparse.ArgumentParser) -> None:  # type: ignore[no-untyped-def]
    parser = subcommands.add_parser("members", parents=[common],
                                    help="member tiers and points: per tier, or one buyer's ledger")
    parser.add_argument("--customer", type=int, metavar="ID", help="show this buyer's tier and points ledger")
    booking = parser.add_mutually_exclusive_group()
    booking.add_argument("--adjust", type=int, metavar="POINTS", help="add (or with a minus, take) points by hand")
    booking.add_argument("--redeem", type=int, metavar="POINTS", help="spend points on a reward")
    booking.add_argument("--use-reward", metavar="NAME", help="the buyer used this reward of the catalogue")
    parser.add_argument("--note", default="", help="why: the reason for an adjustment, the reward redeemed")
    parser.add_argument("--order", default="", metavar="NUMBER", help="the order a spend reward came with")
    parser.add_argument("--rewards", action="store_true", help="the reward catalogue and how often each was used")
    parser.add_argument("--forecast-check", action="store_true",
                        help="fit the forecast on the earlier orders and compare it with what buyers bought after")
    parser.add_argument("--recompute", action="store_true", help="recompute everyone's points and tier first")
    parser.set_defaults(handler=run)


def ledger_json(member: Membership) -> dict[str, Any]:
    return {"id": member.customer_id, "name": member.name, "tier": member.tier, "tier_since": member.tier_since,
            "points": member.points,
            "ledger": [{"on": line.booked_on, "kind": line.kind, "points": line.points, "balance": line.balance,
                        "order": line.order_number, "expires_on": line.expires_on, "note": line.note}
                       for line in member.ledger]}


def ledger_lines(member: Membership) -> list[str]:
    lines = [f"{member.name} (#{member.customer_id}): {member.tier or 'no tier'}, {member.points:,} points"]
    lines += [f"  {line.booked_on}  {line.kind:<10} {line.points:>+8,} = {line.balance:>8,}  "
              f"{line.order_number or ''} {line.note or ''}".rstrip() for line in member.ledger]
    return lines


def check_lines(check: HoldoutCheck) -> list[str]:
    lines = [f"fitted on the orders up to {check.calibration_end}, compared up to {check.holdout_end}"]
    if not check.fitted:
        return [*lines, f"only {check.repeat_buyers} buyers came back before then: too few to fit"]
    lines.append("repeats  buyers  actual  predicted")
    return lines + [f"{'all' if group.repeats is None else group.repeats:>7} {group.buyers:7,} {group.actual:7.2f} "
                    f"{group.predicted:10.2f}" for group in check.groups]


def run(args: argparse.Namespace) -> int:
    from core.loyalty.holdout import holdout_check
    from core.loyalty.members import book_and_refresh, membership, reward_and_refresh, tier_counts
    from core.loyalty.recompute import refresh_loyalty
    from core.loyalty.rewards import load_rewards, reward_uses

    booking = args.adjust if args.adjust is not None else args.redeem
    if (booking is not None or args.use_reward) and args.customer is None:
        raise LaokeError(Message("Name the buyer with --customer ID to book points."))
    database = open_for(args)
    try:
        with database.transaction() as session:
            if args.recompute:
                refresh_loyalty(session.connection())
            if args.forecast_check:
                check = holdout_check(session.connection())
                emit(args, vars(check) | {"groups": [vars(group) for group in check.groups]}, check_lines(check))
                return 0
            if args.rewards:
                uses = reward_uses(session)
                rewards = [reward.to_dict() | {"used": uses.get(reward.name, 0)}
                           for reward in load_rewards(session.connection())]
                emit(args, rewards, [f"{reward['name']:<16} used {reward['used']:>6,} times" for reward in rewards])
                return 0
            if args.use_reward:
                member = reward_and_refresh(session, args.customer, args.use_reward, args.order)
            elif booking is not None:
                member = book_and_refresh(session, args.customer, booking, args.note,
                                          redemption=args.redeem is not None)
            elif args.customer is not None:
                member = membership(session, args.customer)
            else:
                counts = tier_counts(session)
                emit(args, [vars(count) for count in counts],
                     [f"{count.tier or '(no tier)':<12} from {count.threshold if count.threshold is not None else '-':>7}"
                      f"  {count.buyers:>8,} customers  {count.points:>10,} points" for count in counts])
                return 0
    finally:
        database.dispose()
    if member is None:
        raise LaokeError(Message("There is no customer #{customer_id}.", customer_id=args.customer))
    emit(args, ledger_json(member), ledger_lines(member))
    return 0
