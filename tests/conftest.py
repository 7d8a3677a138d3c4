"""Every test runs headless, on a fresh database and with its own settings and data folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from core.store.db import Database
from core.store.opening import open_database

pytest_plugins = ["tests.backends"]


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the data folder, LAOKE_DB and QSettings into a temporary folder for each test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("LAOKE_DB", str(home / "data" / "laoke.db"))
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "shop.db"


@pytest.fixture
def database(db_target: str):  # type: ignore[no-untyped-def]
    """The test's book: an SQLite file at `db_path`, or (parametrised by `backend`) a PostgreSQL database."""
    database: Database = open_database(db_target)
    yield database
    database.dispose()


@pytest.fixture
def qsettings_isolated(isolated_user_folders: Path, qapp):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(isolated_user_folders / "qt"))
    QSettings().clear()
    return isolated_user_folders
