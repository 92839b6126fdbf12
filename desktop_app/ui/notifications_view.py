"""Notifications: likes, reposts and follows grouped; replies, mentions and quotes as posts."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..app import Moderator
from ..bsky import (
    Agent,
    FeedItem,
    Notification,
    NotificationGroup,
    NotificationPage,
    group_notifications,
)
from ..errors import AppError
from .feed_controller import FeedController
from .images import ImageCache
from .rows import Row, post_row
from .timeline_model import TimelineModel
from .timeline_view import TimelineView

log = logging.getLogger(__name__)

PAGE_SIZE = 50
CONTEXT = {"reply": "↩ {} replied to you", "mention": "@ {} mentioned you",
           "quote": "❝ {} quoted your post"}


class NotificationsView(QWidget):
    def __init__(self, images: ImageCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notificationsView")
        self.list = TimelineView(TimelineModel(), images)
        self.list.setObjectName("notificationsList")
        self.list.set_title("Notifications")
        self.list.set_loading_text("Loading your notifications…")
        self.list.set_empty_text("No notifications yet.")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)


class NotificationsController(FeedController):
    """Pages of notifications as rows. Holds the cursor, and the subject posts' texts fetched
    for the groups ("your post: …")."""

    seen = Signal()  # the list was viewed and marked read

    def __init__(self, agent: Agent, view: NotificationsView, *,
                 moderator: Moderator | None = None) -> None:
        super().__init__(agent, view.list, None, moderator=moderator, name="notifications")
        self._cursor: str | None = None
        self._exhausted = False
        self._loading = False
        self._subjects: dict[str, str] = {}
        self.connect_view(view.list.group_activated, self._open_group)
        self.connect_view(view.list.refresh_requested, lambda: self.spawn(self.load_first()))

    async def load_first(self) -> None:
        self._cursor, self._exhausted = None, False
        self.view.show_loading()
        if self.moderator is not None and not self.moderator.loaded:
            await self.moderator.load()
        page = await self._fetch(self.view.show_error)
        if page is None:
            return
        self.model.reset_rows(await self.rows_for(page))
        self.view.loaded()
        if self._exhausted and self.model.rowCount():
            self.view.show_end()

    async def load_more(self) -> None:
        if self._loading or self._exhausted or self._cursor is None:
            return
        self.view.set_loading_more(True)
        page = await self._fetch(self.view.show_more_error)
        if page is None:
            return
        self.view.set_loading_more(False)
        self.model.append_rows(await self.rows_for(page))
        if self._exhausted:
            self.view.show_end()

    async def mark_seen(self) -> None:
        """The list is on screen: everything up to now has been seen."""
        try:
            await self.agent.update_seen()
        except AppError as exc:
            log.info("could not mark notifications seen: %s", exc.detail)
            return
        self.seen.emit()

    async def _fetch(self, failed: Callable[[str], None]) -> NotificationPage | None:
        self._loading = True
        try:
            page = await self.agent.notifications(cursor=self._cursor, limit=PAGE_SIZE)
        except AppError as exc:
            log.info("notifications failed: %s", exc.detail)
            failed(exc.message)
            return None
        finally:
            self._loading = False
        self._cursor = page.cursor
        self._exhausted = page.cursor is None or not page.items
        return page

    async def rows_for(self, page: NotificationPage) -> list[Row]:
        visible = [n for n in page.items if not self._hidden(n)]
        groups = group_notifications(visible)
        await self._load_subjects(groups)
        return [row for group in groups if (row := self._row(group)) is not None]

    def _hidden(self, item: Notification) -> bool:
        if self.moderator is None:
            return False
        if self.moderator.author(item.author).hide:
            return True
        return item.post is not None and self.moderator.post(item.post).hide

    async def _load_subjects(self, groups: list[NotificationGroup]) -> None:
        wanted = sorted({g.newest.reason_subject for g in groups
                         if g.reason in {"like", "repost"} and g.newest.reason_subject
                         and g.newest.reason_subject not in self._subjects})
        if not wanted:
            return
        try:
            posts = await self.agent.posts([uri for uri in wanted if uri])
        except AppError as exc:
            log.info("subject posts not loaded: %s", exc.detail)
            return
        self._subjects.update({post.uri: post.text for post in posts})

    def _row(self, group: NotificationGroup) -> Row | None:
        newest = group.newest
        if newest.post is not None:
            decision = self.moderator.post(newest.post) if self.moderator else None
            who = newest.author.name
            context = CONTEXT.get(newest.reason, "{}").format(who)
            item = FeedItem(newest.post)
            return post_row(item, decision, context=context) if decision else post_row(
                item, context=context)
        subject = self._subjects.get(newest.reason_subject or "", "")
        return Row(f"group {group.key} {newest.uri}", "group", group=group,
                   text=subject.replace("\n", " ")[:200])

    def _open_group(self, group: object) -> None:
        if not isinstance(group, NotificationGroup):
            return
        newest = group.newest
        if newest.reason == "follow":
            self.open_profile.emit(newest.author.did)
        elif newest.reason_subject:
            self.open_thread.emit(newest.reason_subject)
