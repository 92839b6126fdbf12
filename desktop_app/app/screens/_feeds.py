"""Home's tabs without Qt: the feeds the account pinned, in their order, the same on every
client of the account; a screen per tab opened (kept while another is shown); pinning,
unpinning and moving written back to the account."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ...bsky import (
    FOLLOWING,
    Agent,
    SavedFeed,
    XrpcError,
    moved,
    pinned_with,
)
from ...errors import AppError
from .._reading import Moderator
from ._hooks import Hooks
from ._lists import FeedScreen

log = logging.getLogger(__name__)

PAGE_SIZE = 50
FOLLOWING_NAME = "Following"


@dataclass(frozen=True, slots=True)
class Tab:
    """One pinned feed as a tab: the saved item and the name shown."""

    item: SavedFeed
    name: str

    @property
    def key(self) -> str:
        return self.item.value


async def feed_names(agent: Agent, items: Sequence[SavedFeed]) -> dict[str, tuple[str, str | None]]:
    """Each saved item's name and its creator's handle (None: the timeline, or unknown); a feed
    or list the server no longer knows is left out (shown by its URI)."""
    names: dict[str, tuple[str, str | None]] = {FOLLOWING: (FOLLOWING_NAME, None)}
    feeds = [i.value for i in items if i.type == "feed"]
    for generator in await agent.feed_generators(feeds) if feeds else []:
        names[generator.uri] = (generator.name, generator.creator.handle)
    for item in items:
        if item.type != "list":
            continue
        try:
            info, _, _ = await agent.list_page(item.value, limit=1)
        except XrpcError as exc:
            if exc.status not in (400, 404):
                raise
            continue
        names[item.value] = (info.name, info.creator.handle if info.creator else None)
    return names


def feed_screen(agent: Agent, moderator: Moderator, item: SavedFeed, name: str) -> FeedScreen:
    """The screen of one custom feed or list: its posts page by page, its first page also
    from the offline copy."""
    uri = item.value
    return FeedScreen(agent, moderator,
                      lambda cursor: agent.feed(uri, cursor=cursor, limit=PAGE_SIZE),
                      name=f"feed {name}", kept_page=lambda kept: kept.feed(uri, limit=PAGE_SIZE))


class HomeFeeds:
    """The account's pinned feeds as Home's tabs. Holds the saved feeds as last read or
    written, their names, the screens of the tabs opened so far (each keeps its rows and
    cursor), the hooks it reports through (`tabs_changed`, `message`), and one lock so two
    changes never overwrite each other."""

    def __init__(self, agent: Agent, moderator: Moderator,
                 make_screen: Callable[[SavedFeed, str], FeedScreen]) -> None:
        self.agent = agent
        self.moderator = moderator
        self.make_screen = make_screen
        self.items: tuple[SavedFeed, ...] = (SavedFeed("", "timeline", FOLLOWING, True),)
        self.names: dict[str, tuple[str, str | None]] = {FOLLOWING: (FOLLOWING_NAME, None)}
        self.screens: dict[str, FeedScreen] = {}
        self.hooks = Hooks()
        self.tabs_changed: Callable[[list[Tab]], None] = lambda tabs: None
        self._lock = asyncio.Lock()

    def tabs(self) -> list[Tab]:
        """The pinned feeds in order (Following alone until the account's are read)."""
        return [Tab(i, self.names.get(i.value, (i.value, None))[0])
                for i in self.items if i.pinned]

    async def load(self) -> None:
        """Read the account's saved feeds and their names; on failure (offline, not allowed)
        Home stays Following alone and says nothing: the timeline works regardless."""
        try:
            items = await self.agent.saved_feeds()
            names = await feed_names(self.agent, [i for i in items if i.pinned])
        except AppError as exc:
            log.info("saved feeds not read: %s", exc.detail)
            return
        self._set(items, names)

    def screen(self, tab: Tab) -> FeedScreen | None:
        """The screen of a custom feed or list tab, made the first time (None: Following,
        whose screen is the home screen)."""
        if tab.item.type == "timeline":
            return None
        screen = self.screens.get(tab.key)
        if screen is None:
            screen = self.screens[tab.key] = self.make_screen(tab.item, tab.name)
        return screen

    async def pin(self, uri: str, pinned: bool = True) -> bool:
        return await self.change(lambda items: pinned_with(items, uri, pinned))

    async def move(self, key: str, to: int) -> bool:
        """Move the pinned tab `key` to position `to` among the pinned."""
        def change(items: tuple[SavedFeed, ...]) -> list[SavedFeed]:
            found = next((i for i in items if i.value == key and i.pinned), None)
            if found is None:
                return list(items)
            return moved(items, found.id, to)
        return await self.change(change)

    async def change(self, change: Callable[[tuple[SavedFeed, ...]],
                                             Sequence[SavedFeed]]) -> bool:
        """Apply `change` to the account's saved feeds (read-modify-write); False when it
        could not be written (said through the hooks)."""
        async with self._lock:
            try:
                items = await self.agent.change_saved_feeds(change)
                missing = [i for i in items if i.pinned and i.value not in self.names]
                names = {**self.names, **(await feed_names(self.agent, missing)
                                         if missing else {})}
            except AppError as exc:
                log.info("saved feeds not changed: %s", exc.detail)
                self.hooks.report(exc)
                return False
            self._set(items, names)
            return True

    def _set(self, items: Sequence[SavedFeed], names: dict[str, tuple[str, str | None]]) -> None:
        self.items = tuple(items)
        self.names = {**self.names, **names}
        self.tabs_changed(self.tabs())

    def forget(self, key: str) -> FeedScreen | None:
        """A tab no longer pinned: its screen, for whoever shows it to close."""
        return self.screens.pop(key, None)

    async def aclose(self) -> None:
        for screen in list(self.screens.values()):
            await screen.aclose()
        self.screens.clear()

