"""The outbox's sending loop without a server: what is queued goes by itself once the network
returns (exactly once, in order), "Send now" does not wait, a refusal stops retries of that
write only, a cancelled post goes back to the drafts whole, mentions kept offline are looked up
before sending."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, cast

import pytest

from desktop_app.app import Drafts, DraftStore, Outbox, OutboxStore, Sender, Waiting
from desktop_app.atproto import NetworkError
from desktop_app.bsky import (
    Agent,
    Author,
    ImageUpload,
    NewPost,
    PostView,
    StrongRef,
    XrpcError,
)
from tests.app.test_outbox import DID, PNG, Server

PARENT = PostView(uri="at://did:plc:bob/app.bsky.feed.post/3kp", cid="cp",
                  author=Author("did:plc:bob", "bob.test"),
                  text="?", created_at="", indexed_at="",
                  reply_root=StrongRef("at://did:plc:bob/app.bsky.feed.post/3kr", "cr"))


class Resolving(Server):
    """The server, resolving handles too (which needs the network)."""

    async def draft(self, post: NewPost) -> dict[str, Any]:
        record = await super().draft(post)
        if post.facets is None and "@" in post.text:
            if self.down:
                raise NetworkError("offline")
            record["facets"] = [{"index": {"byteStart": 0, "byteEnd": 9},
                                 "features": [{"$type": "app.bsky.richtext.facet#mention",
                                               "did": "did:plc:bob"}]}]
        parent = post.reply_to
        if parent is not None:
            root = parent.reply_root or parent.ref
            record["reply"] = {"root": root.record(), "parent": parent.ref.record()}
        for entry, image in zip(record.get("embed", {}).get("images", []), post.images,
                                strict=True):
            if image.aspect_ratio:
                entry["aspectRatio"] = {"width": image.aspect_ratio[0],
                                        "height": image.aspect_ratio[1]}
        if post.langs:
            record["langs"] = list(post.langs)
        return record


def sender_on(tmp_path: Path, server: Server, **kwargs: Any) -> Sender:
    agent = cast(Agent, server)
    return Sender(Outbox(OutboxStore(tmp_path, DID), agent),
                  Drafts(DraftStore(tmp_path, DID), agent), **kwargs)


async def test_queued_posts_go_by_themselves_once_the_network_returns(tmp_path: Path) -> None:
    server = Server()
    sender = sender_on(tmp_path, server, retry_after=(0.05, 0.1))
    shown: list[tuple[Waiting, ...]] = []
    sent: list[str] = []
    sender.subscribe(changed=shown.append, sent=lambda w, ref: sent.append(ref.uri))
    server.down = True
    first, ref = await sender.post(NewPost("first"))
    assert ref is None and [w.id for w in sender.waiting] == [first.id]
    assert sender.last_error and shown[-1] == sender.waiting
    second, _ = await sender.post(NewPost("second"))
    loop = asyncio.ensure_future(sender.run())
    try:
        await asyncio.sleep(0.3)  # a few rounds while down: nothing goes, nothing is lost
        assert len(server.records) == 0 and len(sender.waiting) == 2
        server.down = False
        for _ in range(100):
            if not sender.waiting:
                break
            await asyncio.sleep(0.02)
    finally:
        loop.cancel()
    assert [rkey for _, rkey in server.records] == [first.id, second.id]  # in order, once each
    assert sent == [f"at://{DID}/app.bsky.feed.post/{first.id}",
                    f"at://{DID}/app.bsky.feed.post/{second.id}"]
    assert shown[-1] == () and sender.last_error is None


async def test_send_now_does_not_wait_for_the_next_round(tmp_path: Path) -> None:
    server = Server()
    sender = sender_on(tmp_path, server, retry_after=(3600.0,))
    server.down = True
    await sender.post(NewPost("now please"))
    loop = asyncio.ensure_future(sender.run())
    try:
        await asyncio.sleep(0.05)
        server.down = False
        assert len(server.records) == 0  # the next round is an hour away
        sender.send_now()
        for _ in range(100):
            if server.records:
                break
            await asyncio.sleep(0.01)
    finally:
        loop.cancel()
    assert len(server.records) == 1 and sender.waiting == ()


async def test_what_the_last_run_left_goes_at_start(tmp_path: Path) -> None:
    server = Server()
    server.down = True
    await sender_on(tmp_path, server).post(NewPost("left by a crash"))
    server.down = False
    again = sender_on(tmp_path, server, retry_after=(3600.0,))  # the next launch
    loop = asyncio.ensure_future(again.run())
    try:
        for _ in range(100):
            if server.records:
                break
            await asyncio.sleep(0.01)
    finally:
        loop.cancel()
    assert [r["text"] for r in server.records.values()] == ["left by a crash"]


async def test_a_refused_write_stops_being_retried_and_the_rest_goes(tmp_path: Path) -> None:
    server = Server()
    sender = sender_on(tmp_path, server)
    server.down = True
    bad, _ = await sender.post(NewPost("refused later"))
    good, _ = await sender.post(NewPost("fine"))
    server.down = False
    original = server.write_record

    async def refuse_one(collection: str, rkey: str, record: dict[str, Any]) -> StrongRef:
        if rkey == bad.id:
            raise XrpcError(400, "InvalidRequest", "Invalid record")
        return await original(collection, rkey, record)

    server.write_record = refuse_one  # type: ignore[method-assign]
    assert await sender.round() == 1
    assert [(w.id, w.refused) for w in sender.waiting] == [(bad.id, True)]
    assert sender.last_error  # said, for the bar
    assert await sender.round() == 0  # not tried again: it waits for its writer
    assert [rkey for _, rkey in server.records] == [good.id]


async def test_a_cancelled_post_goes_back_to_the_drafts_whole(tmp_path: Path) -> None:
    server = Resolving()
    sender = sender_on(tmp_path, server)
    server.down = True
    waiting, _ = await sender.post(NewPost("take it back", (ImageUpload(PNG, "image/png",
                                                                        "a square", (4, 4)),),
                                           ("ja",), PARENT))
    draft = await sender.cancel(waiting.id)
    assert draft is not None and draft.text == "take it back" and draft.langs == ("ja",)
    assert draft.reply_to == PARENT.ref and draft.reply_root == PARENT.reply_root
    assert sender.waiting == () and server.records == {}
    assert sender.drafts is not None
    [kept] = await sender.drafts.drafts()
    assert await sender.drafts.uploads(kept) == [ImageUpload(PNG, "image/png", "a square",
                                                             (4, 4))]
    assert await sender.cancel(waiting.id) is None  # twice: nothing more


async def test_mentions_kept_offline_are_looked_up_before_sending(tmp_path: Path) -> None:
    server = Resolving()
    sender = sender_on(tmp_path, server)
    server.down = True
    waiting, ref = await sender.post(NewPost("@bob.test hello"))  # offline: can't resolve
    assert ref is None and waiting.resolve and "facets" not in waiting.record
    server.down = False
    assert await sender.round() == 1
    [record] = server.records.values()
    assert record["facets"][0]["features"][0]["did"] == "did:plc:bob"


async def test_a_refused_post_leaves_the_outbox_and_says_why(tmp_path: Path) -> None:
    server = Server()
    sender = sender_on(tmp_path, server)

    async def refuse(collection: str, rkey: str, record: dict[str, Any]) -> StrongRef:
        raise XrpcError(400, "InvalidRequest", "Invalid record")

    server.write_record = refuse  # type: ignore[method-assign]
    with pytest.raises(XrpcError):
        await sender.post(NewPost("the writer still has it"))
    assert sender.waiting == ()  # the composer keeps it; nothing waits


class Linking(Server):
    """The server, with the account's DID and deletes of links counted."""

    did = DID

    def __init__(self) -> None:
        super().__init__()
        self.deleted: list[str] = []
        self.bookmarks: list[str] = []

    async def unlike(self, uri: str) -> None:
        if self.down:
            raise NetworkError("offline")
        self.deleted.append(uri)
        self.records.pop(("app.bsky.feed.like", uri.rsplit("/", 1)[1]), None)

    async def bookmark(self, subject: StrongRef) -> None:
        if self.down:
            raise NetworkError("offline")
        self.bookmarks.append(subject.uri)

    async def unbookmark(self, uri: str) -> None:
        if self.down:
            raise NetworkError("offline")
        self.bookmarks.remove(uri)


