"""A read nobody waits for any more stops where it is (SQLite), and a finished one leaves its connection as
it found it."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import text

from core.progress import Cancelled, CancelToken
from core.store.interrupt import interruptible

# Counting to fifty million takes SQLite seconds: long enough to be stopped in the middle.
LONG = text("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000000) SELECT max(i) FROM n")


def test_a_cancelled_read_stops_in_the_middle(database) -> None:  # type: ignore[no-untyped-def]
    cancel = CancelToken()
    threading.Timer(0.05, cancel.cancel).start()
    started = time.perf_counter()
    with pytest.raises(Cancelled), database.session() as session, interruptible(session, cancel):
        session.execute(LONG)
    assert time.perf_counter() - started < 1.0


def test_a_read_left_alone_answers_and_the_connection_stays_usable(database) -> None:  # type: ignore[no-untyped-def]
    cancel = CancelToken()
    with database.session() as session:
        with interruptible(session, cancel):
            assert session.scalar(text("SELECT 41 + 1")) == 42
        cancel.cancel()  # after the block: nothing is stopped any more
        assert session.scalar(text("SELECT 2")) == 2
