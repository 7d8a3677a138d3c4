"""Pausing Python's cycle collector around work that builds millions of short-lived objects.

An import holds every cell, row dict and parsed order of a sheet at once: millions of objects that hold no
reference cycles. The collector still walks them again and again as they pile up (a quarter of a
200,000-row import's time). Reference counting frees them as usual while it is paused; cycles made
meanwhile are collected once it resumes.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

_lock = threading.Lock()
_pauses = 0  # pauses under way, in any thread: the collector is one for the whole process
_resume = False  # whether the collector was on when the first of them began

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def collector_paused() -> Iterator[None]:
    global _pauses, _resume
    with _lock:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()


def without_cycle_collection(function: Callable[P, R]) -> Callable[P, R]:
    """`function` run with the collector paused."""

    @wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with collector_paused():
            return function(*args, **kwargs)

    return run
