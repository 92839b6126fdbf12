"""Light and dark: the two palettes the app paints with, its accent colours in each, and the
WCAG contrast they are checked against.

The palettes are the app's own rather than the platform's: on Linux without a desktop theme
Qt's default palette has no dark variant and its placeholder grey is too faint for the small
text of handles and times (under 4.5:1 on white)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

Scheme = Literal["light", "dark"]
Choice = Literal["system", "light", "dark"]
CHOICES: tuple[Choice, ...] = ("system", "light", "dark")

Role = QPalette.ColorRole

_COLORS: dict[Scheme, dict[Role, str]] = {
    "light": {
        Role.Window: "#f3f3f5", Role.WindowText: "#17171c", Role.Base: "#ffffff",
        Role.AlternateBase: "#f3f3f5", Role.Text: "#17171c", Role.PlaceholderText: "#56565f",
        Role.Button: "#e9e9ee", Role.ButtonText: "#17171c", Role.BrightText: "#ffffff",
        Role.Highlight: "#1b5bd0", Role.HighlightedText: "#ffffff", Role.Link: "#0b50c2",
        Role.LinkVisited: "#5b2ab5", Role.ToolTipBase: "#fffbe0", Role.ToolTipText: "#17171c",
        Role.Light: "#ffffff", Role.Midlight: "#e4e4ea", Role.Mid: "#b8b8c2",
        Role.Dark: "#8a8a96", Role.Shadow: "#5a5a66",
    },
    "dark": {
        Role.Window: "#1d1e22", Role.WindowText: "#ececf0", Role.Base: "#141518",
        Role.AlternateBase: "#1d1e22", Role.Text: "#ececf0", Role.PlaceholderText: "#a9a9b3",
        Role.Button: "#2a2c31", Role.ButtonText: "#ececf0", Role.BrightText: "#ffffff",
        Role.Highlight: "#2f6fe4", Role.HighlightedText: "#ffffff", Role.Link: "#8cb8ff",
        Role.LinkVisited: "#c5a3ff", Role.ToolTipBase: "#2a2c31", Role.ToolTipText: "#ececf0",
        Role.Light: "#3a3c42", Role.Midlight: "#303238", Role.Mid: "#4a4c54",
        Role.Dark: "#101114", Role.Shadow: "#000000",
    },
}
# Text that is there but not to be used (a disabled button): dimmer, still readable.
_DISABLED: dict[Scheme, str] = {"light": "#74747e", "dark": "#80808a"}


@dataclass(frozen=True)
class Accents:
    """The colours that mean something: liked, reposted, bookmarked, over the limit."""

    like: QColor
    repost: QColor
    bookmark: QColor
    warning: QColor


_ACCENTS: dict[Scheme, tuple[str, str, str, str]] = {
    "light": ("#c0134f", "#16753a", "#0b50c2", "#b71c1c"),
    "dark": ("#ff8fb8", "#7fd79a", "#8cb8ff", "#ff8a80"),
}


def palette_for(scheme: Scheme) -> QPalette:
    palette = QPalette()
    for role, color in _COLORS[scheme].items():
        palette.setColor(role, QColor(color))
    for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.PlaceholderText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DISABLED[scheme]))
    return palette


def scheme_of(palette: QPalette) -> Scheme:
    """Which of the two a palette is (by its base colour)."""
    return "dark" if palette.color(Role.Base).lightness() < 128 else "light"


def accents(palette: QPalette) -> Accents:
    return Accents(*(QColor(c) for c in _ACCENTS[scheme_of(palette)]))


def resolve(choice: Choice, system: Qt.ColorScheme) -> Scheme:
    """The scheme to paint with: the setting's, else the system's (light when unknown)."""
    if choice != "system":
        return choice
    return "dark" if system == Qt.ColorScheme.Dark else "light"


def luminance(color: QColor) -> float:
    """WCAG 2.2 relative luminance."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2.2 contrast ratio, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
