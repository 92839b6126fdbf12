"""How a screen's widgets meet its model: the one path a reader's intent takes, the list's
states, and the composer's posting."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QObject, QUrl, SignalInstance
from PySide6.QtGui import QDesktopServices

from ...app.screens import Composing, Intent, ListScreen, OpenImage, OpenLink, Publisher
from ...bsky import NewPost, PostView
from ...errors import AppError
from ...sentences import QT_TR_NOOP, Sentence
from ..compose import Composer
from ..lang import say
from ..posts import PostListModel, PostListView

log = logging.getLogger(__name__)


def open_in_browser(target: str) -> None:
    url = QUrl(target)
    if url.scheme() in {"http", "https"}:
        QDesktopServices.openUrl(url)


class ListBinding(QObject):
    """Shows one `ListScreen` in one list view and hands the view's requests to it.

    Holds the screen, the view, the list model over the screen's rows, and the connections
    made (undone by `aclose`). An intent goes to the screen; what it leaves (opening a thread,
    a profile, a search) goes to `navigate`, web links and images to the browser."""

    def __init__(self, screen: ListScreen, view: PostListView, *,
                 navigate: Callable[[Intent], None],
                 open_url: Callable[[str], None] = open_in_browser) -> None:
        super().__init__()
        self.screen = screen
        self.view = view
        self._navigate = navigate
        self._open_url = open_url
        self.model = PostListModel(screen.rows)
        view.set_model(self.model)
        hooks = screen.hooks
        hooks.state = view.show_state
        hooks.select = view.select_row
        hooks.navigate = self.handle
        spawn = screen.spawn
        self._connections: list[tuple[SignalInstance, Callable[..., Any]]] = []
        self._closers: list[Callable[[], Awaitable[None]]] = []
        self.bind(view.intent, self.handle)
        self.bind(view.near_bottom, lambda: spawn(screen.load_more()))
        self.bind(view.retry_requested, lambda: spawn(screen.load_first()))
        self.bind(view.refresh_requested, self.refresh)

    def bind(self, signal: SignalInstance, slot: Callable[..., Any]) -> None:
        """Connect a widget's signal for as long as this binding lives."""
        self._connections.append((signal, slot))
        signal.connect(slot)

    def on_close(self, closer: Callable[[], Awaitable[None]]) -> None:
        """Run `closer` when this binding closes, after its signals are disconnected and
        before its screen's tasks end."""
        self._closers.append(closer)

    def start(self) -> None:
        self.screen.spawn(self.screen.load_first())

    def refresh(self) -> None:
        self.screen.spawn(self.screen.load_first())

    def handle(self, intent: Intent) -> None:
        """The one place an intent is decided: the screen's, the browser's, or the window's."""
        if self.screen.handle(intent):
            return
        if isinstance(intent, OpenLink | OpenImage):
            self._open_url(intent.url)
        else:
            self._navigate(intent)

    async def aclose(self) -> None:
        for signal, slot in self._connections:
            signal.disconnect(slot)
        self._connections.clear()
        for closer in self._closers:
            await closer()
        self._closers.clear()
        await self.screen.aclose()


def bind_composer(binding: ListBinding, composer: Composer, publisher: Publisher,
                  post: Callable[[NewPost], Awaitable[bool]], *,
                  target: Callable[[], PostView | None] = lambda: None,
                  composing: Composing | None = None, keep_open: bool = True) -> None:
    """The composer of a screen: a draft goes through `post` (the screen's), mentions being
    typed are suggested, and the screen's reply and quote targets show in it; after a post,
    the next one answers `target()` (a thread's post) or nothing. With `composing`, what it
    holds is kept as a draft (`keep_open`: offered back on the next launch)."""
    screen = binding.screen
    screen.hooks.reply_to = composer.set_reply_to
    screen.hooks.quote = composer.set_quote
    screen.hooks.compose = composer.text_edit.setFocus

    async def send(draft: NewPost) -> None:
        composer.set_busy(True)
        try:
            posted = await post(draft)
        except AppError as exc:
            composer.set_busy(False)
            composer.show_error(say(exc.sentence))  # the draft stays as it was
            return
        if posted and composing is not None:
            await composing.posted()
        composer.set_busy(False)
        if posted:
            composer.clear()
            composer.set_reply_to(target())

    async def suggest(prefix: str) -> None:
        composer.mentions.show(prefix, await publisher.suggest(prefix))

    binding.bind(composer.post_requested, lambda draft: screen.spawn(send(draft)))
    binding.bind(composer.mentions.wanted, lambda prefix: screen.spawn(suggest(prefix)))
    if composing is not None and composing.keeps_drafts:
        _bind_drafts(binding, composer, composing, keep_open)


def _bind_drafts(binding: ListBinding, composer: Composer, composing: Composing,
                 keep_open: bool) -> None:
    """"Save draft", "Drafts…", and each change kept: the composer's drafts."""
    spawn = binding.screen.spawn

    async def resume() -> None:
        writing = await composing.start()
        if writing is not None and composer.writing().empty:
            composer.load(writing)
            log.info("draft offered back: %d characters, %d images", len(writing.text),
                     len(writing.images))
            binding.screen.hooks.message(
                Sentence(QT_TR_NOOP("Your draft is back where you left it.")))

    async def shelve() -> None:
        if await composing.shelve():
            composer.clear()

    async def listing() -> None:
        composer.show_drafts(await composing.listing(), time.time())

    async def take(draft_id: str) -> None:
        writing = await composing.open(draft_id)
        if writing is not None:
            composer.load(writing)
            composer.text_edit.setFocus()

    async def delete(draft_id: str) -> None:
        if await composing.delete(draft_id):  # the one in the composer: it empties
            composer.clear()

    async def close() -> None:
        await composing.aclose(keep_open=keep_open)
        composer.set_drafts_enabled(False)

    composer.set_drafts_enabled(True)
    binding.bind(composer.changed, lambda: composing.changed(composer.writing()))
    binding.bind(composer.save_draft_requested, lambda: spawn(shelve()))
    binding.bind(composer.drafts_requested, lambda: spawn(listing()))
    binding.bind(composer.draft_chosen, lambda draft_id: spawn(take(draft_id)))
    binding.bind(composer.draft_delete_requested, lambda draft_id: spawn(delete(draft_id)))
    binding.on_close(close)
    spawn(resume())
