"""Fixtures for the safety tests: a read-only database file even for root (the immutable attribute)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.demo import create_demo_shop
from core.store.opening import open_database


@pytest.fixture
def read_only_shop(tmp_path: Path) -> Iterator[Path]:
    """A demo shop whose file cannot be written, not even by root (chattr +i); removed afterwards."""
    path = tmp_path / "locked-away" / "shop.db"
    database = open_database(path)
    with database.transaction() as session:
        create_demo_shop(session, customers=20)
    database.dispose()
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
        path.chmod(0o444)
        if os.access(path, os.W_OK):
            pytest.skip("cannot make a file read-only here (root without chattr)")
    yield path
    subprocess.run(["chattr", "-i", str(path)], capture_output=True)
    path.chmod(0o644)
