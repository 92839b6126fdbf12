"""Search: posts (latest or top) and people, for a typed query or a clicked hashtag."""

from __future__ import annotations

from ...bsky import Agent, Author, FeedItem, SearchSort
from .._paging import Pager
from .._reading import Moderator
from ._lists import ListScreen, feed_pager
from ._rows import Row, actor_row

PAGE_SIZE = 25
# The tabs in order: posts sorted one way, or None for people.
TABS: tuple[tuple[str, SearchSort | None], ...] = (
    ("Latest", "latest"), ("Top", "top"), ("People", None))


class SearchScreen(ListScreen):
    """Results for one query on one tab. Holds the query, the tab, and the pager of posts or
    of people."""

    def __init__(self, agent: Agent, moderator: Moderator) -> None:
        super().__init__(agent, moderator, name="search")
        self.query = ""
        self.tab = 0
        self._posts: Pager[FeedItem] | None = None
        self._people: Pager[Author] | None = None

    async def search(self, query: str, tab: int | None = None) -> None:
        """Show the results for `query` (on `tab`, or the tab shown)."""
        self.query = query.strip()
        if tab is not None and 0 <= tab < len(TABS):
            self.tab = tab
        if not self.query:
            return
        agent, query, sort = self.agent, self.query, TABS[self.tab][1]
        if sort is None:
            self._posts = None
            self._people = self.pager = Pager(lambda cursor: agent.search_actors(
                query, cursor=cursor, limit=PAGE_SIZE), key=lambda author: author.did)
        else:
            self._people = None
            self._posts = self.pager = feed_pager(lambda cursor: agent.search_posts(
                query, sort=sort, cursor=cursor, limit=PAGE_SIZE))
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
        return []
