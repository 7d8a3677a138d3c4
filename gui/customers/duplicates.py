"""Review possible duplicates side by side, merge the right record into the left one, undo a merge."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.customers.detail import CustomerDetail
from core.customers.merge import (
    DuplicatePair,
    duplicate_candidates,
    merge_customers,
    recent_merges,
    undo_merge,
)
from gui.context import AppContext
from gui.customers.labels import CustomerLabels
from gui.customers.tasks import detail_as_shown, read, write
from gui.safety.owner_only import owner_only_tip, rep_mode_watch
from gui.worker import run_in_background

PAIR_ROLE = Qt.ItemDataRole.UserRole


def _pair_details(session, pair: DuplicatePair) -> tuple[CustomerDetail, CustomerDetail]:  # type: ignore[no-untyped-def]
    return detail_as_shown(session, pair.first_id), detail_as_shown(session, pair.second_id)


def _candidates_and_last_merge(session):  # type: ignore[no-untyped-def]
    merges = recent_merges(session, limit=1)
    return duplicate_candidates(session), merges[0].id if merges else None


class DuplicatesDialog(QDialog):
    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.last_merge_id: int | None = None
        self.setWindowTitle(self.tr("Possible duplicates"))
        self.resize(900, 560)
        self.reasons = {"phone": self.tr("same phone"), "name_address": self.tr("same name and address"),
                        "nickname": self.tr("similar nickname on another platform")}
        labels = CustomerLabels()
        self.field_names = labels.profile_fields()
        self.value_names = {"platform": labels.platforms(), "gender": labels.genders()}
        layout = QVBoxLayout(self)
        splitter = QSplitter()
        self.pairs = QListWidget()
        self.pairs.currentItemChanged.connect(self._pair_chosen)
        splitter.addWidget(self.pairs)
        self.left, self.right = QTextBrowser(), QTextBrowser()
        splitter.addWidget(self.left)
        splitter.addWidget(self.right)
        splitter.setSizes([240, 330, 330])
        layout.addWidget(splitter, 1)
        self.status = QLabel()
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.merge_button = QPushButton(self.tr("Merge right into left"))
        self.merge_button.clicked.connect(self.merge)
        self.undo_button = QPushButton(self.tr("Undo last merge"))
        self.undo_button.clicked.connect(self.undo)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        run_in_background(read, self.context.database, _candidates_and_last_merge, on_success=self._show)

    def _show(self, result: tuple[list[DuplicatePair], int | None]) -> None:
        pairs, self.last_merge_id = result
        # Reps merge; the owner checks their merges and undoes a wrong one.
        rep_mode = rep_mode_watch(self.context).rep_mode
        self.undo_button.setEnabled(self.last_merge_id is not None and not rep_mode)
        self.undo_button.setToolTip(owner_only_tip() if rep_mode else "")
        self.pairs.clear()
        for pair in pairs:
            item = QListWidgetItem(f"{pair.first_name} ↔ {pair.second_name} · {self.reasons[pair.reason]}")
            item.setToolTip(f"#{pair.first_id} ↔ #{pair.second_id}")
            item.setData(PAIR_ROLE, pair)
            self.pairs.addItem(item)
        self.merge_button.setEnabled(bool(pairs))
        self.status.setText(self.tr("%Ln possible duplicates", "", len(pairs)) if pairs else
                            self.tr("No possible duplicates: no two customers share a phone, a name and address, "
                                    "or a nickname across platforms."))
        if pairs:
            self.pairs.setCurrentRow(0)
        else:
            self.left.clear()
            self.right.clear()

    def current_pair(self) -> DuplicatePair | None:
        item = self.pairs.currentItem()
        return item.data(PAIR_ROLE) if item is not None else None

    def _pair_chosen(self, *_args: object) -> None:
        pair = self.current_pair()
        if pair is not None:
            run_in_background(read, self.context.database, _pair_details, pair, on_success=self._compare)

    def _compare(self, details: tuple[CustomerDetail, CustomerDetail]) -> None:
        first, second = details
        for browser, detail, other in ((self.left, first, second), (self.right, second, first)):
            browser.setHtml(self._card(detail, other))

    def _card(self, detail: CustomerDetail, other: CustomerDetail) -> str:
        rows = []
        for key, value in detail.profile.items():
            differs = value != other.profile.get(key)
            style = ' style="background:#fff4ce"' if differs else ""
            shown = html.escape(self.value_names.get(key, {}).get(value, value) or "")
            rows.append(f"<tr{style}><td><b>{self.field_names[key]}</b></td><td>{shown}</td></tr>")
        orders, tags = self.tr("Orders"), self.tr("Tags")
        rows.append(f"<tr><td><b>{orders}</b></td><td>{len(detail.orders)}</td></tr>")
        rows.append(f"<tr><td><b>{tags}</b></td><td>{html.escape(', '.join(n for n, _c in detail.tags))}</td></tr>")
        return f"<h3>#{detail.id} {html.escape(detail.display_name)}</h3><table cellpadding='2'>{''.join(rows)}</table>"

    def merge(self) -> None:
        pair = self.current_pair()
        if pair is None:
            return
        run_in_background(write, self.context.database, merge_customers, pair.first_id, pair.second_id,
                          on_success=self._merged, on_failure=self._warn)

    def _merged(self, merge_id: int) -> None:
        self.status.setText(self.tr("Merged. You can undo this merge."))
        self.reload()
        self.changed.emit()

    def undo(self) -> None:
        if self.last_merge_id is not None:
            run_in_background(write, self.context.database, undo_merge, self.last_merge_id,
                              on_success=self._undone, on_failure=self._warn)

    def _undone(self, _result: object) -> None:
        self.reload()
        self.changed.emit()

    def _warn(self, message: str, _details: str = "") -> None:
        QMessageBox.warning(self, self.tr("Possible duplicates"), message)
