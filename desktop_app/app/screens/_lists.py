"""A list on a screen, without Qt: its rows, its state, the reader's intents on it, and what it
tells the window."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterable
from typing import Any, TypeVar

from ...atproto import NetworkError
from ...bsky import Agent, FeedItem, FeedPage, PermissionMissingError, PostView
from ...errors import AppError
from ...sentences import QT_TR_NOOP, Sentence
from .._offline import OfflineCopy, Replayer, kept_when
from .._outbox import transient
from .._paging import FetchPage, Pager
from .._reading import Moderator
from .._tasks import TaskOwner
from ._actions import Links, PostAction, PostActions
from ._hooks import Hooks, ListState
from ._intents import Bookmark, Intent, Like, OpenThread, Quote, Reply, Repost, Reveal
from ._rows import Row, RowList, post_row

log = logging.getLogger(__name__)

T = TypeVar("T")
# Seconds before trying the server again while a list shows the offline copy: soon at first
# (a network coming back after a wake-up), then less often.
OFFLINE_RETRY = (10.0, 20.0, 40.0, 60.0)
NOT_SENT_YET = Sentence(QT_TR_NOOP("This post hasn't been sent yet: it waits in the outbox."))

class ListScreen:
    """One list of one account: its rows, its state, the moderator deciding what shows, the
    likes and reposts in flight, and the tasks it started (all ended by `aclose`).

    Subclasses say how the first and next rows are fetched (`first_rows`, `more_rows`,
    `exhausted`) and handle the intents their rows carry beyond likes, reposts and "Show"."""

    # The list's pager, for lists read page by page with cursors (None: a list read at once).
    pager: Pager[Any] | None = None
    # The account's offline copy, for the lists it keeps (set when the screen is wired).
    offline: OfflineCopy | None = None

    def __init__(self, agent: Agent, moderator: Moderator, *, name: str) -> None:
        self.name = name
        self.agent = agent
        self.moderator = moderator
        self.rows = RowList()
        self.state = ListState()
        self.hooks = Hooks()
        self.tasks = TaskOwner(name)
        self.links = Links(agent)
        self.actions = PostActions(self.links, self.rows, self.hooks)
        self._offline_tries = 0  # first pages failed in a row while showing the offline copy

    def spawn(self, coro: Coroutine[Any, Any, object]) -> None:
        self.tasks.spawn(coro)

    async def aclose(self) -> None:
        await self.tasks.aclose()

    # --- what subclasses provide ----------------------------------------------------------------

    async def first_rows(self) -> list[Row]:
        """The first page's rows (the moderator's preferences loaded by then: see
        `with_moderation`)."""
        await self.moderator.ready()
        return []

    async def more_rows(self) -> list[Row]:
        return []

    async def with_moderation(self, fetch: Awaitable[T]) -> T:
        """`fetch`'s answer, once the moderator's preferences have loaded too: the two requests
        go out together (the first page of a list costs one round trip, not two)."""
        answer = asyncio.ensure_future(fetch)
        await asyncio.gather(answer, self.moderator.ready())
        return answer.result()

    @property
    def exhausted(self) -> bool:
        return self.pager is None or self.pager.exhausted

    @property
    def loading_more(self) -> bool:
        return self.pager is None or self.pager.loading or not self.pager.started

    # --- paging ---------------------------------------------------------------------------------

    async def load_first(self) -> None:
        """The first page from the server; meanwhile (and, offline, instead) what the offline
        copy kept, when the list is empty."""
        live = asyncio.ensure_future(self.first_rows())
        try:
            kept = self.state.kept_from is not None or (
                not len(self.rows) and await self._show_kept(live))
            if not kept:
                self.set_state(phase="loading", footer="", kept_from=None, note=None)
            rows = await live
        except AppError as exc:
            log.info("%s: first page failed: %s", self.name, exc.detail)
            kept_from = self.state.kept_from
            if kept_from is not None and transient(exc):
                when = kept_when(kept_from, time.time())
                # Offline is said as such; the server's own trouble (a feed's generator down,
                # say) in its own words.
                self.set_state(note=Sentence.of(
                    QT_TR_NOOP("Offline — showing posts from {when}"), when=when)
                    if isinstance(exc, NetworkError) else Sentence.of(
                        QT_TR_NOOP("{reason} Showing posts from {when}."),
                        reason=exc.sentence, when=when))
                self._offline_tries += 1
                log.info("%s: showing what was kept %.0f s ago: %s", self.name,
                         time.time() - kept_from, exc.detail)
                self.spawn(self._retry_later(
                    OFFLINE_RETRY[min(self._offline_tries, len(OFFLINE_RETRY)) - 1]))
                return
            self.set_state(phase="error", message=exc.sentence, kept_from=None, note=None)
            self._permission(exc)
            return
        finally:
            live.cancel()  # a no-op once done; ends it when the screen closes meanwhile
        self.rows.reset(rows)
        log.info("%s: first page of %d", self.name, len(rows))
        self._offline_tries = 0
        self.set_state(kept_from=None, note=None)
        self.settle()

    async def _retry_later(self, delay: float) -> None:
        await asyncio.sleep(delay)
        if self.state.kept_from is not None:
            await self.load_first()

    async def kept_rows(self, agent: Agent) -> list[Row]:
        """The first page's rows as `agent` (answering from the offline copy) gives them;
        none for a list the copy doesn't keep."""
        return []

    async def _show_kept(self, live: asyncio.Future[Any]) -> bool:
        """Show what the offline copy kept, unless the server's page came first (its failure,
        offline, may come first: then the kept page is all there is)."""
        if self.offline is None:
            return False
        replayer = Replayer(self.offline, self.agent)
        try:
            await self.moderator.from_copy(replayer.agent)
            rows = await self.kept_rows(replayer.agent)
        except AppError as exc:
            log.debug("%s: nothing kept to show: %s", self.name, exc.detail)
            return False
        if not rows or (live.done() and not live.cancelled() and live.exception() is None):
            return False  # the server's page is here: the kept one is not needed
        self.rows.reset(rows)
        self.set_state(phase="rows", footer="", kept_from=replayer.oldest or time.time(),
                       note=None)
        return True

    async def load_more(self) -> None:
        if self.exhausted or self.loading_more or self.state.phase != "rows":
            return
        self.set_state(footer="loading_more")
        try:
            rows = await self.more_rows()
        except AppError as exc:
            log.info("%s: next page failed: %s", self.name, exc.detail)
            self.set_state(footer="more_error", footer_message=exc.sentence)
            self._permission(exc)
            return
        self.rows.append(rows)
        self.settle()

    def settle(self) -> None:
        """The state the rows now call for."""
        self.set_state(phase="rows" if len(self.rows) else "empty",
                       footer="end" if self.exhausted and len(self.rows) else "")

    def set_state(self, **changes: Any) -> None:
        self.state = dataclasses.replace(self.state, **changes)
        self.hooks.state(self.state)

    def _permission(self, exc: AppError) -> None:
        if isinstance(exc, PermissionMissingError) and exc.feature:
            self.hooks.permission_needed(exc.feature)

    # --- the reader's intents -------------------------------------------------------------------

    def handle(self, intent: Intent) -> bool:
        """Act on an intent that concerns this list; False for one it leaves to the window
        (opening threads, profiles, searches, links)."""
        if isinstance(intent, Like | Repost | Reply | Quote | Bookmark) \
                and self.rows.is_pending(intent.post.uri):
            self.hooks.message(NOT_SENT_YET)  # it has no CID yet: nothing can point at it
            return True
        if isinstance(intent, Like | Repost | Bookmark):
            kind: PostAction = "like" if isinstance(intent, Like) else (
                "repost" if isinstance(intent, Repost) else "bookmark")
            self.spawn(self.actions.toggle(intent.post, kind))
        elif isinstance(intent, Reveal):
            self.rows.reveal(intent.key)
        elif isinstance(intent, Reply):
            self.reply_to(intent.post)
        elif isinstance(intent, Quote):
            self.hooks.quote(intent.post)
        else:
            return False
        return True

    def reply_to(self, post: PostView) -> None:
        """Reply: a list without a reply box opens the post's thread, whose box answers it."""
        self.hooks.navigate(OpenThread(post.uri, post))

    # --- rows -----------------------------------------------------------------------------------

    def post_rows(self, items: Iterable[FeedItem]) -> list[Row]:
        """Post rows with their moderation decisions; hidden posts are left out."""
        out = []
        for item in items:
            decision = self.moderator.post(item.post)
            if not decision.hide:
                out.append(post_row(item, decision))
        return out


class FeedScreen(ListScreen):
    """A list of posts read from one feed with cursors. Holds its pager, and how its first
    page is read from another agent (`kept_page`: the offline copy's; None: not kept)."""

    pager: Pager[FeedItem]

    def __init__(self, agent: Agent, moderator: Moderator, fetch: FetchPage[FeedItem], *,
                 name: str,
                 kept_page: Callable[[Agent], Awaitable[FeedPage]] | None = None) -> None:
        super().__init__(agent, moderator, name=name)
        self.pager = feed_pager(fetch)
        self.kept_page = kept_page

    async def kept_rows(self, agent: Agent) -> list[Row]:
        if self.kept_page is None:
            return []
        return self.post_rows((await self.kept_page(agent)).items)

    async def first_rows(self) -> list[Row]:
        return self.post_rows(await self.with_moderation(self.pager.first_page()))

    async def more_rows(self) -> list[Row]:
        return self.post_rows(await self.pager.next_page())


def feed_pager(fetch: FetchPage[FeedItem]) -> Pager[FeedItem]:
    return Pager(fetch, key=lambda item: item.key)

