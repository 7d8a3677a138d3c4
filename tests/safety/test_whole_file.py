"""The database file is the whole book after every close: a copy of `laoke.db` alone holds the last import."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from core.errors import DatabaseError
from core.store.opening import open_database
from gui.context import AppContext
from gui.importing.page import STEP_REVIEW
from gui.main_window import MainWindow
from gui.worker import wait_for_background_tasks
from tests.gui.test_import_wizard import _sheet
from tests.importing.test_import_files import ALICE, BOB


def customers_in_copy_of_file_alone(path: Path, folder: Path) -> int:
    folder.mkdir()
    copy = folder / path.name
    shutil.copyfile(path, copy)  # what a seller copies to a USB stick: the one file, no -wal beside it
    with sqlite3.connect(copy) as connection:
        return connection.execute("SELECT count(*) FROM customers").fetchone()[0]


def import_in_window(qtbot, window: MainWindow, sheet: Path) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("import")
    page.open_files([sheet])
    qtbot.waitUntil(lambda: page.steps.currentIndex() == STEP_REVIEW, timeout=10000)
    with qtbot.waitSignal(page.finished, timeout=10000):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.writing, timeout=10000)


@pytest.mark.parametrize("second_window", [False, True], ids=["alone", "beside-a-read-only-window"])
def test_import_close_and_the_file_alone_holds_the_import(  # type: ignore[no-untyped-def]
        qtbot, qsettings_isolated, db_path, tmp_path, second_window) -> None:
    window = MainWindow(AppContext(open_database(db_path)))
    qtbot.addWidget(window)
    window.show()
    reader = open_database(db_path, read_only=True) if second_window else None
    if reader is not None:
        with reader.session() as session:  # the other window has read the book and keeps it open
            session.connection().exec_driver_sql("SELECT count(*) FROM customers").fetchall()
    import_in_window(qtbot, window, _sheet(tmp_path, ALICE, BOB))
    assert window.close()
    wait_for_background_tasks()
    assert customers_in_copy_of_file_alone(db_path, tmp_path / "usb") == 2
    wal = db_path.with_name(db_path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    if reader is not None:
        reader.dispose()


def test_a_window_closed_without_writes_leaves_no_wal(qtbot, qsettings_isolated, db_path) -> None:  # type: ignore[no-untyped-def]
    open_database(db_path).dispose()
    window = MainWindow(AppContext(open_database(db_path)))
    qtbot.addWidget(window)
    window.show()
    for key in ("customers", "care", "insights"):
        window.show_page(key)
    wait_for_background_tasks()
    assert window.close()
    wait_for_background_tasks()
    assert not db_path.with_name(db_path.name + "-wal").exists()


def test_an_import_on_a_nearly_full_disk_says_how_much_room_it_needs(  # type: ignore[no-untyped-def]
        database, db_path, tmp_path, monkeypatch) -> None:
    from core.importing import commit_imports, prepare_files
    from core.store import backup
    from core.store.backup import list_backups

    prepared = prepare_files(database, [_sheet(tmp_path, ALICE, BOB)])
    monkeypatch.setattr(backup, "free_space", lambda folder: 4096)  # the disk is all but full
    with pytest.raises(DatabaseError, match=r"has 0 MB free; this import needs about [1-9]\d* MB") as refused:
        commit_imports(database, prepared)
    assert str(db_path) in str(refused.value)
    assert list_backups(db_path) == [], "no copy took the room the import needed"
