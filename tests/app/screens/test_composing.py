"""A composer's drafts without Qt: kept as it changes, offered back at the next launch, shelved,
listed (with the account's when it allows), taken up, deleted, gone once posted."""

from __future__ import annotations

from pathlib import Path

from desktop_app.app import Writing
from desktop_app.app.screens import Composing, Hooks
from desktop_app.bsky import ImageUpload, RemoteDraft
from tests.app.test_drafts import PNG, Account, drafts_for

CLOCK = [1_764_000_000.0]


def hooks(messages: list[str], *, drafts_allowed: bool = False) -> Hooks:
    made = Hooks()
    made.message = lambda sentence: messages.append(str(sentence))
    made.permits = lambda feature: drafts_allowed or feature != "drafts"
    return made


async def typed(composing: Composing, text: str) -> None:
    for n in range(1, len(text) + 1):
        composing.changed(Writing(text[:n], ("en",), (ImageUpload(PNG, "image/png", "a"),)))
    assert composing.autosave is not None
    await composing.autosave.close()


async def test_the_home_composer_takes_up_what_was_being_written(tmp_path: Path) -> None:
    messages: list[str] = []
    account = Account()
    home = Composing(drafts_for(tmp_path, account, CLOCK), hooks(messages), resume=True)
    assert await home.start() is None  # a first launch: nothing to offer
    await typed(home, "the app is about to crash")
    # The next launch (nothing closed: a crash), and a thread's reply box, which never resumes.
    again = Composing(drafts_for(tmp_path, account, CLOCK), hooks(messages), resume=True)
    writing = await again.start()
    assert writing is not None and writing.text == "the app is about to crash"
    assert writing.images == (ImageUpload(PNG, "image/png", "a"),)
    reply_box = Composing(drafts_for(tmp_path, account, CLOCK), hooks(messages))
    assert await reply_box.start() is None

    await again.posted()
    assert await again.listing() == []
    assert await Composing(drafts_for(tmp_path, account, CLOCK), hooks(messages),
                           resume=True).start() is None


async def test_a_closed_reply_box_keeps_its_draft_in_the_list_only(tmp_path: Path) -> None:
    messages: list[str] = []
    drafts = drafts_for(tmp_path, Account(), CLOCK)
    reply_box = Composing(drafts, hooks(messages))
    await typed(reply_box, "a reply for later")
    await reply_box.aclose(keep_open=False)
    assert [d.text for d in await reply_box.listing()] == ["a reply for later"]
    assert await Composing(drafts, hooks(messages), resume=True).start() is None


async def test_save_draft_list_take_up_and_delete(tmp_path: Path) -> None:
    messages: list[str] = []
    account = Account()
    drafts = drafts_for(tmp_path, account, CLOCK)
    composing = Composing(drafts, hooks(messages, drafts_allowed=True))
    assert not await composing.shelve() and messages[-1] == "There is nothing to save yet."
    await typed(composing, "first idea")
    assert await composing.shelve() and messages[-1] == "Draft saved."
    assert [v.draft.text for v in account.views.values()] == ["first idea"]  # on the account
    await typed(composing, "second idea")

    # A draft begun in another client comes in with the list.
    account.views["3kother"] = account.views.pop(next(iter(account.views)))
    remote_id = await account.create_draft(RemoteDraft(text="from my phone"))
    listed = await composing.listing()
    assert {d.text for d in listed} == {"first idea", "second idea", "from my phone"}
    phone = next(d for d in listed if d.remote_id == remote_id)

    writing = await composing.open(phone.id)
    assert writing is not None and writing.text == "from my phone"
    assert composing.autosave is not None and composing.autosave.draft is not None
    assert composing.autosave.draft.id == phone.id
    # The one held before went back to the list, as it was.
    assert "second idea" in {d.text for d in await drafts.drafts()}

    assert await composing.delete(phone.id)  # held: the composer starts afresh
    assert messages[-1] == "Draft deleted."
    assert remote_id not in account.views
    assert "from my phone" not in {d.text for d in await drafts.drafts()}
    first = next(d for d in await drafts.drafts() if d.text == "first idea")
    assert not await composing.delete(first.id)  # not held: the composer keeps what it has


async def test_without_drafts_allowed_the_list_is_this_devices(tmp_path: Path) -> None:
    messages: list[str] = []
    account = Account()
    composing = Composing(drafts_for(tmp_path, account, CLOCK), hooks(messages))
    await typed(composing, "local only")
    assert await composing.shelve()
    assert [d.text for d in await composing.listing()] == ["local only"]
    assert account.calls == []  # the account was never asked


async def test_without_a_profile_nothing_is_kept(tmp_path: Path) -> None:
    messages: list[str] = []
    composing = Composing(None, hooks(messages), resume=True)
    composing.changed(Writing("x"))
    assert not composing.keeps_drafts
    assert await composing.start() is None and not await composing.shelve()
    assert await composing.listing() == [] and await composing.open("x") is None
    await composing.posted()
    await composing.aclose()


async def test_a_disk_that_refuses_says_so_and_keeps_the_composer(tmp_path: Path) -> None:
    messages: list[str] = []
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the profile's directory should be")
    composing = Composing(drafts_for(blocked, Account(), CLOCK), hooks(messages))
    composing.changed(Writing("precious"))
    assert not await composing.shelve()
    assert messages[-1].startswith("The draft could not be saved:")
    # The binding leaves the composer as it is; once the disk takes it, the next change keeps it.
    blocked.unlink()
    composing.changed(Writing("precious"))
    assert await composing.shelve() and messages[-1] == "Draft saved."
    assert [d.text for d in await drafts_for(blocked, Account(), CLOCK).drafts()] == ["precious"]
