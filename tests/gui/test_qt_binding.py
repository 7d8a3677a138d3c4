"""The Qt binding itself, where a release broke what the app relies on."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLineEdit


def test_calling_qt_leaves_pythons_none_alone(qapp) -> None:  # type: ignore[no-untyped-def]
    # PySide6 6.12.0 on Python 3.11 dropped a reference to None on each call of a method returning nothing; a
    # working day of clicks and typing ends with "Fatal Python error: none_dealloc" (the full test run did,
    # now and then). Python 3.12+ keeps None immortal, where the count does not move at all.
    edit = QLineEdit()
    # Widgets earlier tests left for deletion, and garbage the collector would free mid-loop, let go of their
    # own references to None: in a full run that moved the count by hundreds with a sound binding.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    gc.disable()
    try:
        before = sys.getrefcount(None)
        for _ in range(1000):
            edit.setText("老客")
        moved = sys.getrefcount(None) - before
    finally:
        gc.enable()
    assert moved > -100
