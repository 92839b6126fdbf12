"""The scheme the whole app paints with: the setting's, or the system's (followed live)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication

from ._scheme import CHOICES, Choice, Scheme, palette_for, resolve

log = logging.getLogger(__name__)


def choice_of(value: object) -> Choice:
    """The `theme` setting as one of the choices ("system" for anything else, said once)."""
    for choice in CHOICES:
        if value == choice:
            return choice
    if value is not None:
        log.warning("theme setting %r is not one of %s: following the system", value,
                    ", ".join(CHOICES))
    return "system"


class Appearance(QObject):
    """Paints the app light or dark. Holds the setting and the scheme in use; while the setting
    is "system" it follows the system's scheme as it changes."""

    def __init__(self, app: QApplication, choice: Choice = "system") -> None:
        super().__init__(app)
        self.app = app
        self.choice = choice
        self.scheme: Scheme | None = None
        app.setStyle("Fusion")  # draws with the palette as given, on every platform
        app.styleHints().colorSchemeChanged.connect(self._system_changed)
        self.apply()

    def apply(self) -> None:
        scheme = resolve(self.choice, self.app.styleHints().colorScheme())
        if scheme == self.scheme:
            return
        self.scheme = scheme
        self.app.setPalette(palette_for(scheme))
        log.info("colour scheme: %s (setting: %s)", scheme, self.choice)

    def set_choice(self, choice: Choice) -> None:
        self.choice = choice
        self.apply()

    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.choice == "system":
            self.apply()
