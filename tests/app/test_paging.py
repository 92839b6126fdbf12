"""Paging rules every list follows, without a server."""

from __future__ import annotations

import asyncio

import pytest

from desktop_app.app import Pager, collect
from desktop_app.bsky import ActorPage, Author, FeedItem, FeedPage, PostView

DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"


def item(n: int, reposted_by: Author | None = None) -> FeedItem:
    post = PostView(uri=f"at://{DID}/app.bsky.feed.post/{n}", cid=f"c{n}",
                    author=Author(DID, "alice.test"), text=f"post {n}", created_at="",
                    indexed_at="")
    return FeedItem(post, reposted_by)


def key(item: FeedItem) -> str:
    return item.key


class Feed:
    """Pages of 3 over posts 0..n-1, newest first; records every cursor asked for."""

    def __init__(self, n: int) -> None:
        self.posts = [item(i) for i in reversed(range(n))]
        self.asked: list[str | None] = []
        self.gate: asyncio.Event | None = None
        self.fail_next = False

    async def fetch(self, cursor: str | None) -> FeedPage:
        self.asked.append(cursor)
        if self.gate is not None:
            await self.gate.wait()
        if self.fail_next:
            self.fail_next = False
            raise ConnectionError("offline")
        start = int(cursor or 0)
        page = self.posts[start:start + 3]
        more = start + 3 < len(self.posts)
        return FeedPage(tuple(page), str(start + 3) if more else None)


async def test_pages_each_cursor_once_until_the_end() -> None:
    feed = Feed(8)
    pager = Pager(feed.fetch, key=key)
    seen = await pager.first_page()
    while not pager.exhausted:
        seen += await pager.next_page()
    assert [i.post.text for i in seen] == [f"post {n}" for n in reversed(range(8))]
    assert feed.asked == [None, "3", "6"]
    assert await pager.next_page() == []
    assert feed.asked == [None, "3", "6"]


async def test_concurrent_next_page_calls_fetch_once() -> None:
    feed = Feed(9)
    pager = Pager(feed.fetch, key=key)
    await pager.first_page()
    feed.gate = asyncio.Event()
    first = asyncio.ensure_future(pager.next_page())
    await asyncio.sleep(0)
    second = await pager.next_page()  # near-bottom fired again while the page is loading
    assert second == []
    feed.gate.set()
    assert len(await first) == 3
    assert feed.asked == [None, "3"]


async def test_a_failed_page_can_be_retried() -> None:
    feed = Feed(9)
    pager = Pager(feed.fetch, key=key)
    await pager.first_page()
    feed.fail_next = True
    with pytest.raises(ConnectionError):
        await pager.next_page()
    assert len(await pager.next_page()) == 3
    assert feed.asked == [None, "3", "3"]


async def test_items_repeated_across_pages_are_dropped() -> None:
    pages = {None: FeedPage((item(5), item(4)), "a"),
             "a": FeedPage((item(4), item(3), item(3, Author(DID, "bob.test"))), None)}

    async def fetch(cursor: str | None) -> FeedPage:
        return pages[cursor]

    pager = Pager(fetch, key=key)
    got = await pager.first_page() + await pager.next_page()
    assert [i.key for i in got] == [item(5).key, item(4).key, item(3).key,
                                    item(3, Author(DID, "bob.test")).key]


async def test_newer_returns_unseen_top_items_and_detects_gaps() -> None:
    feed = Feed(6)
    pager = Pager(feed.fetch, key=key)
    await pager.first_page()
    feed.posts.insert(0, item(100))
    assert await pager.count_newer() == 1
    fresh, gap = await pager.newer()
    assert [i.post.text for i in fresh] == ["post 100"] and not gap
    assert await pager.newer() == ([], False)
    feed.posts[:0] = [item(200), item(201), item(202), item(203)]
    fresh, gap = await pager.newer()
    assert len(fresh) == 3 and gap  # the whole top page is new: there may be a hole


async def test_collect_takes_up_to_the_limit_a_page_at_a_time() -> None:
    asked: list[tuple[str | None, int]] = []
    people = [Author(f"did:plc:{n:024d}", f"p{n}.test") for n in range(7)]

    async def fetch(cursor: str | None, limit: int) -> ActorPage:
        asked.append((cursor, limit))
        start = int(cursor or 0)
        end = start + limit
        return ActorPage(tuple(people[start:end]), str(end) if end < len(people) else None)

    got = await collect(fetch, 5, page_limit=2)
    assert [a.handle for a in got] == ["p0.test", "p1.test", "p2.test", "p3.test", "p4.test"]
    assert asked == [(None, 2), ("2", 2), ("4", 1)]
    asked.clear()
    assert len(await collect(fetch, 100, page_limit=3)) == 7
    assert asked == [(None, 3), ("3", 3), ("6", 3)]


async def test_newer_needs_a_key() -> None:
    async def fetch(cursor: str | None) -> FeedPage:
        return FeedPage((item(1),), None)

    with pytest.raises(TypeError):
        await Pager(fetch).newer()
