"""A custom feed's page, keyboard only, in the real app under Xvfb on the full network: Ctrl+I
on its Home tab opens it, Alt+L likes the feed (the AppView has the like), Alt+P unpins it
(Home is Following alone at once, and after a restart; the feed stays saved)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from tests.support.app_process import running_app
from tests.support.cli import cli, ok
from tests.support.harness import PdsNetwork
from tests.support.launches import ROOT, Household, log_of, quit_with_keys, signed_in_env
from tests.support.person import Person
from tests.support.secret_service import SecretService
from tests.support.seed import Writer, word_feed
from tests.support.waiting import wait_until

APP = [sys.executable, "-m", "desktop_app"]
SAVED_V2 = "app.bsky.actor.defs#savedFeedsPrefV2"
pytestmark = pytest.mark.fullnetwork


def test_a_feed_page_from_its_tab_likes_and_unpins_it(
    full_network: PdsNetwork, secret_service: SecretService, person: Person, tmp_path: Path,
) -> None:
    net = full_network
    household = Household.seeded(net)
    reader = household.reader
    feed = word_feed(net, "herons", "Heron watch", "a {word} by the river").uri
    env = signed_in_env(net, secret_service, tmp_path / "profile", person, reader)
    ok(cli(env, "pin", feed))
    as_reader = Writer(net, reader)

    def liked() -> bool:
        view = as_reader.query("app.bsky.feed.getFeedGenerator", {"feed": feed})["view"]
        return bool(view.get("viewer", {}).get("like"))

    log = log_of(env)
    with running_app(APP, env, log, cwd=ROOT, started="app started with 1 account(s)",
                     quit_with=quit_with_keys(person)) as app:
        app.wait_for(re.compile(r"home tabs: Following, Heron watch$", re.MULTILINE),
                     "the feed's tab")
        person.focus()
        person.key("ctrl+Next", "ctrl+i")
        app.wait_for("feed page: first page of 1", "the feed's page with its post", timeout=30)
        person.key("alt+l")
        wait_until(liked, "the feed liked on the AppView", timeout=30, interval=0.5)
        person.screenshot("feed-page-liked.png")
        person.key("alt+p")
        app.wait_for(re.compile(r"home tabs: Following$", re.MULTILINE), "unpinned at once")
        person.key("Escape")  # back to Home

    with running_app(APP, env, log, cwd=ROOT, started="app started with 1 account(s)",
                     quit_with=quit_with_keys(person)) as app:
        app.wait_for(re.compile(r"home tabs: Following$", re.MULTILINE), "after a restart")
    stored = as_reader.query("app.bsky.actor.getPreferences")["preferences"]
    [v2] = [p for p in stored if p["$type"] == SAVED_V2]
    assert [(i["value"], i["pinned"]) for i in v2["items"]] == [("following", True),
                                                                 (feed, False)]
