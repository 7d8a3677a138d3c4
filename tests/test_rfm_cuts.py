"""The kept RFM cuts say exactly when one buyer's change leaves every other buyer's score alone."""

from __future__ import annotations

import numpy as np
import pytest

from core.figures.rfm import quintile_scores
from core.figures.rfm_cuts import QuintileCuts


@pytest.mark.parametrize("seed", range(40))
def test_moved_cuts_equal_the_cuts_of_the_changed_shop(seed: int) -> None:
    rng = np.random.default_rng(seed)
    size = int(rng.integers(1, 60))
    spread = int(rng.integers(1, 12))  # few distinct values: many ties
    values = rng.integers(0, spread, size)
    cuts = QuintileCuts.of(values)
    assert cuts.scores(values).tolist() == quintile_scores(values).tolist()
    kept_count = 0
    for _ in range(30):
        leaving = rng.choice(len(values), min(len(values), int(rng.integers(0, 3))), replace=False)
        joining = rng.integers(-1, spread + 1, int(rng.integers(0, 3)))
        changed = np.concatenate([np.delete(values, leaving), joining])
        moved = cuts.moved(values[leaving], joining)
        if moved is None or not len(changed):
            continue
        kept_count += 1
        assert moved == QuintileCuts.of(changed)
        assert moved.scores(changed).tolist() == quintile_scores(changed).tolist()
    assert kept_count  # the cheap path is taken at all


def test_a_change_that_shifts_the_quintiles_is_refused() -> None:
    values = np.arange(1, 11)
    cuts = QuintileCuts.of(values)
    assert cuts.moved(np.array([1]), np.array([11])) is None  # everyone moves down a rank
    assert cuts.moved(np.array([4]), np.array([4])) == cuts  # nothing changed


def test_cuts_survive_their_json() -> None:
    cuts = QuintileCuts.of(np.array([1, 1, 2, 5, 9, 9, 9]))
    assert QuintileCuts.from_json(cuts.to_json()) == cuts
