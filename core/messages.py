"""Messages for the user from core/, which never imports Qt: English text that keeps its template and values.

A `Message` is the English text itself (a `str`), so the CLI, logs and tests read it as they always have. The
GUI shows it translated: `gui.core_text` looks its template up in the "core" context of the Qt catalogue
and fills in the same values. `tools/i18n.py` extracts every `Message("…")` template from core/ for
translation, so a template must be a literal string with named placeholders (`{file}`, `{row}`).
"""

from __future__ import annotations

import json
from typing import Any


class Message(str):
    """English text for the user, with the template and values it was made from."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, **values: Any) -> Message:
        text = super().__new__(cls, template.format(**values))
        text.template = template
        text.values = values
        return text

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # Pickled (a process pool, a copied exception) as a Message still; str would drop the template.
        return (_rebuild, (self.template, self.values))


def _rebuild(template: str, values: dict[str, Any]) -> Message:
    return Message(template, **values)


def stored(message: Message) -> str:
    """A message as a text column keeps it (the audit log's detail): template and values, to be read translated."""
    return json.dumps({"template": message.template, "values": message.values}, ensure_ascii=False)


def from_stored(text: str) -> str:
    """What `stored` kept, as the Message again; any other text (rows written before it) as it is."""
    if not text.startswith('{"template"'):
        return text
    try:
        kept = json.loads(text)
        return Message(kept["template"], **kept["values"])
    except (ValueError, KeyError, TypeError, IndexError):
        return text


def message_of(error: BaseException) -> str:
    """The Message an exception was raised with (its text when it was raised with a plain string)."""
    first = error.args[0] if error.args else ""
    return first if isinstance(first, Message) else str(error)
