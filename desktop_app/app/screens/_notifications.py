"""Notifications: likes, reposts and follows grouped; replies, mentions and quotes as posts."""

from __future__ import annotations

import logging

from ...bsky import Agent, FeedItem, Notification, NotificationGroup, group_notifications
from ...errors import AppError
from .._paging import Pager
from .._reading import Moderator
from ._intents import Intent, OpenGroup, OpenProfile, OpenThread
from ._lists import ListScreen
from ._rows import Row, post_row

log = logging.getLogger(__name__)

PAGE_SIZE = 50
CONTEXT = {"reply": "↩ {} replied to you", "mention": "@ {} mentioned you",
           "quote": "❝ {} quoted your post"}


class NotificationsScreen(ListScreen):
    """The account's notifications, a page at a time. Holds the pager and the texts of the
    posts liked or reposted ("your post: …"), fetched once per post."""

    pager: Pager[Notification]

    def __init__(self, agent: Agent, moderator: Moderator) -> None:
        super().__init__(agent, moderator, name="notifications")
        self.pager = Pager(
            lambda cursor: agent.notifications(cursor=cursor, limit=PAGE_SIZE),
            key=lambda item: item.uri)
        self._subjects: dict[str, str] = {}

    async def first_rows(self) -> list[Row]:
        return await self.rows_for(await self.with_moderation(self.pager.first_page()))

    async def more_rows(self) -> list[Row]:
        return await self.rows_for(await self.pager.next_page())

    async def kept_rows(self, agent: Agent) -> list[Row]:
        page = await agent.notifications(limit=PAGE_SIZE)
        return await self.rows_for(list(page.items), agent)

    def handle(self, intent: Intent) -> bool:
        if not isinstance(intent, OpenGroup):
            return super().handle(intent)
        newest = intent.group.newest
        if newest.reason == "follow":
            self.hooks.navigate(OpenProfile(newest.author.did))
        elif newest.reason_subject:
            self.hooks.navigate(OpenThread(newest.reason_subject))
        return True

    async def mark_seen(self) -> None:
        """The list is on screen: everything up to now has been seen."""
        try:
            await self.agent.update_seen()
        except AppError as exc:
            log.info("could not mark notifications seen: %s", exc.detail)
            return
        self.hooks.seen()

    async def rows_for(self, items: list[Notification],
                       agent: Agent | None = None) -> list[Row]:
        """Rows for `items`, the posts liked or reposted read through `agent` (by default the
        screen's: the offline copy's agent reads them from the copy)."""
        groups = group_notifications([n for n in items if not self._hidden(n)])
        await self._load_subjects(groups, agent or self.agent)
        return [self._row(group) for group in groups]

    def _hidden(self, item: Notification) -> bool:
        if self.moderator.author(item.author).hide:
            return True
        return item.post is not None and self.moderator.post(item.post).hide

    async def _load_subjects(self, groups: list[NotificationGroup], agent: Agent) -> None:
        wanted = sorted({g.newest.reason_subject for g in groups
                         if g.reason in {"like", "repost"} and g.newest.reason_subject
                         and g.newest.reason_subject not in self._subjects})
        if not wanted:
            return
        try:
            posts = await agent.posts([uri for uri in wanted if uri])
        except AppError as exc:
            log.info("subject posts not loaded: %s", exc.detail)
            return
        self._subjects.update({post.uri: post.text for post in posts})

    def _row(self, group: NotificationGroup) -> Row:
        newest = group.newest
        if newest.post is not None:
            context = CONTEXT.get(newest.reason, "{}").format(newest.author.name)
            return post_row(FeedItem(newest.post), self.moderator.post(newest.post),
                            context=context)
        subject = self._subjects.get(newest.reason_subject or "", "")
        return Row(f"group {group.key} {newest.uri}", "group", group=group,
                   text=subject.replace("\n", " ")[:200])
