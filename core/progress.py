"""How long work reports progress and learns it was cancelled, without knowing who is watching."""

from __future__ import annotations

import threading
from collections.abc import Callable

ProgressCallback = Callable[[int, int], None]
"""Called with (done, total); total is 0 while unknown."""


class Cancelled(Exception):
    """Raised inside long work when the user pressed Cancel; the work rolls back."""


class CancelToken:
    """A flag the GUI sets and the worker polls between chunks of work."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()


def part_of(progress: ProgressCallback, start: int, size: int, total: int) -> ProgressCallback:
    """A callback for one part of longer work: its own (done, steps) fill `size` of a bar of `total`,
    from `start` on.
    """

    def report(done: int, steps: int) -> None:
        progress(start + done * size // max(steps, 1), total)

    return report


def no_progress(done: int, total: int) -> None:
    """The progress callback for callers that do not watch."""