async def test_likes_and_follows_wait_in_the_outbox_and_can_be_taken_back(
    tmp_path: Path,
) -> None:
    from desktop_app.app.screens import Links

    server = Linking()
    sender = sender_on(tmp_path, server)
    links = Links(cast(Agent, server), sender)
    subject = {"uri": "at://did:plc:bob/app.bsky.feed.post/3kp", "cid": "cp"}
    server.down = True
    uri = await links.create("like", subject)
    [waiting] = sender.waiting
    assert uri == f"at://{DID}/app.bsky.feed.like/{waiting.id}"  # known before it is sent
    await links.delete("like", uri)  # taken back while it waits: nothing reaches the server
    assert sender.waiting == () and server.deleted == []

    follow = await links.create("follow", "did:plc:bob")
    assert [entry.kind for entry in await sender.outbox.entries()] == ["follow"]
    server.down = False
    assert await sender.round() == 1
    assert server.records[("app.bsky.graph.follow", follow.rsplit("/", 1)[1])]["subject"] \
        == "did:plc:bob"

    liked = await links.create("like", subject)  # online: straight through the outbox
    assert sender.waiting == () and ("app.bsky.feed.like", liked.rsplit("/", 1)[1]) \
        in server.records
    await links.delete("like", liked)  # sent: deleted on the server
    assert server.deleted == [liked]


async def test_a_bookmark_made_offline_waits_and_goes_once(tmp_path: Path) -> None:
    from desktop_app.app.screens import Links

    server = Linking()
    sender = sender_on(tmp_path, server)
    links = Links(cast(Agent, server), sender)
    post = {"uri": "at://did:plc:bob/app.bsky.feed.post/3kp", "cid": "cp"}
    server.down = True
    assert await links.create("bookmark", post) == post["uri"]  # shown saved at once
    assert [w.kind for w in await sender.outbox.entries()] == ["bookmark"]
    await links.delete("bookmark", post["uri"])  # taken back while it waits
    assert sender.waiting == () and server.bookmarks == []
    await links.create("bookmark", post)
    server.down = False
    assert await sender.round() == 1 and await sender.round() == 0
    assert server.bookmarks == [post["uri"]]  # once
    await links.delete("bookmark", post["uri"])  # sent: removed on the server
    assert server.bookmarks == []


async def test_a_link_to_nothing_is_refused_before_it_is_kept(tmp_path: Path) -> None:
    from desktop_app.errors import AppError

    server = Linking()
    sender = sender_on(tmp_path, server)
    for kind, subject in (("follow", "not a did"), ("like", {"uri": "https://x", "cid": "c"}),
                          ("like", {"uri": "at://x/y/z"}), ("repost", "did:plc:bob"),
                          ("bookmark", "did:plc:bob")):
        with pytest.raises(AppError):
            await sender.link(kind, subject)  # type: ignore[arg-type]
    assert sender.waiting == () and await sender.outbox.entries() == []
