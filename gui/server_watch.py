"""Team mode, live: notice another rep's changes and a server that stopped answering, off the GUI thread.

On a server book a timer reads the change counter (`core.store.changes`) every few seconds in a worker.
When it moves, `changed` fires and the window refreshes what it shows; when the server cannot be reached,
`reachable` fires with False and the reason, and with True once a read succeeds again. On SQLite, where
nobody else writes the book, nothing is polled.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from gui.worker import run_in_background

if TYPE_CHECKING:
    from core.progress import CancelToken, ProgressCallback
    from core.store.db import Database
    from gui.context import AppContext

# Often enough that a rep sees a colleague's change "within a few seconds", rarely enough that ten open
# windows cost the server ten tiny reads every few seconds.
POLL_INTERVAL_MS = 3000


def read_mark(database: Database, *, progress: ProgressCallback, cancel: CancelToken) -> int | None:
    from core.store.changes import read_change_mark  # SQLAlchemy is loaded by now; not at the window's paint

    return read_change_mark(database)


class ServerWatch(QObject):
    changed = Signal()  # someone (another rep, or this window) changed the book
    reachable = Signal(bool, str)  # the server answers again / stopped answering, and why

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_INTERVAL_MS)
        self.timer.timeout.connect(self.poll)
        self.is_reachable = True
        self._mark: int | None = None
        self._once_more = False  # the mark moves just before the change commits: read once more after a move
        self._polling = False
        self._generation = 0  # which book a read in flight belongs to
        context.database_changed.connect(self.watch)
        self.watch()

    def watch(self) -> None:
        """Start polling the open book when it is a server's; the first read only learns the mark."""
        self._generation += 1
        self._mark, self._once_more = None, False
        if not self.is_reachable:
            self.is_reachable = True
            self.reachable.emit(True, "")
        if self.context.database.engine.dialect.name == "postgresql":
            self.timer.start()
            self.poll()
        else:
            self.timer.stop()

    def poll(self) -> None:
        if self._polling:
            return  # a slow server: one read at a time
        self._polling = True
        generation = self._generation
        run_in_background(read_mark, self.context.database,
                          on_success=lambda mark: self._read(generation, mark),
                          on_failure=lambda message, _details: self._failed(generation, message),
                          on_finished=self._finished)

    def _finished(self) -> None:
        self._polling = False

    def _read(self, generation: int, mark: int | None) -> None:
        if generation != self._generation:
            return
        moved = self._mark is not None and mark != self._mark
        back = not self.is_reachable
        self._mark = mark
        if back:
            self.is_reachable = True
            self.reachable.emit(True, "")
        if moved or back or self._once_more:
            self._once_more = moved
            self.changed.emit()

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation and self.is_reachable:
            self.is_reachable = False
            self.reachable.emit(False, message)
