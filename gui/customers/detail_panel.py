"""One buyer in full, editable: profile, tags, birthday, VIP notes, notes, do-not-contact, orders, figures."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.customers.detail import CustomerDetail, NoteView
from core.customers.profile import (
    add_note,
    delete_note,
    edit_note,
    set_birthday,
    set_do_not_contact,
    set_vip,
    update_profile,
)
from core.customers.tags import set_customer_tags, tags_by_use
from core.figures.birthdays import Birthday
from core.safety.privacy import rep_mode_enabled, reveal_phone
from core.store.models import CalendarKind, NoteKind
from gui.context import AppContext
from gui.core_text import core_text
from gui.customers.deletion import CustomerDeleter
from gui.customers.labels import CustomerLabels
from gui.customers.table_model import accounts_text
from gui.customers.tag_completer import TagListCompleter
from gui.customers.tasks import detail_as_shown, read, write
from gui.loyalty.forecast_line import ForecastLine
from gui.loyalty.holdout_dialog import HoldoutButton
from gui.loyalty.points_tab import PointsTab
from gui.safety.owner_only import owner_only_tip
from gui.worker import run_in_background

ORDERS_OPENED = 3  # the newest orders show what was bought without a click
SAVED_NOTE_MS = 4000  # how long "Saved." stays under the form
PROFILE_FIELDS = ("name", "nickname", "phone", "phone_alt", "email", "wechat_id", "province", "city",
                  "district", "address")
PHONE_FIELDS = ("phone", "phone_alt")


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def _detail_and_tags(session, customer_id: int):  # type: ignore[no-untyped-def]
    return detail_as_shown(session, customer_id), [t.name for t in tags_by_use(session)], rep_mode_enabled(session)


class CustomerDetailPanel(QWidget):
    changed = Signal()  # something was saved: lists showing this buyer refresh

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.customer_id: int | None = None
        self.detail: CustomerDetail | None = None
        self.masked = False
        self.edited: set[str] = set()  # what was typed but not saved yet: "profile", "tags"
        labels = CustomerLabels()
        self.statuses = labels.order_statuses()
        self.identity_kinds, self.platform_names = labels.identity_kinds(), labels.platforms()
        self.field_names, self.gender_names = labels.profile_fields(), labels.genders()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        self.heading = QLabel(self.tr("Choose a customer to see everything about them."))
        self.heading.setWordWrap(True)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.dnc_banner = QLabel()
        self.dnc_banner.setStyleSheet("background:#fdecea; color:#a93226; padding:4px; border-radius:3px;")
        self.dnc_banner.setWordWrap(True)
        self.dnc_banner.hide()
        layout.addWidget(self.dnc_banner)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._scrolling(self._profile_tab()), self.tr("Profile"))
        self.tabs.addTab(self._notes_tab(), self.tr("Notes"))
        self.tabs.addTab(self._orders_tab(), self.tr("Orders"))
        self.points_tab = PointsTab(context)
        self.points_tab.changed.connect(self.changed)
        self.tabs.addTab(self.points_tab, self.tr("Points"))
        layout.addWidget(self.tabs, 1)
        # Below the form, not above it: a message appearing never moves the field under the mouse.
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#a93226;")
        self.message.hide()
        layout.addWidget(self.message)
        self.saved_note = QLabel(self.tr("✓ Saved."))
        self.saved_note.setStyleSheet("color:#1e8449;")
        self.saved_note.hide()
        layout.addWidget(self.saved_note)
        self.saved_timer = QTimer(self)
        self.saved_timer.setSingleShot(True)
        self.saved_timer.setInterval(SAVED_NOTE_MS)
        self.saved_timer.timeout.connect(self.saved_note.hide)
        self.tabs.setEnabled(False)
        self.tabs.hide()
        for edit in self.fields.values():
            edit.textEdited.connect(lambda _text: self.edited.add("profile"))
        self.gender.activated.connect(lambda _index: self.edited.add("profile"))
        self.tags_edit.textEdited.connect(lambda _text: self.edited.add("tags"))

    # -- building ----------------------------------------------------------------------------------

    def _scrolling(self, widget: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(widget)
        return area

    def _profile_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        profile = QGroupBox(self.tr("Profile"))
        form = QFormLayout(profile)
        labels = {key: self.tr("%1:").replace("%1", name) for key, name in self.field_names.items()}
        self.fields: dict[str, QLineEdit] = {}
        for key in PROFILE_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"field_{key}")
            self.fields[key] = edit
            if key == "phone":
                row = QWidget()
                row_layout = QHBoxLayout(row)
                row_layout.setContentsMargins(0, 0, 0, 0)
                row_layout.addWidget(edit, 1)
                self.reveal_button = QPushButton(self.tr("Reveal phone"))
                self.reveal_button.clicked.connect(self._reveal_phone)
                row_layout.addWidget(self.reveal_button)
                form.addRow(labels[key], row)
            else:
                form.addRow(labels[key], edit)
        self.gender = QComboBox()
        for value, label in self.gender_names.items():
            self.gender.addItem(label, value)
        form.addRow(labels["gender"], self.gender)
        self.save_profile_button = QPushButton(self.tr("Save profile"))
        self.save_profile_button.clicked.connect(self._save_profile)
        self.deleter = CustomerDeleter(self.context, self)
        self.deleter.deleted.connect(lambda _count: self.show_customer(None))
        self.delete_button = QPushButton(self.tr("Delete customer…"))
        self.delete_button.clicked.connect(lambda: self.deleter.ask_and_delete([self.customer_id] if self.customer_id else []))
        buttons = QWidget()
        buttons_layout = QHBoxLayout(buttons)
        buttons_layout.setContentsMargins(0, 0, 0, 0)
        buttons_layout.addWidget(self.save_profile_button)
        buttons_layout.addStretch(1)
        buttons_layout.addWidget(self.delete_button)
        form.addRow(buttons)
        self.accounts = QLabel()
        self.accounts.setObjectName("detailAccounts")
        self.accounts.setWordWrap(True)
        self.accounts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.insertRow(0, self.tr("Accounts:"), self.accounts)
        self.aliases = QLabel()
        self.aliases.setWordWrap(True)
        self.aliases.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Seen in imports as:"), self.aliases)
        layout.addWidget(profile)

        tags = QGroupBox(self.tr("Tags"))
        tags_column = QVBoxLayout(tags)
        tags_layout = QHBoxLayout()
        tags_column.addLayout(tags_layout)
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("tag1, tag2"))
        self.tag_completer = TagListCompleter(self.tags_edit)
        self.save_tags_button = QPushButton(self.tr("Save tags"))
        self.save_tags_button.clicked.connect(self._save_tags)
        self.tags_edit.returnPressed.connect(self._save_tags)
        tags_layout.addWidget(self.tags_edit, 1)
        tags_layout.addWidget(self.save_tags_button)
        # Tags a rule gave are shown apart: the rules give and take them, the field above is the owner's.
        self.rule_tags = QLabel()
        self.rule_tags.setWordWrap(True)
        self.rule_tags.setVisible(False)
        tags_column.addWidget(self.rule_tags)
        layout.addWidget(tags)

        layout.addWidget(self._birthday_box())

        flags = QGroupBox(self.tr("VIP and contact"))
        flags_form = QFormLayout(flags)
        self.vip_box = QCheckBox(self.tr("VIP customer"))
        self.vip_box.clicked.connect(self._save_vip)
        flags_form.addRow(self.vip_box)
        self.dnc_box = QCheckBox(self.tr("Do not contact"))
        self.dnc_box.clicked.connect(self._save_dnc)
        self.dnc_reason = QLineEdit()
        self.dnc_reason.setPlaceholderText(self.tr("Why (e.g. asked us to stop messaging)"))
        flags_form.addRow(self.dnc_box, self.dnc_reason)
        self.dnc_history = QLabel()
        self.dnc_history.setWordWrap(True)
        flags_form.addRow(self.tr("History:"), self.dnc_history)
        layout.addWidget(flags)
        layout.addStretch(1)
        return page

    def _birthday_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Birthday"))
        form = QFormLayout(box)
        self.calendar = QComboBox()
        self.calendar.setObjectName("birthdayCalendar")
        for label, value in ((self.tr("Unknown"), None), (self.tr("Solar (公历)"), CalendarKind.SOLAR),
                             (self.tr("Lunar (农历)"), CalendarKind.LUNAR)):
            self.calendar.addItem(label, value)
        self.birth_year = QSpinBox()
        self.birth_year.setRange(0, 2100)
        self.birth_year.setSpecialValueText(self.tr("year unknown"))
        self.birth_month = QSpinBox()
        self.birth_month.setRange(1, 12)
        self.birth_day = QSpinBox()
        self.birth_day.setRange(1, 31)
        self.leap_month = QCheckBox(self.tr("Leap month (闰月)"))
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        for widget, label in ((self.birth_month, self.tr("month")), (self.birth_day, self.tr("day"))):
            row_layout.addWidget(widget)
            row_layout.addWidget(QLabel(label))
        row_layout.addStretch(1)
        form.addRow(self.tr("Calendar:"), self.calendar)
        form.addRow(self.tr("Date:"), row)
        form.addRow("", self.leap_month)  # on its own row, the panel fits beside the list on a 1366-pixel screen
        form.addRow(self.tr("Year:"), self.birth_year)
        self.save_birthday_button = QPushButton(self.tr("Save birthday"))
        self.save_birthday_button.clicked.connect(self._save_birthday)
        form.addRow(self.save_birthday_button)
        self.birthday_info = QLabel()
        self.birthday_info.setWordWrap(True)
        form.addRow(self.birthday_info)
        self.calendar.currentIndexChanged.connect(self._calendar_changed)
        return box

    def _notes_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.vip_notes, self.add_vip_note_button, self.edit_vip_note_button, self.delete_vip_note_button = (
            self._note_list(layout, self.tr("VIP notes"), self.tr("Add VIP note…"), NoteKind.VIP))
        self.notes, self.add_note_button, self.edit_note_button, self.delete_note_button = (
            self._note_list(layout, self.tr("Notes"), self.tr("Add note…"), NoteKind.GENERAL))
        return page

    def _note_list(self, layout: QVBoxLayout, title: str, add_label: str,
                   kind: NoteKind) -> tuple[QListWidget, QPushButton, QPushButton, QPushButton]:
        """A timeline of notes of one kind with Add, Edit and Delete under it (double-click edits)."""
        layout.addWidget(QLabel(title))
        notes = QListWidget()
        notes.setWordWrap(True)
        layout.addWidget(notes, 1)
        buttons = QHBoxLayout()
        add_button = QPushButton(add_label)
        add_button.clicked.connect(lambda: self._add_note(kind))
        edit_button = QPushButton(self.tr("Edit…"))
        edit_button.clicked.connect(lambda: self._edit_note(notes))
        delete_button = QPushButton(self.tr("Delete"))
        delete_button.clicked.connect(lambda: self._delete_note(notes))
        for button in (add_button, edit_button, delete_button):
            buttons.addWidget(button)
        for button in (edit_button, delete_button):  # they act on the chosen note
            button.setEnabled(False)
        notes.currentRowChanged.connect(lambda row: edit_button.setEnabled(row >= 0))
        notes.currentRowChanged.connect(lambda row: self._offer_note_delete(delete_button, row >= 0))
        notes.itemDoubleClicked.connect(lambda _item: self._edit_note(notes))
        layout.addLayout(buttons)
        return notes, add_button, edit_button, delete_button

    def _offer_note_delete(self, button: QPushButton, chosen: bool) -> None:
        """Deleting a note is the owner's: in rep mode the button says so (masked = rep mode)."""
        button.setEnabled(chosen and not self.masked)
        button.setToolTip(owner_only_tip() if self.masked else "")

    def _orders_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        layout.addWidget(self.figures)
        self.forecast = ForecastLine()
        layout.addWidget(self.forecast)
        self.holdout_button = HoldoutButton(self.context)
        layout.addWidget(self.holdout_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.orders = QTreeWidget()
        # What a rep reads first comes first; the long order number last, where a narrow panel cuts it.
        self.orders.setHeaderLabels([self.tr("Date"), self.tr("Amount"), self.tr("Status"), self.tr("Order")])
        self.orders.setRootIsDecorated(True)
        layout.addWidget(self.orders, 1)
        return page

    # -- loading -------------------------------------------------------------------------------------

    def show_customer(self, customer_id: int | None) -> None:
        if customer_id != self.customer_id:
            self.settle_edits()
            self.saved_note.hide()
        self.customer_id = customer_id
        self.points_tab.show_customer(customer_id)
        if customer_id is None:
            self.detail = None
            self.tabs.setEnabled(False)
            self.tabs.hide()
            self.heading.setText(self.tr("Choose a customer to see everything about them."))
            self.dnc_banner.hide()
            return
        run_in_background(read, self.context.database, _detail_and_tags, customer_id,
                          on_success=self._arrived, on_failure=self._failed)

    def reload(self) -> None:
        self.show_customer(self.customer_id)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name; the buyer's own window closing
        self.settle_edits()
        super().closeEvent(event)

    def settle_edits(self) -> None:
        """Leaving a customer whose profile or tags were typed in but not saved asks whether to save them."""
        if self.edited and self.customer_id is not None and self.detail is not None:
            answer = QMessageBox.question(
                self, self.tr("Unsaved changes"),
                self.tr("Save your changes to %1?").replace("%1", self.detail.display_name),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard, QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Save:
                self.save_edits()
        self.edited.clear()

    def save_edits(self) -> None:
        """Ctrl+S: save what was typed into the profile and the tags."""
        if "profile" in self.edited:
            self._save_profile()
        if "tags" in self.edited:
            self._save_tags()

    def _failed(self, message: str, _details: str = "") -> None:
        self.message.setText(message)
        self.message.show()

    def _arrived(self, result: tuple[CustomerDetail, list[str], bool]) -> None:
        detail, tag_names, masked = result
        if detail.id != self.customer_id:
            return
        # The same buyer again (a save elsewhere, a list refresh): what the user is typing stays.
        same = self.detail is not None and self.detail.id == detail.id
        keep_profile, keep_tags = same and "profile" in self.edited, same and "tags" in self.edited
        self.detail, self.masked = detail, masked
        self.message.hide()
        self.tabs.setEnabled(True)
        self.tabs.show()
        vip = " ★" if detail.is_vip else ""
        self.heading.setText(f"{detail.display_name}{vip}")
        if self.isWindow():  # a customer's own window: its name tells it from the others in the task bar
            self.setWindowTitle(self.tr("%1 — Laoke").replace("%1", detail.display_name))
        self.dnc_banner.setVisible(detail.do_not_contact)
        self.dnc_banner.setText(self.tr("Do not contact since %2: %1").replace("%1", detail.dnc_reason or "")
                                .replace("%2", _when(detail.dnc_since)[:10] or "—"))
        for key, edit in self.fields.items():
            if not keep_profile:
                edit.setText(detail.profile.get(key) or "")
            edit.setReadOnly(masked and key in PHONE_FIELDS + ("email", "address"))
        self.reveal_button.setVisible(masked)
        self.delete_button.setEnabled(not masked)  # masked = rep mode, where deleting is the owner's
        self.delete_button.setToolTip(owner_only_tip() if masked else "")
        if not keep_profile:
            self.gender.setCurrentIndex(max(0, self.gender.findData(detail.profile.get("gender"))))
        self.accounts.setText(accounts_text(detail.accounts, self.platform_names) or self.tr("(none)"))
        self.aliases.setText("\n".join(self._alias_line(*alias) for alias in detail.aliases) or self.tr("(none)"))
        self.tag_completer.set_tags(tag_names)
        if not keep_tags:
            self.tags_edit.setText(", ".join(name for name, _colour in detail.tags if name not in detail.rule_tags))
        self.rule_tags.setText(self.tr("By tag rules: %1").replace("%1", ", ".join(sorted(detail.rule_tags)))
                               if detail.rule_tags else "")
        self.rule_tags.setVisible(bool(detail.rule_tags))
        self._show_birthday(detail)
        self.vip_box.setChecked(detail.is_vip)
        self.dnc_box.setChecked(detail.do_not_contact)
        self.dnc_reason.setText(detail.dnc_reason or "")
        self.dnc_history.setText("\n".join(
            (self.tr("%1: marked do not contact (%2)") if event.do_not_contact else self.tr("%1: may contact again"))
            .replace("%1", _when(event.at) + (f" {event.actor}" if event.actor else ""))
            .replace("%2", event.reason or "")
            for event in detail.contact_history
        ) or self.tr("(none)"))
        self._fill_notes(self.vip_notes, detail.vip_notes)
        self._fill_notes(self.notes, detail.notes)
        self._show_orders(detail)

    def _alias_line(self, kind: str, platform: str, value: str) -> str:
        """'Buyer account · JD: jd_22fe536c3'; a name and address read as 'name, address' (a name alone, as it is)."""
        label = self.identity_kinds.get(kind, kind)
        if platform:
            label = f"{label} · {self.platform_names.get(platform, platform)}"
        shown = ", ".join(filter(None, value.split("|"))) if kind == "name_address" else value
        return f"{label}: {shown}"

    def _show_birthday(self, detail: CustomerDetail) -> None:
        birthday = detail.birthday
        self.calendar.setCurrentIndex(max(0, self.calendar.findData(
            CalendarKind(birthday.calendar) if birthday.calendar else None)))
        self.birth_month.setValue(birthday.month or 1)
        self.birth_day.setValue(birthday.day or 1)
        self.birth_year.setValue(birthday.year or 0)
        self.leap_month.setChecked(birthday.is_leap_month)
        self._calendar_changed()
        if birthday.month is None:
            self.birthday_info.setText(self.tr("No birthday yet."))
            return
        parts = [
            self.tr("This year: %1").replace("%1", str(birthday.this_year or "—")),
            self.tr("Next: %1").replace("%1", str(birthday.next or "—")),
        ]
        if birthday.age is not None:
            parts.append(self.tr("Age: %1").replace("%1", str(birthday.age)))
        self.birthday_info.setText(" · ".join(parts))

    def _calendar_changed(self) -> None:
        lunar = self.calendar.currentData() == CalendarKind.LUNAR
        known = self.calendar.currentData() is not None
        self.leap_month.setEnabled(lunar)
        if not lunar:
            self.leap_month.setChecked(False)
        self.birth_day.setMaximum(30 if lunar else 31)
        for widget in (self.birth_month, self.birth_day, self.birth_year):
            widget.setEnabled(known)

    def _fill_notes(self, widget: QListWidget, notes: list[NoteView]) -> None:
        widget.clear()
        for note in notes:
            item = QListWidgetItem(f"{_when(note.created_at)}  {note.text}")
            item.setData(Qt.ItemDataRole.UserRole, note.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, note.text)
            widget.addItem(item)

    def _show_orders(self, detail: CustomerDetail) -> None:
        figures = detail.figures
        aov = f"¥{figures.average_order_value}" if figures.average_order_value is not None else "—"
        gap = f"{figures.median_gap_days:g}" if figures.median_gap_days is not None else "—"
        self.figures.setText(
            self.tr("Paid orders: %1 · Total spent: ¥%2 · Average order: %3 · First order: %4 · "
                    "Last order: %5 · Median days between purchases (what overdue divides by): %6")
            .replace("%1", str(figures.paid_orders)).replace("%2", str(figures.total_spent))
            .replace("%3", aov).replace("%4", _when(figures.first_order_at)[:10] or "—")
            .replace("%5", _when(figures.last_order_at)[:10] or "—").replace("%6", gap)
        )
        self.forecast.show_forecast(detail.forecast)
        self.orders.clear()
        for order in detail.orders:
            item = QTreeWidgetItem([_when(order.created_at), f"¥{order.amount}" if order.amount is not None else "",
                                    self.statuses.get(order.status, order.status), order.number])
            item.setToolTip(0, order.summary or "")
            for line in order.lines:
                amount = f" · ¥{line.amount}" if line.amount is not None else ""
                child = QTreeWidgetItem([f"{line.title or line.sku or ''} × {line.quantity or 1}{amount}"])
                item.addChild(child)
                child.setFirstColumnSpanned(True)  # an item's title reads across the whole row
            self.orders.addTopLevelItem(item)
            item.setExpanded(self.orders.topLevelItemCount() <= ORDERS_OPENED)
        for column in range(4):
            self.orders.resizeColumnToContents(column)

    # -- saving ----------------------------------------------------------------------------------------

    def _save(self, function: Any, *args: Any) -> None:
        run_in_background(write, self.context.database, function, *args,
                          on_success=self._saved, on_failure=self._failed)

    def _saved(self, _result: object = None) -> None:
        self._note(self.tr("✓ Saved."))
        self.reload()
        self.changed.emit()

    def _note(self, text: str) -> None:
        """Below the form, for four seconds: what a save did (the form never moves under the mouse)."""
        self.message.hide()
        self.saved_note.setText(text)
        self.saved_note.show()
        self.saved_timer.start()

    def _save_profile(self) -> None:
        if self.customer_id is None:
            return
        self.edited.discard("profile")
        # Only what was changed: a value an import brought in (a phone no form would accept) is left as it is.
        shown = self.detail.profile if self.detail is not None else {}
        typed = {key: edit.text() for key, edit in self.fields.items() if not edit.isReadOnly()}
        typed["gender"] = self.gender.currentData() or ""
        changes = {key: text for key, text in typed.items() if text != (shown.get(key) or "")}
        if changes:
            self._save(update_profile, self.customer_id, changes)
        else:
            self._note(self.tr("Nothing to save: no field was changed."))

    def _save_tags(self) -> None:
        self.edited.discard("tags")
        if self.customer_id is not None:
            names = [part.strip() for part in self.tags_edit.text().replace("，", ",").split(",") if part.strip()]
            self._save(set_customer_tags, self.customer_id, names)

    def _save_birthday(self) -> None:
        if self.customer_id is None:
            return
        kind = self.calendar.currentData()
        try:
            birthday = None if kind is None else Birthday(
                calendar=kind, month=self.birth_month.value(), day=self.birth_day.value(),
                is_leap_month=self.leap_month.isChecked(), year=self.birth_year.value() or None,
            )
        except ValueError as error:
            self._failed(self.tr("This birthday is not a date: %1").replace("%1", core_text(error)))
            return
        self._save(set_birthday, self.customer_id, birthday)

    def _save_vip(self) -> None:
        if self.customer_id is not None:
            self._save(set_vip, [self.customer_id], self.vip_box.isChecked())

    def _save_dnc(self) -> None:
        if self.customer_id is not None:
            self._save(set_do_not_contact, [self.customer_id], self.dnc_box.isChecked(),
                       self.dnc_reason.text().strip() or None)

    def _add_note(self, kind: NoteKind) -> None:
        if self.customer_id is None:
            return
        title = self.tr("Add a VIP note") if kind == NoteKind.VIP else self.tr("Add a note")
        text, ok = QInputDialog.getMultiLineText(self, title, self.tr("Note:"))
        if ok and text.strip():
            self._save(add_note, self.customer_id, text, kind)

    def _edit_note(self, widget: QListWidget) -> None:
        item = widget.currentItem()
        if item is None:
            return
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Edit the note"), self.tr("Note:"),
                                                 item.data(Qt.ItemDataRole.UserRole + 1))
        if ok and text.strip():
            self._save(edit_note, item.data(Qt.ItemDataRole.UserRole), text)

    def _delete_note(self, widget: QListWidget) -> None:
        item = widget.currentItem()
        if item is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete the note"), self.tr("Delete this note?\n\n%1")
                                      .replace("%1", item.data(Qt.ItemDataRole.UserRole + 1)))
        if answer == QMessageBox.StandardButton.Yes:
            self._save(delete_note, item.data(Qt.ItemDataRole.UserRole))

    def _reveal_phone(self) -> None:
        if self.customer_id is not None:
            run_in_background(write, self.context.database, reveal_phone, self.customer_id,
                              on_success=lambda phone: self.fields["phone"].setText(phone or ""),
                              on_failure=self._failed)
