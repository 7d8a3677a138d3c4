"""Render the main window on the demo shop, in English and Chinese: the customer book for the top of the
README, and a search by pinyin initials; on a laptop-sized window the filters open over the book, and Settings;
the chat lookup; the first run's questions and the keyboard shortcuts; the review of possible duplicates; the
activity log.

    python -m tools.shell_screenshots   # shell_*, customers_search_*, customers_filters_*, settings_*,
                                        # customers_lookup_*, first_run_*, shortcuts_*, duplicates_*,
                                        # activity_log_*
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from core.store.db import Database
from tools.screenshots import OUT, render_demo_shop, settle


def render(app: QApplication, database: Database, language: str) -> None:
    from gui.context import AppContext
    from gui.main_window import MainWindow

    window = MainWindow(AppContext(database))
    window.resize(1440, 860)
    window.show()
    settle(app)
    customers = window.show_page("customers")
    settle(app)
    customers.table.selectRow(2)  # a buyer with a few orders, shown in the detail beside the list
    settle(app)
    window.grab().save(str(OUT / f"shell_{language}.png"))
    customers.search.setText("zj")  # pinyin initials, as a rep types them during a chat
    while customers.model.query.customer_filter.search != "zj":
        settle(app)
    settle(app)
    window.grab().save(str(OUT / f"customers_search_{language}.png"))
    customers.search.clear()
    settle(app)
    window.resize(1366, 700)
    customers.filters_button.click()
    settle(app)
    window.grab().save(str(OUT / f"customers_filters_{language}.png"))
    customers.filters_button.click()
    window.show_page("settings")
    settle(app)
    window.grab().save(str(OUT / f"settings_{language}.png"))
    window.close()

    from gui.customers.lookup import ChatLookupWindow

    lookup = ChatLookupWindow(window.context)
    lookup.show()
    lookup.search.setText("柠檬")  # a nickname many buyers share; the seventh is a VIP with a note
    while lookup.matches.count() < 7:
        settle(app)
    lookup.matches.setCurrentRow(6)
    settle(app)
    lookup.grab().save(str(OUT / f"customers_lookup_{language}.png"))
    lookup.close()

    from gui.first_run import FirstRunDialog
    from gui.shortcuts import ShortcutsDialog

    welcome = FirstRunDialog(window.context, "小满杂货铺")
    welcome.show()
    settle(app)
    welcome.grab().save(str(OUT / f"first_run_{language}.png"))
    welcome.close()
    keys = ShortcutsDialog(window.menus.actions_with_keys(), window.lookup_action)
    keys.show()
    settle(app)
    keys.grab().save(str(OUT / f"shortcuts_{language}.png"))
    keys.close()

    from gui.customers.duplicates import DuplicatesDialog

    dialog = DuplicatesDialog(window.context)
    dialog.show()
    settle(app)
    dialog.grab().save(str(OUT / f"duplicates_{language}.png"))
    dialog.close()

    from gui.safety.activity import ActivityDialog

    activity = ActivityDialog(window.context)
    activity.show()
    while not activity.entries:
        settle(app)
    activity.grab().save(str(OUT / f"activity_log_{language}.png"))
    activity.close()


if __name__ == "__main__":
    render_demo_shop(render)
