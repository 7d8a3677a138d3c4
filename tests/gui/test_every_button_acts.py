"""Every button and menu action a user can press acts, or is disabled: on an empty book, and on a shop with
nothing chosen. Acting is anything the user sees (tests/gui/button_sweep.py); raising is never acting."""

from __future__ import annotations

import itertools

import pytest

from gui.main_window import PAGES
from tests.customers.conftest import make_book
from tests.gui.button_sweep import (
    Press,
    button_name,
    buttons_in,
    menu_actions,
    press,
    settle,
    standing_in_for_dialogs,
)

# Pressed, they do their work, but the work looks the same as before in the states swept.
LOOKS_THE_SAME = {
    "View ▸ Refresh": "reads the page in view again; an unchanged book reads the same",
}


@pytest.fixture
def demo_stand_in(monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    """"Open the demo shop" opens an empty book of its own (building 2,000 buyers is the demo's own test)."""
    numbers = itertools.count(1)
    monkeypatch.setattr("core.demo.ensure_demo_database", lambda *_args, **_kwargs: tmp_path / f"demo-{next(numbers)}.db")


def sweep(window, qtbot, monkeypatch) -> list[Press]:  # type: ignore[no-untyped-def]
    presses = []
    page_actions = dict(zip(window.menus.page_actions, (key for key, _module, _cls in PAGES), strict=True))
    with standing_in_for_dialogs(monkeypatch) as asked:
        for key, _module, _cls in PAGES:
            page = window.show_page(key)
            settle(qtbot)
            for button in buttons_in(page):
                window.show_page(key)
                settle(qtbot)
                if button.isVisible() and button.isEnabled():
                    presses.append(press(button_name(button), key, button.click, qtbot, asked))
        for name, action in menu_actions(window):
            # A page's own menu item is pressed from another page: from its own page it has nowhere to go.
            window.show_page("settings" if page_actions.get(action) == "today" else "today")
            settle(qtbot)
            presses.append(press(name, "menu", action.trigger, qtbot, asked))
    return presses


def problems(presses: list[Press]) -> list[str]:
    return [f"{item.where}: {item.what} {item.problem}" for item in presses
            if item.problem and item.what not in LOOKS_THE_SAME]


@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
def test_on_an_empty_book(window_factory, demo_stand_in, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = window_factory("en")
    presses = sweep(window, qtbot, monkeypatch)
    assert len(presses) > 40  # every page's buttons and every menu item, not a sweep that found nothing
    assert problems(presses) == [], "\n".join(problems(presses))


@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
def test_on_a_shop_with_nothing_chosen(database, window_factory, demo_stand_in, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    make_book(database)
    window = window_factory("en")
    presses = sweep(window, qtbot, monkeypatch)
    assert problems(presses) == [], "\n".join(problems(presses))


def dialogs(window):  # type: ignore[no-untyped-def]
    """How to open each dialog and window the menus and pages lead to (shown, not run: nothing waits)."""
    from gui.customers.duplicates import DuplicatesDialog
    from gui.customers.lookup import ChatLookupWindow
    from gui.customers.tag_manager import TagManagerDialog
    from gui.first_run import FirstRunDialog
    from gui.shortcuts import ShortcutsDialog

    context = window.context

    def rules():  # type: ignore[no-untyped-def]
        care = window.show_page("care")
        care.open_rules()
        return care.rules_dialog

    def chat_lookup():  # type: ignore[no-untyped-def]
        lookup = ChatLookupWindow(context, window)
        lookup.search.setText("柠檬不酸")  # a buyer found: the card's buttons wait for one
        lookup.look_up()
        return lookup

    return {
        "care rules": rules,
        "tags": lambda: TagManagerDialog(context, window),
        "duplicates": lambda: DuplicatesDialog(context, window),
        "chat lookup": chat_lookup,
        "shortcuts": lambda: ShortcutsDialog(window.menus.actions_with_keys(), window.lookup_action, window),
        "first run": lambda: FirstRunDialog(context, "", window),
    }


@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
def test_in_every_dialog(database, window_factory, demo_stand_in, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    make_book(database)
    window = window_factory("en")
    presses = []
    with standing_in_for_dialogs(monkeypatch) as asked:
        for where, open_dialog in dialogs(window).items():
            dialog = open_dialog()
            dialog.show()
            settle(qtbot)
            count = len(buttons_in(dialog))
            dialog.close()
            for index in range(count):  # each press on a dialog as it opens: Close would end the rest
                dialog = open_dialog()
                dialog.show()
                settle(qtbot)
                shown = buttons_in(dialog)
                if index < len(shown):
                    presses.append(press(button_name(shown[index]), where, shown[index].click, qtbot, asked))
                dialog.close()
    assert {item.where for item in presses} == set(dialogs(window))
    assert problems(presses) == [], "\n".join(problems(presses))


@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
def test_with_a_customer_chosen(database, window_factory, demo_stand_in, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    make_book(database)
    window = window_factory("en")
    page = window.show_page("customers")
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=10000)
    settle(qtbot)  # the start-up rescore's news reloads the list: choose after it
    presses = []
    with standing_in_for_dialogs(monkeypatch) as asked:
        page.table.selectRow(0)
        qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=10000)
        for index in range(len(buttons_in(page))):
            page.table.clearSelection()
            page.table.selectRow(0)  # the same buyer chosen afresh before each press
            qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=10000)
            settle(qtbot)
            shown = buttons_in(page)
            if index < len(shown):
                presses.append(press(button_name(shown[index]), "customers", shown[index].click, qtbot, asked))
    assert len(presses) > 10
    assert problems(presses) == [], "\n".join(problems(presses))
