"""A custom feed's or a list's page without Qt: what it is (name, creator, description,
likes, whether its generator answers; a list's purpose and members), its posts, and what the
reader can do from it — pin it to Home, save it, like a feed, mute or block through a
moderation list."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace

from ...bsky import (
    Agent,
    FeedGenerator,
    ListInfo,
    SavedFeed,
    pinned_with,
    saved_type,
    without,
)
from ...errors import AppError
from ...sentences import QT_TR_NOOP, Sentence
from .._reading import Moderator
from ._feeds import HomeFeeds
from ._lists import FeedScreen
from ._rows import Card, Row, card_row

log = logging.getLogger(__name__)

PAGE_SIZE = 50


@dataclass(frozen=True)
class FeedInfo:
    """What the page's header shows: the feed or the list, and the reader's relation to it."""

    uri: str
    generator: FeedGenerator | None = None
    list: ListInfo | None = None
    pinned: bool = False
    saved: bool = False
    busy: bool = False  # a change on its way: the buttons wait

    @property
    def name(self) -> str:
        if self.generator is not None:
            return self.generator.name
        return self.list.name if self.list is not None else ""


class FeedPageScreen(FeedScreen):
    """One custom feed or list and its posts. Holds its URI, what is known of it (`info`), the
    account's Home feeds (to pin and save) and the hook the header listens to (`shown`)."""

    def __init__(self, agent: Agent, moderator: Moderator, uri: str, feeds: HomeFeeds) -> None:
        self.kind = saved_type(uri)
        super().__init__(agent, moderator,
                         lambda cursor: agent.feed(uri, cursor=cursor, limit=PAGE_SIZE),
                         name="feed page",
                         kept_page=lambda kept: kept.feed(uri, limit=PAGE_SIZE))
        self.uri = uri
        self.feeds = feeds
        self.info = FeedInfo(uri)
        self.shown: Callable[[FeedInfo], None] = lambda info: None

    async def first_rows(self) -> list[Row]:
        if self.info.generator is None and self.info.list is None:
            # Once: afterwards the page knows better than the AppView, which indexes the
            # reader's own changes (a like, a block) a moment later.
            await self.load_info()
        return await super().first_rows()

    async def load_info(self) -> None:
        """The feed's or list's own view (the header); a failure leaves the posts to say it."""
        try:
            if self.kind == "feed":
                self._show(replace(self.info, generator=await self.agent.feed_generator(self.uri)))
            else:
                info, _, _ = await self.agent.list_page(self.uri, limit=1)
                self._show(replace(self.info, list=info))
        except AppError as exc:
            log.info("feed page: %s not described: %s", self.uri, exc.detail)
            self._show()

    def _show(self, info: FeedInfo | None = None) -> None:
        """The header as `info` (default: as it is), pinned and saved as Home's feeds are."""
        saved = next((i for i in self.feeds.items if i.value == self.uri), None)
        self.info = replace(info or self.info, pinned=bool(saved and saved.pinned),
                            saved=saved is not None)
        self.shown(self.info)

    async def pin(self) -> None:
        """Pin to Home, or unpin (it stays saved)."""
        await self._home_change(lambda items: pinned_with(items, self.uri, not self.info.pinned))

    async def save(self) -> None:
        """Save (not pinned), or remove from the saved feeds (and from Home)."""
        if self.info.saved:
            await self._home_change(lambda items: without(items, self.uri))
        else:
            await self._home_change(lambda items: pinned_with(items, self.uri, False))

    async def _home_change(self, change: Callable[[tuple[SavedFeed, ...]],
                                                  list[SavedFeed]]) -> None:
        if self.info.busy or not self.hooks.allowed("feeds"):
            return
        self._show(replace(self.info, busy=True))
        await self.feeds.change(change)
        self._show(replace(self.info, busy=False))

    async def like(self) -> None:
        """Like the feed (or take the like back), shown at once, undone if refused."""
        generator = self.info.generator
        if generator is None or self.info.busy or not self.hooks.allowed("like"):
            return
        liked = generator.viewer_like
        delta = -1 if liked else 1
        self._show(replace(self.info, busy=True, generator=replace(
            generator, viewer_like=None if liked else "pending",
            like_count=max(0, generator.like_count + delta))))
        try:
            if liked:
                await self.links.delete("like", liked)
                record = None
            else:
                record = await self.links.create("like", {"uri": generator.uri,
                                                          "cid": generator.cid})
        except AppError as exc:
            self.hooks.report(exc)
            self._show(replace(self.info, busy=False, generator=generator))
            return
        self._show(replace(self.info, busy=False, generator=replace(
            generator, viewer_like=record, like_count=max(0, generator.like_count + delta))))

    @property
    def own_list(self) -> bool:
        listed = self.info.list
        return bool(listed and listed.creator and listed.creator.did == self.agent.did)

    async def rename(self, name: str) -> None:
        """A new name for the reader's own list."""
        info = self.info.list
        if info is None or not self.own_list or self.info.busy or not self.hooks.allowed(
                "lists"):
            return
        self._show(replace(self.info, busy=True))
        try:
            await self.agent.rename_list(info.uri, name)
        except AppError as exc:
            self.hooks.report(exc)
            self._show(replace(self.info, busy=False))
            return
        self._show(replace(self.info, busy=False, list=replace(info, name=name.strip())))

    async def delete(self) -> bool:
        """Delete the reader's own list (and unpin it); True when it is gone."""
        info = self.info.list
        if info is None or not self.own_list or self.info.busy or not self.hooks.allowed(
                "lists"):
            return False
        try:
            if self.info.saved:
                await self.feeds.change(lambda items: without(items, self.uri))
            await self.agent.delete_list(info.uri)
        except AppError as exc:
            self.hooks.report(exc)
            return False
        self.hooks.message(Sentence.of(QT_TR_NOOP("Deleted the list {list}."), list=info.name))
        return True

    async def mute_list(self) -> None:
        await self._list_change("mute")

    async def block_list(self) -> None:
        await self._list_change("block")

    async def _list_change(self, kind: str) -> None:
        info = self.info.list
        if info is None or self.info.busy or not self.hooks.allowed("lists"):
            return
        self._show(replace(self.info, busy=True))
        try:
            if kind == "mute":
                await self.agent.mute_list(info.uri, mute=not info.viewer_muted)
                info = replace(info, viewer_muted=not info.viewer_muted)
            elif info.viewer_blocked:
                await self.agent.unblock_list(info.viewer_blocked)
                info = replace(info, viewer_blocked=None)
            else:
                info = replace(info, viewer_blocked=await self.agent.block_list(info.uri))
        except AppError as exc:
            self.hooks.report(exc)
            self._show(replace(self.info, busy=False))
            return
        self._show(replace(self.info, busy=False, list=info))
        await self.load_first()  # what the list now hides, hidden


def generator_card(generator: FeedGenerator) -> Row:
    likes = f" · {generator.like_count} likes" if generator.like_count else ""
    return card_row(Card(generator.uri, generator.name or generator.uri,
                         f"Feed by @{generator.creator.handle}{likes}", generator.avatar),
                     generator.description)


def list_card(info: ListInfo) -> Row:
    kind = "Moderation list" if info.moderation else "List"
    by = f" by @{info.creator.handle}" if info.creator is not None else ""
    members = f" · {info.members} people" if info.members is not None else ""
    return card_row(Card(info.uri, info.name, f"{kind}{by}{members}", info.avatar),
                    info.description)

