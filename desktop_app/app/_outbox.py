"""The outbox: a post, like, repost or follow that could not be sent waits on disk and is sent
when the network returns — exactly once.

Every write carries a record key the app chose (a TID) and the record exactly as it will be
written (its `createdAt` fixed, its images uploaded once and their blobs kept). Before a retry,
the record key is looked up: a record there with the same value is the earlier attempt that
reached the server (its answer was lost), so nothing is written twice; a different one is
reported, never overwritten. Same value means same CID: the CID is the hash of the value.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import logging
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..atproto import NetworkError, syntax
from ..bsky import (
    Agent,
    ImageUpload,
    InvalidPostError,
    NewPost,
    PermissionMissingError,
    RateLimitedError,
    StrongRef,
    XrpcError,
    detect_facets,
    next_tid,
    now_iso,
)
from ..errors import AppError
from ..platform import FILE_MODE, JsonFile, private_dir
from ..sentences import QT_TR_NOOP, Sentence

log = logging.getLogger(__name__)

OUTBOX_DIR = "outbox"
Kind = Literal["post", "like", "repost", "follow", "bookmark"]
# A bookmark is no record: the AppView keeps it privately, and making it twice is making it
# once, so it is sent as it is (its "collection" names it in the outbox only).
COLLECTIONS: dict[Kind, str] = {"post": "app.bsky.feed.post", "like": "app.bsky.feed.like",
                                "repost": "app.bsky.feed.repost",
                                "follow": "app.bsky.graph.follow",
                                "bookmark": "app.bsky.bookmark"}


class OutboxConflictError(AppError):
    """The record key is taken by another record: nothing was overwritten."""

    default_message = QT_TR_NOOP("Something else was already saved under this post's key, so "
                                 "it was not sent. Write it again.")


class OutboxGoneError(AppError):
    """The write is no longer waiting: sent (by another process, say) or cancelled."""

    default_message = QT_TR_NOOP("That was already sent or cancelled.")


@dataclass(frozen=True)
class Waiting:
    """One write waiting to be sent: its record key (`id`, a TID), what it is, the record as it
    will be written, the images still to upload (files in the outbox directory), and how the
    attempts went."""

    id: str
    kind: Kind
    record: dict[str, Any]
    created_at: str
    images: tuple[tuple[str, str, str], ...] = ()  # (file, mime type, alt), not yet uploaded
    attempts: int = 0
    last_error: Sentence | None = None  # why the last attempt failed
    refused: bool = False  # the server will not take it as it is: it waits for the writer
    resolve: bool = False  # its mentions still to be looked up (it was kept offline)

    @property
    def collection(self) -> str:
        return COLLECTIONS[self.kind]

    @property
    def text(self) -> str:
        text = self.record.get("text")
        return text if isinstance(text, str) else ""

    def to_dict(self) -> dict[str, Any]:
        """The entry as the outbox file keeps it: the last error as its English (what the
        command line shows) and as its sentence (what the window says in its language)."""
        data = dataclasses.asdict(dataclasses.replace(self, last_error=None))
        data["last_error"] = str(self.last_error) if self.last_error is not None else ""
        data["last_error_sentence"] = (self.last_error.to_json()
                                       if self.last_error is not None else None)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Waiting:
        kind = data.get("kind")
        if kind not in COLLECTIONS or not isinstance(data.get("record"), dict):
            raise ValueError("not an outbox entry")
        images = tuple((str(i[0]), str(i[1]), str(i[2])) for i in data.get("images", ())
                       if isinstance(i, list | tuple) and len(i) == 3)
        return cls(id=str(data["id"]), kind=kind, record=data["record"],
                   created_at=str(data.get("created_at", "")), images=images,
                   attempts=int(data.get("attempts", 0)),
                   last_error=_last_error(data),
                   refused=data.get("refused") is True, resolve=data.get("resolve") is True)


def _last_error(data: dict[str, Any]) -> Sentence | None:
    """An entry's last error as kept: an older file has only its English."""
    english = str(data.get("last_error") or "")
    kept = data.get("last_error_sentence")
    if not english and kept is None:
        return None
    return Sentence.from_json(kept, english)


def _parse(data: dict[str, Any]) -> list[Waiting]:
    out = []
    raw = data.get("waiting", [])
    for entry in raw if isinstance(raw, list) else []:
        try:
            out.append(Waiting.from_dict(entry))
        except (KeyError, ValueError, TypeError, AttributeError):
            log.warning("an unreadable outbox entry was skipped")
    return sorted(out, key=lambda w: w.id)


def _dump(entries: Sequence[Waiting]) -> dict[str, Any]:
    return {"waiting": [w.to_dict() for w in sorted(entries, key=lambda w: w.id)]}


