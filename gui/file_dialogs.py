"""File dialogs that open where the owner was last time, one remembered folder for each kind of file; and
saving a workbook where the owner chooses.

Qt's dialogs otherwise start in the process's working directory: for the installed app that is its
install folder, where order sheets never are and exports cannot be written. The first time, sheets are
looked for in Downloads (where the shop back-ends' exports land) and exports go to Documents.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from core.safety.spreadsheet import Sheet, write_xlsx
from gui.worker import run_in_background

Location = QStandardPaths.StandardLocation


class Folder(Enum):
    """A kind of file, with where its dialog starts before anything was chosen."""

    SHEETS = ("sheets", Location.DownloadLocation)
    EXPORTS = ("exports", Location.DocumentsLocation)
    DATABASES = ("databases", Location.DocumentsLocation)

    def start(self) -> Path:
        saved = QSettings().value(f"folders/{self.value[0]}", "", type=str)
        if saved and Path(saved).is_dir():
            return Path(saved)
        return Path(QStandardPaths.writableLocation(self.value[1]) or Path.home())

    def remember(self, chosen: Path) -> None:
        QSettings().setValue(f"folders/{self.value[0]}", str(chosen.parent))


def open_paths(parent: QWidget, caption: str, filters: str, folder: Folder) -> list[Path]:
    """The files the owner chose (none when cancelled)."""
    chosen, _filter = QFileDialog.getOpenFileNames(parent, caption, str(folder.start()), filters)
    paths = [Path(path) for path in chosen]
    if paths:
        folder.remember(paths[0])
    return paths


def open_path(parent: QWidget, caption: str, filters: str, folder: Folder, start: Path | None = None) -> Path | None:
    """The file the owner chose, None when cancelled; the dialog starts in `start` when given."""
    chosen, _filter = QFileDialog.getOpenFileName(parent, caption, str(start or folder.start()), filters)
    if not chosen:
        return None
    folder.remember(Path(chosen))
    return Path(chosen)


def save_path(parent: QWidget, caption: str, name: str, filters: str, folder: Folder = Folder.EXPORTS) -> Path | None:
    """Where to write a file suggested as `name`, None when cancelled. A name typed without one of the filters'
    extensions gets the chosen filter's (Qt's own dialog adds none), so the file opens where it is meant to."""
    chosen, chosen_filter = QFileDialog.getSaveFileName(parent, caption, str(folder.start() / name), filters)
    if not chosen:
        return None
    path = Path(chosen)
    offered = [suffix.lower() for suffix in re.findall(r"\*(\.\w+)", filters)] or [Path(name).suffix.lower()]
    if path.suffix.lower() not in offered:
        wanted = re.findall(r"\*(\.\w+)", chosen_filter or "")
        path = path.with_name(path.name + (wanted[0] if wanted else Path(name).suffix))
    folder.remember(path)
    return path


def save_workbook(parent: QWidget, caption: str, name: str, filters: str, sheets: Sequence[Sheet]) -> Path | None:
    """Ask where to save `sheets` as an xlsx file (suggested as `name`) and write it in the background; a
    failure is shown under `caption`. Returns where it goes, None when cancelled."""
    path = save_path(parent, caption, name, filters)
    if path is not None:
        run_in_background(_write_workbook, path, list(sheets),
                          on_failure=lambda message, _details: QMessageBox.warning(parent, caption, message))
    return path


def _write_workbook(path: Path, sheets: list[Sheet], *, progress, cancel) -> Path:  # type: ignore[no-untyped-def]
    return write_xlsx(path, sheets)
