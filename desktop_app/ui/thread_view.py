"""A post's thread: ancestors, the post emphasised, replies nested, and an inline reply box."""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..app import Moderator
from ..bsky import (
    Agent,
    Author,
    Context,
    FeedItem,
    NewPost,
    PostView,
    ThreadNode,
    ThreadRow,
    detect_facets,
    flatten_thread,
    now_iso,
)
from ..errors import AppError
from .composer import Composer
from .feed_controller import FeedController, needs
from .images import ImageCache
from .navigation import BackBar
from .rows import Row, post_row
from .timeline_model import TimelineModel
from .timeline_view import TimelineView

log = logging.getLogger(__name__)

DEPTH = 6  # reply levels fetched at once; deeper ones behind "more replies"
PARENT_HEIGHT = 80
FIRST_BATCH = 20


class ThreadView(QWidget):
    """The widgets of one thread; its controller (`controller`) closes with it."""

    def __init__(self, images: ImageCache, back: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("threadView")
        self.back_bar = BackBar("Thread", back)
        self.list = TimelineView(TimelineModel(), images)
        self.list.setObjectName("threadList")
        self.list.set_title("")
        self.list.set_loading_text("Loading the thread…")
        self.list.set_empty_text("This thread could not be shown.")
        self.list.refresh_button.hide()
        # Lay out few rows before the first paint: the post and its first replies show sooner.
        self.list.list.setBatchSize(FIRST_BATCH)
        self.composer = Composer()
        self.composer.setObjectName("threadComposer")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.back_bar)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.composer)
        self.controller: ThreadController | None = None

    async def aclose(self) -> None:
        if self.controller is not None:
            await self.controller.aclose()


