"""A post's thread: its ancestors, the post, the replies nested (deeper ones on request), and
replying in place."""

from __future__ import annotations

import dataclasses
import logging

from ...bsky import (
    Agent,
    Context,
    FeedItem,
    NewPost,
    PostView,
    ThreadNode,
    ThreadRow,
    flatten_thread,
)
from ...errors import AppError
from ...sentences import QT_TR_NOOP, Sentence
from .._reading import Moderator
from ._intents import Intent, MoreReplies
from ._lists import ListScreen
from ._posting import WAITS, Publisher, needs
from ._rows import Row, pending_row, post_row

log = logging.getLogger(__name__)

DEPTH = 6  # reply levels fetched at once; deeper ones behind "more replies"
PARENT_HEIGHT = 80


class ThreadScreen(ListScreen):
    """One thread. Holds its URI, the post it was opened from (drawn before the thread
    arrives), and the post a reply answers unless the reader picks another (`reply_target`)."""

    def __init__(self, agent: Agent, moderator: Moderator, publisher: Publisher, uri: str, *,
                 known: PostView | None = None) -> None:
        super().__init__(agent, moderator, name="thread")
        self.publisher = publisher
        self.uri = uri
        self.known = known
        self.reply_target: PostView | None = None

    async def load_first(self) -> None:
        if self.known is not None and not len(self.rows):
            # The post that was clicked shows at once; ancestors and replies follow.
            decision = self.moderator.post(self.known, "view")
            self.rows.reset([post_row(FeedItem(self.known), decision, focus=True)])
            self.set_state(phase="rows")
        elif not len(self.rows):
            self.set_state(phase="loading")
        try:
            node = await self.with_moderation(self.agent.post_thread(
                self.uri, depth=DEPTH, parent_height=PARENT_HEIGHT))
        except AppError as exc:
            log.info("thread failed: %s", exc.detail)
            self.set_state(phase="error", message=exc.sentence)
            return
        rows = self.thread_rows(flatten_thread(node))
        self.rows.reset(rows)
        log.info("%s: first page of %d", self.name, len(rows))
        for waiting in reversed(self.publisher.waiting_posts()):  # oldest first, as written
            parent = waiting.reply_parent
            if parent is not None:
                self._insert_reply(parent.uri, waiting, pending=True, select=False)
        self.settle()
        self.hooks.select(next((r for r, row in enumerate(rows) if row.focus), 0))
        if node.post is not None:  # a reply from a thread answers its post by default
            self._target(node.post)

    def handle(self, intent: Intent) -> bool:
        if not isinstance(intent, MoreReplies):
            return super().handle(intent)
        self.spawn(self.load_more_replies(intent.key))
        return True

    def reply_to(self, post: PostView) -> None:
        self._target(post)
        self.hooks.compose()

    def _target(self, post: PostView | None) -> None:
        self.reply_target = post
        self.hooks.reply_to(post)

    def thread_rows(self, flat: list[ThreadRow]) -> list[Row]:
        rows: list[Row] = []
        for entry in flat:
            node = entry.node
            if node.post is None:
                rows.append(Row(f"gone {node.uri}", "placeholder", depth=entry.depth,
                                text=node.unavailable or "Post unavailable", uri=node.uri))
                continue
            context: Context = "view" if entry.focus else "list"
            decision = self.moderator.post(node.post, context)
            if decision.hide and not entry.focus and entry.depth > 0:
                continue  # a hidden reply (muted, labelled !hide) is left out
            rows.append(post_row(FeedItem(node.post), decision, depth=entry.depth,
                                 focus=entry.focus))
            if node.more_replies and entry.depth >= 0:  # ancestors come without replies
                rows.append(more_row(node, entry.depth + 1))
        return rows

    async def load_more_replies(self, key: str) -> None:
        at = self.rows.index_of(key)
        if at < 0:
            return
        row = self.rows[at]
        try:
            node = await self.agent.post_thread(row.uri, depth=DEPTH, parent_height=0)
        except AppError as exc:
            self.hooks.report(exc)
            return
        base = row.depth - 1  # the node itself is already shown one level up
        deeper = [ThreadRow(r.node, base + r.depth)
                  for r in flatten_thread(dataclasses.replace(node, parent=None)) if r.depth > 0]
        at = self.rows.index_of(key)
        if at >= 0:
            self.rows.replace(at, self.thread_rows(deeper))

    async def reply(self, draft: NewPost) -> bool:
        """Publish `draft` (a reply, or a post when the reader cleared the target): False when
        the account may not; an `AppError` says why it failed. A reply shows under its parent at
        once, and as the AppView has it once indexed."""
        if not self.hooks.allowed(*needs(draft)):
            return False
        try:
            published = await self.publisher.publish(draft)
        except AppError as exc:
            self.hooks.report(exc)
            raise
        # The next reply answers the thread's post again.
        self.reply_target = next((r.post for r in self.rows.rows() if r.focus and r.post), None)
        parent = draft.reply_to
        if published.pending:
            self.hooks.message(WAITS)
        else:
            self.hooks.message(Sentence(QT_TR_NOOP("Replied.")) if parent is not None
                               else Sentence(QT_TR_NOOP("Posted.")))
        if parent is not None and self._insert_reply(parent.uri, published.post,
                                                     pending=published.pending) \
                and not published.pending:
            self.spawn(self._refresh_own(published.post.uri))
        return True

    def _insert_reply(self, parent: str, reply: PostView, *, pending: bool = False,
                      select: bool = True) -> bool:
        """Show the new reply right under its parent's replies, one level deeper."""
        rows = self.rows.rows()
        at = next((r for r, row in enumerate(rows) if row.post and row.post.uri == parent), -1)
        if at < 0:
            return False
        depth = rows[at].depth + 1 if rows[at].depth >= 0 else 1
        end = at + 1
        while end < len(rows) and rows[end].depth >= depth:
            end += 1
        row = pending_row(reply, depth=depth) if pending else post_row(FeedItem(reply),
                                                                        depth=depth)
        if not self.rows.insert(end, [row]):
            return False  # shown already (the AppView has it)
        self.rows.update_post(parent, lambda p: dataclasses.replace(
            p, reply_count=p.reply_count + 1))
        if select:
            self.hooks.select(end)
        return True

    async def _refresh_own(self, uri: str) -> None:
        indexed = await self.publisher.indexed(uri)
        if indexed is not None:
            self.rows.update_post(uri, lambda _: indexed)


def more_row(node: ThreadNode, depth: int) -> Row:
    count = node.post.reply_count if node.post is not None else 0
    label = f"Show {count} more repl{'y' if count == 1 else 'ies'}" if count else \
        "Show more replies"
    return Row(f"more {node.uri}", "more", depth=depth, text=label, uri=node.uri, count=count)
