"""The outbox without a server: a write is sent exactly once whatever happens to its answer,
images are uploaded once, a refused write leaves, a taken key is never overwritten."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any, cast

import pytest

from desktop_app.app import Outbox, OutboxConflictError, OutboxStore
from desktop_app.atproto import NetworkError
from desktop_app.bsky import Agent, ImageUpload, InvalidPostError, NewPost, StrongRef, XrpcError
from desktop_app.sentences import Sentence

DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


class Server:
    """The account's repository, and what goes wrong on the way: `lose` answers (the write
    happens, the answer never arrives), `down` (nothing arrives), `taken_500` (a second write
    of a key answers 500, as the reference PDS does)."""

    def __init__(self) -> None:
        self.records: dict[tuple[str, str], dict[str, Any]] = {}
        self.uploads = 0
        self.lose = 0
        self.down = False
        self.reads_fail = False

    async def draft(self, post: NewPost) -> dict[str, Any]:
        if not post.text.strip() and not post.images:
            raise InvalidPostError("empty", message="Write something or add an image.")
        record: dict[str, Any] = {"$type": "app.bsky.feed.post", "text": post.text,
                                  "createdAt": "2026-12-05T10:00:00.000Z"}
        if post.images:
            record["embed"] = {"$type": "app.bsky.embed.images", "images": [
                {"image": {"$type": "blob", "ref": None, "mimeType": i.mime_type,
                           "size": len(i.data)}, "alt": i.alt} for i in post.images]}
        return record

    async def upload_image(self, image: ImageUpload) -> dict[str, Any]:
        if self.down:
            raise NetworkError("offline")
        self.uploads += 1
        return {"$type": "blob", "ref": {"$link": f"bafyblob{self.uploads}"},
                "mimeType": image.mime_type, "size": len(image.data)}

    async def write_record(self, collection: str, rkey: str,
                           record: dict[str, Any]) -> StrongRef:
        if self.down:
            raise NetworkError("offline")
        if (collection, rkey) in self.records:
            raise XrpcError(500, "InternalServerError", "Internal Server Error")
        self.records[(collection, rkey)] = record
        if self.lose:
            self.lose -= 1
            raise NetworkError("connection reset after the server answered")
        return StrongRef(f"at://{DID}/{collection}/{rkey}", f"cid-{rkey}")

    async def own_record(self, collection: str,
                         rkey: str) -> tuple[StrongRef, dict[str, Any]] | None:
        if self.down or self.reads_fail:
            raise NetworkError("offline")
        found = self.records.get((collection, rkey))
        if found is None:
            return None
        return StrongRef(f"at://{DID}/{collection}/{rkey}", f"cid-{rkey}"), found


def outbox_on(tmp_path: Path, server: Server) -> Outbox:
    return Outbox(OutboxStore(tmp_path, DID), cast(Agent, server))


async def test_an_answer_lost_after_the_write_makes_no_duplicate(tmp_path: Path) -> None:
    server = Server()
    outbox = outbox_on(tmp_path, server)
    waiting = await outbox.add_post(NewPost("exactly once", (ImageUpload(PNG, "image/png", "a"),)))
    server.lose = 1
    server.reads_fail = True  # the check after the failure can't reach the server either
    with pytest.raises(NetworkError):
        await outbox.send(waiting)
    assert [w.attempts for w in await outbox.entries()] == [1]
    server.reads_fail = False
    ref = await outbox.send(waiting)  # the retry finds the earlier write and writes nothing
    assert ref.uri.endswith(waiting.id) and len(server.records) == 1
    assert server.uploads == 1 and await outbox.entries() == []
    record = next(iter(server.records.values()))
    assert record["embed"]["images"][0]["image"]["ref"] == {"$link": "bafyblob1"}


async def test_a_taken_key_answered_500_is_recognised_as_our_write(tmp_path: Path) -> None:
    server = Server()
    outbox = outbox_on(tmp_path, server)
    waiting = await outbox.add_post(NewPost("hello"))
    server.records[("app.bsky.feed.post", waiting.id)] = waiting.record  # it got there
    assert (await outbox.send(waiting)).uri.endswith(waiting.id)
    assert len(server.records) == 1


async def test_offline_writes_wait_in_order_and_go_when_the_network_returns(
    tmp_path: Path,
) -> None:
    server = Server()
    outbox = outbox_on(tmp_path, server)
    server.down = True
    first = await outbox.add_post(NewPost("first"))
    like = await outbox.add_link("like", {"uri": "at://x/app.bsky.feed.post/1", "cid": "c"})
    sent, failed = await outbox.send_all()
    assert sent == 0 and len(failed) == 1  # the first failure stops the round: still offline
    assert [w.id for w in await outbox.entries()] == [first.id, like.id]
    assert str((await outbox.entries())[0].last_error).startswith("Your provider could not")
    server.down = False
    assert await outbox.send_all() == (2, [])
    assert len(server.records) == 2 and await outbox.entries() == []


async def test_a_refused_write_leaves_and_a_foreign_record_is_never_overwritten(
    tmp_path: Path,
) -> None:
    server = Server()
    outbox = outbox_on(tmp_path, server)
    with pytest.raises(InvalidPostError):
        await outbox.add_post(NewPost("   "))
    assert await outbox.entries() == []
    waiting = await outbox.add_post(NewPost("mine"))
    server.lose = 1
    server.reads_fail = True
    with pytest.raises(NetworkError):
        await outbox.send(waiting)
    server.records[("app.bsky.feed.post", waiting.id)] = {"text": "someone else's"}
    server.reads_fail = False
    with pytest.raises(OutboxConflictError):
        await outbox.send(waiting)
    assert server.records[("app.bsky.feed.post", waiting.id)] == {"text": "someone else's"}
    kept = await outbox.entries()  # nothing lost: it waits for its writer, not retried
    assert [(w.text, w.refused) for w in kept] == [("mine", True)]
    assert await outbox.send_all() == (0, [])
    with pytest.raises(OutboxConflictError):
        await outbox.send(kept[0], keep_refused=False)  # the writer is looking at it
    assert await outbox.entries() == []


async def test_what_waits_survives_a_restart_privately(tmp_path: Path) -> None:
    server = Server()
    server.down = True
    waiting = await outbox_on(tmp_path, server).add_post(
        NewPost("kept", (ImageUpload(PNG, "image/png", "alt"),)))
    again = await outbox_on(tmp_path, server).entries()  # a new process: read from disk
    assert again == [waiting]
    store = OutboxStore(tmp_path, DID)
    assert stat.S_IMODE(store.dir.stat().st_mode) == 0o700
    image = store.media(waiting.images[0][0])
    assert image.read_bytes() == PNG and stat.S_IMODE(image.stat().st_mode) == 0o600
    assert await outbox_on(tmp_path, server).cancel(waiting.id) == waiting
    assert not image.exists()


async def test_the_last_error_is_kept_as_english_and_as_a_sentence(tmp_path: Path) -> None:
    server = Server()
    outbox = outbox_on(tmp_path, server)
    server.down = True
    waiting = await outbox.add_post(NewPost("later"))
    with pytest.raises(NetworkError) as raised:
        await outbox.send(waiting)
    [kept] = await outbox_on(tmp_path, server).entries()  # read back from the file
    assert kept.last_error == raised.value.sentence
    file = OutboxStore(tmp_path, DID).dir / "outbox.json"
    data = json.loads(file.read_text(encoding="utf-8"))
    [entry] = data["waiting"]
    # The English stays where the command line (and older versions) read it.
    assert entry["last_error"] == raised.value.message
    assert Sentence.from_json(entry["last_error_sentence"]) == raised.value.sentence

    # A file written before sentences were kept: its English is the sentence; none is none.
    del entry["last_error_sentence"]
    entry["last_error"] = "The server said no."
    file.write_text(json.dumps(data), encoding="utf-8")
    [older] = await outbox.entries()
    assert older.last_error == Sentence("The server said no.")
    entry["last_error"] = ""
    file.write_text(json.dumps(data), encoding="utf-8")
    assert (await outbox.entries())[0].last_error is None
