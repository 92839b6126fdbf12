"""How the window looks: light and dark palettes, accent colours, contrast, buttons
that show the keyboard's focus."""

from __future__ import annotations

from ._appearance import Appearance, choice_of
from ._buttons import QUIET_BUTTON, primary, quiet
from ._scheme import (
    CHOICES,
    Accents,
    Choice,
    Scheme,
    accents,
    contrast,
    luminance,
    palette_for,
    resolve,
    scheme_of,
)

__all__ = [
    "CHOICES",
    "QUIET_BUTTON",
    "Accents",
    "Appearance",
    "Choice",
    "Scheme",
    "accents",
    "choice_of",
    "contrast",
    "luminance",
    "palette_for",
    "primary",
    "quiet",
    "resolve",
    "scheme_of",
]
