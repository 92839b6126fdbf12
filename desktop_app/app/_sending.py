"""Sending what waits in an account's outbox while the app runs: at start, when a write is
queued (after a pause), again and again further apart while the network is gone, and at once
on "Send now". A post cancelled from the outbox goes back to the drafts whole."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
from collections.abc import Callable
from typing import Any

from ..bsky import ImageUpload, NewPost, StrongRef
from ..errors import AppError
from ..sentences import Sentence
from ._drafts import Draft, Drafts
from ._outbox import Kind, Outbox, OutboxGoneError, Waiting, record_images, transient

log = logging.getLogger(__name__)

RETRY_AFTER = (5.0, 15.0, 30.0, 60.0, 120.0)  # seconds between rounds while nothing goes

Listener = Callable[[tuple[Waiting, ...]], None]
SentListener = Callable[[Waiting, StrongRef], None]


class Sender:
    """Sends one account's outbox. Holds the outbox, the drafts a cancelled post goes back to,
    what waits (as last read), who listens, how many rounds in a row failed, and the event
    that wakes the sending loop (`run`)."""

    def __init__(self, outbox: Outbox, drafts: Drafts | None, *,
                 retry_after: tuple[float, ...] = RETRY_AFTER) -> None:
        self.outbox = outbox
        self.drafts = drafts
        self.waiting: tuple[Waiting, ...] = ()
        self.last_error: Sentence | None = None  # why the last try failed (None: it did not)
        self._retry_after = retry_after
        self._failures = 0
        self._due: float | None = None  # loop time of the next round (None: nothing due)
        self._wake = asyncio.Event()
        self._changed: list[Listener] = []
        self._sent: list[SentListener] = []

    # --- who listens ----------------------------------------------------------------------------

    def subscribe(self, changed: Listener | None = None,
                  sent: SentListener | None = None) -> Callable[[], None]:
        """Be told what waits after each change, and of each write sent; returns the undo."""
        if changed is not None:
            self._changed.append(changed)
        if sent is not None:
            self._sent.append(sent)

        def undo() -> None:
            if changed in self._changed:
                self._changed.remove(changed)
            if sent in self._sent:
                self._sent.remove(sent)

        return undo

    async def reload(self) -> tuple[Waiting, ...]:
        """Read what waits (as kept on disk: the command line may have sent some) and tell
        who listens. A file that can't be read leaves what was known."""
        try:
            self.waiting = tuple(await self.outbox.entries())
        except (AppError, OSError) as exc:
            log.warning("the outbox could not be read: %s", exc)
        for listener in list(self._changed):
            listener(self.waiting)
        return self.waiting

    # --- writing --------------------------------------------------------------------------------

    async def post(self, new: NewPost) -> tuple[Waiting, StrongRef | None]:
        """Keep `new` in the outbox and send it now: its reference, or None when it waits
        (the network or the server: it goes later by itself). A post the server refuses
        leaves the outbox and its `AppError` is raised (the writer still has it)."""
        return await self._send_now(await self.outbox.add_post(new))

    async def link(self, kind: Kind, subject: Any) -> tuple[Waiting, StrongRef | None]:
        """A like, repost or follow, kept and sent now: its reference, or None when it waits.
        Its URI is known either way (`uri_of`): the record key is chosen here."""
        return await self._send_now(await self.outbox.add_link(kind, subject))

    async def _send_now(self, waiting: Waiting) -> tuple[Waiting, StrongRef | None]:
        try:
            ref = await self.outbox.send(waiting, keep_refused=False)
        except AppError as exc:
            await self.reload()
            if not transient(exc):
                raise
            self.last_error = exc.sentence
            self._schedule_retry()
            return waiting, None
        await self.reload()
        return waiting, ref

    def uri_of(self, waiting: Waiting) -> str:
        """Where the write will be once sent."""
        if waiting.kind == "bookmark":
            subject = waiting.record.get("subject")
            return str(subject.get("uri", "")) if isinstance(subject, dict) else ""
        return f"at://{self.outbox.agent.did}/{waiting.collection}/{waiting.id}"

    async def withdraw(self, uri: str) -> bool:
        """Take the write that will be at `uri` out of the outbox, if it still waits there
        (an unlike of a like not sent yet): whether it did."""
        found = next((w for w in self.waiting if self.uri_of(w) == uri), None)
        if found is None:
            return False
        gone = await self.outbox.cancel(found.id)
        await self.reload()
        return gone is not None

    async def cancel(self, waiting_id: str) -> Draft | None:
        """Take a write out of the outbox; a post goes back to the drafts (returned), its
        images with it."""
        found = next((w for w in await self.outbox.entries() if w.id == waiting_id), None)
        images = await asyncio.to_thread(self._images, found) \
            if found is not None and found.kind == "post" else []
        gone = await self.outbox.cancel(waiting_id)
        await self.reload()
        if gone is None or gone.kind != "post" or self.drafts is None:
            return None
        return await self.drafts.save(_draft_of(gone, self.drafts), images)

    def _images(self, waiting: Waiting) -> list[ImageUpload]:
        """The images of a post leaving the outbox, read before their files go."""
        alts = record_images(waiting.record)
        out = []
        for index, (file, mime_type, alt) in enumerate(waiting.images):
            try:
                data = self.outbox.store.media(file).read_bytes()
            except OSError:
                continue
            ratio = alts[index].get("aspectRatio") if index < len(alts) else None
            out.append(ImageUpload(data, mime_type, alt, _size(ratio)))
        return out

    # --- the sending loop -----------------------------------------------------------------------

    def send_now(self) -> None:
        """"Send now" (or the network is back): a round at once."""
        self._due = 0.0
        self._wake.set()

    def _schedule_retry(self) -> None:
        delay = self._retry_after[min(self._failures, len(self._retry_after) - 1)]
        self._failures += 1
        self._due = asyncio.get_running_loop().time() + delay
        self._wake.set()

    async def run(self) -> None:
        """Send what waits, until cancelled: what the last run left goes at once."""
        await self.reload()
        self._due = 0.0 if self._sendable() else None
        loop = asyncio.get_running_loop()
        while True:
            if not self._sendable():
                self._due = None
            delay = None if self._due is None else self._due - loop.time()
            if delay is None or delay > 0:
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), delay)
                continue
            await self.round()

    def _sendable(self) -> bool:
        return any(not w.refused for w in self.waiting)

    async def round(self) -> int:
        """Send everything waiting, oldest first, telling who listens of each one sent; after
        a failure the next round comes later. Returns how many went."""
        self._due = None
        sent = 0
        failed: AppError | None = None
        for waiting in await self.outbox.entries():
            if waiting.refused:
                continue  # waits for its writer
            try:
                ref = await self.outbox.send(waiting)
            except OutboxGoneError:
                continue
            except AppError as exc:
                failed = exc
                if transient(exc):
                    break  # still offline: the rest would fail the same way
                continue
            sent += 1
            for listener in list(self._sent):
                listener(waiting, ref)
        await self.reload()
        if failed is not None and transient(failed):
            self.last_error = failed.sentence
            self._schedule_retry()
        else:
            self._failures = 0
            self.last_error = failed.sentence if failed is not None else None
        return sent


def _draft_of(waiting: Waiting, drafts: Drafts) -> Draft:
    """A post from the outbox as a draft: its text, languages, reply and quote."""
    record = waiting.record
    reply = record.get("reply")
    if not isinstance(reply, dict):
        reply = {}
    langs = record.get("langs")
    return dataclasses.replace(
        drafts.new(), text=waiting.text,
        langs=tuple(x for x in langs if isinstance(x, str)) if isinstance(langs, list) else (),
        reply_to=StrongRef.of(reply.get("parent")), reply_root=StrongRef.of(reply.get("root")),
        quote=StrongRef.of(_quoted(record)))


def _quoted(record: dict[str, Any]) -> Any:
    embed = record.get("embed")
    if not isinstance(embed, dict):
        return None
    inner = embed.get("record")
    if embed.get("$type") == "app.bsky.embed.recordWithMedia" and isinstance(inner, dict):
        inner = inner.get("record")
    return inner


def _size(ratio: Any) -> tuple[int, int] | None:
    if not isinstance(ratio, dict):
        return None
    width, height = ratio.get("width"), ratio.get("height")
    if isinstance(width, int) and isinstance(height, int) and width > 0 and height > 0:
        return (width, height)
    return None
