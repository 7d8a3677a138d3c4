"""Tag rules without code: a rule is a tag and conditions (all or any), previewed as a count before saving."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.errors import LaokeError
from core.loyalty.tag_rules import (
    CONDITIONS,
    Condition,
    RuleSpec,
    SavedRule,
    delete_tag_rule,
    preview_count,
    save_tag_rule,
    tag_rules,
)
from gui.context import AppContext
from gui.core_text import core_text
from gui.customers.filters_panel import select_data
from gui.customers.labels import CustomerLabels
from gui.customers.tasks import read, write
from gui.worker import run_in_background

PREVIEW_DELAY_MS = 400
MAX_NUMBER = 100_000_000


def _names(text: str) -> list[str]:
    return [part.strip() for part in text.replace("，", ",").split(",") if part.strip()]


class ConditionRow(QWidget):
    """One condition: what it asks and its value, in the widget that fits the value."""

    changed = Signal()
    removed = Signal(object)

    def __init__(self, titles: dict[str, str], choices: dict[str, dict[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox()
        for kind, title in titles.items():
            self.kind.addItem(title, kind)
        self.text = QLineEdit()
        self.number = QSpinBox()
        self.number.setRange(0, MAX_NUMBER)
        self.choice = QComboBox()
        remove = QPushButton("×")
        remove.setFixedWidth(28)
        remove.setToolTip(self.tr("Remove this condition"))
        remove.clicked.connect(lambda: self.removed.emit(self))
        for widget in (self.kind, self.text, self.number, self.choice):
            layout.addWidget(widget, 1 if widget is not self.kind else 0)
        layout.addWidget(remove)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.text.textChanged.connect(self.changed)
        self.number.valueChanged.connect(self.changed)
        self.choice.currentIndexChanged.connect(self.changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        value_kind = CONDITIONS[kind]
        listed = kind in self.choices
        self.text.setVisible(value_kind == "text" or (value_kind == "choices" and not listed))
        self.text.setPlaceholderText(self.tr("any of: a, b") if value_kind == "choices" else "")
        self.number.setVisible(value_kind == "number")
        self.choice.setVisible(listed)
        if listed:
            self.choice.blockSignals(True)
            self.choice.clear()
            for code, name in self.choices[kind].items():
                self.choice.addItem(name, code)
            self.choice.blockSignals(False)
        self.changed.emit()

    def condition(self) -> Condition:
        kind = self.kind.currentData()
        value_kind = CONDITIONS[kind]
        value: Any = None
        if value_kind == "text":
            value = self.text.text()
        elif value_kind == "number":
            value = self.number.value()
        elif kind in self.choices:
            value = [self.choice.currentData()]
        elif value_kind == "choices":
            value = _names(self.text.text())
        return Condition(kind, value)

    def show_condition(self, condition: Condition) -> None:
        select_data(self.kind, condition.kind)
        value_kind = CONDITIONS[condition.kind]
        if value_kind == "text":
            self.text.setText(str(condition.value))
        elif value_kind == "number":
            self.number.setValue(int(condition.value))
        elif condition.kind in self.choices:
            select_data(self.choice, condition.value[0])
        elif value_kind == "choices":
            self.text.setText(", ".join(condition.value))


class TagRulesDialog(QDialog):
    changed = Signal()  # a rule was saved or deleted: the list's tags changed

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Tag rules"))
        self.resize(820, 460)
        self.rule_id: int | None = None
        labels = CustomerLabels()
        self.titles = {
            "product_contains": self.tr("bought a product containing"),
            "spent_at_least": self.tr("spent at least (yuan)"),
            "orders_at_least": self.tr("paid orders at least"),
            "stage_is": self.tr("stage is"),
            "tier_is": self.tr("member tier is"),
            "city_is": self.tr("city is"),
            "province_is": self.tr("province is"),
            "platform_is": self.tr("platform is"),
            "ordered_within_days": self.tr("last order within (days)"),
            "not_ordered_within_days": self.tr("no order within (days)"),
            "has_birthday": self.tr("has a birthday"),
        }
        self.choices = {"stage_is": labels.stages(), "platform_is": labels.platforms()}
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        self.rules = QListWidget()
        self.rules.currentItemChanged.connect(self._rule_chosen)
        left.addWidget(self.rules, 1)
        self.new_button = QPushButton(self.tr("New rule"))
        self.new_button.clicked.connect(self.new_rule)
        self.delete_button = QPushButton(self.tr("Delete rule"))
        self.delete_button.clicked.connect(self.delete_rule)
        left.addWidget(self.new_button)
        left.addWidget(self.delete_button)
        outer.addLayout(left, 1)

        right = QVBoxLayout()
        form = QFormLayout()
        self.tag = QLineEdit()
        self.tag.setPlaceholderText(self.tr("the tag it gives, e.g. 茶客"))
        form.addRow(self.tr("Tag:"), self.tag)
        self.match = QComboBox()
        self.match.addItem(self.tr("all of these hold"), True)
        self.match.addItem(self.tr("any of these holds"), False)
        form.addRow(self.tr("Tag buyers when:"), self.match)
        right.addLayout(form)
        self.rows_box = QVBoxLayout()
        right.addLayout(self.rows_box)
        self.add_condition_button = QPushButton(self.tr("Add condition"))
        self.add_condition_button.clicked.connect(lambda: self.add_condition())
        right.addWidget(self.add_condition_button)
        right.addStretch(1)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        right.addWidget(self.preview)
        self.save_button = QPushButton(self.tr("Save and apply"))
        self.save_button.clicked.connect(self.save)
        right.addWidget(self.save_button)
        note = QLabel(self.tr("A tag a rule gives goes again when the rule stops holding; tags typed by hand "
                              "are never touched."))
        note.setWordWrap(True)
        right.addWidget(note)
        outer.addLayout(right, 2)

        self.condition_rows: list[ConditionRow] = []
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.update_preview)
        self.tag.textChanged.connect(self.preview_timer.start)
        self.match.currentIndexChanged.connect(self.preview_timer.start)
        self.new_rule()
        self.load()

    # -- the rules ---------------------------------------------------------------------------------

    def load(self, select_id: int | None = None) -> None:
        run_in_background(read, self.context.database, tag_rules,
                          on_success=lambda rules: self.show_rules(rules, select_id))

    def show_rules(self, rules: list[SavedRule], select_id: int | None = None) -> None:
        self.rules.blockSignals(True)
        self.rules.clear()
        for rule in rules:
            item = QListWidgetItem(self.tr("%1 — %Ln buyers", "", rule.tagged).replace("%1", rule.spec.tag))
            item.setData(Qt.ItemDataRole.UserRole, rule)
            self.rules.addItem(item)
            if rule.id == select_id:
                self.rules.setCurrentItem(item)
        self.rules.blockSignals(False)

    def _rule_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        rule: SavedRule = item.data(Qt.ItemDataRole.UserRole)
        self.rule_id = rule.id
        self.tag.setText(rule.spec.tag)
        select_data(self.match, rule.spec.match_all)
        self._clear_conditions()
        for condition in rule.spec.conditions:
            self.add_condition(condition)

    def new_rule(self) -> None:
        self.rule_id = None
        self.rules.clearSelection()
        self.tag.clear()
        self._clear_conditions()
        self.add_condition()

    def _clear_conditions(self) -> None:
        for row in self.condition_rows:
            row.deleteLater()
        self.condition_rows.clear()

    def add_condition(self, condition: Condition | None = None) -> ConditionRow:
        row = ConditionRow(self.titles, self.choices)
        if condition is not None:
            row.show_condition(condition)
        row.changed.connect(self.preview_timer.start)
        row.removed.connect(self._remove_condition)
        self.rows_box.addWidget(row)
        self.condition_rows.append(row)
        self.preview_timer.start()
        return row

    def _remove_condition(self, row: ConditionRow) -> None:
        self.condition_rows.remove(row)
        row.deleteLater()
        self.preview_timer.start()

    def current_spec(self) -> RuleSpec:
        return RuleSpec(self.tag.text().strip(), tuple(row.condition() for row in self.condition_rows),
                        self.match.currentData())

    # -- preview and saving ------------------------------------------------------------------------

    def update_preview(self) -> None:
        try:
            spec = self.current_spec()
        except LaokeError as error:
            self.preview.setText(core_text(error))
            return
        run_in_background(read, self.context.database, preview_count, spec,
                          on_success=lambda count: self.preview.setText(
                              self.tr("This rule tags %Ln buyers now.", "", count)))

    def save(self) -> None:
        try:
            spec = self.current_spec()
        except LaokeError as error:
            self.preview.setText(core_text(error))
            return
        self.save_button.setEnabled(False)
        run_in_background(write, self.context.database, save_tag_rule, spec, self.rule_id,
                          on_success=self._saved, on_failure=self._failed)

    def _saved(self, rule: SavedRule) -> None:
        self.save_button.setEnabled(True)
        self.rule_id = rule.id
        self.preview.setText(self.tr("Saved: %Ln buyers carry the tag from this rule.", "", rule.tagged))
        self.load(select_id=rule.id)
        self.changed.emit()

    def _failed(self, message: str, _details: str) -> None:
        self.save_button.setEnabled(True)
        self.preview.setText(message)

    def delete_rule(self) -> None:
        if self.rule_id is None:
            return
        run_in_background(write, self.context.database, delete_tag_rule, self.rule_id,
                          on_success=lambda _none: self._deleted())

    def _deleted(self) -> None:
        self.new_rule()
        self.load()
        self.changed.emit()
