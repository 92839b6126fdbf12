"""The home timeline: the feed list with new posts on top, and the composer above it."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QTimer

from ..app import Moderator
from ..bsky import Agent, FeedPager, NewPost
from ..errors import AppError
from .composer import Composer
from .feed_controller import FeedController, needs, open_in_browser
from .timeline_view import TimelineView

log = logging.getLogger(__name__)

PAGE_SIZE = 50
NEW_POSTS_CHECK_MS = 60_000
OWN_POST_WAIT = 8.0  # seconds to wait for the AppView to index a post we just made


class TimelineController(FeedController):
    """The home timeline with its composer: new posts on top, posting."""

    def __init__(self, agent: Agent, view: TimelineView, composer: Composer, *,
                 moderator: Moderator | None = None,
                 open_url: Callable[[str], None] = open_in_browser,
                 check_ms: int = NEW_POSTS_CHECK_MS) -> None:
        super().__init__(agent, view,
                         lambda cursor: agent.timeline(cursor=cursor, limit=PAGE_SIZE),
                         moderator=moderator, open_url=open_url, name="timeline")
        self.composer = composer
        spawn = self.spawn
        self.connect_view(view.refresh_requested, lambda: spawn(self.show_newer()))
        self.connect_view(view.show_new_requested, lambda: spawn(self.show_newer()))
        self.connect_view(self.reply_requested, composer.set_reply_to)
        self.connect_view(self.quote_requested, composer.set_quote)
        self.connect_view(composer.post_requested, lambda draft: spawn(self.post(draft)))
        self.connect_view(composer.mentions.wanted,
                          lambda prefix: spawn(self.suggest(composer, prefix)))
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(lambda: spawn(self.check_new()))

    def start(self) -> None:
        super().start()
        self._timer.start()

    async def aclose(self) -> None:
        self._timer.stop()
        await super().aclose()

    async def load_first(self) -> None:
        await super().load_first()
        self.view.set_new_posts(0)

    @property
    def feed(self) -> FeedPager:
        if self.pager is None:
            raise RuntimeError("the timeline always has a pager")
        return self.pager

    async def check_new(self) -> None:
        if not self.feed.started or self.feed.busy:
            return
        try:
            count = await self.feed.count_newer()
        except AppError as exc:
            log.info("new-posts check failed: %s", exc.detail)
            return
        self.view.set_new_posts(count)

    async def show_newer(self) -> None:
        if not self.feed.started:
            await self.load_first()
            return
        try:
            items, gap = await self.feed.newer()
        except AppError as exc:
            self.report(exc)
            return
        self.view.set_new_posts(0)
        if gap:
            await self.load_first()  # too much is new: start over rather than leave a hole
            return
        self.model.insert_rows(0, self.rows(items))
        self.view.scroll_to_top()

    # --- posting ---------------------------------------------------------------------------------

    async def post(self, draft: NewPost) -> None:
        if not self.allowed(*needs(draft)):
            return  # the draft stays; the window offers to allow posting
        self.composer.set_busy(True)
        try:
            ref = await self.agent.publish(draft)
        except AppError as exc:
            log.info("post failed: %s", exc.detail)
            self.composer.set_busy(False)
            self.composer.show_error(exc.message)  # the draft stays as it was
            self.report(exc)
            return
        log.info("posted %s", ref.uri)
        self.composer.set_busy(False)
        self.composer.clear()
        self.message.emit("Posted.")
        await self._show_own_post(ref.uri)

    async def _show_own_post(self, uri: str) -> None:
        deadline = time.monotonic() + OWN_POST_WAIT
        while time.monotonic() < deadline:
            try:
                items, _ = await self.feed.newer()
            except AppError:
                return
            self.model.insert_rows(0, self.rows(items))
            if any(i.post.uri == uri for i in items) or self.model.find_post(uri):
                self.view.scroll_to_top()
                return
            await asyncio.sleep(0.5)
