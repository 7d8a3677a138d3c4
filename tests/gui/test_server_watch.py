"""Team mode in the window, on a real PostgreSQL server: another rep's change shows within seconds without a
reload, what is being typed stays, and a server that stops answering is said in the status bar until it is back.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import gui.server_watch
from core.store.opening import open_database
from gui.context import AppContext
from gui.main_window import MainWindow
from gui.worker import wait_for_background_tasks
from tests.customers.conftest import make_book
from tests.postgres import driver_installed, server_binaries

pytestmark = pytest.mark.skipif(server_binaries() is None or not driver_installed(),
                                reason="no PostgreSQL server here (scripts/install.sh --server)")
ROOT = Path(__file__).resolve().parents[2]
# What another rep's window does: tag a buyer and rename another, from a process of its own.
OTHER_REP = """
import sys
from core.customers.profile import update_profile
from core.customers.tags import add_tags
from core.store.opening import open_database
database = open_database(sys.argv[1])
with database.transaction() as session:
    add_tags(session, [int(sys.argv[2])], ["回头客"])
    update_profile(session, int(sys.argv[3]), {"name": "曾小红（已改）"})
database.dispose()
"""


@pytest.fixture
def server_window(qtbot, qsettings_isolated, postgres_database, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(gui.server_watch, "POLL_INTERVAL_MS", 300)
    database = open_database(postgres_database)
    book = make_book(database)
    window = MainWindow(AppContext(database))
    qtbot.addWidget(window)
    window.show()
    yield window, book, postgres_database
    window.server_watch.timer.stop()
    wait_for_background_tasks()
    window.context.database.dispose()


def listed_names(page) -> list[str]:  # type: ignore[no-untyped-def]
    page.table.viewport().update()  # the view asks for the rows it paints
    return [row.name for row in map(page.model.cached_row, range(page.model.rowCount())) if row]


def test_another_reps_change_shows_without_a_reload_and_typing_stays(qtbot, server_window) -> None:  # type: ignore[no-untyped-def]
    window, book, url = server_window
    page = window.show_page("customers")
    qtbot.waitUntil(lambda: len(listed_names(page)) == 4, timeout=10000)
    row = page.model.ids().index(book["张晓明"])
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.detail.id == book["张晓明"], timeout=10000)
    qtbot.keyClicks(page.detail.fields["city"], " West Lake")  # typed, not saved
    qtbot.waitUntil(lambda: window.server_watch._mark is not None, timeout=10000)

    subprocess.run([sys.executable, "-c", OTHER_REP, url, str(book["张晓明"]), str(book["曾小红"])],
                   cwd=ROOT, check=True, timeout=120)

    qtbot.waitUntil(lambda: "曾小红（已改）" in listed_names(page), timeout=15000)
    qtbot.waitUntil(lambda: "回头客" in page.detail.tags_edit.text(), timeout=15000)
    assert page.detail.fields["city"].text() == "杭州市 West Lake"
    assert page.table.selectionModel().selectedRows()[0].row() == row
    assert window.server_status.isHidden()
    page.detail.edited.clear()  # closing would ask whether to save the typing


def test_an_unreachable_server_is_said_until_it_is_back(qtbot, server_window, postgres_cluster) -> None:  # type: ignore[no-untyped-def]
    window, _book, _url = server_window
    qtbot.waitUntil(lambda: window.server_watch._mark is not None, timeout=10000)
    postgres_cluster.pause()
    try:
        qtbot.waitUntil(window.server_status.isVisible, timeout=15000)
        assert "Server unreachable" in window.server_status.text()
        assert "Cannot reach the server" in window.server_status.toolTip()
    finally:
        postgres_cluster.resume()
    qtbot.waitUntil(window.server_status.isHidden, timeout=20000)
    assert window.statusBar().currentMessage() == "Connected to the server again."


def test_a_laptop_book_is_not_polled(qtbot, qsettings_isolated, db_path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(AppContext(open_database(db_path)))
    qtbot.addWidget(window)
    assert not window.server_watch.timer.isActive()
    wait_for_background_tasks()
    window.context.database.dispose()
