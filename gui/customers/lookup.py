"""The chat lookup: a small always-on-top window a rep keeps beside the chat tool.

Type (or copy, with clipboard watch on) the platform account, a nickname, phone, order number or pinyin and the
best match's card shows: name, accounts, tags, VIP and other notes, birthday, the last 3 orders, stage and a
do-not-contact warning. A note or a tag is added in one step.
"""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from core.customers.detail import CustomerDetail, NoteView
from core.customers.finding import look_up_customer_ids
from core.customers.listing import CustomerRow
from core.customers.profile import add_note
from core.customers.tags import add_tags
from core.store.db import Database
from core.store.models import NoteKind
from gui.context import AppContext
from gui.customers.labels import CustomerLabels
from gui.customers.table_model import DNC_COLOUR, accounts_text
from gui.customers.tasks import detail_as_shown, read, rows_as_shown, write
from gui.worker import run_in_background

MATCHES_SHOWN = 8
NOTES_SHOWN = 3
CLIPBOARD_MAX_LENGTH = 40  # longer copied text is a chat message, not a handle


def _matches(database: Database, text: str, *, progress, cancel) -> list[CustomerRow]:  # type: ignore[no-untyped-def]
    ids = look_up_customer_ids(database, text, MATCHES_SHOWN)  # a rep's search by phone is logged
    with database.session() as session:
        return rows_as_shown(session, ids)


def _card_detail(session, customer_id: int) -> CustomerDetail:  # type: ignore[no-untyped-def]
    return detail_as_shown(session, customer_id, order_limit=3)


