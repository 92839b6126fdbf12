"""Home as the account set it up, with the real app under Xvfb on the full network: a custom
feed (a real feed generator) and a list pinned beside Following show as tabs in the account's
order; the keyboard switches to the feed (its generator's posts) and moves it first; the order
is what `getPreferences` returns and what the next launch opens with."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from tests.support.app_process import PAINTED, running_app
from tests.support.cli import cli, ok
from tests.support.harness import PdsNetwork
from tests.support.launches import ROOT, Household, log_of, quit_with_keys, signed_in_env
from tests.support.person import Person
from tests.support.secret_service import SecretService
from tests.support.seed import Writer, word_feed

APP = [sys.executable, "-m", "desktop_app"]
SAVED_V2 = "app.bsky.actor.defs#savedFeedsPrefV2"
pytestmark = pytest.mark.fullnetwork


def tabs(names: str) -> re.Pattern[str]:
    return re.compile(rf"home tabs: {re.escape(names)}$", re.MULTILINE)


def painted(uri: str) -> re.Pattern[str]:
    return re.compile(rf"feed tab painted (\d+\.\d+) s after it was opened: (\d+) posts, "
                      rf"{re.escape(uri)}")


def test_pinned_feeds_are_home_tabs_in_the_accounts_order(
    full_network: PdsNetwork, secret_service: SecretService, person: Person, tmp_path: Path,
) -> None:
    net = full_network
    household = Household.seeded(net)
    reader = household.reader
    feed = word_feed(net, "zebras", "Zebra sightings", "a {word} at the crossing").uri
    as_reader = Writer(net, reader)
    friends, _ = as_reader.create("app.bsky.graph.list", {
        "name": "Friends", "purpose": "app.bsky.graph.defs#curatelist"})
    as_reader.create("app.bsky.graph.listitem", {"subject": household.friend.did,
                                                 "list": friends})
    env = signed_in_env(net, secret_service, tmp_path / "profile", person, reader)
    ok(cli(env, "pin", feed))
    ok(cli(env, "pin", friends))

    log = log_of(env)
    with running_app(APP, env, log, cwd=ROOT, started="app started with 1 account(s)",
                     quit_with=quit_with_keys(person)) as app:
        app.wait_for(tabs("Following, Zebra sightings, Friends"), "the pinned feeds as tabs")
        person.focus()
        person.key("ctrl+Next")  # the next tab: the custom feed
        shown = app.wait_for(painted(feed), "the custom feed's posts", timeout=30)
        assert int(shown.group(2)) == 1, shown.group(0)
        person.screenshot("home-feeds-1-custom-feed.png")
        person.key("ctrl+shift+Prior")  # move it first
        app.wait_for(tabs("Zebra sightings, Following, Friends"), "the feed moved first")
        person.key("ctrl+Next", "ctrl+Next")  # Following, then the list
        app.wait_for(painted(friends), "the list's posts", timeout=30)
        person.screenshot("home-feeds-2-moved.png")

    stored = as_reader.query("app.bsky.actor.getPreferences")["preferences"]
    v2 = [p for p in stored if p["$type"] == SAVED_V2]
    assert [i["value"] for i in v2[0]["items"] if i["pinned"]] == [feed, "following", friends]

    with running_app(APP, env, log, cwd=ROOT, started="app started with 1 account(s)",
                     quit_with=quit_with_keys(person)) as app:
        app.wait_for(tabs("Zebra sightings, Following, Friends"), "the order, after a restart")
        app.wait_for(painted(feed), "the first tab shown by itself", timeout=30)

    # The feed's generator goes down: its tab keeps what it showed and says why; the other
    # tabs work.
    net.set_feed_state(feed, "offline")
    try:
        with running_app(APP, env, log, cwd=ROOT, started="app started with 1 account(s)",
                         quit_with=quit_with_keys(person)) as app:
            app.wait_for("feed Zebra sightings: showing what was kept", "the feed's kept page")
            person.screenshot("home-feeds-3-generator-down.png")
            person.focus()
            person.key("ctrl+Next")
            app.wait_for(PAINTED, "Following, working meanwhile", timeout=30)
    finally:
        net.set_feed_state(feed, "up")
