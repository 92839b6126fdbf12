"""Connects the timeline view and composer to one account's agent: paging, likes, posting."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Callable, Coroutine
from typing import Any
from urllib.parse import quote

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from ..atproto.agent import Agent
from ..atproto.errors import AtprotoError
from ..atproto.feed import FeedPager
from ..atproto.models import PostView
from .composer import Composer, Draft
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
        self._tasks: set[asyncio.Task[Any]] = set()
        self._toggling: set[tuple[str, str]] = set()

        view.near_bottom.connect(lambda: self._spawn(self.load_more()))
        view.refresh_requested.connect(lambda: self._spawn(self.show_newer()))
        view.show_new_requested.connect(lambda: self._spawn(self.show_newer()))
        view.retry_requested.connect(lambda: self._spawn(self.load_first()))
        delegate = view.delegate
        delegate.like_clicked.connect(lambda post: self._spawn(self.toggle_like(post)))
        delegate.repost_clicked.connect(lambda post: self._spawn(self.toggle_repost(post)))
        delegate.reply_clicked.connect(composer.set_reply_to)
        delegate.link_activated.connect(self._open_url)
        delegate.image_activated.connect(self._open_url)
        composer.post_requested.connect(lambda draft: self._spawn(self.post(draft)))

        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(lambda: self._spawn(self.check_new()))

    def start(self) -> None:
        self._spawn(self.load_first())
        self._timer.start()

    async def aclose(self) -> None:
        self._timer.stop()
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for signal in (self.view.near_bottom, self.view.refresh_requested,
                       self.view.show_new_requested, self.view.retry_requested,
                       self.view.delegate.like_clicked, self.view.delegate.repost_clicked,
                       self.view.delegate.reply_clicked, self.view.delegate.link_activated,
                       self.view.delegate.image_activated, self.composer.post_requested):
            signal.disconnect()

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("timeline task failed: %r", task.exception())

    # --- paging ----------------------------------------------------------------------------------

    async def load_first(self) -> None:
        self.view.show_loading()
        try:
            items = await self.pager.first_page()
        except AtprotoError as exc:
            log.info("timeline failed: %s", exc.detail)
            self.view.show_error(exc.message)
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
        try:
            items = await self.pager.next_page()
        except AtprotoError as exc:
            log.info("next page failed: %s", exc.detail)
            self.view.show_more_error(exc.message)
            return
        self.view.set_loading_more(False)
        self.model.append(items)
        if self.pager.exhausted:
            self.view.show_end()

    async def check_new(self) -> None:
        if not self.pager.started or self.pager.busy:
            return
        try:
            count = await self.pager.count_newer()
        except AtprotoError as exc:
            log.info("new-posts check failed: %s", exc.detail)
            return
        self.view.set_new_posts(count)

    async def show_newer(self) -> None:
        if not self.pager.started:
            await self.load_first()
            return
        try:
            items, gap = await self.pager.newer()
        except AtprotoError as exc:
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
        except AtprotoError as exc:
            self.model.update_post(post.uri, lambda p: _with_viewer(p, kind, existing, -delta))
            self.message.emit(exc.message)
            return
        finally:
            self._toggling.discard(key)
        self.model.update_post(post.uri, lambda p: _with_viewer(p, kind, record, 0))

    # --- posting ---------------------------------------------------------------------------------

    async def post(self, draft: Draft) -> None:
        self.composer.set_busy(True)
        try:
            ref = await self.agent.create_post(draft.text, reply_to=draft.reply_to,
                                               images=draft.images, langs=draft.langs)
        except AtprotoError as exc:
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
            except AtprotoError:
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
