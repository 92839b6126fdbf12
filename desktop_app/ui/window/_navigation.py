"""Browser-like navigation: a left rail of places, and back/forward through opened views."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...app import TaskOwner
from ..lang import tr
from ..look import QUIET_BUTTON

Closer = Callable[[], Awaitable[None]]
HISTORY_LIMIT = 30  # views kept for Back; older ones are closed (their lists, their images)


def places() -> tuple[tuple[str, str], ...]:
    """The rail's places, (name, label): a symbol every common UI font has (emoji would show as
    boxes where no emoji font is installed) and the place's words in the interface's
    language."""
    return (("home", "⌂  " + tr("Home", "place")),
            ("notifications", "✉  " + tr("Notifications", "place")),
            ("search", "⌕  " + tr("Search", "place")),
            ("bookmarks", "⚑  " + tr("Bookmarks", "place")),
            ("profile", "☺  " + tr("Profile", "place")),
            ("accounts", "⚙  " + tr("Accounts", "place")))


# Push buttons, not checkable ones: Qt would give a checkable button the role "check box"
# and a screen reader would say "Home, check box, checked" for a place to go. The place shown
# is marked by the `current` property (drawn in the selection's colours) and said in the
# button's description, as a web page's aria-current is.
RAIL_STYLE = QUIET_BUTTON + """
QPushButton { text-align: left; padding: 6px 10px; }
QPushButton[current="true"] { background-color: palette(highlight);
                              color: palette(highlighted-text); font-weight: bold; }
QPushButton[current="true"]:focus { border-color: palette(link); }
"""


class Rail(QWidget):
    """The places, one button each, with an unread badge on Notifications; holds the unread
    count the badge shows."""

    place_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rail")
        self.unread = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 8)
        self.setStyleSheet(RAIL_STYLE)
        self.buttons: dict[str, QPushButton] = {}
        for name, label in places():
            button = QPushButton(label)
            button.setObjectName(f"rail-{name}")
            button.setFlat(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setProperty("current", False)
            button.clicked.connect(lambda _=False, n=name: self.place_requested.emit(n))
            self.buttons[name] = button
            layout.addWidget(button)
        self.badge = QLabel("")
        self.badge.setObjectName("unreadBadge")
        self.badge.setTextFormat(Qt.TextFormat.PlainText)
        self.badge.setStyleSheet("background: #ec4868; color: white; border-radius: 8px; "
                                 "padding: 0 6px; font-weight: bold;")
        self.badge.hide()
        layout.insertWidget(2, self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def set_unread(self, count: int) -> None:
        self.unread = count
        text = "" if count <= 0 else ("30+" if count > 30 else str(count))
        self.badge.setText(text)
        self.badge.setVisible(bool(text))
        self.badge.setAccessibleName(tr("%n unread notifications", None, count) if count else "")
        self.buttons["notifications"].setAccessibleName(
            tr("Notifications, %n unread", None, count) if count
            else tr("Notifications", "place"))

    @property
    def unread_text(self) -> str:
        return self.badge.text() if self.badge.isVisible() else ""

    def mark(self, place: str | None) -> None:
        """Show `place` as the current one (None: a view that is no place, e.g. a thread)."""
        for name, button in self.buttons.items():
            current = name == place
            if button.property("current") == current:
                continue
            button.setProperty("current", current)
            button.setAccessibleDescription(tr("current place") if current else "")
            button.style().unpolish(button)  # a property selector is matched at polish only
            button.style().polish(button)


class Navigator(QObject):
    """History of the content area, like a browser's.

    Holds the places (views kept for the whole session), the back and forward stacks of views
    shown, which view is current, and how to close each pushed view. A pushed view stays alive
    (with its scroll position) while it is in the history; one that falls out of it is closed:
    the closer it was pushed with runs (ending what its screen started), then the widget is
    deleted.
    """

    changed = Signal()

    def __init__(self, stack: QStackedWidget, *, limit: int = HISTORY_LIMIT) -> None:
        super().__init__(stack)
        self._stack = stack
        self._limit = limit
        self._places: dict[str, QWidget] = {}
        self._back: list[QWidget] = []
        self._forward: list[QWidget] = []
        self._current: QWidget | None = None
        self._closers: dict[int, Closer] = {}
        self._closing = TaskOwner("navigation")

    def add_place(self, name: str, widget: QWidget) -> None:
        self._places[name] = widget
        self._stack.addWidget(widget)

    def place(self, name: str) -> QWidget | None:
        return self._places.get(name)

    def place_of(self, widget: QWidget | None) -> str | None:
        return next((n for n, w in self._places.items() if w is widget), None)

    @property
    def current(self) -> QWidget | None:
        return self._current

    def go(self, name: str) -> None:
        """Show a place: a new step in the history, or, when it is already shown, the same
        place again (`changed` fires either way, so it can bring itself up to date)."""
        widget = self._places.get(name)
        if widget is None:
            return
        if widget is self._current:
            self.changed.emit()
        else:
            self._navigate(widget)

    def push(self, view: QWidget, close: Closer | None = None) -> None:
        """Show a new view (a thread, a profile, a search); `close` ends what it started once
        it leaves the history."""
        if close is not None:
            self._closers[id(view)] = close
        self._stack.addWidget(view)
        self._navigate(view)

    def _navigate(self, widget: QWidget) -> None:
        if self._current is not None:
            self._back.append(self._current)
        dropped, self._forward = self._forward, []
        while len(self._back) > self._limit:
            dropped.append(self._back.pop(0))
        self._show(widget)
        self._release(dropped)

    def back(self) -> bool:
        if not self._back:
            return False
        if self._current is not None:
            self._forward.append(self._current)
        self._show(self._back.pop())
        return True

    def forward(self) -> bool:
        if not self._forward:
            return False
        if self._current is not None:
            self._back.append(self._current)
        self._show(self._forward.pop())
        return True

    @property
    def can_go_back(self) -> bool:
        return bool(self._back)

    @property
    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def pushed_views(self) -> list[QWidget]:
        """Views alive for history (not places), for tests and benchmarks."""
        seen = [*self._back, *self._forward, *([self._current] if self._current else [])]
        return [w for w in dict.fromkeys(seen) if w not in self._places.values()]

    def _show(self, widget: QWidget) -> None:
        self._current = widget
        self._stack.setCurrentWidget(widget)
        self.changed.emit()

    def _release(self, widgets: list[QWidget]) -> None:
        alive = {id(w) for w in [*self._back, *self._forward, self._current]}
        for widget in widgets:
            if id(widget) in alive or widget in self._places.values():
                continue
            self._stack.removeWidget(widget)
            self._close(widget)

    def _close(self, widget: QWidget) -> None:
        close = self._closers.pop(id(widget), None)
        if close is None:
            widget.deleteLater()
            return

        async def run() -> None:
            try:
                await close()
            finally:
                widget.deleteLater()

        self._closing.spawn(run())

    async def clear(self, fallback: str) -> None:
        """Close every pushed view and forget the history (another account is shown now);
        a place stays on screen, else `fallback` is shown."""
        pushed = self.pushed_views()
        self._back, self._forward = [], []
        current = self._current
        if current is not None and current not in self._places.values():
            widget = self._places.get(fallback)
            self._current = None
            if widget is not None:
                self._show(widget)
        for widget in pushed:
            self._stack.removeWidget(widget)
            self._close(widget)
        await self._closing.settle()
