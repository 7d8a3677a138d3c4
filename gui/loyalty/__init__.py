"""The face of core.loyalty: the Settings section for tiers and points, and the buyer's points tab."""
