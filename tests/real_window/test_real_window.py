"""The main flow in a real X window under Xvfb (tests/real_window/flow.py), when Xvfb is installed.

scripts/install.sh installs it and .ci/run runs the flow on its own too, keeping the screenshots.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STEPS = ("today", "import_review", "import_done", "lookup_tagged", "care_done", "insights")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="Xvfb is not installed (scripts/install.sh adds it)")
def test_the_main_flow_in_a_real_window(tmp_path: Path) -> None:
    environment = dict(os.environ, QT_QPA_PLATFORM="xcb")
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", sys.executable, "-m", "tests.real_window.flow",
         str(tmp_path), "en"], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "platform: xcb" in result.stdout  # a real window, not the offscreen platform
    shots = sorted(path.name for path in tmp_path.glob("*.png"))
    assert shots == [f"{number:02d}_{step}_en.png" for number, step in enumerate(STEPS, start=1)]
    assert all(path.stat().st_size > 10_000 for path in tmp_path.glob("*.png"))  # pictures, not blank files
