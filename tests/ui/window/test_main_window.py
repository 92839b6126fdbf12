"""The main window alone: the mouse's back and forward buttons anywhere in it walk the history."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.support.app import bare_window


def test_mouse_back_and_forward_buttons_anywhere(qtbot: QtBot, tmp_path: Path) -> None:
    window = bare_window(qtbot, tmp_path)
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


def test_question_mark_lists_every_key(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtGui import QShortcut
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.posts import POST_ACTIONS

    window = bare_window(qtbot, tmp_path)
    window.show()
    qtbot.waitExposed(window)
    [question] = [s for s in window.findChildren(QShortcut) if s.key().toString() == "?"]
    assert question.context() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    question.activated.emit()  # what "?" does anywhere in the window
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if w.objectName() == "keysDialog" and w.isVisible())
    table = dialog.table  # type: ignore[attr-defined]
    listed = {table.item(row, 0).text(): table.item(row, 1).text() if table.item(row, 1) else ""
              for row in range(table.rowCount())}
    for keys, words, _ in POST_ACTIONS:
        assert listed[keys.replace("Return", "Enter")] == words
    assert listed["Ctrl+4"] == "Bookmarks" and listed["?"] == "This list"
    assert dialog.accessibleName() == "Keyboard shortcuts"
    dialog.close()
