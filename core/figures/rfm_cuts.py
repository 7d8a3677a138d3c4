"""Where the RFM quintiles of a shop fall, kept so one customer's change need not rescore every buyer.

A score is relative to every other buyer, but it is monotone in the value: each of the scores 2–5 starts at
one value (its cut). For each cut we keep the two neighbouring values of the shop (the highest scoring below
it, the lowest scoring at or above it) with how many buyers sit under and on each. When a few buyers change,
those counts shift by what was removed and added; if both neighbours still score on their side of the cut,
no buyer anywhere changed score, and only the changed buyers need scoring. Otherwise (or when a neighbour
emptied and the next value is unknown) the caller rescores the shop. Values are "higher is better": the
last paid day for R, paid orders for F, paid cents for M.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.figures.rfm import standing_scores

SCORES_WITH_CUTS = (2, 3, 4, 5)
UNBOUNDED = np.iinfo(np.int64)


@dataclass(frozen=True)
class Standing:
    """One value held by buyers: how many buyers have less, and how many have exactly it."""

    value: int
    below: int
    ties: int

    def score(self, count: int) -> int:
        return int(standing_scores(np.array([self.below]), np.array([self.ties]), count)[0])


@dataclass(frozen=True)
class Cut:
    """Around the start of one score: the value just under it and the first value on it (None: no such value)."""

    under: Standing | None
    on: Standing | None


@dataclass(frozen=True)
class QuintileCuts:
    """The cuts of one RFM dimension among `count` buyers."""

    count: int
    cuts: tuple[Cut, ...]  # for the scores 2, 3, 4 and 5

    @classmethod
    def of(cls, values: np.ndarray) -> QuintileCuts:
        """The cuts of a whole population of buyers' values."""
        distinct, ties = np.unique(np.asarray(values, dtype=np.int64), return_counts=True)
        below = np.cumsum(ties) - ties
        scores = standing_scores(below, ties, len(values)) if len(values) else np.zeros(0, dtype=np.int8)

        def standing(index: int) -> Standing | None:  # only the cuts' neighbours: a shop has many values
            if not 0 <= index < len(distinct):
                return None
            return Standing(int(distinct[index]), int(below[index]), int(ties[index]))

        cuts = []
        for score in SCORES_WITH_CUTS:
            first = int(np.searchsorted(scores, score))  # scores rise with the value
            cuts.append(Cut(standing(first - 1), standing(first)))
        return cls(len(values), tuple(cuts))

    def scores(self, values: np.ndarray) -> np.ndarray:
        """The score of each value, by the cuts."""
        scores = np.ones(len(values), dtype=np.int8)
        for cut in self.cuts:
            if cut.on is not None:
                scores += np.asarray(values) >= cut.on.value
        return scores

    def moved(self, removed: np.ndarray, added: np.ndarray) -> QuintileCuts | None:
        """The cuts after these buyers' values left and these joined, or None when a buyer who did not change
        would change score (or that cannot be told from the neighbours kept)."""
        removed, added = np.sort(np.asarray(removed, np.int64)), np.sort(np.asarray(added, np.int64))
        count = self.count - len(removed) + len(added)

        def shifted(value: int, below: int, ties: int) -> Standing:
            def under(values: np.ndarray) -> int:
                return int(np.searchsorted(values, value, side="left"))

            def on(values: np.ndarray) -> int:
                return int(np.searchsorted(values, value, side="right")) - under(values)

            return Standing(value, below - under(removed) + under(added), ties - on(removed) + on(added))

        cuts = []
        for cut in self.cuts:
            # New values between the two neighbours fall under the cut (it starts at `on`); no buyer had them,
            # so the buyers below them were those below `on`. The highest of them is the new neighbour under.
            low = cut.under.value if cut.under is not None else UNBOUNDED.min
            high = cut.on.value if cut.on is not None else UNBOUNDED.max
            gap = added[(added > low) & (added < high)]
            gap_below = cut.on.below if cut.on is not None else self.count
            under = shifted(int(gap[-1]), gap_below, 0) if len(gap) else self._kept(cut.under, shifted, count, True)
            on = self._kept(cut.on, shifted, count, False)
            if under is False or on is False:
                return None
            score = SCORES_WITH_CUTS[len(cuts)]
            if (under is not None and under.score(count) >= score) or (on is not None and on.score(count) < score):
                return None
            cuts.append(Cut(under, on))
        return QuintileCuts(count, tuple(cuts))

    @staticmethod
    def _kept(kept: Standing | None, shifted, count: int, under: bool) -> Standing | None | bool:  # type: ignore[no-untyped-def]
        """A neighbour after the change: itself while buyers remain on it, none if no buyer remains beyond it
        (below for the one under the cut, above for the one on it), and False when the next value is unknown."""
        if kept is None:
            return None
        now = shifted(kept.value, kept.below, kept.ties)
        if now.ties > 0:
            return now
        beyond = now.below if under else count - now.below
        return None if beyond == 0 else False

    def to_json(self) -> dict:
        def standing(s: Standing | None) -> list[int] | None:
            return None if s is None else [s.value, s.below, s.ties]

        return {"count": self.count, "cuts": [[standing(cut.under), standing(cut.on)] for cut in self.cuts]}

    @classmethod
    def from_json(cls, stored: dict) -> QuintileCuts:
        def standing(s: list[int] | None) -> Standing | None:
            return None if s is None else Standing(*(int(number) for number in s))

        return cls(int(stored["count"]), tuple(Cut(standing(under), standing(on)) for under, on in stored["cuts"]))
