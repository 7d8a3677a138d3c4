"""The customer list as a Qt model over ids: it holds the ordered ids and fetches rows a page at a time.

At a million buyers the ids cost a few megabytes; rows are fetched in the background only for the pages the
view asks for, and forgotten when the cache grows, so scrolling stays smooth and memory flat.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor

from core.customers.finding import find_customer_ids
from core.customers.listing import Account, CustomerFilter, CustomerRow, count_customers, customer_ids
from core.store.db import Database
from gui.customers.labels import CustomerLabels
from gui.customers.tasks import read_until_stale, rows_as_shown
from gui.worker import BackgroundTask, run_in_background

PAGE_SIZE = 50  # about two screens of rows: the first screen's rows are read before it paints
# The first screenful of ids comes first (an index scan with LIMIT), so the list paints before a million
# ids have crossed from the database; the rest follow and extend the list without a reset.
FIRST_IDS = PAGE_SIZE * 2
CACHE_LIMIT = 5000
ID_ROLE = Qt.ItemDataRole.UserRole + 1
TAGS_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # asked of every painted cell: built once
NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
DNC_COLOUR = QColor("#c0392b")
# The roles `data` answers. A paint asks each visible cell for a dozen roles (font, decoration, check state,
# size hint…): those are turned away before any lookup, since a full screen asks ~1,300 times.
ANSWERED_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ForegroundRole, ID_ROLE, TAGS_ROLE,
})

# Column keys (the view lets the user hide and reorder them). New columns go last, so a header layout saved
# before them still restores onto the same columns; DEFAULT_VISUAL_ORDER says where they first show.
COLUMNS = ("name", "nickname", "platform", "stage", "tags", "paid_orders", "total_spent", "last_order",
           "birthday", "city", "vip", "do_not_contact", "overdue", "phone", "account", "member_tier", "points",
           "p_alive", "expected_90d", "next_order", "next_order_value")
DEFAULT_VISUAL_ORDER = ("name", "account", *(key for key in COLUMNS if key not in ("name", "account")))
SORTABLE = set(COLUMNS) - {"tags", "phone", "account"}
NUMERIC = {"paid_orders", "total_spent", "overdue", "points", "p_alive", "expected_90d", "next_order_value"}


def accounts_text(accounts: list[Account], platform_names: dict[str, str]) -> str:
    """`tb_小米粥88 (Taobao/Tmall) · 一只鹿3302 (Pinduoduo)`: each account with the platform it is on."""
    return " · ".join(
        f"{account.value} ({platform_names.get(account.platform, account.platform)})" if account.platform
        else account.value
        for account in accounts
    )


@dataclass(frozen=True)
class ListQuery:
    customer_filter: CustomerFilter
    sort: str = "last_order"
    descending: bool = True


def _first_screen(database: Database, query: ListQuery, *,  # type: ignore[no-untyped-def]
                  progress, cancel) -> tuple[list[int], list[CustomerRow], bool]:
    """The first ids and the rows of their first page, in one task: the list paints as soon as this returns;
    and whether those are all the ids. A rep's search by phone is logged here.

    Fetching the rows in a second task made them wait behind the million-id read (its Python side holds
    the GIL), which was most of the cold first paint at 1M. A search's matches are capped (a few thousand at
    most) and ranking them costs the same with or without a limit, so a search reads them all at once: a
    second read would run the ranking again while the first screen paints.
    """
    searching = bool(query.customer_filter.search)
    ids = find_customer_ids(database, query.customer_filter, query.sort, query.descending,
                            limit=None if searching else FIRST_IDS, cancel=cancel)
    with database.session() as session:
        return ids, rows_as_shown(session, ids[:PAGE_SIZE]), searching or len(ids) < FIRST_IDS


def _all_ids(session, query: ListQuery, need_total: bool) -> tuple[list[int], int | None]:  # type: ignore[no-untyped-def]
    # The same search as the first screen's, which logged it when it was a rep's by phone.
    ids = customer_ids(session, query.customer_filter, query.sort, query.descending)
    if query.customer_filter.is_empty():
        return ids, len(ids)
    return ids, count_customers(session) if need_total else None


class CustomerTableModel(QAbstractTableModel):
    loaded = Signal(int, int)  # rows shown, customers in the whole book
    failed = Signal(str)

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.query = ListQuery(CustomerFilter())
        self._ids: list[int] = []
        self._rows: dict[int, CustomerRow] = {}
        self._pending_pages: set[int] = set()
        self._generation = 0
        self._reads: list[BackgroundTask] = []  # the current query's reads still running
        self._everyone: int | None = None
        self.titles = {
            "name": self.tr("Name"), "nickname": self.tr("Nickname"), "platform": self.tr("Platform"),
            "stage": self.tr("Stage"), "tags": self.tr("Tags"), "paid_orders": self.tr("Paid orders"),
            "total_spent": self.tr("Total spent"), "last_order": self.tr("Last order"),
            "birthday": self.tr("Birthday"), "city": self.tr("City"), "vip": self.tr("VIP"),
            "do_not_contact": self.tr("Do not contact"), "overdue": self.tr("Overdue"), "phone": self.tr("Phone"),
            "account": self.tr("Account"),
            "member_tier": self.tr("Member tier"), "points": self.tr("Points"),
            "p_alive": self.tr("Still a customer"), "expected_90d": self.tr("Expected in 90 days"),
            "next_order_value": self.tr("Next order value"),
            "next_order": self.tr("Next order"),
        }
        labels = CustomerLabels()
        self.stage_names, self.platform_names = labels.stages(), labels.platforms()
        self._texts = self._column_texts()

    # -- loading ---------------------------------------------------------------------------------------

    def load(self, query: ListQuery | None = None) -> None:
        """Fetch the ids for `query` (or the current one again) in the background."""
        if query is not None:
            self.query = query
        self._generation += 1
        for stale in self._reads:  # their answers would be dropped: stop them, the new read needs the core
            stale.cancel()
        self._reads.clear()
        generation, current = self._generation, self.query
        self._run(
            _first_screen, self.database, current,
            on_success=lambda screen: self._first_screen_arrived(generation, current, *screen),
            on_failure=lambda message, _details: self.failed.emit(message),
        )

    def _read(self, function, *args, **callbacks) -> None:  # type: ignore[no-untyped-def]
        """Read `function(session, *args)` in the background, stopped by the next `load`."""
        self._run(read_until_stale, self.database, function, *args, **callbacks)

    def _run(self, function, *args, **callbacks) -> None:  # type: ignore[no-untyped-def]
        """Run `function(*args, progress=, cancel=)` in the background, cancelled by the next `load`."""
        task = run_in_background(function, *args,
                                 on_finished=lambda: self._reads.remove(task) if task in self._reads else None,
                                 **callbacks)
        self._reads.append(task)

    def _first_screen_arrived(self, generation: int, query: ListQuery, ids: list[int],
                              rows: list[CustomerRow], complete: bool) -> None:
        if generation != self._generation:
            return  # the user typed on; a newer query is coming
        self.beginResetModel()
        self._ids = ids
        self._rows = {row.id: row for row in rows}
        self._pending_pages.clear()
        self.endResetModel()
        if complete and (self._everyone is not None or query.customer_filter.is_empty()):
            if query.customer_filter.is_empty():
                self._everyone = len(ids)
            self.loaded.emit(len(ids), self._everyone or 0)
            return
        # Queued behind the paint the reset asked for: reading a million ids holds the GIL in long stretches.
        QTimer.singleShot(0, self, partial(self._load_all_ids, generation, query))

    def _load_all_ids(self, generation: int, query: ListQuery) -> None:
        if generation != self._generation:
            return
        self._read(
            _all_ids, query, self._everyone is None,
            on_success=lambda result: self._all_ids_arrived(generation, *result),
            on_failure=lambda message, _details: self.failed.emit(message),
        )

    def _all_ids_arrived(self, generation: int, ids: list[int], everyone: int | None) -> None:
        if generation != self._generation:
            return
        if everyone is not None:
            self._everyone = everyone
        known = len(self._ids)
        if ids[:known] == self._ids:
            if len(ids) > known:
                self.beginInsertRows(QModelIndex(), known, len(ids) - 1)
                self._ids = ids
                self.endInsertRows()
        else:  # the book changed between the two reads
            self.beginResetModel()
            self._ids = ids
            self._rows.clear()
            self._pending_pages.clear()
            self.endResetModel()
        self.loaded.emit(len(ids), self._everyone or 0)

    def forget_total(self) -> None:
        """The book changed: count everyone again on the next load."""
        self._everyone = None

    def refresh_rows(self) -> None:
        """Forget fetched rows (after an edit) so visible ones are fetched anew."""
        self._rows.clear()
        self._pending_pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def _fetch_page(self, page: int) -> None:
        if page in self._pending_pages:
            return
        self._pending_pages.add(page)
        ids = self._ids[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
        generation = self._generation
        self._read(rows_as_shown, ids, on_success=lambda rows: self._rows_arrived(generation, page, rows))

    def _rows_arrived(self, generation: int, page: int, rows: list[CustomerRow]) -> None:
        if generation != self._generation:
            return
        self._pending_pages.discard(page)
        if len(self._rows) > CACHE_LIMIT:
            self._rows.clear()
        self._rows.update((row.id, row) for row in rows)
        first = page * PAGE_SIZE
        last = min(first + PAGE_SIZE, len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    # -- what the view asks ----------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[COLUMNS[section]]
        return None

    def customer_id(self, row: int) -> int:
        return self._ids[row]

    def ids(self) -> list[int]:
        return list(self._ids)

    def cached_row(self, row: int) -> CustomerRow | None:
        return self._rows.get(self._ids[row])

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ANSWERED_ROLES:
            return None
        number = index.row()  # -1 for an invalid index
        if not 0 <= number < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[number]
        row = self._rows.get(self._ids[number])
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole:
                self._fetch_page(number // PAGE_SIZE)
            return None
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(row, key)
        if role == TAGS_ROLE and key == "tags":
            return [(name, colour, name in row.rule_tags) for name, colour in row.tags]
        if role == Qt.ItemDataRole.ToolTipRole and key == "tags" and row.rule_tags:
            return self.tr("Given by tag rules (outlined): %1").replace("%1", ", ".join(sorted(row.rule_tags)))
        if role == Qt.ItemDataRole.TextAlignmentRole and key in NUMERIC:
            return NUMBER_ALIGNMENT
        if role == Qt.ItemDataRole.ForegroundRole and row.do_not_contact and key in ("name", "do_not_contact"):
            return DNC_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole and key == "name":
            return " · ".join(filter(None, [row.name, row.nickname, *row.accounts, row.phone, row.city]))
        if role == Qt.ItemDataRole.ToolTipRole and key == "overdue" and row.median_gap_days:
            return self.tr("Days since the last paid order ÷ this buyer's median gap of %1 days") \
                .replace("%1", f"{row.median_gap_days:.0f}")
        return None

    def display_text(self, row: CustomerRow, key: str) -> str:
        # One column's text: a paint asks for every visible cell, and formatting all twenty of a row for each
        # of them was most of a full screen's paint.
        return self._texts[key](row)

    def _column_texts(self) -> dict[str, Callable[[CustomerRow], str]]:
        return {
            "name": lambda row: row.display_name,
            "nickname": lambda row: row.nickname or "",
            "platform": lambda row: self.platform_names.get(row.platform or "", row.platform or ""),
            "stage": lambda row: self.stage_names.get(row.stage, row.stage),
            "tags": lambda row: ", ".join(name for name, _color in row.tags),
            "paid_orders": lambda row: str(row.paid_orders),
            "total_spent": lambda row: f"¥{row.total_spent:,.2f}" if isinstance(row.total_spent, Decimal) else "",
            "last_order": lambda row: row.last_order_at.strftime("%Y-%m-%d") if row.last_order_at else "",
            "birthday": lambda row: row.birthday,
            "city": lambda row: row.city or "",
            "vip": lambda row: "★" if row.is_vip else "",
            "do_not_contact": lambda row: self.tr("Do not contact") if row.do_not_contact else "",
            "overdue": lambda row: f"{row.overdue:.1f}×" if row.overdue else "",
            "phone": lambda row: row.phone or "",
            "account": lambda row: " / ".join(row.accounts),
            "member_tier": lambda row: row.member_tier or "",
            "points": lambda row: str(row.points) if row.points else "",
            "p_alive": lambda row: f"{row.p_alive:.0%}" if row.p_alive is not None else "",
            "expected_90d": lambda row: f"{row.expected_90d:.1f}" if row.expected_90d is not None else "",
            "next_order_value": lambda row: f"¥{row.next_order_value:,.0f}" if row.next_order_value is not None else "",
            "next_order": lambda row: row.next_order_on.isoformat() if row.next_order_on else "",
        }

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.set_order(column, order):
            self.load()

    def set_order(self, column: int, order: Qt.SortOrder) -> bool:
        """Take this order for the next load; False when it is no change or the column cannot be sorted."""
        key = COLUMNS[column] if 0 <= column < len(COLUMNS) else None
        descending = order == Qt.SortOrder.DescendingOrder
        if key not in SORTABLE or (key, descending) == (self.query.sort, self.query.descending):
            return False
        self.query = ListQuery(self.query.customer_filter, key, descending)
        return True
