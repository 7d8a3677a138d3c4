"""Rep mode in the window, clicked as a rep and then as the owner: every owner-only action is switched off with a
tool tip saying why, the run starts locked and says how to unlock, and the unlock lasts for this run only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QWidget
from sqlalchemy import func, select

from core.customers.merge import merge_customers
from core.customers.profile import add_note
from core.demo import create_demo_shop
from core.importing import commit_imports, prepare_files
from core.safety.privacy import set_owner_passphrase
from core.store.models import AuditEvent, Customer
from core.store.opening import open_database
from gui.customers.duplicates import DuplicatesDialog
from gui.customers.tag_manager import TagManagerDialog
from gui.safety.rep_mode import RepModeSection
from gui.safety.unlock import UnlockDialog
from gui.worker import wait_for_background_tasks
from tests.importing.sheets import write_sheet
from tests.importing.test_import_files import ALICE, BOB, taobao_rows

PASSPHRASE = "teashop-boss"
FIELDS = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit)  # what a settings section lets one change


@pytest.fixture
def locked_book(db_path, tmp_path):  # type: ignore[no-untyped-def]
    """A shop with an import to undo and a merge to undo, whose owner set a passphrase in an earlier run."""
    owner = open_database(db_path)
    with owner.transaction() as session:
        create_demo_shop(session, customers=30)
    commit_imports(owner, prepare_files(owner, [write_sheet(tmp_path / "ExportOrderList.csv",
                                                            taobao_rows(ALICE, BOB), "gbk")]))
    with owner.transaction() as session:
        first, second = session.scalars(select(Customer.id).order_by(Customer.id).limit(2))
        merge_customers(session, first, second)
        for customer_id in session.scalars(select(Customer.id).where(Customer.merged_into_id.is_(None))):
            add_note(session, customer_id, "老客，爱喝岩茶")
        set_owner_passphrase(session, PASSPHRASE)
    owner.dispose()
    return db_path


@pytest.fixture
def rep_window(window_factory, locked_book, qtbot):  # type: ignore[no-untyped-def]
    window = window_factory()
    qtbot.waitUntil(lambda: window.menus.rep_mode_controls.status_button.isVisible(), timeout=5000)
    return window


def switched_off(control) -> bool:  # type: ignore[no-untyped-def]
    """Off, with a tool tip that says why (a field inside a switched-off section shows the section's)."""
    holder = control
    while isinstance(holder, QWidget) and not holder.toolTip():
        holder = holder.parentWidget()
    return not control.isEnabled() and holder is not None and "rep mode" in holder.toolTip()


def owner_only_controls(window, qtbot):  # type: ignore[no-untyped-def]
    """Every button, menu item and settings field a rep may not use, with the page it is on open."""
    menus = window.menus
    controls = {"File ▸ Export customers": menus.export_action, "Edit ▸ Delete customers": menus.delete_action,
                "Care ▸ Care rules": menus.care_rules_action}
    controls.update({f"File ▸ {action.text()}": action for action in window.backup_actions.menu_actions})
    customers = window.show_page("customers")
    qtbot.waitUntil(lambda: customers.model.rowCount() > 0, timeout=10000)
    customers.table.selectRow(0)
    notes = customers.detail.notes
    qtbot.waitUntil(lambda: notes.count() > 0, timeout=5000)
    notes.setCurrentRow(0)
    controls["Detail ▸ a note's Delete"] = customers.detail.delete_note_button
    controls.update({"Export to Excel": customers.export_button, "Delete…": customers.delete_button,
                     "Tag rules…": customers.tag_rules_button, "Delete customer…": customers.detail.delete_button})
    importing = window.show_page("import")
    qtbot.waitUntil(lambda: importing.history_model.rowCount() > 0, timeout=5000)
    importing.history_view.selectRow(0)
    controls["Undo this import…"] = importing.undo_button
    controls["Care ▸ Rules…"] = window.show_page("care").rules_button
    settings = window.show_page("settings")
    controls["Language"] = settings.language
    for section in settings.sections:
        if isinstance(section, RepModeSection):
            continue
        fields = [field for field in section.findChildren(QWidget)
                  if isinstance(field, FIELDS) and field.isVisibleTo(section)]
        controls.update({f"Settings ▸ {section.title()} ▸ #{number} {type(field).__name__}": field
                         for number, field in enumerate(fields)})
    tags = TagManagerDialog(window.context, window)
    qtbot.addWidget(tags)
    controls.update({"Tags ▸ Merge into…": tags.merge_button, "Tags ▸ Delete…": tags.delete_button})
    duplicates = DuplicatesDialog(window.context, window)
    qtbot.addWidget(duplicates)
    qtbot.waitUntil(lambda: duplicates.last_merge_id is not None, timeout=5000)
    controls["Duplicates ▸ Undo last merge"] = duplicates.undo_button
    return controls


def test_a_rep_finds_every_owner_only_action_switched_off_and_says_why(rep_window, qtbot, db_path) -> None:
    controls = owner_only_controls(rep_window, qtbot)
    backups = [name for name in controls if name.startswith("Settings ▸ Backups")]
    assert len(backups) == 3 and len(controls) > 25  # the sweep reached every settings section
    still_on = lambda: [name for name, control in controls.items() if not switched_off(control)]  # noqa: E731
    try:
        qtbot.waitUntil(lambda: not still_on(), timeout=5000)
    except Exception as timeout:
        raise AssertionError(f"still on for a rep: {still_on()}") from timeout
    # Clicking them does nothing: the import is still there, nobody is deleted.
    customers = rep_window.pages["customers"]
    with open_database(db_path).session() as session:
        before = session.scalar(select(func.count()).select_from(Customer))
    rep_window.menus.delete_action.trigger()
    qtbot.mouseClick(customers.delete_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(rep_window.pages["import"].undo_button, Qt.MouseButton.LeftButton)
    wait_for_background_tasks()
    with open_database(db_path).session() as session:
        assert session.scalar(select(func.count()).select_from(Customer)) == before
    assert rep_window.pages["import"].history_model.index(0, 8).data() != "Undone"


def test_the_owner_unlocks_this_run_from_the_status_bar_and_it_is_not_stored(
        rep_window, window_factory, qtbot, db_path) -> None:
    controls = rep_window.menus.rep_mode_controls
    assert "Rep mode" in controls.status_button.text()
    assert controls.unlock_action.isVisible() and not controls.lock_action.isVisible()
    qtbot.mouseClick(controls.status_button, Qt.MouseButton.LeftButton)
    dialog = controls.dialog
    assert isinstance(dialog, UnlockDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.passphrase, "guess")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "wrong" in dialog.message.text(), timeout=5000)
    assert dialog.isVisible() and rep_window.menus.export_action.isEnabled() is False

    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert rep_window.menus.export_action.isEnabled() and rep_window.menus.delete_action.isEnabled()
    assert rep_window.show_page("settings").language.isEnabled()
    assert controls.lock_action.isVisible() and not controls.unlock_action.isVisible()
    assert "Back to rep mode" in controls.status_button.text()
    with open_database(db_path).session() as session:
        assert "owner_unlocked" in session.scalars(select(AuditEvent.action)).all()

    second = window_factory()  # the next start: locked again, nothing of the unlock was stored
    qtbot.waitUntil(lambda: "Rep mode" in second.menus.rep_mode_controls.status_button.text()
                    and second.menus.rep_mode_controls.status_button.isVisible(), timeout=5000)
    assert not second.menus.export_action.isEnabled()

    qtbot.mouseClick(controls.status_button, Qt.MouseButton.LeftButton)  # back to rep mode before a rep sits down
    qtbot.waitUntil(lambda: not rep_window.menus.export_action.isEnabled(), timeout=5000)
    assert "Rep mode" in controls.status_button.text()


def test_without_a_passphrase_the_owner_sees_no_rep_mode_at_all(window_factory, qtbot) -> None:
    window = window_factory()
    qtbot.waitUntil(lambda: window.menus.export_action.isEnabled(), timeout=5000)
    wait_for_background_tasks()
    controls = window.menus.rep_mode_controls
    assert not controls.status_button.isVisible()
    assert not controls.unlock_action.isVisible() and not controls.lock_action.isVisible()
    assert window.show_page("settings").language.isEnabled()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the chat lookup stays on top
def test_a_reps_phone_search_in_the_list_and_the_lookup_is_logged(rep_window, qtbot, db_path) -> None:
    with open_database(db_path).session() as session:
        phone = session.scalars(select(Customer.phone).where(Customer.phone.is_not(None),
                                                             Customer.merged_into_id.is_(None))).first()

    def logged() -> int:
        with open_database(db_path).session() as session:
            return session.scalar(select(func.count()).where(AuditEvent.action == "rep_phone_search")) or 0

    customers = rep_window.show_page("customers")
    customers.search.setText(phone)
    qtbot.waitUntil(lambda: logged() == 1, timeout=10000)
    rep_window.show_chat_lookup()
    rep_window.chat_lookup.search.setText(phone[-4:])
    qtbot.waitUntil(lambda: logged() == 2 and rep_window.chat_lookup.matches.count() > 0, timeout=10000)
    assert phone not in rep_window.chat_lookup.matches.item(0).text()