class ThreadController(FeedController):
    """Loads a thread into rows, loads deeper replies in place, posts replies inline.

    Holds the thread's URI and the viewer's own account (for a reply shown before the AppView
    has indexed it)."""

    def __init__(self, agent: Agent, view: ThreadView, uri: str, *,
                 moderator: Moderator | None = None, me: Author | None = None,
                 known: PostView | None = None) -> None:
        super().__init__(agent, view.list, None, moderator=moderator, name="thread")
        self.uri = uri
        self.known = known
        self.thread_view = view
        self.me = me or Author(agent.did, agent.did)
        composer = view.composer
        self.connect_view(view.list.more_requested,
                          lambda key: self.spawn(self.load_more_replies(key)))
        self.connect_view(self.reply_requested, self._reply_to)
        self.connect_view(self.quote_requested, composer.set_quote)
        self.connect_view(composer.post_requested, lambda draft: self.spawn(self.post(draft)))
        self.connect_view(composer.mentions.wanted,
                          lambda prefix: self.spawn(self.suggest(composer, prefix)))
        self.connect_view(view.list.refresh_requested, lambda: self.spawn(self.load_first()))

    def _reply_to(self, post: PostView) -> None:
        self.thread_view.composer.set_reply_to(post)
        self.thread_view.composer.text_edit.setFocus()

    async def load_first(self) -> None:
        view = self.view
        if self.known is not None and self.model.rowCount() == 0:
            # The post that was clicked is drawn at once; ancestors and replies follow.
            decision = self.moderator.post(self.known, "view") if self.moderator else None
            item = FeedItem(self.known)
            self.model.reset_rows([post_row(item, decision, focus=True) if decision
                                   else post_row(item, focus=True)])
            view.loaded()
        elif self.model.rowCount() == 0:
            view.show_loading()
        if self.moderator is not None and not self.moderator.loaded:
            await self.moderator.load()
        try:
            node = await self.agent.post_thread(self.uri, depth=DEPTH,
                                                parent_height=PARENT_HEIGHT)
        except AppError as exc:
            log.info("thread failed: %s", exc.detail)
            view.show_error(exc.message)
            return
        rows = self.thread_rows(flatten_thread(node))
        self.model.reset_rows(rows)
        view.loaded()
        focus = next((r for r, row in enumerate(rows) if row.focus), 0)
        index = self.model.index(focus)
        view.list.setCurrentIndex(index)
        view.list.scrollTo(index, view.list.ScrollHint.PositionAtTop)
        if node.post is not None:  # replying from a thread answers its post by default
            self.thread_view.composer.set_reply_to(node.post)

    def thread_rows(self, flat: list[ThreadRow]) -> list[Row]:
        rows: list[Row] = []
        for entry in flat:
            node = entry.node
            if node.post is None:
                rows.append(Row(f"gone {node.uri}", "placeholder", depth=entry.depth,
                                text=node.unavailable or "Post unavailable", uri=node.uri))
                continue
            context: Context = "view" if entry.focus else "list"
            decision = self.moderator.post(node.post, context) if self.moderator else None
            if decision is not None and decision.hide and not entry.focus and entry.depth > 0:
                continue  # a hidden reply (muted, labelled !hide) is left out
            row = post_row(FeedItem(node.post), decision, depth=entry.depth,
                           focus=entry.focus) if decision else post_row(
                FeedItem(node.post), depth=entry.depth, focus=entry.focus)
            rows.append(row)
            if node.more_replies and entry.depth >= 0:  # ancestors come without replies
                rows.append(more_row(node, entry.depth + 1))
        return rows

    async def load_more_replies(self, key: str) -> None:
        at = self.model.index_of(key)
        if at < 0:
            return
        row = self.model.row(at)
        try:
            node = await self.agent.post_thread(row.uri, depth=DEPTH, parent_height=0)
        except AppError as exc:
            self.report(exc)
            return
        base = row.depth - 1  # the node itself is already shown one level up
        deeper = [ThreadRow(r.node, base + r.depth)
                  for r in flatten_thread(dataclasses.replace(node, parent=None)) if r.depth > 0]
        self.model.replace_row(self.model.index_of(key), self.thread_rows(deeper))

    async def post(self, draft: NewPost) -> None:
        composer = self.thread_view.composer
        parent = draft.reply_to
        if not self.allowed(*needs(draft)):
            return
        composer.set_busy(True)
        try:
            ref = await self.agent.publish(draft)
        except AppError as exc:
            composer.set_busy(False)
            composer.show_error(exc.message)
            self.report(exc)
            return
        composer.set_busy(False)
        composer.clear()
        focus = next((r.post for r in self.model.rows() if r.focus and r.post), None)
        composer.set_reply_to(focus)  # the next reply answers the thread's post again
        self.message.emit("Replied." if parent is not None else "Posted.")
        if parent is None:
            return
        stamp = now_iso(time.time)
        mine = PostView(uri=ref.uri, cid=ref.cid, author=self.me, text=draft.text,
                        created_at=stamp, indexed_at=stamp,
                        facets=tuple(draft.facets or detect_facets(draft.text)),
                        reply_root=parent.reply_root or parent.ref, reply_parent=parent.ref)
        self._insert_reply(parent, mine)

    def _insert_reply(self, parent: PostView, reply: PostView) -> None:
        """Show the new reply right under its parent's existing replies, one level deeper."""
        rows = self.model.rows()
        at = next((r for r, row in enumerate(rows) if row.post and row.post.uri == parent.uri), -1)
        if at < 0:
            return
        depth = rows[at].depth + 1 if rows[at].depth >= 0 else 1
        end = at + 1
        while end < len(rows) and rows[end].depth >= depth:
            end += 1
        self.model.insert_rows(end, [post_row(FeedItem(reply), depth=depth)])
        self.model.update_post(parent.uri, lambda p: dataclasses.replace(
            p, reply_count=p.reply_count + 1))
        index = self.model.index(end)
        self.view.list.setCurrentIndex(index)
        self.view.list.scrollTo(index)


def more_row(node: ThreadNode, depth: int) -> Row:
    count = node.post.reply_count if node.post is not None else 0
    label = f"Show {count} more repl{'y' if count == 1 else 'ies'}" if count else \
        "Show more replies"
    return Row(f"more {node.uri}", "more", depth=depth, text=label, uri=node.uri)
