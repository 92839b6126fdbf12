"""How the window looks: light and dark palettes, accent colours, contrast, zoom."""

from __future__ import annotations

from ._appearance import Appearance, choice_of
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
    "Accents",
    "Appearance",
    "Choice",
    "Scheme",
    "accents",
    "choice_of",
    "contrast",
    "luminance",
    "palette_for",
    "resolve",
    "scheme_of",
]
