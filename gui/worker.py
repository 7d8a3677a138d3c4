"""Run a `core` function off the GUI thread; hear about progress, the result or the failure by signals.

The function is called with `progress=` and `cancel=` keyword arguments (see core.progress) and must not
touch widgets. Callbacks run on the GUI thread.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QApplication

from core.errors import LaokeError, describe_os_error
from core.progress import Cancelled, CancelToken
from gui.core_text import core_text

log = logging.getLogger(__name__)
_running: set[BackgroundTask] = set()
_failure_dialogs: set[QObject] = set()


class TaskSignals(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str, str)  # a message for the user, and technical details for "copy details"
    cancelled = Signal()
    finished = Signal()


class BackgroundTask(QRunnable):
    def __init__(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = TaskSignals()
        self.cancel_token = CancelToken()
        self._call = (function, args, kwargs)

    def cancel(self) -> None:
        self.cancel_token.cancel()

    def run(self) -> None:
        function, args, kwargs = self._call
        try:
            result = function(*args, progress=self.signals.progress.emit, cancel=self.cancel_token, **kwargs)
        except Cancelled:
            self.signals.cancelled.emit()
        except LaokeError as error:
            self.signals.failed.emit(core_text(error), error.details)
        except Exception as error:  # noqa: BLE001 - a worker must report every failure, never die silently
            log.exception("background task %s failed", getattr(function, "__name__", function))
            # Here, not at the top: the window's frame paints before SQLAlchemy loads.
            from sqlalchemy.exc import OperationalError

            from core.store.db import describe_operational_error

            if isinstance(error, OperationalError):
                message = core_text(describe_operational_error(error, "in use"))
            else:
                described = isinstance(error, OSError) and describe_os_error(error)
                message = core_text(described) if described else f"Unexpected error: {error}"
            self.signals.failed.emit(message, traceback.format_exc())
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()


def _owners(callback: Callable[..., Any]) -> list[QObject]:
    """The Qt objects a callback acts on: a bound method's object, or those a lambda closes over (most
    callbacks are `lambda result: self.something(generation, result)`)."""
    owner = getattr(callback, "__self__", None)
    if owner is not None:
        return [owner] if isinstance(owner, QObject) else []
    found = []
    for cell in getattr(callback, "__closure__", None) or ():
        try:
            value = cell.cell_contents
        except ValueError:  # a name the lambda's scope had not bound yet
            continue
        if isinstance(value, QObject):
            found.append(value)
    return found


class _Relay(QObject):
    """Lives on the GUI thread, so the task's signals reach the callbacks there (queued)."""

    def __init__(self, task: BackgroundTask, callbacks: dict[str, Callable[..., Any] | None]) -> None:
        super().__init__()
        self._task = task
        self._callbacks = callbacks
        task.signals.progress.connect(self.on_progress)
        task.signals.succeeded.connect(self.on_succeeded)
        task.signals.failed.connect(self.on_failed)
        task.signals.cancelled.connect(self.on_cancelled)
        task.signals.finished.connect(self.on_finished)

    def _call(self, name: str, *args: Any) -> None:
        callback = self._callbacks.get(name)
        if callback is None or any(not shiboken6.isValid(owner) for owner in _owners(callback)):
            return  # the widget that asked was closed while the task ran
        callback(*args)

    @Slot(int, int)
    def on_progress(self, done: int, total: int) -> None:
        self._call("progress", done, total)

    @Slot(object)
    def on_succeeded(self, result: object) -> None:
        self._call("success", result)

    @Slot(str, str)
    def on_failed(self, message: str, details: str) -> None:
        self._call("failure", message, details)

    @Slot()
    def on_cancelled(self) -> None:
        self._call("cancelled")

    @Slot()
    def on_finished(self) -> None:
        _running.discard(self._task)
        self._call("finished")


def report_failure(message: str, details: str) -> None:
    """What a failure does when the caller gave no `on_failure`: say it, with "Copy details", never drop it."""
    from gui.safety.errors import show_error

    title = QCoreApplication.translate("BackgroundTask", "Laoke could not finish")
    dialog = show_error(QApplication.activeWindow(), title, message, details)
    # Without a parent window nothing else holds the dialog: keep it alive until it is closed.
    _failure_dialogs.add(dialog)
    dialog.finished.connect(lambda _result: _failure_dialogs.discard(dialog))


def run_in_background(
    function: Callable[..., Any],
    *args: Any,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[str, str], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    on_finished: Callable[[], None] | None = None,
    **kwargs: Any,
) -> BackgroundTask:
    task = BackgroundTask(function, *args, **kwargs)
    task.relay = _Relay(  # type: ignore[attr-defined]
        task,
        {"success": on_success, "failure": on_failure or report_failure, "progress": on_progress,
         "cancelled": on_cancelled, "finished": on_finished},
    )
    _running.add(task)
    QThreadPool.globalInstance().start(task)
    return task


def wait_for_background_tasks(timeout_ms: int = 30000) -> bool:
    """Block until running tasks end: for shutdown and tests."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
