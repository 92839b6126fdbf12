"""Buttons that keep showing the keyboard's focus: the main action of a place (Post, Sign in)
and the quiet, flat ones (the rail's places, Details, Cancel reply)."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

# Fusion draws no panel for a flat button, and the focus frame is part of the panel: a flat
# button with the focus looks like one without. These rules draw the frame themselves.
QUIET_BUTTON = """
QPushButton { padding: 4px 10px; border: 2px solid transparent; border-radius: 4px;
              background: transparent; }
QPushButton:hover { border-color: palette(mid); }
QPushButton:checked, QPushButton:pressed { background-color: palette(midlight); }
QPushButton:focus { border-color: palette(highlight); }
"""


def primary(button: QPushButton) -> None:
    """Bold, not a default button: Fusion draws a default button the same with the keyboard's
    focus and without, and outside a dialog "default" does nothing else — Enter is wired by
    each place itself."""
    font = button.font()
    font.setBold(True)
    button.setFont(font)


def quiet(button: QPushButton) -> None:
    """A flat button whose focus still shows."""
    button.setFlat(True)
    button.setStyleSheet(QUIET_BUTTON)
