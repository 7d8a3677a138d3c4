"""Background work: results reach the caller, and a failure nobody handles is still shown, never dropped."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QApplication

from core.errors import LaokeError
from gui.safety.errors import ErrorDialog
from gui.worker import run_in_background, wait_for_background_tasks


def _answer(progress, cancel):  # type: ignore[no-untyped-def]
    return 42


def _refuse(progress, cancel):  # type: ignore[no-untyped-def]
    raise LaokeError("The sheet shop.csv is not an order sheet.")


def _crash(progress, cancel):  # type: ignore[no-untyped-def]
    raise ZeroDivisionError("division by zero")


def _open_error_dialogs() -> list[ErrorDialog]:
    return [widget for widget in QApplication.topLevelWidgets() if isinstance(widget, ErrorDialog) and widget.isVisible()]


def test_a_result_reaches_the_callback(qtbot) -> None:  # type: ignore[no-untyped-def]
    results = []
    run_in_background(_answer, on_success=results.append)
    qtbot.waitUntil(lambda: results == [42], timeout=5000)


def test_an_unhandled_expected_failure_is_shown_in_words(qtbot) -> None:  # type: ignore[no-untyped-def]
    run_in_background(_refuse)
    qtbot.waitUntil(lambda: bool(_open_error_dialogs()), timeout=5000)
    dialog = _open_error_dialogs()[0]
    assert "shop.csv is not an order sheet" in dialog.text()
    assert dialog.copy_button is None  # nothing technical to copy for an expected failure
    dialog.close()


def test_an_unhandled_crash_is_shown_with_copyable_details(qtbot) -> None:  # type: ignore[no-untyped-def]
    run_in_background(_crash)
    qtbot.waitUntil(lambda: bool(_open_error_dialogs()), timeout=5000)
    dialog = _open_error_dialogs()[0]
    assert "division by zero" in dialog.text()
    dialog.copy_button.click()
    assert "ZeroDivisionError" in QApplication.clipboard().text()
    dialog.close()
    wait_for_background_tasks()


def test_a_result_for_a_closed_widget_is_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A list closed while its read ran: the callback, a lambda over the closed widget, is not called (it
    would emit on a deleted object: "Signal source has been deleted")."""
    import threading

    from PySide6.QtWidgets import QLabel

    started, release = threading.Event(), threading.Event()

    def _slow(progress, cancel):  # type: ignore[no-untyped-def]
        started.set()
        release.wait(5)
        return "read"

    label, still_open = QLabel(), QLabel()
    run_in_background(_slow, on_success=lambda text: label.setText(text))
    run_in_background(_answer, on_success=lambda number: still_open.setText(str(number)))
    started.wait(5)
    label.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(label), timeout=5000)
    release.set()
    assert wait_for_background_tasks()
    QApplication.processEvents()  # the queued results arrive: the closed label's is dropped without an error
    assert still_open.text() == "42"
