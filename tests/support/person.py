"""A person at the app's window on a private X display: finds it, focuses it, types and presses
keys (xdotool), as someone with a keyboard does."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "app-process"


@dataclass(frozen=True)
class Person:
    """Holds the X display the person looks at."""

    display: str

    def xdotool(self, *args: str) -> str:
        return subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": self.display},
                              check=True, timeout=30, capture_output=True, text=True).stdout

    def window(self, name: str = "Desktop App") -> str:
        """The app's main window (waits for it to be mapped)."""
        return self.xdotool("search", "--sync", "--onlyvisible", "--name", name).split()[0]

    def focus(self, name: str = "Desktop App") -> str:
        # Xvfb runs no window manager: nothing focuses a new window unless someone does.
        window = self.window(name)
        self.xdotool("windowfocus", "--sync", window)
        return window

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "20", text)

    def key(self, *keys: str) -> None:
        self.xdotool("key", "--clearmodifiers", *keys)

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / name
        subprocess.run([sys.executable, str(ROOT / "tests/support/screenshot.py"), str(path)],
                       env={**os.environ, "DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb"},
                       check=True, timeout=30)
        return path
