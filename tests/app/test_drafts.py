"""Drafts on this device and on the account, without a server: kept exactly, images copied in
privately, empty ones dropped, synced both ways."""

from __future__ import annotations

import dataclasses
import stat
from pathlib import Path
from typing import cast

from desktop_app.app import Draft, Drafts, DraftStore
from desktop_app.bsky import Agent, DraftView, ImageUpload, RemoteDraft, StrongRef

DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


class Account:
    """The account's drafts, as `app.bsky.draft` keeps them."""

    def __init__(self) -> None:
        self.views: dict[str, DraftView] = {}
        self.calls: list[str] = []
        self.stamp = 0

    def _now(self) -> str:
        self.stamp += 1
        return f"2026-12-05T10:00:{self.stamp:02d}.000Z"

    async def create_draft(self, draft: RemoteDraft) -> str:
        self.calls.append("create")
        draft_id = f"3kremote{len(self.views)}"
        now = self._now()
        self.views[draft_id] = DraftView(draft_id, draft, now, now)
        return draft_id

    async def update_draft(self, draft_id: str, draft: RemoteDraft) -> None:
        self.calls.append("update")
        old = self.views[draft_id]
        self.views[draft_id] = DraftView(draft_id, draft, old.created_at, self._now())

    async def delete_draft(self, draft_id: str) -> None:
        self.calls.append("delete")
        self.views.pop(draft_id, None)

    async def drafts(self, *, cursor: str | None = None,
                     limit: int = 50) -> tuple[list[DraftView], str | None]:
        return list(self.views.values()), None


def drafts_for(tmp_path: Path, account: Account, clock: list[float]) -> Drafts:
    return Drafts(DraftStore(tmp_path, DID), cast(Agent, account), clock=lambda: clock[0])


async def test_a_draft_is_kept_exactly_with_its_images_private(tmp_path: Path) -> None:
    clock = [1_764_000_000.0]
    drafts = drafts_for(tmp_path, Account(), clock)
    draft = dataclasses.replace(
        drafts.new(), text="half a thought 🌱", langs=("en",),
        reply_to=StrongRef("at://x/app.bsky.feed.post/1", "c1"), reply_handle="bob.test",
        quote=StrongRef("at://x/app.bsky.feed.post/2", "c2"))
    clock[0] += 5
    saved = await drafts.save(draft, [ImageUpload(PNG, "image/png", "a square", (4, 4))])
    again = await drafts.get(draft.id)
    assert again == saved and again is not None
    assert again.text == "half a thought 🌱" and again.reply_handle == "bob.test"
    assert again.updated_at > draft.created_at
    image = again.images[0]
    path = drafts.store.media(image.file)
    assert path.read_bytes() == PNG and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(drafts.store.dir.stat().st_mode) == 0o700
    assert (await drafts.uploads(again))[0] == ImageUpload(PNG, "image/png", "a square", (4, 4))
    emptied = await drafts.save(dataclasses.replace(again, text="  ", images=(), quote=None))
    assert emptied.empty and await drafts.get(draft.id) is None


async def test_drafts_sync_both_ways(tmp_path: Path) -> None:
    clock = [1_764_000_000.0]
    account = Account()
    here = drafts_for(tmp_path, account, clock)
    mine = await here.save(dataclasses.replace(here.new(), text="from this device"))
    account.views["3kother"] = DraftView(
        "3kother", RemoteDraft(text="from the phone", langs=("ja",)),
        "2026-12-05T09:00:00.000Z", "2026-12-05T09:00:00.000Z")
    after = await here.sync()
    assert {d.text for d in after} == {"from this device", "from the phone"}
    assert all(d.synced for d in after) and account.calls == ["create"]
    pushed = next(d for d in after if d.text == "from this device")
    assert account.views[pushed.remote_id or ""].draft.text == "from this device"
    clock[0] += 10
    edited = await here.save(dataclasses.replace(pushed, text="edited here"))
    assert not edited.synced
    await here.sync()
    assert account.calls == ["create", "update"]
    assert account.views[pushed.remote_id or ""].draft.text == "edited here"
    await here.discard(mine.id)
    assert account.calls[-1] == "delete" and pushed.remote_id not in account.views


def test_a_damaged_file_is_a_typed_error(tmp_path: Path) -> None:
    import pytest

    from desktop_app.errors import AppError

    store = DraftStore(tmp_path, DID)
    store.dir.mkdir(parents=True)
    (store.dir / "drafts.json").write_text("{not json")
    with pytest.raises(AppError):
        store.drafts()
    assert Draft.from_dict({"id": "x", "images": [{"bad": 1}]}).images == ()
    assert isinstance(Draft.from_dict({"id": "x"}).to_dict(), dict)




async def test_autosave_writes_soon_after_the_last_change_and_gives_it_back(
    tmp_path: Path,
) -> None:
    import asyncio

    from desktop_app.app import Autosave, Writing
    from desktop_app.bsky import Author, PostView

    account = Account()
    drafts = drafts_for(tmp_path, account, [1_764_000_000.0])
    autosave = Autosave(drafts, delay=0.05)
    parent = PostView(uri=f"at://{DID}/app.bsky.feed.post/3kparent", cid="cp",
                      author=Author(DID, "bob.test"), text="?", created_at="", indexed_at="",
                      reply_root=StrongRef(f"at://{DID}/app.bsky.feed.post/3kroot", "cr"))
    for n in range(1, 30):  # typing: each keystroke only notes the text
        autosave.note(Writing("x" * n, ("en",), (ImageUpload(PNG, "image/png", "alt"),),
                              reply_to=parent))
    assert await drafts.drafts() == []  # nothing written yet
    await asyncio.sleep(0.2)
    [saved] = await drafts.drafts()
    assert saved.text == "x" * 29 and saved.reply_handle == "bob.test"
    assert drafts.store.current() == saved.id

    again = await Autosave(drafts_for(tmp_path, account, [0.0])).open()  # the next launch
    assert again is not None and again.text == "x" * 29 and again.langs == ("en",)
    assert again.images == (ImageUpload(PNG, "image/png", "alt"),)
    assert again.reply_to is not None and again.reply_to.ref == parent.ref
    assert again.reply_to.reply_root == parent.reply_root  # a reply to it goes in its thread
    assert again.reply_to.author.handle == "bob.test"

    autosave.note(Writing("final words"))
    await autosave.posted()  # written at once, then gone with the post
    assert await drafts.drafts() == [] and drafts.store.current() is None

    autosave.note(Writing("for later"))
    await autosave.shelve()
    [kept] = await drafts.drafts()
    assert kept.text == "for later" and drafts.store.current() is None
    assert await Autosave(drafts).open() is None  # nothing was open: nothing offered back
    assert (await Autosave(drafts).open(kept.id)) == Writing("for later")
