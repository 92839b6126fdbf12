"""Saves a PNG of an X display's root window (run as a separate process on that display)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QGuiApplication


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    screen = app.primaryScreen()
    if screen is None or not screen.grabWindow(0).save(sys.argv[1]):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
