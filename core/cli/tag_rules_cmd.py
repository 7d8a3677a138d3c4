"""`tag-rules`: list the tag rules with the buyers each tags, add one, or apply them all now."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from core.cli.output import counted, emit, open_for
from core.errors import LaokeError
from core.loyalty.conditions import CONDITIONS
from core.messages import Message

if TYPE_CHECKING:
    from core.loyalty.tag_rules import Condition, RuleSpec


def register(subcommands, common: argparse.ArgumentParser) -> None:  # type: ignore[no-untyped-def]
    parser = subcommands.add_parser("tag-rules", parents=[common], help="rule-based tags: list, add, apply")
    parser.add_argument("--add", metavar="TAG", help="add a rule giving this tag (with one --when or more)")
    parser.add_argument("--when", action="append", default=[], metavar="KIND[=VALUE]",
                        help=f"a condition: {', '.join(CONDITIONS)}; lists as JSON, e.g. stage_is='[\"loyal\"]'")
    parser.add_argument("--any", action="store_true", help="tag when any condition holds (default: all)")
    parser.add_argument("--apply", action="store_true", help="apply every rule to the whole book now")
    parser.set_defaults(handler=run)


def parse_condition(text: str) -> Condition:
    from core.loyalty.tag_rules import Condition

    kind, _sign, value = text.partition("=")
    if CONDITIONS.get(kind) == "none" or not value:
        return Condition(kind)
    try:
        parsed: Any = json.loads(value)
    except ValueError:
        parsed = value  # plain text, e.g. product_contains=龙井
    if CONDITIONS.get(kind) == "text":
        parsed = str(parsed)
    return Condition(kind, parsed)


def described(spec: RuleSpec) -> str:
    parts = [condition.kind if condition.value is None else f"{condition.kind} {condition.value}"
             for condition in spec.conditions]
    return (" and " if spec.match_all else " or ").join(parts)


def run(args: argparse.Namespace) -> int:
    if args.add is not None and not args.when:
        raise LaokeError(Message("Give the rule's conditions with --when."))
    from core.loyalty.tag_rules import RuleSpec, apply_tag_rules, save_tag_rule, tag_rules

    database = open_for(args)
    try:
        with database.transaction() as session:
            if args.add is not None:
                save_tag_rule(session, RuleSpec(args.add, tuple(parse_condition(text) for text in args.when),
                                                match_all=not args.any))
            if args.apply:
                apply_tag_rules(session.connection())
            rules = tag_rules(session)
    finally:
        database.dispose()
    emit(args, [{"id": rule.id, "tag": rule.spec.tag, "match_all": rule.spec.match_all, "tagged": rule.tagged,
                 "conditions": [condition.to_dict() for condition in rule.spec.conditions]} for rule in rules],
         [f"#{rule.id} {rule.spec.tag}: {counted(rule.tagged, 'buyer')}, when " + described(rule.spec) for rule in rules]
         or ["No tag rules yet."])
    return 0
