"""Press every enabled button and menu action of the window, and see whether anything happened.

A press "acts" when it changes what the user can see: a page or tab, a widget shown, hidden, enabled or
disabled, a text, the focus, or a dialog asked for (message boxes, file and input dialogs are stood in for, so
nothing blocks). A press that raises, or changes nothing, is reported: in that state it should have been
disabled (with a tool tip that says why) or have done its work.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QStatusBar,
    QTabBar,
    QTabWidget,
    QToolButton,
    QWidget,
)

from gui.worker import wait_for_background_tasks


@dataclass
class Asked:
    """The dialogs a press asked for (stood in for, so none of them blocks)."""

    titles: list[str] = field(default_factory=list)

    def record(self, title: object) -> None:
        self.titles.append(str(title))


def _text_of(widget: QWidget) -> str:
    if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QStatusBar):
        return widget.currentMessage()
    return ""


def _state(widget: QWidget) -> tuple[object, ...]:
    index = widget.currentIndex() if isinstance(widget, QStackedWidget | QTabWidget) else None
    return (widget.isVisible(), widget.isEnabled(), _text_of(widget), index, widget.windowTitle())


def snapshot() -> list[tuple[object, ...]]:
    """What the user can see: every visible widget's kind and state (a page that rebuilds the same labels
    looks the same), and which widget has the focus."""
    focus = QApplication.focusWidget()
    shown = sorted((type(widget).__name__, *_state(widget)) for widget in QApplication.allWidgets()
                   if widget.isVisible())
    return [*shown, ("focus", id(focus))]


@contextmanager
def standing_in_for_dialogs(monkeypatch) -> Iterator[Asked]:  # type: ignore[no-untyped-def]
    """Message boxes, file and input dialogs and modal dialogs answer at once (no, cancel, nothing chosen)."""
    asked = Asked()

    def refuse(*args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.record(args[1] if len(args) > 1 else "dialog")
        return QMessageBox.StandardButton.No

    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    monkeypatch.setattr(QMessageBox, "about", lambda *args: asked.record("about"))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.record(box.text()) or 0)
    for name in ("getOpenFileName", "getSaveFileName", "getOpenFileNames"):
        nothing = [] if name.endswith("Names") else ""
        monkeypatch.setattr(QFileDialog, name, lambda *args, nothing=nothing, **kwargs:
                            asked.record(args[1] if len(args) > 1 else "file") or (nothing, ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: asked.record("folder") or "")
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: asked.record(args[1]) or ("", False))
    monkeypatch.setattr(QDialog, "exec", lambda dialog: asked.record(dialog.windowTitle()) or 0)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: asked.record(url.toString()) or True)
    yield asked


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    wait_for_background_tasks()
    qtbot.wait(30)
    wait_for_background_tasks()
    QApplication.processEvents()


def close_new_windows(before: set[int]) -> list[str]:
    """Close the windows a press opened (non-modal dialogs, a customer's window); their titles."""
    opened = [widget for widget in QApplication.topLevelWidgets()
              if widget.isVisible() and id(widget) not in before and not isinstance(widget, QMenu)]
    for widget in opened:
        widget.close()
    return [widget.windowTitle() or type(widget).__name__ for widget in opened]


@dataclass
class Press:
    where: str
    what: str
    problem: str  # "" when it acted


def press(name: str, where: str, trigger: Callable[[], None], qtbot, asked: Asked) -> Press:  # type: ignore[no-untyped-def]
    """Trigger one button or action; whether it raised or changed nothing."""
    errors: list[BaseException] = []
    previous_hook = sys.excepthook
    sys.excepthook = lambda kind, error, trace: errors.append(error)
    windows = {id(widget) for widget in QApplication.topLevelWidgets() if widget.isVisible()}
    before, asked_before = snapshot(), len(asked.titles)
    try:
        trigger()
        settle(qtbot)
    except Exception as error:  # noqa: BLE001 - the sweep reports it, whatever it is
        errors.append(error)
    finally:
        sys.excepthook = previous_hook
    opened = close_new_windows(windows)
    if errors:
        return Press(where, name, f"raised {type(errors[0]).__name__}: {errors[0]}")
    acted = opened or len(asked.titles) > asked_before or snapshot() != before
    return Press(where, name, "" if acted else "did nothing")


def buttons_in(root: QWidget) -> list[QAbstractButton]:
    """The page's own push buttons and tool buttons; Qt's inner ones (a calendar's arrows, "qt_…") and those
    that open a menu (which would wait for a choice) are Qt's to test."""
    return [button for button in root.findChildren(QAbstractButton)
            if button.isVisibleTo(root) and button.isEnabled() and not button.isCheckable()
            and not button.objectName().startswith("qt_")
            and not (isinstance(button, QToolButton) and button.menu() is not None)
            and not _inside_qt_widget(button, root)]


def _inside_qt_widget(button: QAbstractButton, root: QWidget) -> bool:
    parent = button.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QCalendarWidget | QTabBar):  # a tab bar's scroll arrows
            return True
        parent = parent.parentWidget()
    return False


def button_name(button: QAbstractButton) -> str:
    """Its text; for a card drawn with labels (Today's), its first label's."""
    labels = [label.text() for label in button.findChildren(QLabel) if label.text()]
    return (button.text().replace("&", "") or (labels[0] if labels else "") or button.toolTip()
            or button.objectName() or type(button).__name__)


def menu_actions(window) -> list[tuple[str, QAction]]:  # type: ignore[no-untyped-def]
    """Every enabled menu action but Quit (whose act, closing the window, would end the sweep)."""
    return [(f"{menu.title().replace('&', '')} ▸ {action.text().replace('&', '')}", action)
            for menu in window.menus.menus for action in menu.actions()
            if not action.isSeparator() and action.isEnabled() and action.isVisible()
            and action is not window.menus.quit_action]
