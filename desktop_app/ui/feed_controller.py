"""Connects a post list to an account: pages of posts, likes and reposts, where clicks lead."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal, SignalInstance
from PySide6.QtGui import QDesktopServices

from ..app import Moderator, TaskOwner
from ..bsky import (
    Agent,
    FeedItem,
    FeedPager,
    FetchPage,
    NewPost,
    PermissionMissingError,
    PostView,
)
from ..errors import AppError
from .composer import Composer
from .rows import Row, post_row
from .timeline_view import TimelineView

log = logging.getLogger(__name__)

PENDING = "pending"  # viewer_like/viewer_repost while the write is in flight


def open_in_browser(target: str) -> None:
    url = QUrl(target)
    if url.scheme() in {"http", "https"}:
        QDesktopServices.openUrl(url)


class FeedController(QObject):
    """One post list on one account's agent.

    Holds the list's pager, its moderator, the likes and reposts in flight, and the tasks it
    started (all ended by `aclose`). Asks the window, through its signals, to open a thread,
    a profile, a search or a quote: it opens nothing itself."""

    message = Signal(str)  # a plain sentence for the status bar
    open_thread = Signal(str)  # a post's at:// URI
    open_post = Signal(object)  # a post shown here: its thread opens with it already drawn
    open_profile = Signal(str)  # a DID
    open_search = Signal(str)  # a query (a clicked hashtag)
    quote_requested = Signal(object)  # the post to quote
    reply_requested = Signal(object)  # the post to reply to
    permission_needed = Signal(str)  # a feature key (bsky.FEATURES) the session lacks

    def __init__(self, agent: Agent, view: TimelineView, fetch: FetchPage | None, *,
                 moderator: Moderator | None = None,
                 open_url: Callable[[str], None] = open_in_browser, name: str = "feed") -> None:
        super().__init__()
        self.agent = agent
        self.view = view
        self.model = view.model
        self.moderator = moderator
        self.pager = FeedPager(fetch) if fetch is not None else None
        self._open_url = open_url
        self._tasks = TaskOwner(name)
        self._toggling: set[tuple[str, str]] = set()
        # Whether the account allows a feature (set by the window from its permissions).
        self.permits: Callable[[str], bool] = lambda feature: True
        spawn = self._tasks.spawn
        self._connections: list[tuple[SignalInstance, Callable[..., Any]]] = [
            (view.near_bottom, lambda: spawn(self.load_more())),
            (view.retry_requested, lambda: spawn(self.load_first())),
            (view.like_requested, lambda post: spawn(self.toggle_like(post))),
            (view.repost_requested, lambda post: spawn(self.toggle_repost(post))),
            (view.reply_requested, self.reply_requested.emit),
            (view.quote_requested, self.quote_requested.emit),
            (view.link_activated, self.follow_link),
            (view.image_activated, self._open_url),
            (view.post_activated, self.open_post.emit),
            (view.quoted_activated, self.open_thread.emit),
            (view.author_activated, self.open_profile.emit),
        ]
        for signal, slot in self._connections:
            signal.connect(slot)

    def connect_view(self, signal: SignalInstance, slot: Callable[..., Any]) -> None:
        """Connect a view signal for as long as this controller lives."""
        self._connections.append((signal, slot))
        signal.connect(slot)

    def spawn(self, coro: Any) -> None:
        self._tasks.spawn(coro)

    def start(self) -> None:
        self._tasks.spawn(self.load_first())

    def report(self, exc: AppError) -> None:
        """Say why something failed; a missing permission also asks the window to offer it."""
        self.message.emit(exc.message)
        if isinstance(exc, PermissionMissingError) and exc.feature:
            self.permission_needed.emit(exc.feature)

    def allowed(self, *features: str) -> bool:
        """Whether the account allows all of `features`; if not, the window offers them."""
        missing = [f for f in features if not self.permits(f)]
        for feature in missing[:1]:
            self.permission_needed.emit(feature)
        return not missing

    async def aclose(self) -> None:
        await self._tasks.aclose()
        for signal, slot in self._connections:
            signal.disconnect(slot)
        self._connections.clear()

    def follow_link(self, target: str) -> None:
        """Mentions open profiles, tags open a search, web links the browser."""
        if target.startswith("mention:"):
            self.open_profile.emit(target[len("mention:"):])
        elif target.startswith("tag:"):
            self.open_search.emit("#" + target[len("tag:"):])
        else:
            self._open_url(target)

    async def suggest(self, composer: Composer, prefix: str) -> None:
        """Handles for a mention being typed (`app.bsky.actor.searchActorsTypeahead`)."""
        try:
            authors = await self.agent.typeahead(prefix)
        except AppError as exc:
            log.info("typeahead failed: %s", exc.detail)
            return
        composer.mentions.show(prefix, authors)

    # --- rows ------------------------------------------------------------------------------------

    def rows(self, items: Iterable[FeedItem]) -> list[Row]:
        """Post rows with their moderation decisions; hidden posts are left out."""
        out = []
        for item in items:
            decision = self.moderator.post(item.post) if self.moderator else None
            if decision is not None and decision.hide:
                continue
            out.append(post_row(item, decision) if decision is not None else post_row(item))
        return out

    # --- paging ----------------------------------------------------------------------------------

    async def load_first(self) -> None:
        if self.pager is None:
            return
        self.view.show_loading()
        if self.moderator is not None and not self.moderator.loaded:
            await self.moderator.load()
        items = await self._page(self.pager.first_page(), self.view.show_error)
        if items is None:
            return
        self.model.reset_rows(self.rows(items))
        self.view.loaded()
        if self.pager.exhausted and items:
            self.view.show_end()

    async def load_more(self) -> None:
        pager = self.pager
        if pager is None or pager.busy or pager.exhausted or not pager.started:
            return
        self.view.set_loading_more(True)
        items = await self._page(pager.next_page(), self.view.show_more_error)
        if items is None:
            return
        self.view.set_loading_more(False)
        self.model.append_rows(self.rows(items))
        if pager.exhausted:
            self.view.show_end()

    async def _page(self, fetch: Awaitable[list[FeedItem]],
                    failed: Callable[[str], None]) -> list[FeedItem] | None:
        """The page, or None after saying why it failed."""
        try:
            return await fetch
        except AppError as exc:
            log.info("page failed: %s", exc.detail)
            failed(exc.message)
            if isinstance(exc, PermissionMissingError) and exc.feature:
                self.permission_needed.emit(exc.feature)
            return None

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
        if existing == PENDING or not self.allowed(kind):
            return
        self._toggling.add(key)
        delta = -1 if existing else 1
        self.model.update_post(post.uri, lambda p: with_viewer(
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
            self.model.update_post(post.uri, lambda p: with_viewer(p, kind, existing, -delta))
            self.report(exc)
            return
        finally:
            self._toggling.discard(key)
        self.model.update_post(post.uri, lambda p: with_viewer(p, kind, record, 0))


def needs(draft: NewPost) -> tuple[str, ...]:
    """The features publishing `draft` takes."""
    return ("post", "images") if draft.images else ("post",)


def with_viewer(post: PostView, kind: str, record: str | None, delta: int) -> PostView:
    if kind == "like":
        return dataclasses.replace(post, viewer_like=record,
                                   like_count=max(0, post.like_count + delta))
    return dataclasses.replace(post, viewer_repost=record,
                               repost_count=max(0, post.repost_count + delta))
