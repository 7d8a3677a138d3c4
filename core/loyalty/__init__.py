"""Loyalty: member tiers, the points ledger (and, beside them, the rule-based tags and the buy-again forecast).

The wing reads the figures and the store and sits beside care and search; `core.refresh` calls
`core.loyalty.recompute.refresh_loyalty` after every change, so tiers and points follow every import and edit.
"""
