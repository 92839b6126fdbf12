"""The main window and what runs it: the app's entry (`run`), navigation (rail, history),
and the thin controller that connects the window to the application layer."""

from __future__ import annotations

from ._app import run
from ._controller import AppController
from ._main_window import MainWindow
from ._navigation import Navigator, Rail

__all__ = [
    "AppController",
    "MainWindow",
    "Navigator",
    "Rail",
    "run",
]
