"""Feed paging: each cursor fetched once, one request at a time, newer posts found by key."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from ._models import FeedItem, FeedPage

FetchPage = Callable[[str | None], Awaitable[FeedPage]]


class FeedPager:
    """Walks a feed with cursors. `next_page` never requests the same cursor twice, and returns
    nothing while a request is in flight or after the last page; items already seen (by key) are
    dropped, so a post that moves between pages is shown once."""

    def __init__(self, fetch: FetchPage) -> None:
        self._fetch = fetch
        self._cursor: str | None = None
        self._requested: set[str | None] = set()
        self._seen: set[str] = set()
        self._lock = asyncio.Lock()
        self.exhausted = False
        self.started = False

    @property
    def busy(self) -> bool:
        return self._lock.locked()

    def reset(self) -> None:
        self._cursor = None
        self._requested.clear()
        self._seen.clear()
        self.exhausted = False
        self.started = False

    async def first_page(self) -> list[FeedItem]:
        self.reset()
        return await self.next_page()

    async def next_page(self) -> list[FeedItem]:
        if self.exhausted or self.busy:
            return []
        cursor = self._cursor
        if cursor in self._requested:
            return []
        async with self._lock:
            self._requested.add(cursor)
            try:
                page = await self._fetch(cursor)
            except BaseException:
                self._requested.discard(cursor)  # a failed page may be retried
                raise
            self.started = True
            self._cursor = page.cursor
            if page.cursor is None or page.cursor in self._requested or not page.items:
                self.exhausted = True
            return self._fresh(page.items)

    async def newer(self) -> tuple[list[FeedItem], bool]:
        """Items at the top of the feed not shown yet (newest first), and whether there is a gap:
        the whole top page was new, so posts between it and what is shown were skipped."""
        page = await self._fetch(None)
        fresh = self._unseen_top(page)
        shown_before = bool(self._seen)
        self._seen.update(item.key for item in fresh)
        gap = shown_before and bool(page.items) and len(fresh) == len(page.items)
        return fresh, gap

    async def count_newer(self) -> int:
        """How many unseen items the top page has, without taking them."""
        return len(self._unseen_top(await self._fetch(None)))

    def _unseen_top(self, page: FeedPage) -> list[FeedItem]:
        fresh = []
        for item in page.items:
            if item.key in self._seen:
                break
            fresh.append(item)
        return fresh

    def _fresh(self, items: tuple[FeedItem, ...]) -> list[FeedItem]:
        out = []
        for item in items:
            if item.key not in self._seen:
                self._seen.add(item.key)
                out.append(item)
        return out
