"""Connects the timeline view and composer to one account's agent: paging, likes, posting."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Awaitable, Callable
from urllib.parse import quote

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from ..app import TaskOwner
from ..bsky import Agent, FeedItem, FeedPager, NewPost, PostView
from ..errors import AppError
from .composer import Composer
from .timeline_view import TimelineView

log = logging.getLogger(__name__)

PAGE_SIZE = 50
NEW_POSTS_CHECK_MS = 60_000
PENDING = "pending"  # viewer_like/viewer_repost while the write is in flight
OWN_POST_WAIT = 8.0  # seconds to wait for the AppView to index a post we just made


def open_link(target: str) -> None:
    """Web links open in the browser; mentions and tags open their bsky.app pages."""
    if target.startswith("mention:"):
        target = f"https://bsky.app/profile/{target[len('mention:'):]}"
    elif target.startswith("tag:"):
        target = f"https://bsky.app/hashtag/{quote(target[len('tag:'):], safe='')}"
    url = QUrl(target)
    if url.scheme() in {"http", "https"}:
        QDesktopServices.openUrl(url)


class TimelineController(QObject):
    """Every task it starts is cancelled and awaited by `aclose`."""

    message = Signal(str)  # a plain sentence for the status bar

    def __init__(self, agent: Agent, view: TimelineView, composer: Composer, *,
                 open_url: Callable[[str], None] = open_link,
                 check_ms: int = NEW_POSTS_CHECK_MS) -> None:
        super().__init__()
        self.agent = agent
        self.view = view
        self.model = view.model
        self.composer = composer
        self.pager = FeedPager(lambda cursor: agent.timeline(cursor=cursor, limit=PAGE_SIZE))
        self._open_url = open_url
        self._tasks = TaskOwner("timeline")
        self._toggling: set[tuple[str, str]] = set()
        spawn = self._tasks.spawn
        self._connections = [
            (view.near_bottom, lambda: spawn(self.load_more())),
            (view.refresh_requested, lambda: spawn(self.show_newer())),
            (view.show_new_requested, lambda: spawn(self.show_newer())),
            (view.retry_requested, lambda: spawn(self.load_first())),
            (view.like_requested, lambda post: spawn(self.toggle_like(post))),
            (view.repost_requested, lambda post: spawn(self.toggle_repost(post))),
            (view.reply_requested, composer.set_reply_to),
            (view.link_activated, self._open_url),
            (view.image_activated, self._open_url),
            (composer.post_requested, lambda draft: spawn(self.post(draft))),
        ]
        for signal, slot in self._connections:
            signal.connect(slot)

        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(lambda: spawn(self.check_new()))

    def start(self) -> None:
        self._tasks.spawn(self.load_first())
        self._timer.start()

    async def aclose(self) -> None:
        self._timer.stop()
        await self._tasks.aclose()
        for signal, slot in self._connections:
            signal.disconnect(slot)

    # --- paging ----------------------------------------------------------------------------------

    async def load_first(self) -> None:
        self.view.show_loading()
        items = await self._page(self.pager.first_page(), self.view.show_error)
        if items is None:
            return
        self.model.reset(items)
        self.view.loaded()
        self.view.set_new_posts(0)
        if self.pager.exhausted and items:
            self.view.show_end()

    async def load_more(self) -> None:
        if self.pager.busy or self.pager.exhausted or not self.pager.started:
            return
        self.view.set_loading_more(True)
        items = await self._page(self.pager.next_page(), self.view.show_more_error)
        if items is None:
            return
        self.view.set_loading_more(False)
        self.model.append(items)
        if self.pager.exhausted:
            self.view.show_end()

    @staticmethod
    async def _page(fetch: Awaitable[list[FeedItem]],
                    failed: Callable[[str], None]) -> list[FeedItem] | None:
        """The page, or None after saying why it failed."""
        try:
            return await fetch
        except AppError as exc:
            log.info("timeline page failed: %s", exc.detail)
            failed(exc.message)
            return None

    async def check_new(self) -> None:
        if not self.pager.started or self.pager.busy:
            return
        try:
            count = await self.pager.count_newer()
        except AppError as exc:
            log.info("new-posts check failed: %s", exc.detail)
            return
        self.view.set_new_posts(count)

    async def show_newer(self) -> None:
        if not self.pager.started:
            await self.load_first()
            return
        try:
            items, gap = await self.pager.newer()
        except AppError as exc:
            self.message.emit(exc.message)
            return
        self.view.set_new_posts(0)
        if gap:
            await self.load_first()  # too much is new: start over rather than leave a hole
            return
        self.model.prepend(items)
        self.view.scroll_to_top()

    # --- likes and reposts (optimistic) ----------------------------------------------------------

    async def toggle_like(self, post: PostView) -> None:
        await self._toggle(post, "like")

    async def toggle_repost(self, post: PostView) -> None:
        await self._toggle(post, "repost")

    async def _toggle(self, post: PostView, kind: str) -> None:
        key = (post.uri, kind)
        if key in self._toggling:
            return  # one write per post and kind at a time; a double click is one click
        current = self.model.find_post(post.uri) or post
        existing = current.viewer_like if kind == "like" else current.viewer_repost
        if existing == PENDING:
            return
        self._toggling.add(key)
        delta = -1 if existing else 1
        self.model.update_post(post.uri, lambda p: _with_viewer(
            p, kind, None if existing else PENDING, delta))
        try:
            if existing:
                await (self.agent.unlike(existing) if kind == "like"
                       else self.agent.unrepost(existing))
                record: str | None = None
            else:
                record = await (self.agent.like(current.ref) if kind == "like"
                                else self.agent.repost(current.ref))
        except AppError as exc:
            self.model.update_post(post.uri, lambda p: _with_viewer(p, kind, existing, -delta))
            self.message.emit(exc.message)
            return
        finally:
            self._toggling.discard(key)
        self.model.update_post(post.uri, lambda p: _with_viewer(p, kind, record, 0))

    # --- posting ---------------------------------------------------------------------------------

    async def post(self, draft: NewPost) -> None:
        self.composer.set_busy(True)
        try:
            ref = await self.agent.publish(draft)
        except AppError as exc:
            log.info("post failed: %s", exc.detail)
            self.composer.set_busy(False)
            self.composer.show_error(exc.message)  # the draft stays as it was
            return
        self.composer.set_busy(False)
        self.composer.clear()
        self.message.emit("Posted.")
        await self._show_own_post(ref.uri)

    async def _show_own_post(self, uri: str) -> None:
        deadline = time.monotonic() + OWN_POST_WAIT
        while time.monotonic() < deadline:
            try:
                items, _ = await self.pager.newer()
            except AppError:
                return
            self.model.prepend(items)
            if any(i.post.uri == uri for i in items) or self.model.find_post(uri):
                self.view.scroll_to_top()
                return
            await asyncio.sleep(0.5)


def _with_viewer(post: PostView, kind: str, record: str | None, delta: int) -> PostView:
    if kind == "like":
        return dataclasses.replace(post, viewer_like=record,
                                   like_count=max(0, post.like_count + delta))
    return dataclasses.replace(post, viewer_repost=record,
                               repost_count=max(0, post.repost_count + delta))
