"""Tests that read the window in one language install its catalogues, as the app does at start, for a while."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QApplication

from gui.i18n import install_translators


@contextmanager
def speaking(language: str) -> Iterator[None]:
    translators = install_translators(QApplication.instance(), language)  # type: ignore[arg-type]
    try:
        yield
    finally:
        for translator in translators:
            QApplication.instance().removeTranslator(translator)
