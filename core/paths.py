"""Where Laoke keeps its files, in a source checkout and in a frozen bundle alike."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_DIR_NAME = "Laoke"
DB_FILE_NAME = "laoke.db"
DEMO_DB_FILE_NAME = "demo.db"
ENV_DB = "LAOKE_DB"


def project_root() -> Path:
    return Path(__file__).resolve().parent.parent


def resource_path(relative: str) -> Path:
    """A file shipped with the app: beside the sources, or unpacked by PyInstaller into _MEIPASS."""
    base = Path(getattr(sys, "_MEIPASS", project_root()))
    return base / relative


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def default_db_path() -> Path | str:
    """The shop's database: `LAOKE_DB` when set (a path, or a server's URL in team mode), else the data folder."""
    override = os.environ.get(ENV_DB)
    if override and "://" in override:
        return override  # as a Path, its "//" would fold into one
    return Path(override).expanduser() if override else data_dir() / DB_FILE_NAME


def demo_db_path() -> Path:
    return data_dir() / DEMO_DB_FILE_NAME


def log_dir() -> Path:
    return data_dir() / "logs"
