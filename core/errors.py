"""Failures a shop owner can act on. The CLI and GUI show their message; anything else is a bug."""

from core.messages import Message


class LaokeError(Exception):
    """An expected failure with a message fit for the user (no traceback).

    `details` (say, SQLite's integrity report) is for "Show details" in the window; the message stays one line.
    """

    def __init__(self, message: str = "", details: str = "") -> None:
        super().__init__(message)
        self.details = details


class DatabaseError(LaokeError):
    """The database file cannot be opened, upgraded or written."""


def describe_os_error(error: OSError) -> str | None:
    """A sentence for the file-system failures a shop can meet (full disk, no permission); None for others."""
    import errno

    where = f" ({error.filename})" if error.filename else ""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return Message(
            "The disk is full{where}: free some space and try again. Nothing was saved.",
            where=where,
        )
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return Message(
            "Laoke is not allowed to write there{where}: choose another folder or check its "
            "permissions.",
            where=where,
        )
    return None
