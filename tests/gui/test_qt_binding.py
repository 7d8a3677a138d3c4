"""The Qt binding itself, where a release broke what the app relies on."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLineEdit


def test_calling_qt_leaves_pythons_none_alone(qapp) -> None:  # type: ignore[no-untyped-def]
    # PySide6 6.12.0 on Python 3.11 dropped a reference to None on each call of a method returning nothing; a
    # working day of clicks and typing ends with "Fatal Python error: none_dealloc" (the full test run did,
    # now and then). Python 3.12+ keeps None immortal, where the count does not move at all.
    edit = QLineEdit()
    before = sys.getrefcount(None)
    for _ in range(1000):
        edit.setText("老客")
        qapp.processEvents()
    assert sys.getrefcount(None) - before > -100
