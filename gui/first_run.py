"""The first run asks what every care message needs: the shop's name ({店铺}) and the SMS signature (【…】).

Skippable: Settings ▸ Care holds both too, and File ▸ Shop name and SMS signature opens the same dialog again.
Without them the messages would read "您在拍下的…". It is offered once per book: when the window opens on
it, and when the window switches to a book (a new, empty one above all) that was never asked.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from core.care.rules import (
    load_care_settings,
    save_shop_identity,
    shop_identity_unasked,
    shop_name_of,
    skip_shop_identity,
)
from core.safety.privacy import rep_mode_enabled
from gui.context import AppContext
from gui.customers.tasks import read, write
from gui.worker import run_in_background


def _what_to_ask(session):  # type: ignore[no-untyped-def]
    """None when the owner was asked before (or a rep sits at the window: the shop's settings are the owner's),
    else the shop's name as the imported orders give it."""
    return shop_name_of(session) if shop_identity_unasked(session) and not rep_mode_enabled(session) else None


def offer_first_run(context: AppContext, parent: QWidget) -> None:
    """Ask once per customer book, after the window is up; reading whether to ask runs in the background."""
    run_in_background(read, context.database, _what_to_ask,
                      on_success=lambda guess: guess is not None and FirstRunDialog(context, guess, parent).open())


def offer_first_run_on_every_book(context: AppContext, parent: QWidget) -> None:
    """The book the window opens on, and every book it switches to (File ▸ Open database, the demo shop)."""
    offer_first_run(context, parent)
    context.database_changed.connect(lambda: offer_first_run(context, parent))


def edit_shop_identity(context: AppContext, parent: QWidget) -> None:
    """File ▸ Shop name and SMS signature: the first run's dialog, holding what is set now."""
    run_in_background(read, context.database, load_care_settings,
                      on_success=lambda settings: FirstRunDialog(context, settings.shop_name, parent,
                                                                 signature=settings.signature).open())


class FirstRunDialog(QDialog):
    def __init__(self, context: AppContext, guessed_name: str = "", parent: QWidget | None = None, *,
                 signature: str = "") -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Welcome to Laoke"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Care messages greet buyers in your shop's name, and an SMS must start with your "
                               "signature in 【】. You can change both later in Settings."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.shop_name = QLineEdit(guessed_name)
        self.shop_name.setPlaceholderText(self.tr("e.g. 小满杂货铺"))
        self.signature = QLineEdit(signature)
        self.signature.setPlaceholderText(self.tr("【your shop】, as registered with your SMS gateway"))
        form.addRow(self.tr("Shop name:"), self.shop_name)
        form.addRow(self.tr("SMS signature:"), self.signature)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.skip_button = self.buttons.addButton(self.tr("Skip for now"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.skip)
        layout.addWidget(self.buttons)
        self.shop_name.textChanged.connect(self._follow_name)
        self._follow_name(guessed_name)
        self.resize(480, self.sizeHint().height())

    def _follow_name(self, name: str) -> None:
        """Until the owner types a signature of their own, it is 【the shop's name】."""
        self.signature.setPlaceholderText(f"【{name.strip()}】" if name.strip() else
                                          self.tr("【your shop】, as registered with your SMS gateway"))
        self.save_button.setEnabled(bool(name.strip()))

    def save(self) -> None:
        signature = self.signature.text() or self.shop_name.text()
        self._store(save_shop_identity, self.shop_name.text(), signature)

    def skip(self) -> None:
        self._store(skip_shop_identity)

    def _store(self, function, *args) -> None:  # type: ignore[no-untyped-def]
        self.buttons.setEnabled(False)
        run_in_background(write, self.context.database, function, *args, on_success=self._stored,
                          on_failure=self._failed)

    def _stored(self, _result: object) -> None:
        self.context.care_settings_changed.emit()
        self.accept()

    def _failed(self, message: str, _details: str) -> None:
        self.buttons.setEnabled(True)
        QMessageBox.warning(self, self.windowTitle(), message)