class ChatLookupWindow(QWidget):
    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.context = context
        self.customer_id: int | None = None
        self.detail: CustomerDetail | None = None
        self._generation = 0
        labels = CustomerLabels()
        self.stage_names, self.platform_names = labels.stages(), labels.platforms()
        self.statuses = labels.order_statuses()
        self.setWindowTitle(self.tr("Chat lookup"))
        self.resize(360, 520)
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setObjectName("lookupSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Account, nickname, phone, order number, pinyin…"))
        layout.addWidget(self.search)
        self.clipboard_watch = QCheckBox(self.tr("Look up what I copy"))
        layout.addWidget(self.clipboard_watch)
        self.matches = QListWidget()
        layout.addWidget(self.matches)
        self._fit_matches()
        self.card = QLabel()
        self.card.setObjectName("lookupCard")
        self.card.setWordWrap(True)
        self.card.setTextFormat(Qt.TextFormat.RichText)
        self.card.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.card.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.card, 1)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Add a note and press Enter"))
        self.note_edit.returnPressed.connect(self.add_note)
        self.tag_edit = QLineEdit()
        self.tag_edit.setPlaceholderText(self.tr("Add a tag and press Enter"))
        self.tag_edit.returnPressed.connect(self.add_tag)
        row = QHBoxLayout()
        row.addWidget(self.note_edit, 2)
        row.addWidget(self.tag_edit, 1)
        layout.addLayout(row)
        self.confirmation = QLabel()
        self.confirmation.setObjectName("lookupConfirmation")
        layout.addWidget(self.confirmation)
        self.open_button = QPushButton(self.tr("Open in the customer book"))
        self.open_button.clicked.connect(self._open_in_book)
        layout.addWidget(self.open_button)
        self._set_card_enabled(False)
        self.card.setText(self.tr("Type or copy a buyer's account, nickname, phone or order number."))

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(60)
        self.timer.timeout.connect(self.look_up)
        self.search.textChanged.connect(lambda _text: self.timer.start())
        self.matches.currentItemChanged.connect(self._match_chosen)
        self.clipboard_watch.toggled.connect(self._watch_clipboard)

    def _set_card_enabled(self, enabled: bool) -> None:
        for widget in (self.note_edit, self.tag_edit, self.open_button):
            widget.setEnabled(enabled)

    def _watch_clipboard(self, on: bool) -> None:
        clipboard = QGuiApplication.clipboard()
        if on:
            clipboard.dataChanged.connect(self._clipboard_changed)
        else:
            clipboard.dataChanged.disconnect(self._clipboard_changed)

    def _clipboard_changed(self) -> None:
        text = QGuiApplication.clipboard().text().strip()
        if text and len(text) <= CLIPBOARD_MAX_LENGTH and "\n" not in text:
            self.search.setText(text)

    def look_up(self) -> None:
        self._generation += 1
        generation = self._generation
        text = self.search.text()
        if not text.strip():
            self.matches.clear()
            self._fit_matches()
            return
        run_in_background(_matches, self.context.database, text,
                          on_success=lambda rows: self._show_matches(generation, rows))

    def _show_matches(self, generation: int, rows: list[CustomerRow]) -> None:
        if generation != self._generation:
            return
        self.matches.clear()
        for row in rows:
            platform = self.platform_names.get(row.platform or "", row.platform)
            label = " · ".join(filter(None, [row.display_name, *row.accounts, row.nickname, platform, row.phone]))
            item = QListWidgetItem(label)
            if row.do_not_contact:  # Qt's own icon: a ⛔ glyph is missing from many fonts and showed as a box
                item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical))
                item.setForeground(DNC_COLOUR)
                item.setToolTip(self.tr("Do not contact"))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.matches.addItem(item)
        self._fit_matches()
        if rows:
            self.matches.setCurrentRow(0)
        else:
            self.customer_id = None
            self._set_card_enabled(False)
            self.card.setText(self.tr("No customer matches “%1”.").replace("%1", html.escape(self.search.text())))

    def _fit_matches(self) -> None:
        """As tall as its matches (all of them, no scrolling): the card below keeps the rest of the window."""
        rows = min(max(self.matches.count(), 1), MATCHES_SHOWN)
        row_height = self.matches.sizeHintForRow(0) if self.matches.count() else self.fontMetrics().height() + 4
        self.matches.setFixedHeight(rows * row_height + 2 * self.matches.frameWidth())

    def _match_chosen(self, current: QListWidgetItem | None, _previous: object = None) -> None:
        if current is not None:
            self.show_customer(current.data(Qt.ItemDataRole.UserRole))

    def show_customer(self, customer_id: int) -> None:
        if customer_id != self.customer_id:
            self.confirmation.clear()
        self.customer_id = customer_id
        run_in_background(read, self.context.database, _card_detail, customer_id, on_success=self._show_card)

    def _show_card(self, detail: CustomerDetail) -> None:
        if detail.id != self.customer_id:
            return
        self.detail = detail
        self._set_card_enabled(True)
        self.card.setText(self.card_html(detail))

    def card_html(self, detail: CustomerDetail) -> str:
        e = html.escape
        stage, birthday = e(self.tr("Stage:")), e(self.tr("Birthday:"))
        vip_notes, notes, last_orders = e(self.tr("VIP notes:")), e(self.tr("Notes:")), e(self.tr("Last orders:"))
        do_not_contact = e(self.tr("Do not contact"))
        parts = []
        if detail.do_not_contact:
            parts.append(f'<p style="background:#fdecea;color:#a93226;padding:4px"><b>'
                         f'{do_not_contact}</b> {e(detail.dnc_reason or "")}</p>')
        vip = " ★ VIP" if detail.is_vip else ""
        parts.append(f"<h3>{e(detail.display_name)}{vip}</h3>")
        # Only what the buyer has: an empty field leaves no dangling separator.
        who = [accounts_text(detail.accounts, self.platform_names), detail.profile.get("nickname"),
               None if detail.accounts else self.platform_names.get(detail.profile.get("platform") or ""),
               detail.phone_shown]
        if any(who):
            parts.append(f"<p>{e(' · '.join(filter(None, who)))}</p>")
        tags = " ".join(f'<span style="background:{c};color:white">&nbsp;{e(n)}&nbsp;</span>' for n, c in detail.tags)
        parts.append(f"<p><b>{stage}</b> {e(self.stage_names.get(detail.stage, detail.stage))} &nbsp; {tags}</p>")
        if detail.member_tier or detail.points:
            member, points = self.tr("Member:"), self.tr("%Ln points", "", detail.points)
            parts.append(f"<p><b>{e(member)}</b> {e(detail.member_tier or '—')} · {e(points)}</p>")
        if detail.birthday.text:
            next_day = f" → {detail.birthday.next}" if detail.birthday.next else ""
            parts.append(f"<p><b>{birthday}</b> {e(detail.birthday.text)}{next_day}</p>")
        for title, listed in ((vip_notes, detail.vip_notes), (notes, detail.notes)):
            if listed:
                items = "".join(f"<li>{e(note.text)}</li>" for note in listed[:NOTES_SHOWN])
                parts.append(f"<p><b>{title}</b></p><ul>{items}</ul>")
        orders = "".join(f"<li>{e(self._order_line(order))}</li>" for order in detail.orders[:3])
        parts.append(f"<p><b>{last_orders}</b></p><ul>{orders or '<li>—</li>'}</ul>")
        return "".join(parts)

    def _order_line(self, order) -> str:  # type: ignore[no-untyped-def]
        """`2026-11-01 正山小种 ¥0.00 (closed)`: the amount shows even when it is nothing."""
        when = f"{order.created_at:%Y-%m-%d}" if order.created_at else ""
        amount = f"¥{order.amount:,.2f}" if order.amount is not None else ""
        status = f"({self.statuses.get(order.status, order.status)})"
        return " ".join(filter(None, [when, order.summary or order.number, amount, status]))

    def _open_in_book(self) -> None:
        if self.customer_id is not None:
            self.context.show_customers_requested.emit([self.customer_id], self.tr("From the chat lookup"))

    def add_note(self) -> None:
        text = self.note_edit.text().strip()
        customer_id = self.customer_id
        if customer_id is not None and text:
            run_in_background(write, self.context.database, add_note, customer_id, text,
                              on_success=lambda note_id: self._note_added(customer_id, note_id, text))

    def _note_added(self, customer_id: int, note_id: int, text: str) -> None:
        """The note shows on the card at once, before the card is read again."""
        if self.detail is not None and self.detail.id == customer_id:
            now = datetime.now()
            self.detail.notes.insert(0, NoteView(note_id, NoteKind.GENERAL, text, None, now, now))
            self.card.setText(self.card_html(self.detail))
        self._added(self.note_edit)
        self.confirmation.setText(self.tr("Note saved."))

    def add_tag(self) -> None:
        text = self.tag_edit.text().strip()
        if self.customer_id is not None and text:
            run_in_background(write, self.context.database, add_tags, [self.customer_id], [text],
                              on_success=lambda _r: (self._added(self.tag_edit),
                                                     self.confirmation.setText(self.tr("Tag added."))))

    def _added(self, edit: QLineEdit) -> None:
        edit.clear()
        if self.customer_id is not None:
            self.show_customer(self.customer_id)
        self.changed.emit()
