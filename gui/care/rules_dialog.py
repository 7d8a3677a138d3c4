"""The Rules editor: each rule on/off, its priority, its own parameters, the filters every rule shares, and its
message template with placeholders, a preview on a real customer and the SMS counter."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.care.cards import CustomerCard, preview_values
from core.care.holidays import FESTIVAL_NAMES
from core.care.rules import Channel, Rule, default_rule
from core.care.templates import (
    PLACEHOLDERS,
    fill_template,
    sms_text,
    unfilled_placeholders,
    unknown_placeholders,
)
from core.store.models import Platform, Stage
from gui.care import jobs
from gui.care.gift_table import GiftTable
from gui.care.names import CareNames
from gui.care.sms_counter import SmsCounter
from gui.context import AppContext
from gui.customers.labels import CustomerLabels
from gui.worker import run_in_background

FILTER_KEYS = ("stages", "tags", "platforms", "vip_only", "min_spend", "member_tiers")


def names_in(text: str) -> list[str]:
    """The names in a comma-separated field (a Chinese comma counts)."""
    return [name.strip() for name in text.replace("，", ",").split(",") if name.strip()]


def mapping_text(mapping: dict[str, Any]) -> str:
    return ", ".join(f"{key}={value}" for key, value in mapping.items())


def parse_mapping(text: str, numbers: bool) -> dict[str, Any]:
    """`a=1, b=2` → {"a": 1, "b": 2}; raises ValueError naming the bad part."""
    mapping: dict[str, Any] = {}
    for part in text.replace("，", ",").split(","):
        if not part.strip():
            continue
        key, separator, value = part.partition("=")
        if not separator or not key.strip() or (numbers and not value.strip().isdigit()):
            raise ValueError(part.strip())
        mapping[key.strip()] = int(value) if numbers else value.strip()
    return mapping


class RulesDialog(QDialog):
    saved = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.today = context.today()
        self.names = CareNames(self)
        self.setWindowTitle(self.tr("Care rules"))
        self.resize(1120, 680)
        self.rules: dict[str, Rule] = {}
        self.current: str | None = None
        self.data: jobs.RulesData | None = None
        self.preview_card: CustomerCard | None = None
        self.param_editors: dict[str, QWidget] = {}

        layout = QHBoxLayout(self)
        self.rule_list = QListWidget()
        self.rule_list.setFixedWidth(210)
        self.rule_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rule_list.currentRowChanged.connect(self._rule_chosen)
        layout.addWidget(self.rule_list)

        right = QVBoxLayout()
        top = QHBoxLayout()
        self.priority = QSpinBox()
        self.priority.setRange(0, 100)
        self.priority.setToolTip(self.tr("Under the frequency cap, the rule with the higher priority wins"))
        top.addWidget(QLabel(self.tr("Tick a rule in the list to switch it on.")))
        top.addWidget(QLabel(self.tr("Priority:")))
        top.addWidget(self.priority)
        top.addStretch(1)
        self.reset_button = QPushButton(self.tr("Restore defaults"))
        self.reset_button.clicked.connect(self._reset_current)
        top.addWidget(self.reset_button)
        right.addLayout(top)

        columns = QHBoxLayout()
        self.params_box = QGroupBox(self.tr("Parameters"))
        self.params_form = QFormLayout(self.params_box)
        self.params_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.params_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        columns.addWidget(self.params_box, 3)
        filters = QGroupBox(self.tr("Applies to (empty: everyone)"))
        filters_form = QFormLayout(filters)
        labels = CustomerLabels(self)
        stages, platforms = labels.stages(), labels.platforms()
        self.stage_checks = self._check_grid([(str(stage), stages[stage]) for stage in Stage], 3)
        filters_form.addRow(self.tr("Stages:"), self.stage_checks[0])
        self.platform_checks = self._check_grid([(str(platform), platforms[platform]) for platform in Platform], 3)
        filters_form.addRow(self.tr("Platforms:"), self.platform_checks[0])
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Tag names, comma-separated"))
        filters_form.addRow(self.tr("Tags:"), self.tags)
        self.member_tiers = QLineEdit()
        self.member_tiers.setPlaceholderText(self.tr("Member tier names, comma-separated (empty: every buyer)"))
        filters_form.addRow(self.tr("Member tiers:"), self.member_tiers)
        self.vip_only = QCheckBox(self.tr("VIP only"))
        filters_form.addRow(self.vip_only)
        self.min_spend = QDoubleSpinBox()
        self.min_spend.setRange(0, 10_000_000)
        self.min_spend.setPrefix("¥")
        filters_form.addRow(self.tr("Minimum spend:"), self.min_spend)
        columns.addWidget(filters, 2)
        right.addLayout(columns)

        template_box = QGroupBox(self.tr("Message template"))
        template_layout = QVBoxLayout(template_box)
        insert_row = QHBoxLayout()
        self.placeholder_choice = QComboBox()
        for name in PLACEHOLDERS:
            self.placeholder_choice.addItem(f"{{{name}}} — {self.names.placeholder(name)}", name)
        insert_button = QPushButton(self.tr("Insert"))
        insert_button.clicked.connect(self._insert_placeholder)
        insert_row.addWidget(QLabel(self.tr("Placeholder:")))
        insert_row.addWidget(self.placeholder_choice, 1)
        insert_row.addWidget(insert_button)
        template_layout.addLayout(insert_row)
        self.template = QPlainTextEdit()
        self.template.setMaximumHeight(80)
        self.template.textChanged.connect(self._update_preview)
        template_layout.addWidget(self.template)
        preview_row = QHBoxLayout()
        preview_row.addWidget(QLabel(self.tr("Preview for:")))
        self.preview_customer = QComboBox()
        self.preview_customer.currentIndexChanged.connect(self._preview_customer_chosen)
        preview_row.addWidget(self.preview_customer, 1)
        template_layout.addLayout(preview_row)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setStyleSheet("background: palette(base); padding: 6px; border: 1px solid palette(mid);")
        template_layout.addWidget(self.preview)
        self.counter = SmsCounter()
        template_layout.addWidget(self.counter)
        self.unknown = QLabel()
        self.unknown.setStyleSheet("color: #c0392b;")
        template_layout.addWidget(self.unknown)
        self.unfilled = QLabel()
        self.unfilled.setWordWrap(True)
        self.unfilled.setStyleSheet("color: #c0392b;")
        self.unfilled.setVisible(False)
        template_layout.addWidget(self.unfilled)
        right.addWidget(template_box)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        right.addWidget(self.buttons)
        layout.addLayout(right, 1)

        run_in_background(jobs.load_rules_data, context.database, on_success=self._loaded,
                          on_failure=self._failed)

    def _check_grid(self, items: list[tuple[str, str]], columns: int) -> tuple[QWidget, dict[str, QCheckBox]]:
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        checks = {}
        for position, (value, label) in enumerate(items):
            check = QCheckBox(label)
            grid.addWidget(check, position // columns, position % columns)
            checks[value] = check
        return holder, checks

    # -- loading and choosing ----------------------------------------------------------------------------------

    def _loaded(self, data: jobs.RulesData) -> None:
        self.data = data
        self.rules = {rule.key: rule for rule in data.rules}
        if data.member_tiers:
            self.member_tiers.setPlaceholderText(self.tr("Empty: every buyer. The shop's tiers: %1")
                                                 .replace("%1", ", ".join(data.member_tiers)))
        for rule in data.rules:
            item = QListWidgetItem(self.names.rule(rule.key))
            item.setData(Qt.ItemDataRole.UserRole, rule.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if rule.enabled else Qt.CheckState.Unchecked)
            self.rule_list.addItem(item)
        self.preview_customer.blockSignals(True)
        for customer_id, name in data.samples:
            self.preview_customer.addItem(f"{name} (#{customer_id})", customer_id)
        self.preview_customer.blockSignals(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        self.rule_list.setCurrentRow(0)
        self._preview_customer_chosen()

    def _failed(self, message: str, _details: str) -> None:
        QMessageBox.warning(self, self.tr("Care rules"), message)

    def _rule_chosen(self, row: int) -> None:
        if self.current is not None and not self._collect():
            self.rule_list.blockSignals(True)  # stay on the rule whose field needs fixing
            self.rule_list.setCurrentRow(list(self.rules).index(self.current))
            self.rule_list.blockSignals(False)
            return
        if row < 0:
            return
        self.current = self.rule_list.item(row).data(Qt.ItemDataRole.UserRole)
        self._show_rule(self.rules[self.current])

    def _show_rule(self, rule: Rule) -> None:
        self.priority.setValue(rule.priority)
        while self.params_form.rowCount():
            self.params_form.removeRow(0)
        self.param_editors = {}
        for name, value in rule.params.items():
            if name in FILTER_KEYS:
                continue
            editor = self._editor_for(name, value)
            self.param_editors[name] = editor
            self.params_form.addRow(self.names.param(name) + ":", editor)
        filters = rule.filters
        for value, check in self.stage_checks[1].items():
            check.setChecked(value in filters.stages)
        for value, check in self.platform_checks[1].items():
            check.setChecked(value in filters.platforms)
        self.tags.setText(", ".join(filters.tags))
        self.member_tiers.setText(", ".join(filters.member_tiers))
        self.vip_only.setChecked(filters.vip_only)
        self.min_spend.setValue(float(filters.min_spend))
        self.template.setPlainText(rule.template)

    def _editor_for(self, name: str, value: Any) -> QWidget:
        if name == "channel":
            editor = QComboBox()
            for channel in Channel:
                editor.addItem(self.names.channel(channel), str(channel))
            editor.setCurrentIndex(max(0, editor.findData(str(value))))
            editor.currentIndexChanged.connect(self._update_preview)
            return editor
        if name == "gift_notes":
            return GiftTable(value, self.data.member_tiers if self.data else ())
        if name == "festivals":
            editor = QListWidget()
            editor.setMaximumHeight(110)
            for key, label in FESTIVAL_NAMES.items():
                item = QListWidgetItem(label)
                item.setData(Qt.ItemDataRole.UserRole, key)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if key in value else Qt.CheckState.Unchecked)
                editor.addItem(item)
            return editor
        if isinstance(value, bool):
            editor = QCheckBox()
            editor.setChecked(value)
            return editor
        if isinstance(value, int):
            editor = QSpinBox()
            editor.setRange(0, 400)
            editor.setValue(value)
            return editor
        if isinstance(value, float):
            editor = QDoubleSpinBox()
            editor.setRange(0.5, 5)
            editor.setSingleStep(0.1)
            editor.setValue(value)
            return editor
        if isinstance(value, dict):
            text = mapping_text(value)
        elif isinstance(value, list):
            text = ", ".join(str(item) for item in value)
        else:
            text = str(value)
        editor = QLineEdit(text)
        editor.setCursorPosition(0)  # show the start of a long value
        return editor

    def _value_of(self, name: str, editor: QWidget, old: Any) -> Any:
        if isinstance(editor, GiftTable):
            return editor.gifts()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QListWidget):
            return [editor.item(row).data(Qt.ItemDataRole.UserRole) for row in range(editor.count())
                    if editor.item(row).checkState() == Qt.CheckState.Checked]
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox | QDoubleSpinBox):
            return editor.value()
        text = editor.text()  # type: ignore[attr-defined]
        if isinstance(old, dict):
            return parse_mapping(text, numbers=name == "product_gaps")
        if isinstance(old, list):
            parts = [part.strip() for part in text.replace("，", ",").split(",") if part.strip()]
            bad = [part for part in parts if not part.isdigit()]
            if bad:
                raise ValueError(bad[0])
            return [int(part) for part in parts]
        return text

    def _collect(self) -> bool:
        """Keep the shown rule's edits; False (with a message) when a field cannot be read."""
        if self.current is None:
            return True
        rule = self.rules[self.current]
        params = dict(rule.params)
        try:
            for name, editor in self.param_editors.items():
                params[name] = self._value_of(name, editor, rule.params.get(name))
        except ValueError as error:
            QMessageBox.warning(self, self.tr("Care rules"),
                                self.tr("Cannot read “%1” in %2.").replace("%1", str(error))
                                .replace("%2", self.names.rule(rule.key)))
            return False
        params.update(
            stages=[value for value, check in self.stage_checks[1].items() if check.isChecked()],
            platforms=[value for value, check in self.platform_checks[1].items() if check.isChecked()],
            tags=names_in(self.tags.text()),
            member_tiers=names_in(self.member_tiers.text()),
            vip_only=self.vip_only.isChecked(),
            min_spend=self.min_spend.value(),
        )
        self.rules[self.current] = replace(rule, priority=self.priority.value(), params=params,
                                           template=self.template.toPlainText())
        return True

    def _reset_current(self) -> None:
        if self.current is None or not self._collect():
            return
        shown = self.rules[self.current]
        self.rules[self.current] = default_rule(self.current)
        self._show_rule(self.rules[self.current])
        # Read back as the form has it (the defaults leave some fields unset that the form fills in).
        if self._collect() and self.rules[self.current] == shown:
            QMessageBox.information(self, self.tr("Care rules"), self.tr(
                "“%1” is as Laoke first set it: nothing to restore.").replace("%1", self.names.rule(self.current)))

    # -- template ----------------------------------------------------------------------------------------------

    def _insert_placeholder(self) -> None:
        self.template.insertPlainText("{" + self.placeholder_choice.currentData() + "}")
        self.template.setFocus()

    def _preview_customer_chosen(self) -> None:
        customer_id = self.preview_customer.currentData()
        if customer_id is None:
            self._update_preview()
            return
        run_in_background(jobs.load_card, self.context.database, customer_id, on_success=self._card_loaded,
                          on_failure=self._failed)

    def _card_loaded(self, card: CustomerCard | None) -> None:
        self.preview_card = card
        self._update_preview()

    def preview_text(self) -> str:
        template = self.template.toPlainText()
        if self.current is None or self.data is None or self.preview_card is None:
            return template
        values = preview_values(self.rules[self.current], self.preview_card, self.data.settings.shop_name, self.today)
        return fill_template(template, values)

    def _update_preview(self) -> None:
        text = self.preview_text()
        settings = self.data.settings if self.data else None
        channel_editor = self.param_editors.get("channel")
        is_sms = isinstance(channel_editor, QComboBox) and channel_editor.currentData() == Channel.SMS
        # What the buyer will get, the SMS signature included: the counter counts exactly what is shown.
        self.preview.setText(sms_text(text, settings.sms_signature) if settings is not None and is_sms else text)
        missing = unfilled_placeholders(text) if self.preview_card is not None else []
        self.unfilled.setVisible(bool(missing))
        self.unfilled.setText(self.tr("⚠ Nothing to fill in for %1 with this buyer or shop: such tasks are flagged, "
                                      "never sent with a gap.").replace(
            "%1", "、".join(self.names.placeholder(name) for name in missing)))
        if settings is not None and is_sms:
            self.counter.show_for(text, settings.sms_signature, settings.opt_out)
        else:
            self.counter.setText(self.tr("%n characters", "", len(text)))
            self.counter.setStyleSheet("")
        unknown = unknown_placeholders(self.template.toPlainText())
        self.unknown.setText(self.tr("Unknown placeholders: %1").replace("%1", "、".join(unknown)) if unknown else "")

    # -- saving ------------------------------------------------------------------------------------------------

    def save(self) -> None:
        if not self._collect():
            return
        for row in range(self.rule_list.count()):
            item = self.rule_list.item(row)
            key = item.data(Qt.ItemDataRole.UserRole)
            self.rules[key] = replace(self.rules[key], enabled=item.checkState() == Qt.CheckState.Checked)
        self.buttons.setEnabled(False)
        run_in_background(jobs.store_rules, self.context.database, list(self.rules.values()),
                          on_success=self._saved, on_failure=self._save_failed)

    def _saved(self, _count: int) -> None:
        self.saved.emit()
        self.accept()

    def _save_failed(self, message: str, details: str) -> None:
        self.buttons.setEnabled(True)
        self._failed(message, details)