class OutboxStore:
    """One account's outbox on this device: `outbox.json` and the images of posts not yet
    uploaded, in a private directory (0700, files 0600). Blocking: call from a worker thread."""

    def __init__(self, data_dir: Path, did: str) -> None:
        self.dir = data_dir / OUTBOX_DIR / hashlib.sha256(did.encode()).hexdigest()[:16]
        self._file = JsonFile(self.dir / "outbox.json")

    def entries(self) -> list[Waiting]:
        """Oldest first: they are sent in the order they were written."""
        return _parse(self._file.read())

    def put(self, waiting: Waiting) -> None:
        self._prepare()
        self._file.update(lambda data: _dump(
            [*(w for w in _parse(data) if w.id != waiting.id), waiting]))

    def remove(self, waiting_id: str) -> Waiting | None:
        gone: list[Waiting] = []

        def change(data: dict[str, Any]) -> dict[str, Any]:
            entries = _parse(data)
            gone.extend(w for w in entries if w.id == waiting_id)
            return _dump([w for w in entries if w.id != waiting_id])

        self._prepare()
        self._file.update(change)
        for waiting in gone:
            for file, _, _ in waiting.images:
                self.media(file).unlink(missing_ok=True)
        return gone[0] if gone else None

    def _prepare(self) -> None:
        private_dir(self.dir.parent)  # every account's outbox, private too
        private_dir(self.dir)

    def media(self, file: str) -> Path:
        return self.dir / "media" / Path(file).name

    def keep(self, waiting_id: str, index: int, image: ImageUpload) -> tuple[str, str, str]:
        file = f"{waiting_id}-{index}"
        path = self.media(file)
        private_dir(path.parent)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(image.data)
        return file, image.mime_type, image.alt


def transient(exc: AppError) -> bool:
    """Whether trying again later may work: the network, the server's trouble, its limits.
    Anything else (a refused post, a missing permission) is the sender's to fix."""
    if isinstance(exc, PermissionMissingError):
        return False
    if isinstance(exc, NetworkError | RateLimitedError):
        return True
    return isinstance(exc, XrpcError) and (exc.status >= 500 or exc.status in (408, 429))


