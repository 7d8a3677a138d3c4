"""Grouping helpers for sorted numpy arrays.

numpy 2's `np.unique` hashes by default, which is several times slower than a sort on the million-entry
integer arrays here (0.87 s against 0.07 s for 900k keys); when the keys are already sorted no sort is needed.
"""

from __future__ import annotations

import numpy as np


def runs(sorted_keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The distinct keys of a sorted array, where each run starts, and its length."""
    if not len(sorted_keys):
        empty = np.zeros(0, dtype=np.int64)
        return sorted_keys[:0], empty, empty
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    return sorted_keys[starts], starts, np.diff(np.r_[starts, len(sorted_keys)])


def distinct(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values (a sort, not a hash)."""
    return runs(np.sort(values))[0]
