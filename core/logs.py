"""The log file: unexpected errors go to a rotating `laoke.log` in the data folder, for a support request."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from core.paths import log_dir

LOG_FILE_NAME = "laoke.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5  # laoke.log.1 … laoke.log.5: a few MB at most, whatever happens
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"


def log_file() -> Path:
    return log_dir() / LOG_FILE_NAME


def configure_logging(folder: Path | None = None) -> Path | None:
    """Send warnings and errors to the rotating log file; returns its path, or None if it cannot be written.

    Calling it again with the same folder does nothing; a log that cannot be written never stops Laoke.
    """
    path = (folder or log_dir()) / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8",
                                      delay=True)
    except OSError:
        return None
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    if root.level > logging.WARNING or root.level == logging.NOTSET:
        root.setLevel(logging.WARNING)
    return path