class Outbox:
    """One account's writes that must reach the server exactly once. Holds the store, the
    agent, and one lock so two sends (the window's and a retry) never race."""

    def __init__(self, store: OutboxStore, agent: Agent, *,
                 clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.agent = agent
        self._clock = clock
        self._lock = asyncio.Lock()

    async def entries(self) -> list[Waiting]:
        return await asyncio.to_thread(self.store.entries)

    async def add_post(self, post: NewPost) -> Waiting:
        """Keep `post` (checked, its mentions resolved, its time fixed) before anything is
        sent: a crash from here on loses nothing. Offline, its mentions are looked up before it
        is sent."""
        resolve = False
        try:
            record = await self.agent.draft(post)  # checks it; blobs filled in when uploaded
        except AppError as exc:
            if not transient(exc):
                raise
            # Looking up a mention needs the network: the post is kept without them for now.
            links = tuple(f for f in detect_facets(post.text) if f.kind != "mention")
            record = await self.agent.draft(dataclasses.replace(post, facets=links))
            resolve = True
        waiting_id = next_tid(self._clock)

        def keep() -> Waiting:
            images = tuple(self.store.keep(waiting_id, n, image)
                           for n, image in enumerate(post.images))
            waiting = Waiting(waiting_id, "post", record, now_iso(self._clock), images,
                              resolve=resolve)
            self.store.put(waiting)
            return waiting

        async with self._lock:
            return await asyncio.to_thread(keep)

    async def add_link(self, kind: Kind, subject: Any) -> Waiting:
        """A like, repost or follow (`subject`: the post's strong ref record, or a DID)."""
        _check_subject(kind, subject)
        collection = COLLECTIONS[kind]
        record = {"$type": collection, "subject": subject, "createdAt": now_iso(self._clock)}
        waiting = Waiting(next_tid(self._clock), kind, record, record["createdAt"])
        async with self._lock:
            await asyncio.to_thread(self.store.put, waiting)
        return waiting

    async def cancel(self, waiting_id: str) -> Waiting | None:
        async with self._lock:
            return await asyncio.to_thread(self.store.remove, waiting_id)

    async def send(self, waiting: Waiting, *, keep_refused: bool = True) -> StrongRef:
        """Send one write; it leaves the outbox once the server has it. An `AppError` says why
        not: the write stays, its attempt counted; one the server refuses stays too, marked
        refused for the writer to edit or discard (or, `keep_refused` false, leaves: the writer
        is looking at it)."""
        async with self._lock:
            current = next((w for w in await asyncio.to_thread(self.store.entries)
                            if w.id == waiting.id), None)
            if current is None:
                raise OutboxGoneError(f"{waiting.id} is no longer waiting")
            try:
                ref = await self._deliver(current)
            except AppError as exc:
                await self._failed(current, exc, keep_refused)
                raise
            await asyncio.to_thread(self.store.remove, current.id)
            log.info("sent %s %s", current.kind, ref.uri)
            return ref

    async def send_all(self) -> tuple[int, list[tuple[Waiting, AppError]]]:
        """Send everything waiting, oldest first: how many went, and what could not."""
        sent, failed = 0, []
        for waiting in await self.entries():
            if waiting.refused:
                continue  # waits for its writer
            try:
                await self.send(waiting)
                sent += 1
            except OutboxGoneError:
                continue  # another process sent it (or it was cancelled) meanwhile
            except AppError as exc:
                failed.append((waiting, exc))
                if transient(exc):
                    break  # the network is still gone: the rest would fail the same way
        return sent, failed

    async def _deliver(self, waiting: Waiting) -> StrongRef:
        if waiting.kind == "bookmark":
            subject = StrongRef.of(waiting.record.get("subject"))
            if subject is None:
                raise InvalidPostError("a bookmark with no subject")
            await self.agent.bookmark(subject)
            return subject
        if waiting.resolve:
            waiting = await self._resolve(waiting)
        if waiting.attempts:
            # An earlier attempt may have reached the server with its answer lost.
            found = await self.agent.own_record(waiting.collection, waiting.id)
            if found is not None:
                return self._same_or_conflict(waiting, *found)
        waiting = await self._upload(waiting)
        try:
            return await self.agent.write_record(waiting.collection, waiting.id, waiting.record)
        except AppError as exc:
            if not transient(exc):
                raise
            # The server may have written it and failed after (the reference PDS answers 500
            # to a taken key): look before calling it a failure.
            found = await self.agent.own_record(waiting.collection, waiting.id)
            if found is None:
                raise
            return self._same_or_conflict(waiting, *found)

    def _same_or_conflict(self, waiting: Waiting, ref: StrongRef,
                          value: dict[str, Any]) -> StrongRef:
        if value == waiting.record:
            return ref
        raise OutboxConflictError(f"record key {waiting.id} holds another record")

    async def _resolve(self, waiting: Waiting) -> Waiting:
        """Look up the mentions of a post kept offline, and keep the record with them: it was
        never written before, so the value written is this one from the first attempt on."""
        looked_up = await self.agent.draft(NewPost(waiting.text))
        record = {key: value for key, value in waiting.record.items() if key != "facets"}
        if looked_up.get("facets"):
            record["facets"] = looked_up["facets"]
        waiting = dataclasses.replace(waiting, record=record, resolve=False)
        await asyncio.to_thread(self.store.put, waiting)
        return waiting

    async def _upload(self, waiting: Waiting) -> Waiting:
        """Upload the images still without a blob and put their blobs in the record, keeping
        each step (a retry uploads nothing twice). The image files stay until the write leaves
        the outbox: a post cancelled goes back to the drafts whole."""
        for index, (file, mime_type, alt) in enumerate(waiting.images):
            if _blob_at(waiting.record, index) is not None:
                continue
            data = await asyncio.to_thread(self.store.media(file).read_bytes)
            blob = await self.agent.upload_image(ImageUpload(data, mime_type, alt))
            waiting = dataclasses.replace(waiting, record=_with_blob(waiting.record, index, blob))
            await asyncio.to_thread(self.store.put, waiting)
        return waiting

    async def _failed(self, waiting: Waiting, exc: AppError, keep_refused: bool) -> None:
        refused = not transient(exc)
        if refused and not keep_refused:
            await asyncio.to_thread(self.store.remove, waiting.id)
            return
        log.info("%s %s %s: %s", waiting.kind, waiting.id, "refused" if refused else "waits",
                 exc.detail)

        def count() -> None:
            # The stored version is the latest: it holds the blobs uploaded meanwhile.
            latest = next((w for w in self.store.entries() if w.id == waiting.id), waiting)
            self.store.put(dataclasses.replace(latest, attempts=latest.attempts + 1,
                                               last_error=exc.sentence, refused=refused))

        await asyncio.to_thread(count)


def _check_subject(kind: Kind, subject: Any) -> None:
    if kind == "follow":
        syntax.ensure_did(subject if isinstance(subject, str) else "", supported_only=False)
        return
    ref = StrongRef.of(subject)
    if kind == "post" or ref is None or not ref.uri.startswith("at://") or not ref.cid:
        raise InvalidPostError(f"not a {kind} subject",
                               message=QT_TR_NOOP("That post can't be linked to."))


def record_images(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The image entries of a post record (`embed.images`, or `embed.media.images`)."""
    embed = record.get("embed")
    holder = embed.get("media", embed) if isinstance(embed, dict) else None
    images = holder.get("images") if isinstance(holder, dict) else None
    return [i for i in images if isinstance(i, dict)] if isinstance(images, list) else []


def _blob_at(record: dict[str, Any], index: int) -> Any:
    images = record_images(record)
    if index >= len(images):
        return None
    image = images[index].get("image")
    return image.get("ref") if isinstance(image, dict) else None


def _with_blob(record: dict[str, Any], index: int, blob: dict[str, Any]) -> dict[str, Any]:
    """`record` with image `index` given `blob`."""
    record = dict(record)
    embed = dict(record.get("embed", {}))
    holder = dict(embed.get("media", embed))
    images = [dict(i) for i in holder.get("images", [])]
    images[index]["image"] = blob
    holder["images"] = images
    if "media" in embed:
        embed["media"] = holder
    else:
        embed = holder
    record["embed"] = embed
    return record
