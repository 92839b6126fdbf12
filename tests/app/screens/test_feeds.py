"""Home's tabs without Qt: the pinned feeds with their names, a screen per tab kept while
others are shown, a move written back with every other preference, a refused write said and
nothing changed."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from desktop_app.app import Moderator
from desktop_app.app.screens import HomeFeeds, Tab, feed_screen
from tests.support.agent import DID, agent_at
from tests.support.http_server import FakeHttpServer, Recorded, Reply, json_reply

FEED = f"at://{DID}/app.bsky.feed.generator/zebras"
LIST = f"at://{DID}/app.bsky.graph.list/friends"
FUTURE = {"$type": "app.bsky.actor.defs#fromTheFuture", "x": [1]}
PREFS = [FUTURE, {"$type": "app.bsky.actor.defs#savedFeedsPrefV2", "items": [
    {"id": "t", "type": "timeline", "value": "following", "pinned": True},
    {"id": "f", "type": "feed", "value": FEED, "pinned": True},
    {"id": "l", "type": "list", "value": LIST, "pinned": True},
    {"id": "s", "type": "feed", "value": f"at://{DID}/app.bsky.feed.generator/saved",
     "pinned": False}]}]
CREATOR = {"did": DID, "handle": "alice.test"}


@pytest.fixture
def pds() -> Iterator[FakeHttpServer]:
    with FakeHttpServer() as server:
        server.route("GET", "/xrpc/app.bsky.actor.getPreferences",
                     json_reply({"preferences": PREFS}))
        server.route("GET", "/xrpc/app.bsky.feed.getFeedGenerators", json_reply({"feeds": [
            {"uri": FEED, "cid": "c1", "did": "did:web:feeds.test", "creator": CREATOR,
             "displayName": "Zebra sightings", "indexedAt": "2026-12-01T00:00:00Z"}]}))
        server.route("GET", "/xrpc/app.bsky.graph.getList", json_reply({
            "list": {"uri": LIST, "cid": "c2", "name": "Friends", "creator": CREATOR,
                     "purpose": "app.bsky.graph.defs#curatelist",
                     "indexedAt": "2026-12-01T00:00:00Z"}, "items": []}))
        yield server


@pytest.fixture
async def feeds(pds: FakeHttpServer) -> AsyncIterator[HomeFeeds]:
    async with agent_at(pds.url) as agent:
        moderator = Moderator(agent)

        def make(item: Any, name: str) -> Any:
            return feed_screen(agent, moderator, item, name)

        home = HomeFeeds(agent, moderator, make)
        yield home
        await home.aclose()


def names(tabs: list[Tab]) -> list[str]:
    return [t.name for t in tabs]


async def test_pinned_feeds_are_the_tabs_with_their_names(feeds: HomeFeeds) -> None:
    shown: list[list[Tab]] = []
    feeds.tabs_changed = shown.append
    assert names(feeds.tabs()) == ["Following"]  # before the account's are read
    await feeds.load()
    assert names(shown[-1]) == ["Following", "Zebra sightings", "Friends"]
    following, zebras, _ = shown[-1]
    assert feeds.screen(following) is None  # the home screen shows Following
    screen = feeds.screen(zebras)
    assert screen is not None and feeds.screen(zebras) is screen  # kept while others show


async def test_a_move_writes_back_every_other_preference(
    feeds: HomeFeeds, pds: FakeHttpServer,
) -> None:
    pds.route("POST", "/xrpc/app.bsky.actor.putPreferences", Reply(200))
    await feeds.load()
    assert await feeds.move(LIST, 0)
    body = json.loads(pds.requests_to("/xrpc/app.bsky.actor.putPreferences")[0].body)
    assert body["preferences"][0] == FUTURE
    v2 = body["preferences"][1]
    assert [i["id"] for i in v2["items"]] == ["l", "t", "f", "s"]
    assert names(feeds.tabs()) == ["Friends", "Following", "Zebra sightings"]


async def test_a_refused_write_is_said_and_changes_nothing(
    feeds: HomeFeeds, pds: FakeHttpServer,
) -> None:
    def refuse(_: Recorded) -> Reply:
        return json_reply({"error": "InternalServerError", "message": "boom"}, 500)

    pds.route("POST", "/xrpc/app.bsky.actor.putPreferences", refuse)
    messages: list[str] = []
    feeds.hooks.message = lambda sentence: messages.append(str(sentence))
    await feeds.load()
    assert not await feeds.pin(FEED, False)
    assert names(feeds.tabs()) == ["Following", "Zebra sightings", "Friends"]
    assert messages and "Try again" in messages[0]
