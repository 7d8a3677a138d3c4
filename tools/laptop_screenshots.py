"""Every page of the window on the demo shop at 1366×768 and 1280×800, in English and Chinese.

    python -m tools.laptop_screenshots   # docs/screenshots/laptop/<page>_<width>x<height>_<language>.png

Each screen size runs in its own process (tests/gui/screen_fit.py): the offscreen platform reads its screen
size when the application starts. The first window takes the size it would on that laptop.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from core.demo import ensure_demo_database
from tools.screenshots import LANGUAGES, OUT

SCREENS = ((1366, 768), (1280, 800))


def main() -> int:
    folder = OUT / "laptop"
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        demo = ensure_demo_database(Path(scratch) / "demo.db")
        for width, height in SCREENS:
            for language in LANGUAGES:
                environment = dict(os.environ, XDG_CONFIG_HOME=str(Path(scratch) / f"config-{language}-{width}"))
                subprocess.run([sys.executable, "-m", "tests.gui.screen_fit", str(width), str(height), language,
                                str(demo), str(folder)], check=True, env=environment, stdout=subprocess.DEVNULL)
    print(f"wrote {len(list(folder.glob('*.png')))} screenshots to {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
