"""Messages from core/ in the user's language: the one place the GUI translates them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.messages import Message, message_of

CONTEXT = "core"  # the context tools/i18n.py files core's templates under


def core_text(value: object) -> str:
    """A core message (or an exception raised with one) as the user should read it; other text as it is."""
    text = message_of(value) if isinstance(value, BaseException) else value
    if not isinstance(text, Message):
        return str(text)
    values = {name: core_text(part) if isinstance(part, Message | BaseException) else part
              for name, part in text.values.items()}
    try:
        return QCoreApplication.translate(CONTEXT, text.template).format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder: English beats a crash
        return text.template.format(**values)
