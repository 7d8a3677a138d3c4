"""What every page shares: the open database and the news that its data changed."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from core.store.db import Database


class AppContext(QObject):
    database_changed = Signal()
    data_changed = Signal()  # after an import, an edit or a merge: pages reload what they show
    care_settings_changed = Signal()  # the shop's name, signature, cap or window: the care messages follow
    care_tasks_changed = Signal()  # generated, done, snoozed or skipped: today's count moves
    # Any page may ask to see exactly these customers (ids) in the customer list, with a label saying why.
    show_customers_requested = Signal(list, str)

    def __init__(self, database: Database, today: date | None = None) -> None:
        super().__init__()
        self.database = database
        self._today = today  # None: the calendar's day, read each time, so a window left open overnight follows it

    def today(self) -> date:
        return self._today or date.today()

    def switch_database(self, database: Database) -> None:
        old = self.database
        self.database = database
        old.close()
        self.database_changed.emit()
        self.data_changed.emit()
