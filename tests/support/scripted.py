"""A scripted stand-in for one account's agent: pages of posts, likes held at a gate, posts
that fail on demand — for screen models and bindings tested without a server."""

from __future__ import annotations

import asyncio

from desktop_app.bsky import (
    Author,
    FeedItem,
    FeedPage,
    NewPost,
    PostView,
    Preferences,
    StrongRef,
)

DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"


def post(n: int, text: str | None = None, author: Author | None = None) -> PostView:
    return PostView(uri=f"at://{DID}/app.bsky.feed.post/{n}", cid=f"c{n}",
                    author=author or Author(DID, "alice.test"), text=text or f"post {n}",
                    created_at="",
                    indexed_at="")


class ScriptedAgent:
    """Answers like the agent; `gate` holds writes until the test lets them through."""

    did = DID

    def __init__(self, total: int = 120) -> None:
        self.posts = [post(n) for n in range(total)]
        self.cursors: list[str | None] = []
        self.gate = asyncio.Event()
        self.gate.set()
        self.fail: Exception | None = None
        self.likes: list[str] = []
        self.bookmarked: list[str] = []

    async def timeline(self, *, cursor: str | None = None, limit: int = 50) -> FeedPage:
        self.cursors.append(cursor)
        await asyncio.sleep(0.01)  # a round trip: concurrent callers overlap
        if self.fail is not None:
            raise self.fail
        start = int(cursor or 0)
        chunk = self.posts[start:start + limit]
        more = start + limit < len(self.posts)
        return FeedPage(tuple(FeedItem(p) for p in chunk), str(start + limit) if more else None)

    async def like(self, subject: StrongRef) -> str:
        await self.gate.wait()
        if self.fail is not None:
            raise self.fail
        self.likes.append(subject.uri)
        return f"at://{DID}/app.bsky.feed.like/{len(self.likes)}"

    async def unlike(self, uri: str) -> None:
        await self.gate.wait()

    async def bookmark(self, subject: StrongRef) -> None:
        await self.gate.wait()
        if self.fail is not None:
            raise self.fail
        self.bookmarked.append(subject.uri)

    async def unbookmark(self, uri: str) -> None:
        await self.gate.wait()
        if self.fail is not None:
            raise self.fail
        self.bookmarked.remove(uri)

    async def publish(self, draft: NewPost) -> StrongRef:
        await asyncio.sleep(0.01)  # a round trip
        if self.fail is not None:
            raise self.fail
        new = post(1000, text=draft.text)
        self.posts.insert(0, new)
        return new.ref

    async def post(self, uri: str) -> PostView:
        for candidate in self.posts:
            if candidate.uri == uri:
                return candidate
        from desktop_app.bsky import XrpcError

        raise XrpcError(404, "NotFound", "not indexed yet")

    async def typeahead(self, query: str, *, limit: int = 8) -> tuple[Author, ...]:
        return ()

    async def preferences(self) -> Preferences:
        return Preferences()
