"""The customer book: the page a shop owner lives in.

Search box and filters on top, saved segments on the left, the lazy list in the middle and the chosen buyer's
detail on the right. Every query runs in the background; the list holds ids and fetches rows it shows.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QByteArray, QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.care.rules import shop_name_of
from core.customers.export import export_customers, export_file_name
from core.customers.listing import RELEVANCE, CustomerFilter
from core.customers.profile import set_do_not_contact, set_vip
from core.customers.segments import save_segment
from core.customers.tags import add_tags, remove_tags
from core.figures.shops import shop_names
from gui.context import AppContext
from gui.customers.delegates import HighlightDelegate, TagChipsDelegate
from gui.customers.deletion import CustomerDeleter
from gui.customers.detail_panel import CustomerDetailPanel
from gui.customers.export_words import CustomerExportNames
from gui.customers.filters_panel import FiltersPanel
from gui.customers.segments_bar import SegmentsBar
from gui.customers.table_model import COLUMNS, DEFAULT_VISUAL_ORDER, DNC_COLOUR, CustomerTableModel, ListQuery
from gui.customers.tasks import read, write, write_with_progress
from gui.file_dialogs import save_path
from gui.safety.owner_only import owner_only, owner_only_tip
from gui.widgets import EmptyState, PageHeader, add_window_keys
from gui.worker import run_in_background

SEARCH_DELAY_MS = 60  # a keystroke or two: typing fast sends one query, not one per letter
HEADER_KEY = "customers/header"
MIN_THREADS = 4
# What a seller looks at first; the rest are a click away in Columns. At 1280 px with the detail open, these are
# all in view (tests/gui/test_laptop_screens.py); "account" joins them once the list has that column.
SHOWN_BY_DEFAULT = ("name", "account", "phone", "stage", "tags", "last_order", "overdue")
HIDDEN_BY_DEFAULT = tuple(key for key in COLUMNS if key not in SHOWN_BY_DEFAULT)


def search_match_limit() -> int:
    from core.search.query import MATCH_LIMIT  # pypinyin under it: no part of the page's first paint

    return MATCH_LIMIT


class CustomersPage(QWidget):
    import_requested = Signal()
    demo_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        # Reading a million ids takes a thread for a second or two; keystroke searches must not queue behind it.
        pool = QThreadPool.globalInstance()
        pool.setMaxThreadCount(max(pool.maxThreadCount(), MIN_THREADS))
        self.detail_windows: list[QWidget] = []
        self.segment_counts_due = False
        self.only_ids: list[int] | None = None
        self.searched = ""  # the search the list's order was last chosen for
        self.select_when_listed: int | None = None  # a buyer another window asked to open, selected once listed
        layout = QVBoxLayout(self)
        layout.addWidget(PageHeader(self.tr("Customers"), self.tr("Everyone who ever bought from your shop.")))
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)

        self.empty_state = EmptyState(
            self.tr("Your customer book is empty"),
            self.tr("Import the order sheets your shop back-end exports, or look around a demo shop first."),
        )
        import_button = QPushButton(self.tr("Import order sheets…"))
        import_button.clicked.connect(self.import_requested)
        self.demo_button = QPushButton(self.tr("Open the demo shop"))
        self.demo_button.clicked.connect(self.demo_requested)
        self.empty_state.add_action(import_button)
        self.empty_state.add_action(self.demo_button)
        self.stack.addWidget(self.empty_state)

        self.model = CustomerTableModel(context.database, self)
        self.book = self._build_book()
        # Many buttons: without this the page would dictate a wide window; narrow windows clip the row.
        self.book.setMinimumWidth(400)
        self.stack.addWidget(self.book)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        self.filters.changed.connect(self.apply_filter)
        self.segments.chosen.connect(self._segment_chosen)
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self._list_failed)
        self.model.modelReset.connect(self._rows_reset)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail.changed.connect(self._something_changed)
        context.database_changed.connect(self._database_switched)
        context.data_changed.connect(self.reload)
        self.reload()

    # -- building ------------------------------------------------------------------------------------

    def _build_book(self) -> QWidget:
        book = QWidget()
        layout = QVBoxLayout(book)
        layout.setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("customerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search name, nickname, phone or its last 4 digits, order number, WeChat, tag, pinyin (zxm)…"))
        top.addWidget(self.search, 1)
        self.filters_button = QPushButton(self.tr("Filters"))
        self.filters_button.setCheckable(True)
        top.addWidget(self.filters_button)
        self.save_segment_button = QPushButton(self.tr("Save as segment…"))
        self.save_segment_button.clicked.connect(self.save_segment)
        top.addWidget(self.save_segment_button)
        self.columns_button = QToolButton()
        self.columns_button.setText(self.tr("Columns"))
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        top.addWidget(self.columns_button)
        self.tags_button = QPushButton(self.tr("Tags…"))
        self.tags_button.clicked.connect(self.open_tag_manager)
        top.addWidget(self.tags_button)
        self.tag_rules_button = QPushButton(self.tr("Tag rules…"))
        self.tag_rules_button.clicked.connect(self.open_tag_rules)
        top.addWidget(self.tag_rules_button)
        self.duplicates_button = QPushButton(self.tr("Duplicates…"))
        self.duplicates_button.clicked.connect(self.open_duplicates)
        top.addWidget(self.duplicates_button)
        layout.addLayout(top)

        self.only_banner = QWidget()
        banner = QHBoxLayout(self.only_banner)
        banner.setContentsMargins(0, 0, 0, 0)
        self.only_label = QLabel()
        self.only_label.setStyleSheet("font-weight: bold;")
        show_all = QPushButton(self.tr("Show everyone"))
        show_all.clicked.connect(self.show_everyone)
        banner.addWidget(self.only_label, 1)
        banner.addWidget(show_all)
        self.only_banner.hide()
        layout.addWidget(self.only_banner)

        bulk = QHBoxLayout()
        self.selection_label = QLabel()
        bulk.addWidget(self.selection_label)
        bulk.addStretch(1)
        self.add_tags_button = QPushButton(self.tr("Add tags…"))
        self.add_tags_button.clicked.connect(lambda: self.bulk_tags(add=True))
        self.remove_tags_button = QPushButton(self.tr("Remove tags…"))
        self.remove_tags_button.clicked.connect(lambda: self.bulk_tags(add=False))
        self.vip_button = QToolButton()
        self.vip_button.setText(self.tr("VIP"))
        self.vip_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        vip_menu = QMenu(self.vip_button)
        vip_menu.addAction(self.tr("Set VIP"), lambda: self.bulk(set_vip, True))
        vip_menu.addAction(self.tr("Clear VIP"), lambda: self.bulk(set_vip, False))
        self.vip_button.setMenu(vip_menu)
        self.dnc_button = QPushButton(self.tr("Do not contact…"))
        self.dnc_button.clicked.connect(self.bulk_do_not_contact)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(self.export)
        self.deleter = CustomerDeleter(self.context, self)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(lambda: self.deleter.ask_and_delete(self.selected_ids()))
        for widget in (self.add_tags_button, self.remove_tags_button, self.vip_button, self.dnc_button,
                       self.export_button, self.delete_button):
            bulk.addWidget(widget)
        layout.addLayout(bulk)
        self.rep_mode_watch = owner_only(self.context, self.export_button, self.tag_rules_button)
        self.rep_mode_watch.changed.connect(self._show_delete_button)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.segments = SegmentsBar(self.context)
        self.segments.setMinimumWidth(130)
        self.splitter.addWidget(self.segments)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        self.filters = FiltersPanel()
        self.filters.setVisible(False)
        self.filters_button.toggled.connect(self.filters.setVisible)
        self.filters_button.toggled.connect(lambda shown: shown and self._load_shops())
        middle_layout.addWidget(self.filters)
        self.table = self._build_table()
        middle_layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        self.red_legend = QLabel(self.tr("Names in red: do not contact"))
        self.red_legend.setStyleSheet(f"color: {DNC_COLOUR.name()};")
        count_row = QHBoxLayout()
        count_row.addWidget(self.count_label, 1)
        count_row.addWidget(self.red_legend)
        middle_layout.addLayout(count_row)
        self.splitter.addWidget(middle)
        self.detail = CustomerDetailPanel(self.context)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([130, 660, 320])  # at 1280 px the default columns fit beside the detail
        layout.addWidget(self.splitter, 1)
        self._build_columns_menu()
        return book

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("customerTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(26)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setSortIndicator(COLUMNS.index("last_order"), Qt.SortOrder.DescendingOrder)
        self.highlight = HighlightDelegate(table)
        for key in ("name", "nickname", "phone", "account"):
            table.setItemDelegateForColumn(COLUMNS.index(key), self.highlight)
        table.setItemDelegateForColumn(COLUMNS.index("tags"), TagChipsDelegate(table))
        # The default columns fit beside an open buyer's detail on a 1366×768 laptop, with the list's scroll bar.
        for key, width in (("name", 90), ("stage", 70), ("tags", 120), ("last_order", 92), ("overdue", 58),
                           ("platform", 90), ("birthday", 90)):
            table.setColumnWidth(COLUMNS.index(key), width)
        state = QSettings().value(HEADER_KEY)
        if isinstance(state, QByteArray) and header.restoreState(state):
            pass
        else:
            for key in HIDDEN_BY_DEFAULT:
                header.setSectionHidden(COLUMNS.index(key), True)
            for visual, key in enumerate(DEFAULT_VISUAL_ORDER):
                header.moveSection(header.visualIndex(COLUMNS.index(key)), visual)
        if header.sortIndicatorSection() < 0:  # saved while a search listed its matches by relevance
            header.setSortIndicator(COLUMNS.index("last_order"), Qt.SortOrder.DescendingOrder)
        # Sorting switched on last, with the model already in the indicator's order: switching it on sorts by the
        # indicator, and each thrown-away sort of a million buyers costs a core for a second or more.
        self.model.set_order(header.sortIndicatorSection(), header.sortIndicatorOrder())
        table.setSortingEnabled(True)
        header.sectionMoved.connect(self._save_header)
        table.doubleClicked.connect(self._open_detail_window)
        return table

    def _build_columns_menu(self) -> None:
        menu = QMenu(self.columns_button)
        header = self.table.horizontalHeader()
        for column, key in enumerate(COLUMNS):
            action = menu.addAction(self.model.titles[key])
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, column=column: self.show_column(column, shown))
        self.columns_button.setMenu(menu)

    def show_column(self, column: int, shown: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(column, not shown)
        self._save_header()

    def _save_header(self) -> None:
        QSettings().setValue(HEADER_KEY, self.table.horizontalHeader().saveState())

    def visible_columns(self) -> list[str]:
        """Visible column keys in the order the user arranged them."""
        header = self.table.horizontalHeader()
        ordered = sorted(range(len(COLUMNS)), key=header.visualIndex)
        return [COLUMNS[column] for column in ordered if not header.isSectionHidden(column)]

    # -- what the list shows ---------------------------------------------------------------------------

    def current_filter(self) -> CustomerFilter:
        customer_filter = self.filters.current_filter(self.search.text())
        customer_filter.ids = self.only_ids
        return customer_filter

    def apply_filter(self) -> None:
        self.highlight.query = self.search.text()
        searched = self.search.text().strip()
        if searched != self.searched:
            self.searched = searched
            self._order_for_search(bool(searched))
        self.model.load(ListQuery(self.current_filter(), self.model.query.sort, self.model.query.descending))

    def _order_for_search(self, searching: bool) -> None:
        """A new search lists its best matches first (no column's indicator) until a header is clicked; clearing
        it goes back to the newest order first."""
        if not searching and self.model.query.sort != RELEVANCE:
            return  # the user's own column order stays
        header = self.table.horizontalHeader()
        header.blockSignals(True)  # the model takes the order below; the header's signal would load it twice
        if searching:
            header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
            self.model.query = ListQuery(self.model.query.customer_filter, RELEVANCE, True)
        else:
            header.setSortIndicator(COLUMNS.index("last_order"), Qt.SortOrder.DescendingOrder)
            self.model.set_order(COLUMNS.index("last_order"), Qt.SortOrder.DescendingOrder)
        header.blockSignals(False)
        header.viewport().update()

    def reload(self) -> None:
        self.model.forget_total()
        self.model.load()
        # The side bar's counts scan the whole book: they start once the list's first screen is in, not
        # beside it, so on a busy two-core machine the first paint does not share the cores with them.
        self.segment_counts_due = True
        if self.filters.isVisible():
            self._load_shops()

    def _load_shops(self) -> None:
        """The shops the Shop filter offers: read when the filters are shown, as they scan every order."""
        run_in_background(read, self.context.database, shop_names, on_success=self.filters.set_shops)

    def _count_segments_if_due(self) -> None:
        if self.segment_counts_due:
            self.segment_counts_due = False
            self.segments.reload()

    def show_only(self, customer_ids: list[int], label: str) -> None:
        """Show exactly these customers (asked for by another page, e.g. a chart's bar); one buyer is selected,
        so the detail beside the list opens on them."""
        self.only_ids = list(customer_ids)
        self.select_when_listed = customer_ids[0] if len(customer_ids) == 1 else None
        self.only_label.setText(self.tr("%1 (%Ln customers)", "", len(customer_ids)).replace("%1", label))
        self.only_banner.show()
        self.stack.setCurrentWidget(self.book)
        self.apply_filter()

    def show_everyone(self) -> None:
        self.only_ids = None
        self.only_banner.hide()
        self.apply_filter()

    def _segment_chosen(self, customer_filter: CustomerFilter) -> None:
        self.filters.set_filter(customer_filter)
        self.filters_button.setChecked(not customer_filter.is_empty())
        self.search.blockSignals(True)
        self.search.setText(customer_filter.search)
        self.search.blockSignals(False)
        self.apply_filter()

    def _loaded(self, shown: int, everyone: int) -> None:
        if everyone == 0 and self.only_ids is None:
            self.stack.setCurrentWidget(self.empty_state)
            return
        self.stack.setCurrentWidget(self.book)
        if shown == everyone:
            text = self.tr("%Ln customers", "", shown)
        else:
            text = self.tr("%1 of %Ln customers", "", everyone).replace("%1", f"{shown:,}")
        if self.search.text().strip() and shown >= search_match_limit():
            text += " — " + self.tr("only the first matches are shown: type more to narrow the search")
        self.count_label.setText(text)
        self._selection_changed()

    def _rows_reset(self) -> None:
        # A refresh (another rep's change, the start-up rescore, a save) keeps the buyer being read or typed
        # about, wherever the new list still holds them; a list without them lets them go.
        shown = self.detail.customer_id
        if self.select_when_listed is None and shown is not None and shown in self.model.ids():
            self.select_when_listed = shown
        else:
            self.detail.show_customer(None)
        if self.model.rowCount():  # paint the first screen now; the count follows with the rest of the ids
            self.stack.setCurrentWidget(self.book)
        self._select_the_asked_buyer()
        self._count_segments_if_due()

    def _select_the_asked_buyer(self) -> None:
        wanted, self.select_when_listed = self.select_when_listed, None
        ids = self.model.ids()
        if wanted is not None and wanted in ids:
            self.table.selectRow(ids.index(wanted))

    def _list_failed(self, message: str) -> None:
        self.count_label.setText(message)
        self._count_segments_if_due()

    def _database_switched(self) -> None:
        self.model.database = self.context.database
        self.model.forget_total()
        self.only_ids = None
        self.only_banner.hide()

    def _something_changed(self) -> None:
        self.model.refresh_rows()
        self.segments.reload()

    def refresh_shown(self) -> None:
        """Another rep changed the book: the rows in view and the open buyer anew, selection and typing kept
        (not the side bar's counts, which scan the whole book: a busy shop's reps move the mark every poll)."""
        self.model.refresh_rows()
        self.detail.reload()

    # -- selection and bulk actions ------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        return [self.model.customer_id(index.row()) for index in self.table.selectionModel().selectedRows()]

    def _selection_changed(self, *_args: object) -> None:
        ids = self.selected_ids()
        self.selection_label.setText(self.tr("%1 selected").replace("%1", f"{len(ids):,}") if ids else "")
        for button in (self.add_tags_button, self.remove_tags_button, self.vip_button, self.dnc_button):
            button.setEnabled(bool(ids))
        self._show_delete_button()
        self.detail.show_customer(ids[0] if len(ids) == 1 else None)

    def _show_delete_button(self) -> None:
        """Deleting is the owner's: in rep mode the button says so instead of failing when pressed."""
        rep_mode = self.rep_mode_watch.rep_mode
        self.delete_button.setEnabled(bool(self.selected_ids()) and not rep_mode)
        self.delete_button.setToolTip(owner_only_tip() if rep_mode else "")

    def bulk(self, function, *args) -> None:  # type: ignore[no-untyped-def]
        ids = self.selected_ids()
        if ids:
            run_in_background(write, self.context.database, function, ids, *args,
                              on_success=lambda _result: self._bulk_done(),
                              on_failure=self._warn)

    def _bulk_done(self) -> None:
        self._something_changed()
        self.detail.reload()
        self.model.load()

    def bulk_tags(self, add: bool) -> None:
        title = self.tr("Add tags") if add else self.tr("Remove tags")
        text, ok = QInputDialog.getText(self, title, self.tr("Tags, separated by commas:"))
        names = [part.strip() for part in text.replace("，", ",").split(",") if part.strip()]
        if ok and names:
            self.bulk(add_tags if add else remove_tags, names)

    def bulk_do_not_contact(self) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("Do not contact"),
                                          self.tr("Why should these customers not be contacted?"))
        if ok:
            self.bulk(set_do_not_contact, True, reason.strip() or None)

    def _warn(self, message: str, _details: str = "") -> None:
        QMessageBox.warning(self, self.tr("Customers"), message)

    def export(self) -> None:
        """Every column a seller uses, whatever the list shows; named for the shop and the day."""
        run_in_background(read, self.context.database, shop_name_of, on_success=self._export_as,
                          on_failure=self._warn)

    def _export_as(self, shop_name: str) -> None:
        words = CustomerExportNames(self).words(self.model.titles)
        path = save_path(self, self.tr("Export customers"), export_file_name(shop_name, words, date.today()),
                         self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"))
        if not path:
            return
        selected = self.selected_ids()
        progress = QProgressDialog(self.tr("Exporting customers…"), self.tr("Cancel"), 0, 0, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        task = run_in_background(
            write_with_progress, self.context.database, export_customers, path,
            # Without a selection, the whole list as filtered (its ids may still be arriving).
            ids=selected or None, customer_filter=self.model.query.customer_filter, words=words,
            on_success=lambda count: self.count_label.setText(
                self.tr("Exported %Ln customers to %1", "", count).replace("%1", str(path))),
            on_failure=self._warn,
            on_progress=lambda done, total: (progress.setMaximum(total), progress.setValue(done)),
            on_finished=progress.reset,
        )
        progress.canceled.connect(task.cancel)

    def save_segment(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save as segment"),
                                        self.tr("Name for the customers this filter finds:"))
        if ok and name.strip():
            customer_filter = self.filters.current_filter(self.search.text())
            run_in_background(write, self.context.database, save_segment, name, customer_filter,
                              on_success=lambda _result: self.segments.reload(), on_failure=self._warn)

    # -- other windows -------------------------------------------------------------------------------

    def _open_detail_window(self, index) -> None:  # type: ignore[no-untyped-def]
        window = CustomerDetailPanel(self.context)
        window.setWindowFlag(Qt.WindowType.Window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.setWindowTitle(self.tr("Customer"))
        add_window_keys(window, window.save_edits)
        window.resize(520, 680)
        window.changed.connect(self._something_changed)
        window.destroyed.connect(lambda: self.detail_windows.remove(window) if window in self.detail_windows else None)
        self.detail_windows.append(window)
        window.show_customer(self.model.customer_id(index.row()))
        window.show()

    def open_tag_manager(self) -> None:
        from gui.customers.tag_manager import TagManagerDialog

        dialog = TagManagerDialog(self.context, self)
        dialog.changed.connect(self.reload)
        dialog.exec()

    def open_tag_rules(self) -> None:
        from gui.loyalty.tag_rules_dialog import TagRulesDialog

        dialog = TagRulesDialog(self.context, self)
        dialog.changed.connect(self.reload)
        dialog.exec()

    def open_duplicates(self) -> None:
        from gui.customers.duplicates import DuplicatesDialog

        dialog = DuplicatesDialog(self.context, self)
        dialog.changed.connect(self.reload)
        dialog.exec()
