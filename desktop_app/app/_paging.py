"""Cursor paging for every list: each cursor fetched once, one request at a time, items already
shown dropped, and newer items found by key."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, Protocol, TypeVar

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class Page(Protocol[T_co]):
    """One page of a cursor-paged list (`app.bsky` answers: feeds, notifications, accounts)."""

    @property
    def items(self) -> Sequence[T_co]: ...

    @property
    def cursor(self) -> str | None: ...


FetchPage = Callable[[str | None], Awaitable[Page[T]]]


class Pager(Generic[T]):
    """Walks one list with cursors.

    Holds the next cursor, the cursors requested, the keys of the items handed out, and
    whether the list is exhausted. `next_page` never requests the same cursor twice and
    returns nothing while a request is in flight or after the last page; with a `key`, an item
    whose key was handed out before (a post that moved between pages) is dropped. A failed page
    may be asked for again.
    """

    def __init__(self, fetch: FetchPage[T], key: Callable[[T], str] | None = None) -> None:
        self._fetch = fetch
        self._key = key
        self._cursor: str | None = None
        self._requested: set[str | None] = set()
        self._seen: set[str] = set()
        self._lock = asyncio.Lock()
        self.exhausted = False
        self.started = False

    @property
    def loading(self) -> bool:
        return self._lock.locked()

    def reset(self) -> None:
        self._cursor = None
        self._requested.clear()
        self._seen.clear()
        self.exhausted = False
        self.started = False

    async def first_page(self) -> list[T]:
        self.reset()
        return await self.next_page()

    async def next_page(self) -> list[T]:
        if self.exhausted or self.loading or self._cursor in self._requested:
            return []
        cursor = self._cursor
        async with self._lock:
            self._requested.add(cursor)
            try:
                page = await self._fetch(cursor)
            except BaseException:
                self._requested.discard(cursor)
                raise
            self.started = True
            self._cursor = page.cursor
            if page.cursor is None or page.cursor in self._requested or not page.items:
                self.exhausted = True
            return self._fresh(page.items)

    async def newer(self) -> tuple[list[T], bool]:
        """Items at the top of the list not handed out yet (newest first), and whether there is
        a gap: the whole top page was new, so items between it and what is shown were skipped."""
        page = await self._fetch(None)
        fresh = self._unseen_top(page.items)
        shown_before = bool(self._seen)
        self._seen.update(self._key_of(item) for item in fresh)
        gap = shown_before and bool(page.items) and len(fresh) == len(page.items)
        return fresh, gap

    async def count_newer(self) -> int:
        """How many unseen items the top page has, without taking them."""
        return len(self._unseen_top((await self._fetch(None)).items))

    def _key_of(self, item: T) -> str:
        if self._key is None:
            raise TypeError("newer items are found by key: this pager has none")
        return self._key(item)

    def _unseen_top(self, items: Sequence[T]) -> list[T]:
        fresh = []
        for item in items:
            if self._key_of(item) in self._seen:
                break
            fresh.append(item)
        return fresh

    def _fresh(self, items: Sequence[T]) -> list[T]:
        if self._key is None:
            return list(items)
        out = []
        for item in items:
            key = self._key(item)
            if key not in self._seen:
                self._seen.add(key)
                out.append(item)
        return out


async def collect(fetch: Callable[[str | None, int], Awaitable[Page[T]]], limit: int, *,
                  page_limit: int = 100) -> list[T]:
    """Up to `limit` items of a list, a page of at most `page_limit` at a time (the command
    line's lists)."""
    items: list[T] = []

    def ask(cursor: str | None) -> Awaitable[Page[T]]:
        return fetch(cursor, min(page_limit, limit - len(items)))

    pager: Pager[T] = Pager(ask)
    while len(items) < limit and not pager.exhausted:
        items.extend(await pager.next_page())
    return items[:limit]
