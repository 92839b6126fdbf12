"""Drafts: what people type survives anything. Kept on this device (the profile, 0600, images
copied in) and synced with the account through `app.bsky.draft.*`, so a draft started in
another client continues here and back; images stay on the device that has them, as the
official app does."""

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
from typing import Any

from ..bsky import (
    Agent,
    Author,
    DraftView,
    ImageUpload,
    PostView,
    RemoteDraft,
    StrongRef,
    next_tid,
    now_iso,
)
from ..errors import AppError
from ..platform import FILE_MODE, JsonFile, private_dir
from ._paging import Pager

log = logging.getLogger(__name__)

DRAFTS_DIR = "drafts"
SAVE_AFTER = 0.5  # seconds without a change before a draft is written
MAX_DRAFTS = 100
MAX_DRAFT_PAGES = 20


@dataclass(frozen=True)
class _DraftPage:
    items: tuple[DraftView, ...]
    cursor: str | None


@dataclass(frozen=True)
class DraftImage:
    """An image of a draft: its bytes live in the account's drafts directory as `file`."""

    file: str
    mime_type: str
    alt: str = ""
    aspect_ratio: tuple[int, int] | None = None


@dataclass(frozen=True)
class Draft:
    """A post being written. `reply_to` (and who it answers) is kept on this device only: the
    account's drafts have no place for it. `remote_id` is the draft's id on the account, and
    `synced_at` the `updated_at` of the version the account has."""

    id: str
    text: str = ""
    langs: tuple[str, ...] = ()
    images: tuple[DraftImage, ...] = ()
    reply_to: StrongRef | None = None
    reply_root: StrongRef | None = None
    reply_handle: str = ""
    quote: StrongRef | None = None
    quote_handle: str = ""
    quote_text: str = ""  # the start of the quoted post, for the composer's line
    created_at: str = ""
    updated_at: str = ""
    remote_id: str | None = None
    synced_at: str = ""

    @property
    def synced(self) -> bool:
        """Whether the account has this very version."""
        return self.remote_id is not None and self.synced_at == self.updated_at

    @property
    def empty(self) -> bool:
        return not self.text.strip() and not self.images and self.quote is None

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        for name in ("reply_to", "reply_root", "quote"):
            ref = getattr(self, name)
            data[name] = ref.record() if ref else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Draft:
        images = tuple(DraftImage(str(i["file"]), str(i["mime_type"]), str(i.get("alt", "")),
                                  _ratio(i.get("aspect_ratio")))
                       for i in data.get("images", ()) if isinstance(i, dict) and "file" in i)
        return cls(id=str(data["id"]), text=str(data.get("text", "")),
                   langs=tuple(str(x) for x in data.get("langs", ())), images=images,
                   reply_to=StrongRef.of(data.get("reply_to")),
                   reply_root=StrongRef.of(data.get("reply_root")),
                   reply_handle=str(data.get("reply_handle", "")),
                   quote=StrongRef.of(data.get("quote")),
                   quote_handle=str(data.get("quote_handle", "")),
                   quote_text=str(data.get("quote_text", "")),
                   created_at=str(data.get("created_at", "")),
                   updated_at=str(data.get("updated_at", "")),
                   remote_id=data.get("remote_id") if isinstance(data.get("remote_id"), str)
                   else None, synced_at=str(data.get("synced_at", "")))


def _ratio(value: Any) -> tuple[int, int] | None:
    if isinstance(value, list | tuple) and len(value) == 2 \
            and all(isinstance(v, int) for v in value):
        return (value[0], value[1])
    return None


def _parse(data: dict[str, Any]) -> list[Draft]:
    raw = data.get("drafts", [])
    drafts = [Draft.from_dict(d) for d in raw if isinstance(d, dict) and "id" in d] \
        if isinstance(raw, list) else []
    return sorted(drafts, key=lambda d: d.updated_at, reverse=True)


def _open_ids(data: dict[str, Any]) -> list[str]:
    raw = data.get("open", [])
    return [i for i in raw if isinstance(i, str)] if isinstance(raw, list) else []


def _dump(drafts: Sequence[Draft], open_ids: Sequence[str]) -> dict[str, Any]:
    known = {d.id for d in drafts}
    return {"drafts": [d.to_dict() for d in drafts],
            "open": [i for i in open_ids if i in known]}


