"""Feed paging rules and display segments of facets, without a server."""

from __future__ import annotations

import asyncio

import pytest

from desktop_app.bsky import (
    Author,
    Facet,
    FeedItem,
    FeedPage,
    FeedPager,
    PostView,
    Segment,
    segments,
)
from desktop_app.ui.timefmt import relative_time

DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"


def item(n: int, reposted_by: Author | None = None) -> FeedItem:
    post = PostView(uri=f"at://{DID}/app.bsky.feed.post/{n}", cid=f"c{n}",
                    author=Author(DID, "alice.test"), text=f"post {n}", created_at="",
                    indexed_at="")
    return FeedItem(post, reposted_by)


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
    pager = FeedPager(feed.fetch)
    seen = await pager.first_page()
    while not pager.exhausted:
        seen += await pager.next_page()
    assert [i.post.text for i in seen] == [f"post {n}" for n in reversed(range(8))]
    assert feed.asked == [None, "3", "6"]
    assert await pager.next_page() == []
    assert feed.asked == [None, "3", "6"]


async def test_concurrent_next_page_calls_fetch_once() -> None:
    feed = Feed(9)
    pager = FeedPager(feed.fetch)
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
    pager = FeedPager(feed.fetch)
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

    pager = FeedPager(fetch)
    got = await pager.first_page() + await pager.next_page()
    assert [i.key for i in got] == [item(5).key, item(4).key, item(3).key,
                                    item(3, Author(DID, "bob.test")).key]


async def test_newer_returns_unseen_top_items_and_detects_gaps() -> None:
    feed = Feed(6)
    pager = FeedPager(feed.fetch)
    await pager.first_page()
    feed.posts.insert(0, item(100))
    assert await pager.count_newer() == 1
    fresh, gap = await pager.newer()
    assert [i.post.text for i in fresh] == ["post 100"] and not gap
    assert await pager.newer() == ([], False)
    feed.posts[:0] = [item(200), item(201), item(202), item(203)]
    fresh, gap = await pager.newer()
    assert len(fresh) == 3 and gap  # the whole top page is new: there may be a hole


def test_segments_follow_byte_offsets_and_ignore_bad_facets() -> None:
    text = "👋 hi @bob.test 日本 #tag"
    data = text.encode()
    mention = Facet(data.index(b"@"), data.index(b"@") + len(b"@bob.test"), "mention", DID)
    tag = Facet(data.index(b"#"), len(data), "tag", "tag")
    overlapping = Facet(mention.byte_start + 1, mention.byte_end + 2, "link", "https://x")
    cuts_char = Facet(1, 3, "link", "https://y")  # inside the 4-byte 👋
    out_of_range = Facet(0, len(data) + 5, "link", "https://z")
    got = segments(text, [tag, overlapping, mention, cuts_char, out_of_range])
    assert got == [Segment("👋 hi "), Segment("@bob.test", "mention", DID), Segment(" 日本 "),
                   Segment("#tag", "tag", "tag")]
    assert "".join(s.text for s in got) == text
    assert segments("", []) == [Segment("")]


@pytest.mark.parametrize(("age", "expected"), [
    (5, "now"), (-30, "now"), (125, "2m"), (3 * 3600 + 5, "3h"), (2 * 86400 + 10, "2d")])
def test_relative_time(age: float, expected: str) -> None:
    now = 1_763_800_000.0
    import datetime as dt

    iso = dt.datetime.fromtimestamp(now - age, dt.UTC).isoformat().replace("+00:00", "Z")
    assert relative_time(iso, now) == expected


def test_relative_time_old_and_bad() -> None:
    now = 1_763_800_000.0  # 22 Nov 2025
    assert relative_time("2025-03-14T12:00:00.000Z", now) == "14 Mar"
    assert relative_time("2019-03-14T12:00:00Z", now) == "14 Mar 2019"
    assert relative_time("yesterday", now) == ""
