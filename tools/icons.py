"""Make the installer's Windows and macOS icons from resources/icons/laoke.png (Qt writes .ico and .icns).

    QT_QPA_PLATFORM=offscreen python tools/icons.py

PyInstaller needs the platform's own format; converting a PNG itself would need Pillow at build time.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QImage

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def main() -> int:
    QGuiApplication(sys.argv[:1])
    image = QImage(str(ICONS / "laoke.png"))
    for suffix in ("ico", "icns"):
        target = ICONS / f"laoke.{suffix}"
        if not image.save(str(target), suffix.upper()):
            print(f"could not write {target}", file=sys.stderr)
            return 1
        print(f"wrote {target} ({target.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
