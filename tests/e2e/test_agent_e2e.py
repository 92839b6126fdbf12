"""The agent against the full network (PDS + AppView): posts, facets, images, likes, paging."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

from desktop_app.app import agent_for
from desktop_app.atproto import is_loopback_host
from desktop_app.atproto.oauth import OAuthClient
from desktop_app.bsky import Agent, FeedItem, ImageUpload, PostView, ThreadNode
from tests.support.harness import Account, PdsNetwork
from tests.support.images import png
from tests.support.oauth import oauth_client, pds_client, sign_in
from tests.support.seed import new_account
from tests.support.waiting import eventually

pytestmark = pytest.mark.fullnetwork


@dataclass(frozen=True)
class User:
    account: Account
    agent: Agent
    client: OAuthClient  # for raw XRPC seeding


@pytest.fixture
async def users(full_network: PdsNetwork) -> AsyncIterator[dict[str, User]]:
    """Alice and Bob, fresh for each test: no test sees another's follows, likes or posts."""
    async with AsyncExitStack() as stack:
        out = {}
        for name in ("alice", "bob"):
            account = new_account(full_network, name)
            client, _ = await stack.enter_async_context(oauth_client(full_network))
            session = await sign_in(client, account)
            out[name] = User(account, agent_for(client, session.did), client)
        yield out


async def find(agent: Agent, actor: str, uri: str) -> PostView | None:
    page = await agent.author_feed(actor, limit=50)
    return next((i.post for i in page.items if i.post.uri == uri and not i.reposted_by), None)


async def test_post_with_facets_reaches_author_feed_and_follower_timeline(
    users: dict[str, User],
) -> None:
    alice, bob = users["alice"].agent, users["bob"].agent
    bob_handle = users["bob"].account.handle
    follow = await bob.follow(alice.did)
    text = (f"héllo @{bob_handle} 👩‍👩‍👧 日本語のテキスト #日本 "
            "https://example.com/päth?q=1 🇯🇵 done")
    ref = await alice.create_post(text, langs=["en", "ja"])
    post = await eventually(lambda: find(alice, alice.did, ref.uri), "the post in alice's feed",
                            interval=0.2)
    assert post.text == text and post.langs == ("en", "ja")
    encoded = text.encode("utf-8")
    spans = {f.kind: (encoded[f.byte_start:f.byte_end].decode(), f.value) for f in post.facets}
    assert spans == {
        "mention": (f"@{bob_handle}", bob.did),
        "tag": ("#日本", "日本"),
        "link": ("https://example.com/päth?q=1", "https://example.com/päth?q=1"),
    }

    async def in_timeline() -> FeedItem | None:
        page = await bob.timeline(limit=50)
        return next((i for i in page.items if i.post.uri == ref.uri), None)

    item = await eventually(in_timeline, "the post in bob's timeline", interval=0.2)
    assert item.post.author.did == alice.did and item.post.text == text
    await bob.unfollow(follow)
    await alice.delete_post(ref.uri)
    await eventually(lambda: _gone(alice, ref.uri), "the deleted post to leave the feed",
                     interval=0.2)


async def _gone(agent: Agent, uri: str) -> bool:
    return await find(agent, agent.did, uri) is None


async def test_images_upload_with_alt_text_and_reply_keeps_thread(
    users: dict[str, User],
) -> None:
    alice, bob = users["alice"].agent, users["bob"].agent
    images = [ImageUpload(png(40, 30), "image/png", "an orange rectangle", (40, 30)),
              ImageUpload(png(10, 20, (0, 0, 255)), "image/png", "")]
    ref = await alice.create_post("two pictures", images=images)
    post = await eventually(lambda: find(alice, alice.did, ref.uri), "the image post", interval=0.2)
    assert [i.alt for i in post.images] == ["an orange rectangle", ""]
    assert post.images[0].aspect_ratio == (40, 30)
    # Served by the AppView on loopback (the harness sets its publicUrl; nothing leaves the host).
    hosts = {urlsplit(url).hostname or "" for i in post.images for url in (i.thumb, i.fullsize)}
    assert hosts and all(is_loopback_host(h) for h in hosts), hosts

    reply = await bob.create_post("nice", reply_to=post)
    thread = await eventually(lambda: _thread_with_reply(bob, ref.uri), "the reply in the thread",
                              interval=0.2)
    assert [r.post.uri for r in thread.replies if r.post] == [reply.uri]
    nested = await bob.create_post("and again", reply_to=thread.replies[0].post)
    deep = await eventually(lambda: _thread_with_reply(bob, reply.uri), "the nested reply",
                            interval=0.2)
    assert deep.replies[0].post is not None and deep.replies[0].post.uri == nested.uri
    assert deep.replies[0].post.reply_root is not None
    assert deep.replies[0].post.reply_root.uri == ref.uri  # the root stays the first post


