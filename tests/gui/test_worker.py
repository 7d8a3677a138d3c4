"""Background work: results reach the caller, and a failure nobody handles is still shown, never dropped."""

from __future__ import annotations

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
