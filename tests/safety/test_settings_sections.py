"""Settings ▸ Rep mode and Backups, and File ▸ Back up…/Restore…, driven as a shop owner would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from core.demo import create_demo_shop
from core.errors import LaokeError
from core.safety.privacy import ensure_owner_mode, rep_mode_enabled
from core.store.backup import list_backups
from core.store.models import Customer
from core.store.restore import check_backup
from gui.context import AppContext
from gui.main_window import MainWindow
from gui.safety.backups import BackupSection
from gui.safety.errors import ErrorDialog
from gui.safety.rep_mode import RepModeSection
from gui.settings.page import SettingsPage
from gui.worker import wait_for_background_tasks


@pytest.fixture
def shop(database):  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        create_demo_shop(session, customers=30)
    return database


@pytest.fixture
def settings_page(qtbot, qsettings_isolated, shop):  # type: ignore[no-untyped-def]
    page = SettingsPage(AppContext(shop))
    qtbot.addWidget(page)
    page.show()
    yield page
    wait_for_background_tasks()


@pytest.fixture
def recorded_messages(monkeypatch):  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda parent, title, text, *rest: shown.append(text)))
    return shown


def section(page: SettingsPage, kind: type):  # type: ignore[no-untyped-def]
    return next(widget for widget in page.sections if isinstance(widget, kind))


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_rep_mode_needs_the_owners_passphrase(qtbot, settings_page, shop) -> None:
    rep = section(settings_page, RepModeSection)
    qtbot.waitUntil(lambda: rep.set_button.isVisible())
    assert rep.status.text() == "Rep mode is off"

    qtbot.keyClicks(rep.new_passphrase, "boss-2026")
    qtbot.keyClicks(rep.confirm_passphrase, "boss-2025")
    click(qtbot, rep.set_button)
    assert "differ" in rep.message.text()
    rep.confirm_passphrase.clear()
    qtbot.keyClicks(rep.confirm_passphrase, "boss-2026")
    click(qtbot, rep.set_button)
    qtbot.waitUntil(lambda: rep.switch_button.isVisible() and rep.switch_button.isEnabled())
    assert rep.set_button.text().startswith("Change the passphrase")

    qtbot.keyClicks(rep.passphrase, "guess")
    click(qtbot, rep.switch_button)
    qtbot.waitUntil(lambda: "wrong" in rep.message.text())
    with shop.session() as session:
        assert not rep_mode_enabled(session)

    rep.passphrase.clear()
    qtbot.keyClicks(rep.passphrase, "boss-2026")
    qtbot.waitUntil(rep.switch_button.isEnabled)  # the refused attempt has finished
    with qtbot.waitSignal(rep.context.data_changed, timeout=10000):
        click(qtbot, rep.switch_button)
    assert rep.status.text() == "Rep mode is on"
    assert rep.switch_button.text() == "Unlock as the owner for this run"
    with shop.session() as session:
        assert rep_mode_enabled(session)
        with pytest.raises(LaokeError, match="switched off in rep mode"):
            ensure_owner_mode(session, "Export")
    backups = section(settings_page, BackupSection)
    qtbot.waitUntil(lambda: not backups.back_up_button.isEnabled())
    assert not backups.restore_file_button.isEnabled()
    assert "rep mode" in backups.back_up_button.toolTip()

    qtbot.waitUntil(rep.switch_button.isEnabled)
    qtbot.keyClicks(rep.passphrase, "boss-2026")
    qtbot.keyClick(rep.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: rep.status.text() == "Rep mode is off", timeout=10000)


def test_the_owner_changes_the_passphrase_with_the_current_one(qtbot, settings_page, shop) -> None:
    from core.safety.privacy import check_owner_passphrase, set_owner_passphrase

    with shop.transaction() as session:
        set_owner_passphrase(session, "old-pass")
    rep = section(settings_page, RepModeSection)
    rep.watch.check()
    qtbot.waitUntil(lambda: rep.passphrase.isVisible() and rep.set_button.text().startswith("Change"))

    for current, expected in (("a-guess", "wrong"), ("old-pass", "changed")):
        qtbot.waitUntil(rep.set_button.isEnabled)
        rep.passphrase.clear()
        qtbot.keyClicks(rep.passphrase, current)
        qtbot.keyClicks(rep.new_passphrase, "new-pass")
        qtbot.keyClicks(rep.confirm_passphrase, "new-pass")
        click(qtbot, rep.set_button)
        qtbot.waitUntil(lambda expected=expected: expected in rep.message.text(), timeout=10000)
        rep.new_passphrase.clear()
        rep.confirm_passphrase.clear()
    with shop.session() as session:
        assert check_owner_passphrase(session, "new-pass") and not check_owner_passphrase(session, "old-pass")


def test_backups_section_backs_up_and_restores_with_confirmation(
    qtbot, settings_page, shop, db_path, recorded_messages, monkeypatch
) -> None:
    backups = section(settings_page, BackupSection)
    assert backups.list.topLevelItemCount() == 0
    assert not backups.restore_button.isEnabled()
    click(qtbot, backups.back_up_button)
    qtbot.waitUntil(lambda: backups.list.topLevelItemCount() == 1, timeout=10000)
    assert backups.list.topLevelItem(0).text(BackupSection.COL_WHY) == "Made by hand"

    with shop.transaction() as session:
        session.add(Customer(name="备份之后", source="manual"))
    backups.list.setCurrentItem(backups.list.topLevelItem(0))
    qtbot.waitUntil(backups.restore_button.isEnabled)  # the backup task has finished
    questions: list[str] = []

    def answer(parent, title, text, *rest):  # type: ignore[no-untyped-def]
        questions.append(text)
        return QMessageBox.StandardButton.Cancel if len(questions) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    click(qtbot, backups.restore_button)  # cancelled: nothing changes
    wait_for_background_tasks()
    assert len(list_backups(db_path)) == 1
    with qtbot.waitSignal(settings_page.context.data_changed, timeout=10000):
        click(qtbot, backups.restore_button)
    assert "keeps the customer book as it is now" in questions[-1]
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT count(*) FROM customers WHERE name='备份之后'").fetchone() == (0,)
    qtbot.waitUntil(lambda: backups.list.topLevelItemCount() == 2, timeout=10000)
    assert backups.list.topLevelItem(0).text(BackupSection.COL_WHY) == "Before a restore"
    assert any("Restored from" in text for text in recorded_messages)


def test_a_refused_restore_shows_copyable_details_and_changes_nothing(
    qtbot, settings_page, shop, db_path, tmp_path, monkeypatch
) -> None:
    backups = section(settings_page, BackupSection)
    bad = tmp_path / "holiday-photos.db"
    with sqlite3.connect(bad) as connection:
        connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(bad), "")))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args: QMessageBox.StandardButton.Yes))
    click(qtbot, backups.restore_file_button)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ErrorDialog)
                    or bool(backups.findChildren(ErrorDialog)), timeout=10000)
    dialog = backups.findChildren(ErrorDialog)[0]
    assert "not a Laoke customer book" in dialog.text()
    dialog.close()
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT count(*) FROM customers").fetchone() == (30,)


def test_a_damaged_backup_is_refused_in_one_line_with_the_report_behind_show_details(
    qtbot, settings_page, shop, db_path, tmp_path, monkeypatch
) -> None:
    from core.store.backup import backup_database

    backups = section(settings_page, BackupSection)
    bad = backup_database(db_path, tmp_path / "damaged.db")
    with sqlite3.connect(bad) as connection:  # unsealed, so SQLite's own check is what finds the damage
        connection.execute("DROP TABLE laoke_copy_seal")
    data = bytearray(bad.read_bytes())
    for offset in range(4096 * 2, len(data), 4096):
        data[offset + 100 : offset + 300] = b"\xa5" * 200
    bad.write_bytes(bytes(data))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args: QMessageBox.StandardButton.Yes))
    backups.actions.restore(bad)
    qtbot.waitUntil(lambda: bool(backups.findChildren(ErrorDialog)), timeout=10000)
    dialog = backups.findChildren(ErrorDialog)[0]
    assert "\n" not in dialog.text() and "is damaged" in dialog.text()
    assert "malformed" in dialog.detailedText() or "\n" in dialog.detailedText()  # what SQLite found
    show_details = next(button for button in dialog.buttons() if "Details" in button.text())
    click(qtbot, show_details)
    dialog.adjustSize()
    assert dialog.sizeHint().height() <= 768 - 60 and dialog.height() <= 768 - 60  # its buttons on a laptop screen
    dialog.close()


def test_file_menu_backs_up_to_a_chosen_file(qtbot, qsettings_isolated, shop, tmp_path, monkeypatch,
                                             recorded_messages) -> None:
    window = MainWindow(AppContext(shop))
    qtbot.addWidget(window)
    target = tmp_path / "u盘" / "shop-backup.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), "")))
    labels = [action.text() for action in window.file_menu.actions()]
    assert labels.index("&Back up…") < labels.index("&Quit")
    next(action for action in window.file_menu.actions() if action.text() == "&Back up…").trigger()
    qtbot.waitUntil(lambda: bool(recorded_messages), timeout=10000)
    assert check_backup(target).customers == 30


def test_error_dialog_copies_its_details_and_stays_open(qtbot) -> None:
    dialog = ErrorDialog("Unexpected error", "Something broke", "Traceback: line 1\nValueError: x")
    qtbot.addWidget(dialog)
    dialog.show()
    click(qtbot, dialog.copy_button)
    assert dialog.isVisible()
    assert QApplication.clipboard().text() == "Something broke\n\nTraceback: line 1\nValueError: x"
    dialog.close()


def test_an_uncaught_exception_is_logged_and_shown(qtbot, tmp_path: Path, monkeypatch) -> None:
    import logging

    from core.logs import configure_logging
    from gui.safety import errors

    shown: list[ErrorDialog] = []
    monkeypatch.setattr(errors, "show_error", lambda parent, title, message, details: shown.append(
        ErrorDialog(title, message, details)))
    log_path = configure_logging(tmp_path)
    try:
        try:
            raise KeyError("客户")
        except KeyError as error:
            errors.report_unexpected(type(error), error, error.__traceback__)
        assert "KeyError" in shown[0].details and "客户" in shown[0].text()
        for handler in logging.getLogger().handlers:
            handler.flush()
        assert "KeyError: '客户'" in log_path.read_text(encoding="utf-8")
    finally:
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "baseFilename", None) == str(log_path):
                logging.getLogger().removeHandler(handler)
                handler.close()
        for dialog in shown:
            dialog.deleteLater()


def test_a_read_only_window_offers_no_restore_and_no_rep_mode_switch(qtbot, qsettings_isolated, shop, db_path) -> None:
    from core.store.opening import open_database

    read_only = open_database(db_path, read_only=True)
    page = SettingsPage(AppContext(read_only))
    qtbot.addWidget(page)
    page.show()
    backups, rep = section(page, BackupSection), section(page, RepModeSection)
    wait_for_background_tasks()
    qtbot.wait(50)  # deliver the loaded state
    assert rep.status.text() == "Rep mode is off"
    assert backups.back_up_button.isEnabled()  # reading is enough to make a copy
    assert not backups.restore_file_button.isEnabled()
    assert not rep.set_button.isEnabled()
    read_only.dispose()


def test_a_task_finishing_after_its_widget_closed_is_dropped(qtbot, qsettings_isolated, shop) -> None:
    page = SettingsPage(AppContext(shop))  # no qtbot.addWidget: this test deletes it itself
    section(page, RepModeSection).watch.check()  # the watch outlives the page: its news must not reach it
    page.deleteLater()
    qtbot.wait(10)
    wait_for_background_tasks()
    qtbot.wait(50)  # the queued result arrives for a deleted section: no error is raised


def test_a_too_short_passphrase_is_refused_with_cores_reason(qtbot, settings_page, shop) -> None:
    rep = section(settings_page, RepModeSection)
    qtbot.waitUntil(lambda: rep.set_button.isVisible())
    qtbot.keyClicks(rep.new_passphrase, "abc")
    qtbot.keyClicks(rep.confirm_passphrase, "abc")
    click(qtbot, rep.set_button)
    qtbot.waitUntil(lambda: "at least 4 characters" in rep.message.text())
    wait_for_background_tasks()
    assert not rep.switch_button.isVisible()  # no passphrase was set
