"""The unread badge on the rail, and desktop notifications for new replies and mentions."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from ...app import NewActivity, TaskOwner, UnreadPoller, UnreadWatcher
from ..accounts import Notify
from ..lang import tr
from ._main_window import MainWindow


class UnreadBadge:
    """Shows the active account's unread count on the rail and announces new activity on the
    desktop. Holds the poller of the account followed, its task, and the thread the last
    announcement leads to."""

    def __init__(self, window: MainWindow, tasks: TaskOwner, *, notify: Notify | None,
                 open_thread: Callable[[str], None], permits: Callable[[str], bool]) -> None:
        self._window = window
        self._tasks = tasks
        self._notify = notify
        self._open_thread = open_thread
        self._permits = permits
        self.poller: UnreadPoller | None = None
        self._task: asyncio.Task[None] | None = None
        self._activity_uri: str | None = None

    def follow(self, watcher: UnreadWatcher) -> None:
        """Keep `watcher`'s account's count shown (instead of any other's)."""
        self.stop()
        window = self._window
        self.poller = UnreadPoller(
            watcher, visible=lambda: window.isVisible() and not window.isMinimized(),
            attentive=window.isActiveWindow, permits=self._permits,
            show=window.rail.set_unread, announce=self._announce)
        self._task = self._tasks.spawn(self.poller.run())

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self._task = None
        self.poller = None

    def seen(self) -> None:
        """The notifications list was viewed and marked read."""
        if self.poller is not None:
            self.poller.watcher.count = 0
        self._window.rail.set_unread(0)

    def _announce(self, activity: NewActivity) -> None:
        if self._notify is None:
            return
        self._activity_uri = activity.uri
        self._notify(activity_title(activity), activity.text())

    def activity_clicked(self) -> None:
        if self._activity_uri is not None:
            self._window.showNormal()
            self._window.activateWindow()
            self._open_thread(self._activity_uri)


def activity_title(activity: NewActivity) -> str:
    """The desktop notification's title, in the interface's language: who did what, and how
    many more there are."""
    first = activity.items[0]
    more = len(activity.items) - 1
    name = first.author.name
    if first.reason == "reply":
        title = tr("{name} replied to you") if not more else tr(
            "{name} replied to you, and %n more", None, more)
    elif first.reason == "mention":
        title = tr("{name} mentioned you") if not more else tr(
            "{name} mentioned you, and %n more", None, more)
    elif first.reason == "quote":
        title = tr("{name} quoted your post") if not more else tr(
            "{name} quoted your post, and %n more", None, more)
    else:
        title = tr("{name} notified you") if not more else tr(
            "{name} notified you, and %n more", None, more)
    return title.format(name=name)
