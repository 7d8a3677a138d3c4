"""In Chinese, every menu, action and visible widget of every page and dialog speaks Chinese.

The catalogue test says each tr() string has a translation; this one looks at the window itself, so it also
catches a string lupdate filed under the wrong context, one never passed through tr(), and Qt's own.
Widgets that show data (names, file paths, numbers) are allowed by ALLOWED.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from gui.worker import wait_for_background_tasks
from tests.customers.conftest import make_book

# Words that stay as they are in a Chinese window: product and platform names, units, key names.
KEPT = {"VIP", "SMS", "Excel", "CSV", "UTF", "Shopify", "RFM", "ID", "Esc", "Ctrl", "Shift", "Alt", "Del", "HTML",
        "WeChat", "zxm", "xlsx", "csv", "ics", "xls", "db", "qm", "PNG", "Backspace", "PgUp", "PgDown",
        "Laoke", "k", "English"}
ENGLISH = re.compile(r"[A-Za-z]{2,}")
# Widgets that show data rather than words of the window: the book's path, customers' own names and texts.
ALLOWED_OBJECTS = {"databaseLabel"}
PATH = re.compile(r"(?:[A-Za-z]:\\|/)[^\s，。；]+|[^\s/\\]+\.(?:db|xlsx|xls|csv|ics)\b")
DATA_TEXT = re.compile(r"^[=+\-@/#].*|.*\.(db|xlsx|csv)$|^阿飞123$|^#\d+$")


def untranslated(text: str) -> list[str]:
    text = re.sub(r"<[^>]+>", " ", text)  # rich text's tags
    text = PATH.sub(" ", text)  # where the book and its backups live
    if DATA_TEXT.match(text.strip()):
        return []
    return [word for word in ENGLISH.findall(text.replace("&", "")) if word not in KEPT]


def words_of(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a user can see in `widget` and its visible children."""
    found: list[tuple[str, str]] = [("title", widget.windowTitle())]
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget) and child is not widget or child.objectName() in ALLOWED_OBJECTS:
            continue
        name = f"{type(child).__name__}#{child.objectName()}"
        found.append((f"{name} tooltip", child.toolTip()))
        if isinstance(child, QLabel | QAbstractButton):
            found.append((name, child.text()))
        if isinstance(child, QLineEdit | QPlainTextEdit):
            found.append((f"{name} placeholder", child.placeholderText()))
        if isinstance(child, QGroupBox):
            found.append((name, child.title()))
        if isinstance(child, QTabWidget):
            found += [(f"{name} tab", child.tabText(index)) for index in range(child.count())]
        if isinstance(child, QComboBox):
            found += [(f"{name} item", child.itemText(index)) for index in range(child.count())]
        header = child.horizontalHeader() if isinstance(child, QTableView) else (
            child.header() if isinstance(child, QTreeView) else None)
        if header is not None and child.model() is not None and not header.isHidden():
            found += [(f"{name} header", str(child.model().headerData(column, Qt.Orientation.Horizontal) or ""))
                      for column in range(header.count()) if not header.isSectionHidden(column)]
        for action in QWidget.actions(child):  # a widget may have shadowed actions() with its own attribute
            found += words_of_action(action, name)
    return found


def words_of_action(action, where: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    found = [(f"{where} action", action.text()), (f"{where} action tip", action.toolTip())]
    menu = action.menu()
    if isinstance(menu, QMenu):
        for inner in menu.actions():
            found += words_of_action(inner, f"{where}/{action.text()}")
    return found


def english_in(widget: QWidget) -> list[str]:
    return sorted({f"{where}: {text!r}" for where, text in words_of(widget) if text and untranslated(text)})


@pytest.fixture
def chinese_window(database, window_factory, qtbot):  # type: ignore[no-untyped-def]
    make_book(database)
    window = window_factory("zh_CN")
    window.resize(1280, 760)
    qtbot.waitUntil(lambda: window.pages["today"].desk is not None, timeout=10000)
    return window


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        wait_for_background_tasks()
        qtbot.wait(30)


def test_every_page_and_menu_speaks_chinese(chinese_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui.main_window import PAGES

    found = []
    for menu in chinese_window.menus.menus:
        found += [f"menu: {text!r}" for _where, text in words_of_action(menu.menuAction(), "menu")
                  if text and untranslated(text)]
    for key, _module, _cls in PAGES:
        page = chinese_window.show_page(key)
        settle(qtbot)
        if key == "customers":
            page.table.selectRow(0)  # the detail, with its tabs
            settle(qtbot)
        found += [f"{key}: {line}" for line in english_in(chinese_window)]
    assert found == [], "\n".join(found)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the chat lookup stays on top
def test_every_dialog_speaks_chinese(chinese_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui.customers.duplicates import DuplicatesDialog
    from gui.customers.lookup import ChatLookupWindow
    from gui.customers.tag_manager import TagManagerDialog
    from gui.first_run import FirstRunDialog
    from gui.shortcuts import ShortcutsDialog

    context = chinese_window.context
    care = chinese_window.show_page("care")
    settle(qtbot)
    care.open_rules()
    settle(qtbot)
    dialogs = [
        care.rules_dialog,
        ShortcutsDialog(chinese_window.menus.actions_with_keys(), chinese_window.lookup_action, chinese_window),
        FirstRunDialog(context, "", chinese_window),
        TagManagerDialog(context, chinese_window),
        DuplicatesDialog(context, chinese_window),
        ChatLookupWindow(context, chinese_window),
    ]
    found = []
    for dialog in dialogs:
        dialog.show()
        settle(qtbot)
        found += [f"{type(dialog).__name__}: {line}" for line in english_in(dialog)]
        dialog.close()
    assert found == [], "\n".join(found)


def test_qts_own_file_dialog_speaks_chinese(chinese_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    # Qt 6's file dialog says "&Look in:" and "Files of &type:"; Qt's Chinese catalogue has only the old texts.
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        dialog = QFileDialog(chinese_window, "")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(mode)
        dialog.show()
        settle(qtbot)
        assert [line for line in english_in(dialog) if "QComboBox" not in line] == []
        dialog.close()
