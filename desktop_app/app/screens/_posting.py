"""Posting as one account: compose → upload → create, the post as this client knows it at once,
and the post as the AppView shows it once indexed."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from ...bsky import (
    POST,
    Agent,
    Author,
    NewPost,
    PostView,
    StrongRef,
    XrpcError,
    detect_facets,
    now_iso,
)
from ...errors import AppError
from ...sentences import QT_TR_NOOP, Sentence
from .._outbox import Waiting
from .._sending import Sender

log = logging.getLogger(__name__)

INDEX_WAIT = 8.0  # seconds to wait for the AppView to index a post just made
INDEX_POLL = 0.5
WAITS = Sentence(QT_TR_NOOP("Not sent yet: it waits in the outbox and goes as soon as it can."))


def needs(draft: NewPost) -> tuple[str, ...]:
    """The features publishing `draft` takes."""
    return ("post", "images") if draft.images else ("post",)


@dataclass(frozen=True)
class Published:
    """A post just written: its record's reference, and the post as known before the AppView
    has indexed it (no counts, the author as this account knows itself). `pending`: it waits
    in the outbox (its reference has no CID yet)."""

    ref: StrongRef
    post: PostView
    pending: bool = False


class Publisher:
    """Writes posts for one account. Holds its agent, the sender of its outbox (None: posts
    are written directly, nothing kept), and its own author (for the post as known at once);
    `clock` and `sleep` are the time it waits by."""

    def __init__(self, agent: Agent, me: Author, *, sender: Sender | None = None,
                 clock: Callable[[], float] = time.time,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self._agent = agent
        self.me = me
        self.sender = sender
        self._clock = clock
        self._sleep = sleep

    async def publish(self, draft: NewPost) -> Published:
        """Upload the images, write the record; an `AppError` says why not (nothing written,
        nothing kept). With an outbox, a post that can't go now waits in it (`pending`)."""
        if self.sender is None:
            ref = await self._agent.publish(draft)
        else:
            waiting, sent = await self.sender.post(draft)
            if sent is None:
                log.info("post %s waits in the outbox", waiting.id)
                return Published(self.own_ref(waiting), self.waiting_post(waiting), True)
            ref = sent
        log.info("posted %s", ref.uri)
        stamp = now_iso(self._clock)
        parent = draft.reply_to
        post = PostView(uri=ref.uri, cid=ref.cid, author=self.me, text=draft.text,
                        created_at=stamp, indexed_at=stamp,
                        facets=tuple(draft.facets or detect_facets(draft.text)),
                        langs=draft.langs,
                        reply_root=(parent.reply_root or parent.ref) if parent else None,
                        reply_parent=parent.ref if parent else None)
        return Published(ref, post)

    def own_ref(self, waiting: Waiting) -> StrongRef:
        """Where a waiting post will be: its record key is chosen already (no CID yet)."""
        return StrongRef(f"at://{self.me.did}/{POST}/{waiting.id}", "")

    def waiting_post(self, waiting: Waiting) -> PostView:
        """A post in the outbox as this account shows it until it is sent."""
        record = waiting.record
        reply = record.get("reply") if isinstance(record.get("reply"), dict) else None
        langs = record.get("langs")
        stamp = str(record.get("createdAt") or waiting.created_at)
        return PostView(uri=self.own_ref(waiting).uri, cid="", author=self.me,
                        text=waiting.text, created_at=stamp, indexed_at=stamp,
                        facets=tuple(detect_facets(waiting.text)),
                        langs=tuple(x for x in langs if isinstance(x, str))
                        if isinstance(langs, list) else (),
                        reply_root=StrongRef.of(reply.get("root")) if reply else None,
                        reply_parent=StrongRef.of(reply.get("parent")) if reply else None)

    def waiting_posts(self) -> list[PostView]:
        """The account's posts waiting in the outbox, newest first."""
        if self.sender is None:
            return []
        return [self.waiting_post(w) for w in reversed(self.sender.waiting) if w.kind == "post"]

    async def until_indexed(self, found: Callable[[], Awaitable[bool]], *,
                            within: float = INDEX_WAIT) -> bool:
        """Ask `found` every half second until it says yes (the AppView has the post) or
        `within` seconds passed; a failed check ends the wait."""
        deadline = time.monotonic() + within
        while True:
            try:
                if await found():
                    return True
            except AppError as exc:
                log.info("waiting for the AppView: %s", exc.detail)
                return False
            if time.monotonic() >= deadline:
                return False
            await self._sleep(INDEX_POLL)

    async def indexed(self, uri: str, *, within: float = INDEX_WAIT) -> PostView | None:
        """The post as the AppView shows it, once it has indexed it (None after `within`)."""
        got: list[PostView] = []

        async def found() -> bool:
            try:
                got.append(await self._agent.post(uri))
            except XrpcError as exc:
                if exc.status == 404:
                    return False
                raise
            return True

        return got[-1] if await self.until_indexed(found, within=within) else None

    async def suggest(self, prefix: str) -> list[Author]:
        """Accounts for a mention being typed (`searchActorsTypeahead`); none if that fails."""
        try:
            return list(await self._agent.typeahead(prefix))
        except AppError as exc:
            log.info("typeahead failed: %s", exc.detail)
            return []

