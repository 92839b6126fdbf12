"""The home timeline: the feed with newer posts waiting above it, and posting from it."""

from __future__ import annotations

import logging

from ...bsky import Agent, NewPost, PostView
from ...errors import AppError
from ...sentences import QT_TR_NOOP, Sentence
from .._reading import Moderator
from ._lists import FeedScreen
from ._posting import WAITS, Publisher, needs
from ._rows import pending_row

log = logging.getLogger(__name__)

PAGE_SIZE = 50


class HomeScreen(FeedScreen):
    """The account's home timeline (Following). Holds the publisher its composer posts with."""

    def __init__(self, agent: Agent, moderator: Moderator, publisher: Publisher) -> None:
        super().__init__(agent, moderator,
                         lambda cursor: agent.timeline(cursor=cursor, limit=PAGE_SIZE),
                         name="home", kept_page=lambda kept: kept.timeline(limit=PAGE_SIZE))
        self.publisher = publisher

    async def load_first(self) -> None:
        await super().load_first()
        self.set_state(new_posts=0)
        waiting = [pending_row(post) for post in self.publisher.waiting_posts()]
        if waiting and self.rows.insert(0, waiting):  # the account's own, not sent yet: on top
            self.settle()

    def reply_to(self, post: PostView) -> None:
        self.hooks.reply_to(post)
        self.hooks.compose()

    async def check_new(self) -> None:
        """How many newer posts wait above the list (the "↑ N new posts" button); while the
        list shows the offline copy, another try at the real thing."""
        if self.state.kept_from is not None and not self.pager.loading:
            await self.load_first()
            return
        if not self.pager.started or self.pager.loading:
            return
        try:
            count = await self.pager.count_newer()
        except AppError as exc:
            log.info("new-posts check failed: %s", exc.detail)
            return
        self.set_state(new_posts=count)

    async def show_newer(self) -> None:
        """Put the newer posts on top (or start over when too many came to fit one page)."""
        if not self.pager.started:
            await self.load_first()
            return
        try:
            items, gap = await self.pager.newer()
        except AppError as exc:
            self.hooks.report(exc)
            return
        self.set_state(new_posts=0)
        if gap:
            await self.load_first()  # too much is new: start over rather than leave a hole
            return
        self.rows.insert(0, self.post_rows(items))
        self.hooks.select(0)

    async def post(self, draft: NewPost) -> bool:
        """Publish `draft`: False when the account may not (the window offers to allow it);
        an `AppError` says why it failed (the draft stays). Once the AppView has the post, it is
        put on top of the list; one that waits in the outbox shows there at once, pending."""
        if not self.hooks.allowed(*needs(draft)):
            return False
        try:
            published = await self.publisher.publish(draft)
        except AppError as exc:
            log.info("post failed: %s", exc.detail)
            self.hooks.report(exc)
            raise
        if published.pending:
            self.rows.insert(0, [pending_row(published.post)])
            self.settle()
            self.hooks.select(0)
            self.hooks.message(WAITS)
            return True
        self.hooks.message(Sentence(QT_TR_NOOP("Posted.")))
        self.spawn(self._show_own(published.ref.uri))
        return True

    async def _show_own(self, uri: str) -> None:
        async def on_top() -> bool:
            items, _ = await self.pager.newer()
            self.rows.insert(0, self.post_rows(items))
            return self.rows.find_post(uri) is not None

        if await self.publisher.until_indexed(on_top):
            self.hooks.select(0)