class DraftStore:
    """One account's drafts on this device: `drafts.json` and the images beside it, in a
    private directory of the profile. Holds the directory; reads and writes are whole-file and
    atomic (a crash leaves the last complete version). Blocking: call from a worker thread."""

    def __init__(self, data_dir: Path, did: str) -> None:
        name = hashlib.sha256(did.encode()).hexdigest()[:16]
        self.dir = data_dir / DRAFTS_DIR / name
        self._file = JsonFile(self.dir / "drafts.json")

    def drafts(self) -> list[Draft]:
        """Newest first."""
        return _parse(self._file.read())

    def get(self, draft_id: str) -> Draft | None:
        return next((d for d in self.drafts() if d.id == draft_id), None)

    def put(self, draft: Draft) -> None:
        self._prepare()

        def change(data: dict[str, Any]) -> dict[str, Any]:
            drafts = [d for d in _parse(data) if d.id != draft.id]
            drafts.insert(0, draft)
            return _dump(drafts[:MAX_DRAFTS], _open_ids(data))

        self._file.update(change)

    def delete(self, draft_id: str) -> Draft | None:
        gone: list[Draft] = []

        def change(data: dict[str, Any]) -> dict[str, Any]:
            drafts = _parse(data)
            gone.extend(d for d in drafts if d.id == draft_id)
            return _dump([d for d in drafts if d.id != draft_id], _open_ids(data))

        self._prepare()
        self._file.update(change)
        for draft in gone:
            for image in draft.images:
                self.media(image.file).unlink(missing_ok=True)
        return gone[0] if gone else None

    def _prepare(self) -> None:
        private_dir(self.dir.parent)  # the drafts of every account, private too
        private_dir(self.dir)

    def current(self) -> str | None:
        """The draft most recently open in a composer (after a crash or a quit: the one to
        offer back)."""
        drafts = {d.id: d for d in self.drafts()}
        open_now = [drafts[i] for i in _open_ids(self._file.read()) if i in drafts]
        return max(open_now, key=lambda d: d.updated_at).id if open_now else None

    def mark_open(self, draft_id: str, is_open: bool = True) -> None:
        """Whether `draft_id` is in a composer now (each composer marks its own)."""
        def change(data: dict[str, Any]) -> dict[str, Any]:
            ids = [i for i in _open_ids(data) if i != draft_id]
            return _dump(_parse(data), [*ids, draft_id] if is_open else ids)

        self._prepare()
        self._file.update(change)

    def media(self, file: str) -> Path:
        return self.dir / "media" / Path(file).name  # a name, never a path from outside

    def keep_image(self, draft_id: str, upload: ImageUpload) -> DraftImage:
        """Copy an image into the drafts directory (0600); named by its content, so saving a
        draft again copies nothing."""
        digest = hashlib.sha256(upload.data).hexdigest()[:24]
        file = f"{draft_id}-{digest}"
        path = self.media(file)
        if not path.exists():
            private_dir(path.parent)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
            with os.fdopen(fd, "wb") as handle:
                handle.write(upload.data)
        return DraftImage(file, upload.mime_type, upload.alt, upload.aspect_ratio)

    def upload(self, image: DraftImage) -> ImageUpload | None:
        """The image's bytes back (None when the file went missing)."""
        try:
            data = self.media(image.file).read_bytes()
        except OSError:
            return None
        return ImageUpload(data, image.mime_type, image.alt, image.aspect_ratio)