async def _thread_with_reply(agent: Agent, uri: str) -> ThreadNode | None:
    thread = await agent.post_thread(uri)
    return thread if thread.replies else None


async def test_like_and_repost_round_trip(users: dict[str, User]) -> None:
    alice, bob = users["alice"].agent, users["bob"].agent
    ref = await alice.create_post("like me")
    post = await eventually(lambda: find(bob, alice.did, ref.uri), "the post", interval=0.2)
    assert post.like_count == 0 and post.viewer_like is None
    like = await bob.like(post.ref)
    repost = await bob.repost(post.ref)

    async def counted() -> PostView | None:
        seen = await find(bob, alice.did, ref.uri)
        return seen if seen and seen.like_count == 1 and seen.repost_count == 1 else None

    seen = await eventually(counted, "like and repost counts", interval=0.2)
    assert seen.viewer_like == like and seen.viewer_repost == repost
    page = await bob.author_feed(bob.did)
    assert any(i.post.uri == ref.uri and i.reposted_by and i.reposted_by.did == bob.did
               for i in page.items)
    await bob.unlike(like)
    await bob.unrepost(repost)

    async def uncounted() -> PostView | None:
        seen = await find(bob, alice.did, ref.uri)
        return seen if seen and seen.like_count == 0 and seen.repost_count == 0 else None

    seen = await eventually(uncounted, "counts back to zero", interval=0.2)
    assert seen.viewer_like is None and seen.viewer_repost is None
    profile = await bob.profile(alice.did)
    assert profile.handle == users["alice"].account.handle and profile.posts_count == 1


async def test_pagination_over_260_posts_returns_each_once(
    users: dict[str, User],
) -> None:
    alice, client = users["alice"].agent, users["alice"].client
    marker = f"page-run-{time.time_ns()}"
    # Seeding through applyWrites (200 per call) keeps this test fast; the posts are real records.
    session = await client.get_session(alice.did)
    wanted = 260
    async with pds_client(client, session) as xrpc:
        for start in range(0, wanted, 200):
            writes = [{"$type": "com.atproto.repo.applyWrites#create",
                       "collection": "app.bsky.feed.post",
                       "value": {"$type": "app.bsky.feed.post", "text": f"{marker} {n}",
                                 "createdAt": f"2026-01-01T00:{n // 60:02d}:{n % 60:02d}.000Z"}}
                      for n in range(start, min(start + 200, wanted))]
            r = await xrpc.post("/xrpc/com.atproto.repo.applyWrites",
                                json={"repo": alice.did, "writes": writes})
            assert r.status_code == 200, r.text

    async def all_pages() -> list[str] | None:
        seen: list[str] = []
        cursors: list[str] = []
        cursor = None
        while True:
            page = await alice.author_feed(alice.did, cursor=cursor, limit=100)
            seen += [i.post.text for i in page.items if i.post.text.startswith(marker)]
            if page.cursor is None or not page.items:
                break
            assert page.cursor not in cursors  # the server never hands a cursor back twice
            cursors.append(page.cursor)
            cursor = page.cursor
        return seen if len(set(seen)) >= wanted else None

    texts = await eventually(all_pages, "all seeded posts to be indexed", timeout=60,
                             interval=0.2)
    assert len(texts) == wanted
    assert sorted(texts) == sorted(f"{marker} {n}" for n in range(wanted))
