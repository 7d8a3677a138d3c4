"""What a tag rule can ask: kept apart from the rules' SQL, so the command line lists it without SQLAlchemy."""

from __future__ import annotations

# What a rule can ask, and the kind of value each takes.
CONDITIONS: dict[str, str] = {
    "product_contains": "text",  # bought a product whose title contains this text
    "spent_at_least": "number",  # cumulative net spend, yuan
    "orders_at_least": "number",  # paid orders
    "stage_is": "choices",
    "tier_is": "choices",
    "city_is": "choices",
    "province_is": "choices",
    "platform_is": "choices",
    "ordered_within_days": "number",  # last paid order at most N days ago
    "not_ordered_within_days": "number",
    "has_birthday": "none",
}