class Drafts:
    """One account's drafts: kept on this device first, then on the account. Holds the store,
    the agent, this device's name for the account's drafts, and the writes it has scheduled."""

    def __init__(self, store: DraftStore, agent: Agent, *, device: str = "Desktop App",
                 clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.agent = agent
        self.device = device
        self._clock = clock
        self._lock = asyncio.Lock()

    def new(self) -> Draft:
        stamp = now_iso(self._clock)
        return Draft(id=next_tid(self._clock), created_at=stamp, updated_at=stamp)

    async def drafts(self) -> list[Draft]:
        """This device's drafts, newest first."""
        return await asyncio.to_thread(self.store.drafts)

    async def get(self, draft_id: str) -> Draft | None:
        return await asyncio.to_thread(self.store.get, draft_id)

    async def save(self, draft: Draft, images: Sequence[ImageUpload] = ()) -> Draft:
        """Keep `draft` on this device (its images copied in), stamped now. An empty draft is
        removed instead (nothing to keep)."""
        async with self._lock:
            return await asyncio.to_thread(self._save, draft, tuple(images))

    def _save(self, draft: Draft, images: tuple[ImageUpload, ...]) -> Draft:
        kept = tuple(self.store.keep_image(draft.id, image) for image in images)
        draft = dataclasses.replace(draft, images=kept or draft.images,
                                    updated_at=now_iso(self._clock))
        if draft.empty:
            self.store.delete(draft.id)
            return draft
        self.store.put(draft)
        return draft

    async def uploads(self, draft: Draft) -> list[ImageUpload]:
        """The draft's images as uploads (those whose files are still there)."""
        found = await asyncio.to_thread(lambda: [self.store.upload(i) for i in draft.images])
        return [upload for upload in found if upload is not None]

    async def discard(self, draft_id: str) -> None:
        """Remove a draft here and from the account (posted, or thrown away)."""
        async with self._lock:
            gone = await asyncio.to_thread(self.store.delete, draft_id)
        if gone is not None and gone.remote_id is not None:
            try:
                await self.agent.delete_draft(gone.remote_id)
            except AppError as exc:
                log.info("draft not removed from the account: %s", exc.detail)

    # --- the account's copy ---------------------------------------------------------------------

    async def push(self, draft: Draft) -> Draft:
        """Give the account this version of `draft` (created there the first time)."""
        remote = self._remote(draft)
        if draft.remote_id is None:
            remote_id = await self.agent.create_draft(remote)
        else:
            remote_id = draft.remote_id
            await self.agent.update_draft(remote_id, remote)
        async with self._lock:
            current = await asyncio.to_thread(self.store.get, draft.id) or draft
            synced = dataclasses.replace(
                current, remote_id=remote_id,
                synced_at=draft.updated_at if current.updated_at == draft.updated_at
                else current.synced_at)
            await asyncio.to_thread(self.store.put, synced)
        return synced

    def _remote(self, draft: Draft) -> RemoteDraft:
        return RemoteDraft(text=draft.text, langs=draft.langs,
                           images=tuple((f"drafts/{i.file}", i.alt) for i in draft.images),
                           quote=draft.quote, device_name=self.device)

    async def remote(self) -> list[DraftView]:
        """The account's drafts (every page, each cursor once; a page bringing nothing new
        ends it, whatever cursor a server keeps handing out)."""

        async def fetch(cursor: str | None) -> _DraftPage:
            views, next_cursor = await self.agent.drafts(cursor=cursor)
            return _DraftPage(tuple(views), next_cursor)

        pager: Pager[DraftView] = Pager(fetch, key=lambda view: view.id)
        views: list[DraftView] = []
        for _ in range(MAX_DRAFT_PAGES):
            fresh = await pager.next_page()
            views.extend(fresh)
            if pager.exhausted or not fresh:
                break
        return views

    async def sync(self) -> list[Draft]:
        """Push what changed here; take what changed on the account (a draft started in
        another client appears here; its images stay on the device that has them). Returns
        this device's drafts after."""
        for draft in await self.drafts():
            if not draft.synced:
                try:
                    await self.push(draft)
                except AppError as exc:
                    log.info("draft not synced: %s", exc.detail)
        local = {d.remote_id: d for d in await self.drafts() if d.remote_id}
        for view in await self.remote():
            known = local.get(view.id)
            if known is not None and known.synced_at >= view.updated_at:
                continue
            if known is not None and not known.synced:
                continue  # changed on both sides: this device's version was pushed above
            await self._take(view, known)
        return await self.drafts()

    async def _take(self, view: DraftView, known: Draft | None) -> None:
        draft = known or Draft(id=next_tid(self._clock), created_at=view.created_at)
        draft = dataclasses.replace(
            draft, text=view.draft.text, langs=view.draft.langs, quote=view.draft.quote,
            images=draft.images if known is not None else (), updated_at=view.updated_at,
            remote_id=view.id, synced_at=view.updated_at)
        async with self._lock:
            await asyncio.to_thread(self.store.put, draft)


@dataclass(frozen=True)
class Writing:
    """What a composer holds: its text and languages, its images, and the posts it answers
    and quotes."""

    text: str = ""
    langs: tuple[str, ...] = ()
    images: tuple[ImageUpload, ...] = ()
    reply_to: PostView | None = None
    quote: PostView | None = None

    @property
    def empty(self) -> bool:
        return not self.text.strip() and not self.images and self.quote is None


class Autosave:
    """Keeps what one composer holds as a draft, written `delay` seconds after the last change
    (a keystroke only notes it: the writing happens on a worker thread). Holds the draft being
    written, the latest content not yet written, and the task writing it."""

    def __init__(self, drafts: Drafts, *, delay: float = SAVE_AFTER) -> None:
        self.drafts = drafts
        self._delay = delay
        self.draft: Draft | None = None
        self._latest: Writing | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._writing: asyncio.Task[None] | None = None

    def note(self, writing: Writing) -> None:
        """The composer changed: keep `writing`, write it soon."""
        self._latest = writing
        if self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(self._delay, self._due)

    def _due(self) -> None:
        self._timer = None
        if self._writing is None or self._writing.done():
            self._writing = asyncio.ensure_future(self._write_safely())
        else:  # a write is on its way: this change gets the next one
            self._timer = asyncio.get_running_loop().call_later(self._delay, self._due)

    async def _write_safely(self) -> None:
        try:
            await self.flush()
        except (AppError, OSError) as exc:  # a full disk, say: the next change tries again
            log.warning("draft not saved: %s", exc)

    async def flush(self) -> None:
        """Write what was noted and not yet written; the draft is marked open in a composer
        (the one offered back after a crash)."""
        writing, self._latest = self._latest, None
        if writing is None:
            return
        draft = self.draft or self.drafts.new()
        draft = dataclasses.replace(draft, **_fields(writing))
        saved = await self.drafts.save(draft, writing.images)
        self.draft = None if saved.empty else saved
        if self.draft is not None:
            await asyncio.to_thread(self.drafts.store.mark_open, saved.id)

    async def close(self, *, keep_open: bool = True) -> None:
        """Write what is pending. `keep_open`: the next launch offers the draft back (the app
        is quitting); otherwise it stays in the drafts list only (its view closed)."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._writing is not None and not self._writing.done():
            await asyncio.shield(self._writing)
        await self.flush()
        if not keep_open and self.draft is not None:
            await asyncio.to_thread(self.drafts.store.mark_open, self.draft.id, False)

    async def posted(self) -> None:
        """The post went out (or waits in the outbox): its draft is done with, here and on the
        account."""
        await self.close()
        if self.draft is not None:
            await self.drafts.discard(self.draft.id)
        self.draft = None

    async def shelve(self) -> Draft | None:
        """"Save draft": keep it in the drafts list, and start afresh. Returns the draft kept
        (None when there was nothing to keep)."""
        await self.close(keep_open=False)
        kept, self.draft = self.draft, None
        return kept

    async def open(self, draft_id: str | None = None) -> Writing | None:
        """Take up a draft (by default the one open when the app last ran; the one held
        before goes back to the list): what the composer should hold, or None when there is
        none."""
        store = self.drafts.store
        draft_id = draft_id or await asyncio.to_thread(store.current)
        draft = await self.drafts.get(draft_id) if draft_id else None
        if draft is None:
            return None
        if self.draft is None or self.draft.id != draft.id:
            await self.close(keep_open=False)
        self.draft = draft
        await asyncio.to_thread(store.mark_open, draft.id)
        return Writing(draft.text, draft.langs, tuple(await self.drafts.uploads(draft)),
                       _post(draft.reply_to, draft.reply_handle, "", draft.reply_root),
                       _post(draft.quote, draft.quote_handle, draft.quote_text, None))


def _fields(writing: Writing) -> dict[str, Any]:
    reply, quote = writing.reply_to, writing.quote
    return {"text": writing.text, "langs": writing.langs, "images": (),
            "reply_to": reply.ref if reply else None,
            "reply_root": (reply.reply_root or reply.ref) if reply else None,
            "reply_handle": reply.author.handle if reply else "",
            "quote": quote.ref if quote else None,
            "quote_handle": quote.author.handle if quote else "",
            "quote_text": quote.text[:80] if quote else ""}


def _post(ref: StrongRef | None, handle: str, text: str,
          root: StrongRef | None) -> PostView | None:
    """The post a draft answers or quotes, as far as the draft knows it (enough to reply to it
    and to name it, offline too)."""
    if ref is None:
        return None
    did = ref.uri[len("at://"):].split("/", 1)[0]
    return PostView(uri=ref.uri, cid=ref.cid, author=Author(did, handle or did), text=text,
                    created_at="", indexed_at="", reply_root=root)
