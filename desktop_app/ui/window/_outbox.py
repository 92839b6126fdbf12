"""The outbox of the account the window shows: the bar saying what waits, the pending posts in
the lists, and the loop sending it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable

from ...app import COLLECTIONS, Sender, TaskOwner, Waiting
from ...app.screens import ListScreen, Publisher
from ...bsky import StrongRef
from ..lang import tr
from ._main_window import MainWindow


class OutboxWatch:
    """Shows one account's outbox and keeps it sending. Holds the sender and publisher
    followed, the undo of the subscription to the sender, and the sending loop's task."""

    def __init__(self, window: MainWindow, tasks: TaskOwner,
                 lists: Callable[[], Iterable[ListScreen]]) -> None:
        self._window = window
        self._tasks = tasks
        self._lists = lists
        self.sender: Sender | None = None
        self._publisher: Publisher | None = None
        self._undo: Callable[[], None] | None = None
        self._task: asyncio.Task[None] | None = None
        window.outbox_bar.send_now_requested.connect(self.send_now)
        window.outbox_bar.cancel_requested.connect(
            lambda waiting_id: self._tasks.spawn(self.cancel(waiting_id)))

    def follow(self, sender: Sender | None, publisher: Publisher) -> None:
        """Show and send `sender`'s outbox (instead of any other's)."""
        self.stop()
        if sender is None:
            return
        self.sender, self._publisher = sender, publisher
        bar = self._window.outbox_bar
        self._undo = sender.subscribe(
            changed=lambda entries: bar.show_waiting(entries, sender.last_error),
            sent=self._sent)
        bar.show_waiting(sender.waiting, sender.last_error)
        self._task = self._tasks.spawn(sender.run())

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
        if self._undo is not None:
            self._undo()
        self._task = self._undo = None
        self.sender = self._publisher = None
        self._window.outbox_bar.show_waiting(())

    def send_now(self) -> None:
        if self.sender is not None:
            self.sender.send_now()

    def _sent(self, waiting: Waiting, ref: StrongRef) -> None:
        for screen in self._lists():
            screen.rows.mark_sent(ref.uri, ref.cid)
        if waiting.kind == "post":
            self._tasks.spawn(self._indexed(ref.uri))

    async def _indexed(self, uri: str) -> None:
        """A post sent from the outbox, as the AppView shows it (counts, embeds) once it has
        it."""
        publisher = self._publisher
        post = await publisher.indexed(uri) if publisher is not None else None
        if post is not None:
            for screen in self._lists():
                screen.rows.update_post(uri, lambda _: post)

    async def cancel(self, waiting_id: str) -> None:
        """Take a write out of the outbox: a pending post leaves the lists and goes back to the
        drafts."""
        sender, publisher = self.sender, self._publisher
        if sender is None or publisher is None:
            return
        found = next((w for w in sender.waiting if w.id == waiting_id), None)
        if found is None:
            return
        draft = await sender.cancel(waiting_id)
        uri = f"at://{publisher.me.did}/{COLLECTIONS[found.kind]}/{found.id}"
        for screen in self._lists():
            screen.rows.remove_where(lambda row: row.pending and row.post is not None
                                     and row.post.uri == uri)
        self._window.show_message(tr("Not sent. It's back in your drafts.") if draft is not None
                                  else tr("Not sent."))
