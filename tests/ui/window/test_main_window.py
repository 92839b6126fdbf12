"""The main window alone: the mouse's back and forward buttons anywhere in it walk the history."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop_app.atproto import NetworkError
from desktop_app.ui.accounts import SignInPage
from desktop_app.ui.posts import ImageCache
from desktop_app.ui.window import MainWindow


async def _offline(url: str) -> bytes:
    raise NetworkError("offline")


def test_mouse_back_and_forward_buttons_anywhere(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(SignInPage(), QSettings(str(tmp_path / "w.ini"),
                                                QSettings.Format.IniFormat),
                        ImageCache(_offline))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.go("home")
    window.go("notifications")
    # As the system delivers a click: to the native window, at a point over the list (a widget
    # deep inside, which takes ordinary clicks itself).
    handle = window.windowHandle()
    assert handle is not None
    inside = window.notifications.list.list.viewport()
    point = inside.mapTo(window, QPoint(10, 10))
    QTest.mouseClick(handle, Qt.MouseButton.BackButton, Qt.KeyboardModifier.NoModifier, point)
    assert window.navigator.current is window.home
    QTest.mouseClick(handle, Qt.MouseButton.ForwardButton, Qt.KeyboardModifier.NoModifier, point)
    shown: object = window.navigator.current
    assert shown is window.notifications
