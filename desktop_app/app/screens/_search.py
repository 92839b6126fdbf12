"""Search: posts (latest or top), people and custom feeds, for a typed query or a clicked
hashtag; with no query, the Feeds tab suggests feeds."""

from __future__ import annotations

from typing import Literal

from ...bsky import (
    Agent,
    Author,
    FeedGenerator,
    FeedItem,
    GeneratorPage,
    SearchSort,
    XrpcError,
)
from .._paging import Pager
from .._reading import Moderator
from ._feed_page import generator_card
from ._lists import ListScreen, feed_pager
from ._rows import Row, actor_row

PAGE_SIZE = 25
# The tabs in order: posts sorted one way, None for people, "feeds" for custom feeds.
TABS: tuple[tuple[str, SearchSort | Literal["feeds"] | None], ...] = (
    ("Latest", "latest"), ("Top", "top"), ("People", None), ("Feeds", "feeds"))


class SearchScreen(ListScreen):
    """Results for one query on one tab. Holds the query, the tab, and the pager of posts or
    of people."""

    def __init__(self, agent: Agent, moderator: Moderator) -> None:
        super().__init__(agent, moderator, name="search")
        self.query = ""
        self.tab = 0
        self._posts: Pager[FeedItem] | None = None
        self._people: Pager[Author] | None = None
        self._feeds: Pager[FeedGenerator] | None = None

    async def search(self, query: str, tab: int | None = None) -> None:
        """Show the results for `query` (on `tab`, or the tab shown)."""
        self.query = query.strip()
        if tab is not None and 0 <= tab < len(TABS):
            self.tab = tab
        agent, query, sort = self.agent, self.query, TABS[self.tab][1]
        if not query and sort != "feeds":
            return
        self._posts = self._people = self._feeds = None
        if sort is None:
            self._people = self.pager = Pager(lambda cursor: agent.search_actors(
                query, cursor=cursor, limit=PAGE_SIZE), key=lambda author: author.did)
        elif sort == "feeds":
            self._feeds = self.pager = Pager(
                lambda cursor: _feeds(agent, query, cursor), key=lambda feed: feed.uri)
        else:
            posts: SearchSort = sort
            self._posts = self.pager = feed_pager(lambda cursor: agent.search_posts(
                query, sort=posts, cursor=cursor, limit=PAGE_SIZE))
        await self.load_first()

    async def first_rows(self) -> list[Row]:
        return await self._rows(first=True)

    async def more_rows(self) -> list[Row]:
        return await self._rows(first=False)

    async def _rows(self, *, first: bool) -> list[Row]:
        if self._posts is not None:
            page = await (self.with_moderation(self._posts.first_page()) if first
                          else self._posts.next_page())
            return self.post_rows(page)
        if self._people is not None:
            people = await (self.with_moderation(self._people.first_page()) if first
                            else self._people.next_page())
            return [actor_row(a) for a in people if not self.moderator.author(a).hide]
        if self._feeds is not None:
            feeds = await (self._feeds.first_page() if first else self._feeds.next_page())
            return [generator_card(f) for f in feeds
                    if not self.moderator.author(f.creator).hide]
        return []


async def _feeds(agent: Agent, query: str, cursor: str | None) -> GeneratorPage:
    """Feeds matching `query` (popular ones when it is empty); where the AppView does not offer
    that search, its suggested feeds."""
    try:
        return await agent.popular_feeds(query or None, cursor=cursor, limit=PAGE_SIZE)
    except XrpcError as exc:
        if exc.status not in (400, 404, 501) or query:
            raise
        return await agent.suggested_feeds(cursor=cursor, limit=PAGE_SIZE)
