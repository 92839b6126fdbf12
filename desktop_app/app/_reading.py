"""Reading as one account: its moderation preferences, and its unread notifications."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from ..bsky import (
    POST_REASONS,
    Agent,
    Author,
    Context,
    Decision,
    Notification,
    PostView,
    Preferences,
    moderate_author,
    moderate_post,
)
from ..errors import AppError
from ..platform import JsonFile

log = logging.getLogger(__name__)

NOTIFIED_FILE = "notified.json"
VISIBLE_POLL = 30.0  # seconds between unread-count checks while the window is visible
HIDDEN_POLL = 300.0  # and while it is hidden or minimised


class Moderator:
    """Moderation decisions for one viewer. Holds the viewer's DID and the preferences last
    loaded (the SDK's defaults until then, or when loading fails): it always decides, and every
    list of the account shares it."""

    def __init__(self, agent: Agent) -> None:
        self._agent = agent
        self.viewer = agent.did
        self.prefs = Preferences()
        self.loaded = False
        self._loading = asyncio.Lock()

    async def ready(self) -> None:
        """Load the preferences once, however many lists ask at the same time (after a failure,
        the next list to load asks again; meanwhile the defaults decide)."""
        async with self._loading:
            if not self.loaded:
                await self.load()

    async def load(self) -> Preferences:
        try:
            self.prefs = await self._agent.preferences()
            self.loaded = True
        except AppError as exc:
            log.info("preferences not loaded, using defaults: %s", exc.detail)
        return self.prefs

    async def from_copy(self, agent: Agent) -> None:
        """Before the preferences load: take them from the offline copy (`agent` answers from
        it), so kept posts are shown as the viewer wants them. Nothing changes if it has none."""
        if self.loaded:
            return
        try:
            self.prefs = await agent.preferences()
        except AppError as exc:
            log.debug("no kept preferences: %s", exc.detail)

    def post(self, post: PostView, context: Context = "list") -> Decision:
        return moderate_post(post, self.prefs, viewer=self.viewer, context=context)

    def author(self, author: Author, context: Context = "list") -> Decision:
        return moderate_author(author, self.prefs, viewer=self.viewer, context=context)


@dataclass(frozen=True)
class NewActivity:
    """Replies, mentions and quotes not announced before (newest first); the window phrases
    them in the interface's language."""

    items: tuple[Notification, ...]

    def text(self) -> str:
        return self.items[0].text[:200]

    @property
    def uri(self) -> str:
        """What clicking the announcement opens: the newest post's thread."""
        return self.items[0].uri


class UnreadWatcher:
    """The unread count of one account, polled at most every `VISIBLE_POLL` seconds while the
    window is visible and every `HIDDEN_POLL` while it is not, and the replies, mentions and
    quotes to announce on the desktop. Holds the last count and, in the profile
    (`notified.json`), the newest announced notification per account, so nothing is announced
    twice, not even across restarts."""

    def __init__(self, agent: Agent, *, data_dir: Path | None = None) -> None:
        self._agent = agent
        self._file = JsonFile(data_dir / NOTIFIED_FILE) if data_dir is not None else None
        self._memory = ""  # without a profile (tests): what was announced, this run only
        self.count = 0
        self.requests = 0  # XRPC calls made (for benchmarks)

    @staticmethod
    def interval(visible: bool) -> float:
        return VISIBLE_POLL if visible else HIDDEN_POLL

    async def poll(self) -> int:
        self.requests += 1
        self.count = await self._agent.unread_count()
        return self.count

    async def new_activity(self) -> NewActivity | None:
        """Unannounced replies, mentions and quotes; marks them announced."""
        self.requests += 1
        page = await self._agent.notifications(limit=25)
        announced = self._announced()
        fresh = tuple(n for n in page.items if n.reason in POST_REASONS and not n.is_read
                      and n.indexed_at > announced)
        if not fresh:
            return None
        self._remember(max(n.indexed_at for n in fresh))
        return NewActivity(fresh)

    def _announced(self) -> str:
        if self._file is None:
            return self._memory
        try:
            value = self._file.read().get(self._agent.did)
        except AppError:
            return ""
        return value if isinstance(value, str) else ""

    def _remember(self, indexed_at: str) -> None:
        if self._file is None:
            self._memory = indexed_at
            return
        try:
            data = self._file.read()
            data[self._agent.did] = indexed_at
            self._file.write(data)
        except (OSError, AppError) as exc:
            log.warning("could not remember announced notifications: %s", exc)


class UnreadPoller:
    """Keeps one account's unread count current while the window shows the account: a check
    now, then every `VISIBLE_POLL` seconds while the window is visible and `HIDDEN_POLL` while
    it is not; when the count grows while the reader is elsewhere, the new replies, mentions and
    quotes are announced. Holds the watcher and what it asks of the window and tells it."""

    def __init__(self, watcher: UnreadWatcher, *, visible: Callable[[], bool],
                 attentive: Callable[[], bool], permits: Callable[[str], bool],
                 show: Callable[[int], None], announce: Callable[[NewActivity], None],
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.watcher = watcher
        self._visible = visible
        self._attentive = attentive
        self._permits = permits
        self._show = show
        self._announce = announce
        self._sleep = sleep
        self._shown: int | None = None

    async def run(self) -> None:
        """Check until cancelled."""
        while True:
            await self.check()
            await self._sleep(self.watcher.interval(self._visible()))

    async def check(self) -> None:
        """One check (nothing is asked while notifications are not allowed: it would only be
        refused)."""
        if not self._permits("notifications"):
            self._set(0)
            return
        before = self.watcher.count
        try:
            count = await self.watcher.poll()
            self._set(count)
            if count > before and not self._attentive():
                activity = await self.watcher.new_activity()
                if activity is not None:
                    self._announce(activity)
        except AppError as exc:
            log.info("unread check failed: %s", exc.detail)

    def _set(self, count: int) -> None:
        if count != self._shown:
            log.info("unread notifications: %d", count)
            self._shown = count
        self._show(count)
