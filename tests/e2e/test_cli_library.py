"""Saved feeds, lists and bookmarks from the command line against the reference PDS and
AppView: pinning writes the preference back with every other one intact (a type this app does
not know included), `feeds`/`lists`/`feed`/`bookmarks` print the contract's keys."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.support.cli import cli, cli_env, ok, one_sentence
from tests.support.harness import PdsNetwork
from tests.support.secret_service import SecretService
from tests.support.seed import Writer, indexed, new_account, word_feed
from tests.support.waiting import wait_until

pytestmark = pytest.mark.fullnetwork
SAVED_V2 = "app.bsky.actor.defs#savedFeedsPrefV2"
FUTURE = {"$type": "app.bsky.actor.defs#aPreferenceFromTheFuture", "keep": {"deep": [1, "two"]}}
TIMELINE_KEYS = {"uri", "cid", "author", "text", "created_at", "reply_to"}


def test_pin_a_list_keep_the_other_preferences_and_read_it(
    full_network: PdsNetwork, secret_service: SecretService, tmp_path: Path,
) -> None:
    net = full_network
    alice, bob = new_account(net, "alice"), new_account(net, "bob")
    as_alice, as_bob = Writer(net, alice), Writer(net, bob)
    adult = {"$type": "app.bsky.actor.defs#adultContentPref", "enabled": True}
    as_alice.procedure("app.bsky.actor.putPreferences", {"preferences": [adult, FUTURE]})
    friends, _ = as_alice.create("app.bsky.graph.list", {
        "name": "Friends", "purpose": "app.bsky.graph.defs#curatelist"})
    as_alice.create("app.bsky.graph.listitem", {"subject": bob.did, "list": friends})
    bob_post, _ = as_bob.post(f"bob on the list {time.time_ns()}")
    indexed(net, bob.did, bob_post)
    env = cli_env(net, tmp_path / "profile", secret_service, alice, tmp_path / "driver.log")
    ok(cli(env, "login", alice.handle, "--timeout", "60"))

    before = json.loads(ok(cli(env, "feeds", "--json")))
    assert [(f["type"], f["uri"], f["pinned"], f["name"], f["creator"]) for f in before] == [
        ("timeline", "following", True, "Following", None)]
    assert "Pinned" in ok(cli(env, "pin", friends))
    assert "already pinned" in ok(cli(env, "pin", friends))
    after = json.loads(ok(cli(env, "feeds", "--json")))
    assert [(f["type"], f["uri"], f["pinned"], f["name"], f["creator"]) for f in after] == [
        ("timeline", "following", True, "Following", None),
        ("list", friends, True, "Friends", alice.handle)]
    assert set(after[1]) == {"id", "type", "uri", "pinned", "name", "creator"}

    stored = as_alice.query("app.bsky.actor.getPreferences")["preferences"]
    assert adult in stored and FUTURE in stored  # untouched by the write
    v2 = [p for p in stored if p["$type"] == SAVED_V2]
    assert len(v2) == 1 and [i["value"] for i in v2[0]["items"]] == ["following", friends]

    assert "stays saved" in ok(cli(env, "unpin", "following"))
    reordered = json.loads(ok(cli(env, "feeds", "--json")))
    assert [(f["uri"], f["pinned"]) for f in reordered] == [(friends, True), ("following", False)]
    assert FUTURE in as_alice.query("app.bsky.actor.getPreferences")["preferences"]

    lists = json.loads(ok(cli(env, "lists", "--json")))
    assert lists == [{"uri": friends, "name": "Friends",
                      "purpose": "app.bsky.graph.defs#curatelist", "members": 1}]

    def list_feed() -> list[dict[str, object]] | None:
        posts = json.loads(ok(cli(env, "feed", friends, "--limit", "5", "--json")))
        return posts or None

    posts = wait_until(list_feed, "the list's feed", timeout=60, interval=0.5)
    assert posts[0]["uri"] == bob_post and set(posts[0]) >= TIMELINE_KEYS


def test_bookmark_round_trip(
    full_network: PdsNetwork, secret_service: SecretService, tmp_path: Path,
) -> None:
    net = full_network
    alice, bob = new_account(net, "alice"), new_account(net, "bob")
    post, _ = Writer(net, bob).post(f"worth keeping {time.time_ns()}")
    indexed(net, bob.did, post)
    env = cli_env(net, tmp_path / "profile", secret_service, alice, tmp_path / "driver.log")
    ok(cli(env, "login", alice.handle, "--timeout", "60"))

    assert json.loads(ok(cli(env, "bookmarks", "--json"))) == []
    ok(cli(env, "bookmark", post))
    kept = json.loads(ok(cli(env, "bookmarks", "--json")))
    assert [p["uri"] for p in kept] == [post] and set(kept[0]) >= TIMELINE_KEYS
    ok(cli(env, "unbookmark", post))
    assert json.loads(ok(cli(env, "bookmarks", "--json"))) == []

    assert "not a link to a post" in one_sentence(
        cli(env, "bookmark", "https://example.com/not-a-post"))
    assert "not the at:// address of a feed or a list" in one_sentence(
        cli(env, "pin", f"at://{bob.did}/app.bsky.feed.post/3k2a"))


def test_a_custom_feed_pinned_read_and_down(
    full_network: PdsNetwork, secret_service: SecretService, tmp_path: Path,
) -> None:
    net = full_network
    alice = new_account(net, "alice")
    zebras = word_feed(net, "zebras", "Zebra sightings", "a {word} crossed the road")
    feed, owner, post = zebras.uri, zebras.owner, zebras.post
    env = cli_env(net, tmp_path / "profile", secret_service, alice, tmp_path / "driver.log")
    ok(cli(env, "login", alice.handle, "--timeout", "60"))

    ok(cli(env, "pin", feed))
    saved = json.loads(ok(cli(env, "feeds", "--json")))
    assert [(f["type"], f["uri"], f["pinned"], f["name"], f["creator"]) for f in saved] == [
        ("timeline", "following", True, "Following", None),
        ("feed", feed, True, "Zebra sightings", owner.handle)]
    posts = json.loads(ok(cli(env, "feed", feed, "--json")))
    assert [p["uri"] for p in posts] == [post]

    net.set_feed_state(feed, "offline")
    try:
        down = one_sentence(cli(env, "feed", feed))
    finally:
        net.set_feed_state(feed, "up")
    assert "This feed isn't working right now" in down
    ok(cli(env, "timeline", "--limit", "1"))  # the rest works meanwhile
