"""Agent against a scripted PDS: rate limits, broken replies, record shapes, input checks."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from desktop_app.atproto import NetworkError, ResponseFormatError
from desktop_app.bsky import (
    MAX_IMAGE_BYTES,
    Agent,
    AtUri,
    Author,
    Facet,
    FeedUnavailableError,
    ImageUpload,
    InvalidPostError,
    PostView,
    RateLimitedError,
    StrongRef,
    XrpcError,
    image_problem,
    rate_limit_wait,
)
from desktop_app.sentences import Amount, Duration, Sentence
from tests.support.http_server import FakeHttpServer, Recorded, Reply, json_reply

DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"
OTHER = "did:plc:44ybard66vv44zksje25o7dz"
NOW = 1_700_000_000.0  # 2023-11-14T22:13:20Z
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 100
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 100


def post_json(n: int = 1, **extra: Any) -> dict[str, Any]:
    post: dict[str, Any] = {
        "uri": f"at://{DID}/app.bsky.feed.post/3k{n:011d}",
        "cid": f"bafyrei{n:020d}",
        "author": {"did": DID, "handle": "alice.test", "displayName": "Alice",
                   "futureField": {"x": 1}},
        "record": {"$type": "app.bsky.feed.post", "text": f"post {n}",
                   "createdAt": "2026-11-22T10:00:00.000Z"},
        "indexedAt": "2026-11-22T10:00:01.000Z",
        "likeCount": 3, "repostCount": 1, "replyCount": 0,
    }
    post.update(extra)
    return post




async def test_timeline_parses_posts_reposts_replies_and_ignores_unknown_fields(
    agent: Agent, pds: FakeHttpServer
) -> None:
    reposter = {"did": OTHER, "handle": "bob.test"}
    feed = {"cursor": "next-1", "somethingNew": True, "feed": [
        {"post": post_json(1)},
        {"post": post_json(2), "reason": {"$type": "app.bsky.feed.defs#reasonRepost",
                                          "by": reposter, "indexedAt": "2026-11-22T10:00:00Z"}},
        {"post": post_json(3), "reply": {"root": post_json(1), "parent": post_json(1)}},
    ]}
    pds.route("GET", "/xrpc/app.bsky.feed.getTimeline", json_reply(feed))
    page = await agent.timeline(limit=30)
    assert page.cursor == "next-1"
    assert [i.post.text for i in page.items] == ["post 1", "post 2", "post 3"]
    assert page.items[1].reposted_by is not None and page.items[1].reposted_by.handle == "bob.test"
    assert page.items[1].key != page.items[1].post.uri
    assert page.items[2].reply_parent_author is not None
    assert page.items[0].post.like_count == 3
    sent = pds.requests_to("/xrpc/app.bsky.feed.getTimeline")[0]
    assert sent.query["limit"] == ["30"] and "cursor" not in sent.query
    assert sent.headers["authorization"] == "DPoP access-secret"
    assert "dpop" in sent.headers


async def test_embeds_images_external_quote_and_unavailable_quote(
    agent: Agent, pds: FakeHttpServer
) -> None:
    images = {"$type": "app.bsky.embed.images#view", "images": [
        {"thumb": "https://cdn/t.jpg", "fullsize": "https://cdn/f.jpg", "alt": "a cat",
         "aspectRatio": {"width": 4, "height": 3}}]}
    external = {"$type": "app.bsky.embed.external#view", "external": {
        "uri": "https://example.com/a", "title": "Title", "description": "Desc"}}
    quote = {"$type": "app.bsky.embed.record#view", "record": {
        "$type": "app.bsky.embed.record#viewRecord", "uri": post_json(9)["uri"], "cid": "c",
        "author": {"did": OTHER, "handle": "bob.test"},
        "value": {"text": "quoted", "createdAt": "2026-11-21T00:00:00Z"},
        "indexedAt": "2026-11-21T00:00:00Z", "embeds": [images]}}
    gone = {"$type": "app.bsky.embed.record#view", "record": {
        "$type": "app.bsky.embed.record#viewNotFound", "uri": post_json(8)["uri"],
        "notFound": True}}
    video = {"$type": "app.bsky.embed.video#view", "cid": "x", "playlist": "https://v"}
    feed = {"feed": [{"post": post_json(i, embed=e)}
                     for i, e in enumerate([images, external, quote, gone, video])]}
    pds.route("GET", "/xrpc/app.bsky.feed.getAuthorFeed", json_reply(feed))
    page = await agent.author_feed("alice.test")
    posts = [i.post for i in page.items]
    assert posts[0].images[0].alt == "a cat" and posts[0].images[0].aspect_ratio == (4, 3)
    assert posts[1].external is not None and posts[1].external.title == "Title"
    assert posts[2].quote is not None and posts[2].quote.text == "quoted"
    assert posts[2].quote.images[0].alt == "a cat"
    assert posts[3].quote is not None and posts[3].quote.unavailable == "Deleted post"
    assert posts[4].images == () and posts[4].quote is None and posts[4].text == "post 4"
    assert page.cursor is None


@pytest.mark.parametrize("breakage", [
    {"feed": "nope"},
    {},
    {"feed": [{"post": {**post_json(), "uri": None}}]},
    {"feed": [{"post": {**post_json(), "author": {"did": DID}}}]},
    {"feed": [{"post": {**post_json(), "record": "text"}}]},
    {"feed": [{"post": post_json(embed={"$type": "app.bsky.embed.images#view",
                                        "images": [{"alt": "x"}]})}]},
])
async def test_missing_required_fields_are_a_clear_error(
    agent: Agent, pds: FakeHttpServer, breakage: dict[str, Any]
) -> None:
    pds.route("GET", "/xrpc/app.bsky.feed.getTimeline", json_reply(breakage))
    with pytest.raises(ResponseFormatError) as info:
        await agent.timeline()
    assert info.value.message == "Bluesky sent a reply this app could not understand."


async def test_not_json_is_a_format_error(agent: Agent, pds: FakeHttpServer) -> None:
    pds.route("GET", "/xrpc/app.bsky.feed.getTimeline",
              Reply(200, b"<html>", {"content-type": "text/html"}))
    with pytest.raises(ResponseFormatError):
        await agent.timeline()


async def test_rate_limit_uses_ratelimit_reset(agent: Agent, pds: FakeHttpServer) -> None:
    pds.route("GET", "/xrpc/app.bsky.feed.getTimeline", json_reply(
        {"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"}, 429,
        headers={"ratelimit-limit": "3000", "ratelimit-remaining": "0",
                 "ratelimit-reset": "1700000300"}))
    with pytest.raises(RateLimitedError) as info:
        await agent.timeline()
    assert info.value.retry_after == 300.0
    assert info.value.message == ("Bluesky is limiting how fast this app can act. "
                                  "Try again in 5 minutes.")


async def test_rate_limit_prefers_retry_after(agent: Agent, pds: FakeHttpServer) -> None:
    pds.route("POST", "/xrpc/com.atproto.repo.createRecord", json_reply(
        {"error": "RateLimitExceeded"}, 429, headers={"retry-after": "42",
                                                       "ratelimit-reset": "99999999999"}))
    with pytest.raises(RateLimitedError) as info:
        await agent.create_post("hello")
    assert info.value.retry_after == 42.0
    assert info.value.message.endswith("Try again in less than a minute.")
    assert info.value.sentence.values == {"wait": Duration(42.0)}


def test_error_sentences_are_templates_with_their_values() -> None:
    """What the window translates: the template stays whole, the values apart, the English as
    the command line prints it."""
    waited = RateLimitedError(121)
    assert waited.sentence.template == ("Bluesky is limiting how fast this app can act. "
                                        "Try again in {wait}.")
    assert waited.message.endswith("Try again in 3 minutes.")  # rounded up: never too early
    assert RateLimitedError(120).message.endswith("Try again in 2 minutes.")
    refused = XrpcError(400, "InvalidRecord", "Record/text is too long")
    assert refused.sentence == Sentence("Bluesky did not accept that: {description}",
                                        {"description": "Record/text is too long"})
    assert XrpcError(400, "InvalidRecord").sentence == Sentence("Bluesky did not accept that.")
    down = XrpcError(502, "UpstreamFailure")
    named = FeedUnavailableError.of(down, "Cats “and” dogs")
    assert named.sentence.values == {"feed": "Cats “and” dogs"}
    assert named.message == ("The feed “Cats “and” dogs” isn't working right now: its server "
                             "is down or sent something unreadable. Your other feeds are fine.")
    assert FeedUnavailableError.of(down).sentence == Sentence(
        "This feed isn't working right now: its server is down or sent something unreadable. "
        "Your other feeds are fine.")
    too_big = image_problem(b"GIF89a", "image/gif", size=1_500_000)
    assert too_big == Sentence("That image is {size} MB; Bluesky accepts up to {limit} MB.",
                               {"size": Amount(1.5), "limit": 1})
    assert image_problem(PNG, "image/gif") == "That file is not the kind of image its name says."


def test_rate_limit_wait_variants() -> None:
    now = 1_700_000_000.0
    date = "Tue, 14 Nov 2023 22:15:00 GMT"  # now + 100 s
    assert rate_limit_wait(httpx.Headers({"retry-after": date}), now) == pytest.approx(100.0)
    assert rate_limit_wait(httpx.Headers({"ratelimit-reset": "30"}), now) == 30.0
    assert rate_limit_wait(httpx.Headers({"ratelimit-reset": str(int(now) - 5)}), now) == 0.0
    assert rate_limit_wait(httpx.Headers({"retry-after": "soon"}), now) == 60.0
    assert rate_limit_wait(httpx.Headers({}), now) == 60.0


async def test_server_errors_keep_lexicon_name(agent: Agent, pds: FakeHttpServer) -> None:
    pds.route("GET", "/xrpc/app.bsky.actor.getProfile", json_reply(
        {"error": "InvalidRequest", "message": "Profile not found"}, 400))
    with pytest.raises(XrpcError) as info:
        await agent.profile("nobody.test")
    assert info.value.status == 400 and info.value.error == "InvalidRequest"
    assert info.value.message == "Bluesky did not accept that: Profile not found"
    pds.route("GET", "/xrpc/app.bsky.actor.getProfile", Reply(502, b"bad gateway"))
    with pytest.raises(XrpcError) as info:
        await agent.profile("nobody.test")
    assert info.value.status == 502


async def test_unreachable_pds_is_a_network_error(agent: Agent, pds: FakeHttpServer) -> None:
    pds.stop()
    with pytest.raises(NetworkError):
        await agent.timeline()


async def test_create_post_record_shape(agent: Agent, pds: FakeHttpServer) -> None:
    created = {"uri": f"at://{DID}/app.bsky.feed.post/3kabc", "cid": "bafynew"}
    pds.route("POST", "/xrpc/com.atproto.repo.createRecord", json_reply(created))
    pds.route("GET", "/xrpc/com.atproto.identity.resolveHandle", lambda r: (
        json_reply({"did": OTHER}) if r.query["handle"] == ["bob.test"]
        else json_reply({"error": "InvalidRequest", "message": "Unable to resolve"}, 400)))
    blobs = iter(range(10))

    def upload(request: Recorded) -> Reply:
        return json_reply({"blob": {"$type": "blob", "ref": {"$link": f"bafyblob{next(blobs)}"},
                                    "mimeType": request.headers["content-type"],
                                    "size": len(request.body)}})

    pds.route("POST", "/xrpc/com.atproto.repo.uploadBlob", upload)
    parent = PostView(uri=f"at://{OTHER}/app.bsky.feed.post/3kparent", cid="bafyparent",
                      author=Author(OTHER, "bob.test"),
                      text="", created_at="", indexed_at="",
                      reply_root=StrongRef(f"at://{OTHER}/app.bsky.feed.post/3kroot", "bafyroot"))
    text = "hi @bob.test and @ghost.test 🙂 #tag https://example.com"
    ref = await agent.create_post(
        text, reply_to=parent, langs=["en", "ja"],
        images=[ImageUpload(PNG, "image/png", "a png", (4, 3)),
                ImageUpload(JPEG, "image/jpeg", "")])
    assert ref == StrongRef(created["uri"], "bafynew")
    body = json.loads(pds.requests_to("/xrpc/com.atproto.repo.createRecord")[0].body)
    assert body["repo"] == DID and body["collection"] == "app.bsky.feed.post"
    record = body["record"]
    assert record["text"] == text and record["langs"] == ["en", "ja"]
    assert record["createdAt"] == "2023-11-14T22:13:20.000Z"
    assert record["reply"] == {
        "root": {"uri": f"at://{OTHER}/app.bsky.feed.post/3kroot", "cid": "bafyroot"},
        "parent": {"uri": parent.uri, "cid": "bafyparent"}}
    kinds = [f["features"][0]["$type"].split("#")[1] for f in record["facets"]]
    assert kinds == ["mention", "tag", "link"]  # @ghost.test did not resolve: plain text
    encoded = text.encode()
    mention = record["facets"][0]["index"]
    assert encoded[mention["byteStart"]:mention["byteEnd"]] == b"@bob.test"
    assert record["facets"][0]["features"][0]["did"] == OTHER
    images = record["embed"]["images"]
    assert record["embed"]["$type"] == "app.bsky.embed.images"
    assert [i["alt"] for i in images] == ["a png", ""]
    assert images[0]["aspectRatio"] == {"width": 4, "height": 3}
    assert images[0]["image"]["ref"] == {"$link": "bafyblob0"}
    assert images[1]["image"]["mimeType"] == "image/jpeg"
    uploads = pds.requests_to("/xrpc/com.atproto.repo.uploadBlob")
    assert [u.body for u in uploads] == [PNG, JPEG]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"text": "   "}, "Write something or add an image."),
    ({"text": "x" * 301}, "That post is too long: 301 characters, the limit is 300."),
    ({"text": "नमस्ते " * 75 + "क्ष"}, "That post is too long: 301 characters, the limit is 300."),
    ({"text": "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f467" * 121},
     "That post is too long: 3025 bytes, the limit is 3000."),
    ({"text": "hi", "facets": [Facet(0, 5, "tag", "hi")]},
     "The post's links, mentions or tags don't match its text."),
    ({"text": "hi there", "facets": [Facet(0, 2, "link", "hi")]},
     "The post's links, mentions or tags don't match its text."),
    ({"text": "x", "images": [ImageUpload(PNG, "image/png", "")] * 5},
     "A post can have at most 4 images."),
    ({"text": "x", "images": [ImageUpload(JPEG, "image/png", "")]},
     "That file is not the kind of image its name says."),
    ({"text": "x", "images": [ImageUpload(b"GIF89a" + b"\0" * MAX_IMAGE_BYTES, "image/gif", "")]},
     "That image is 1.0 MB; Bluesky accepts up to 1 MB."),
    ({"text": "x", "images": [ImageUpload(b"%PDF", "application/pdf", "")]},
     "Only JPEG, PNG, GIF and WebP images can be attached."),
    ({"text": "x", "langs": ["english"]}, "Choose up to three valid languages."),
    ({"text": "x", "langs": ["en", "de", "fr", "ja"]}, "Choose up to three valid languages."),
])
async def test_bad_posts_are_refused_before_anything_is_sent(
    agent: Agent, pds: FakeHttpServer, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidPostError) as info:
        await agent.create_post(**kwargs)
    assert info.value.message == message
    assert pds.count() == 0


async def test_like_unlike_repost_delete(agent: Agent, pds: FakeHttpServer) -> None:
    counter = iter(range(10))
    pds.route("POST", "/xrpc/com.atproto.repo.createRecord", lambda r: json_reply({
        "uri": f"at://{DID}/{json.loads(r.body)['collection']}/rk{next(counter)}", "cid": "c"}))
    pds.route("POST", "/xrpc/com.atproto.repo.deleteRecord", json_reply({}))
    subject = StrongRef(f"at://{OTHER}/app.bsky.feed.post/3kx", "bafyx")
    like = await agent.like(subject)
    repost = await agent.repost(subject)
    assert like == f"at://{DID}/app.bsky.feed.like/rk0"
    assert repost == f"at://{DID}/app.bsky.feed.repost/rk1"
    created = [json.loads(r.body) for r in pds.requests_to("/xrpc/com.atproto.repo.createRecord")]
    assert created[0]["record"]["subject"] == {"uri": subject.uri, "cid": "bafyx"}
    assert created[1]["record"]["$type"] == "app.bsky.feed.repost"
    await agent.unlike(like)
    await agent.unrepost(repost)
    await agent.delete_post(f"at://{DID}/app.bsky.feed.post/3kmine")
    deleted = [json.loads(r.body) for r in pds.requests_to("/xrpc/com.atproto.repo.deleteRecord")]
    assert [(d["collection"], d["rkey"]) for d in deleted] == [
        ("app.bsky.feed.like", "rk0"), ("app.bsky.feed.repost", "rk1"),
        ("app.bsky.feed.post", "3kmine")]
    for bad in (f"at://{OTHER}/app.bsky.feed.post/3k", f"at://{DID}/app.bsky.feed.like/3k",
                "https://example.com/x", f"at://{DID}/app.bsky.feed.post"):
        with pytest.raises(InvalidPostError):
            await agent.delete_post(bad)
    assert len(pds.requests_to("/xrpc/com.atproto.repo.deleteRecord")) == 3


async def test_upload_blob_size_mismatch_is_refused(agent: Agent, pds: FakeHttpServer) -> None:
    pds.route("POST", "/xrpc/com.atproto.repo.uploadBlob", json_reply(
        {"blob": {"ref": {"$link": "bafy"}, "mimeType": "image/png", "size": 1}}))
    with pytest.raises(ResponseFormatError):
        await agent.upload_blob(PNG, "image/png")


async def test_thread_with_deleted_parent_and_blocked_reply(
    agent: Agent, pds: FakeHttpServer
) -> None:
    thread = {"thread": {
        "$type": "app.bsky.feed.defs#threadViewPost", "post": post_json(2),
        "parent": {"$type": "app.bsky.feed.defs#notFoundPost", "uri": post_json(1)["uri"],
                   "notFound": True},
        "replies": [{"$type": "app.bsky.feed.defs#threadViewPost", "post": post_json(3)},
                    {"$type": "app.bsky.feed.defs#blockedPost", "uri": post_json(4)["uri"],
                     "blocked": True, "author": {"did": OTHER}}]}}
    pds.route("GET", "/xrpc/app.bsky.feed.getPostThread", json_reply(thread))
    node = await agent.post_thread(post_json(2)["uri"])
    assert node.post is not None and node.post.text == "post 2"
    assert node.parent is not None and node.parent.unavailable == "Deleted post"
    assert [r.post.text if r.post else r.unavailable for r in node.replies] == [
        "post 3", "Blocked post"]


def test_image_problem_and_at_uri() -> None:
    assert image_problem(PNG, "image/png") is None
    assert image_problem(b"RIFF\0\0\0\0WEBPVP8 ", "image/webp") is None
    assert image_problem(PNG, "image/jpeg") is not None
    assert AtUri.parse(f"at://{DID}/app.bsky.feed.post/3k") == AtUri(DID, "app.bsky.feed.post",
                                                                     "3k")
    with pytest.raises(InvalidPostError):
        AtUri.parse("at://alice.test/app.bsky.feed.post/3k")


def test_image_upload_repr_hides_bytes() -> None:
    text = repr(ImageUpload(PNG, "image/png", "alt"))
    assert "\\x89" not in text and "108 bytes" in text


async def test_a_reply_to_a_post_the_appview_has_not_indexed_uses_the_pds_record(
    agent: Agent, pds: FakeHttpServer
) -> None:
    uri = f"at://{OTHER}/app.bsky.feed.post/3kparent"
    root = {"uri": f"at://{OTHER}/app.bsky.feed.post/3kroot", "cid": "bafyroot"}
    pds.route("GET", "/xrpc/app.bsky.feed.getPosts", json_reply({"posts": []}))
    pds.route("GET", "/xrpc/com.atproto.repo.getRecord", json_reply({
        "uri": uri, "cid": "bafyparent",
        "value": {"$type": "app.bsky.feed.post", "text": "just written",
                  "createdAt": "2026-12-05T10:00:00.000Z",
                  "reply": {"root": root, "parent": root}}}))
    parent = await agent.reply_target(uri)
    assert parent.ref == StrongRef(uri, "bafyparent")
    assert parent.reply_root == StrongRef(root["uri"], root["cid"])
    assert parent.author.did == OTHER and parent.author.handle == "handle.invalid"
    asked = pds.requests_to("/xrpc/com.atproto.repo.getRecord")[0].query
    assert asked == {"repo": [OTHER], "collection": ["app.bsky.feed.post"], "rkey": ["3kparent"]}

    pds.route("GET", "/xrpc/app.bsky.feed.getPosts", json_reply({"posts": [post_json(1)]}))
    assert (await agent.reply_target(post_json(1)["uri"])).author.handle == "alice.test"

    pds.route("GET", "/xrpc/app.bsky.feed.getPosts", json_reply({"posts": []}))
    pds.route("GET", "/xrpc/com.atproto.repo.getRecord", json_reply({
        "uri": uri, "cid": "bafylike", "value": {"$type": "app.bsky.feed.like"}}))
    with pytest.raises(XrpcError) as info:
        await agent.reply_target(uri)
    assert info.value.status == 404
