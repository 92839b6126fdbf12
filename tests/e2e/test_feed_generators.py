"""The full network's custom feeds (`PdsNetwork.create_feed`): a real feed generator per feed,
its record published by an account, served through the AppView as any feed is — and made to
fail on demand."""

from __future__ import annotations

import secrets
from typing import Any

import httpx
import pytest

from tests.support.harness import Account, FeedState, PdsNetwork
from tests.support.seed import Writer, indexed, new_account

pytestmark = pytest.mark.fullnetwork


def appview(net: PdsNetwork, nsid: str, **params: Any) -> httpx.Response:
    """An unauthenticated call to the AppView (signed out)."""
    assert net.appview_url is not None
    with httpx.Client(trust_env=False, timeout=30) as http:
        return http.get(f"{net.appview_url}/xrpc/{nsid}", params=params)


def through_pds(net: PdsNetwork, viewer: Account, nsid: str, **params: Any) -> httpx.Response:
    """A call as `viewer` (password session) to its PDS, which hands it to the AppView."""
    with httpx.Client(trust_env=False, timeout=30) as http:
        session = http.post(f"{net.pds_url}/xrpc/com.atproto.server.createSession",
                            json={"identifier": viewer.did, "password": viewer.password})
        session.raise_for_status()
        return http.get(f"{net.pds_url}/xrpc/{nsid}", params=params,
                        headers={"authorization": f"Bearer {session.json()['accessJwt']}"})


def uris(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["post"]["uri"] for item in response.json()["feed"]]


def test_a_feed_is_online_and_serves_the_newest_posts_with_its_word(
        full_network: PdsNetwork) -> None:
    net = full_network
    owner, author, viewer = (new_account(net, n) for n in ("feedowner", "feedauthor", "reader"))
    word = f"zebra{secrets.token_hex(3)}"
    writer = Writer(net, author)
    first, _ = writer.post(f"the first {word} post")
    writer.post("nothing to see here")
    second, _ = writer.post(f"ANOTHER {word.upper()}!")
    indexed(net, author.did, second)

    feed = net.create_feed(owner, "zebras", "Zebra sightings", description="Posts with a word",
                           contains=word)

    assert feed == f"at://{owner.did}/app.bsky.feed.generator/zebras"
    info = appview(net, "app.bsky.feed.getFeedGenerator", feed=feed)
    assert info.status_code == 200, info.text
    assert info.json()["isOnline"] is True
    assert info.json()["isValid"] is True
    view = info.json()["view"]
    assert (view["uri"], view["displayName"], view["description"]) == (
        feed, "Zebra sightings", "Posts with a word")
    assert view["creator"]["did"] == owner.did
    assert view["did"].startswith("did:plc:")  # the generator's own identity

    assert uris(appview(net, "app.bsky.feed.getFeed", feed=feed)) == [second, first]
    page = appview(net, "app.bsky.feed.getFeed", feed=feed, limit=1)
    assert uris(page) == [second]
    rest = appview(net, "app.bsky.feed.getFeed", feed=feed, limit=1, cursor=page.json()["cursor"])
    assert uris(rest) == [first]
    assert "cursor" not in rest.json()

    # Signed in, through the PDS (as the app reads it): the generator is told who asks.
    assert uris(through_pds(net, viewer, "app.bsky.feed.getFeed", feed=feed)) == [second, first]
    requests = net.feed_requests(feed)
    assert [(r.limit, r.cursor, r.viewer) for r in requests] == [
        (50, None, None), (1, None, None), (1, "1", None), (50, None, viewer.did)]


def test_a_feed_serves_the_posts_or_authors_a_test_names(full_network: PdsNetwork) -> None:
    net = full_network
    owner, ann, ben = (new_account(net, n) for n in ("listowner", "ann", "ben"))
    ann_post, _ = Writer(net, ann).post("ann writes")
    ben_writer = Writer(net, ben)
    ben_old, _ = ben_writer.post("ben writes")
    ben_new, _ = ben_writer.post("ben again")
    indexed(net, ann.did, ann_post)
    indexed(net, ben.did, ben_new)

    feed = net.create_feed(owner, "picks", "Picks", posts=[ben_old, ann_post])
    assert uris(appview(net, "app.bsky.feed.getFeed", feed=feed)) == [ben_old, ann_post]

    net.set_feed(feed, authors=[ben.did])
    assert uris(appview(net, "app.bsky.feed.getFeed", feed=feed)) == [ben_new, ben_old]

    net.set_feed(feed, posts=[])
    assert uris(appview(net, "app.bsky.feed.getFeed", feed=feed)) == []


@pytest.mark.parametrize("state", ["error", "invalid", "offline", "stall"])
def test_a_downed_generator_makes_get_feed_fail(full_network: PdsNetwork,
                                                state: FeedState) -> None:
    net = full_network
    owner, viewer = new_account(net, "downowner"), new_account(net, "downreader")
    post, _ = Writer(net, owner).post("served while up")
    indexed(net, owner.did, post)
    feed = net.create_feed(owner, "flaky", "Flaky", posts=[post])
    assert uris(appview(net, "app.bsky.feed.getFeed", feed=feed)) == [post]

    net.set_feed_state(feed, state)

    down = appview(net, "app.bsky.feed.getFeed", feed=feed)
    assert down.status_code == 502, down.text
    assert down.json()["error"] == {
        "error": "InternalServerError", "invalid": "InvalidFeedResponse",
        "offline": "UpstreamFailure", "stall": "UpstreamFailure"}[state]
    if state != "stall":  # each stalled read costs the AppView's 5 s skeleton timeout
        assert through_pds(net, viewer, "app.bsky.feed.getFeed", feed=feed).status_code == 502
    # This AppView does not ask the generator: the record still says online and valid.
    info = appview(net, "app.bsky.feed.getFeedGenerator", feed=feed)
    assert (info.json()["isOnline"], info.json()["isValid"]) == (True, True)

    net.set_feed_state(feed, "up")
    assert uris(appview(net, "app.bsky.feed.getFeed", feed=feed)) == [post]
