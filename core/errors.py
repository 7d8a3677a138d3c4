"""Failures a shop owner can act on. The CLI and GUI show their message; anything else is a bug."""


class LaokeError(Exception):
    """An expected failure with a message fit for the user (no traceback)."""


class DatabaseError(LaokeError):
    """The database file cannot be opened, upgraded or written."""
