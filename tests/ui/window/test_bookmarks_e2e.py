"""Bookmarks as people use them, with the keyboard alone: the real app under Xvfb on the full
network; `b` on a post in the home timeline bookmarks it (the account has it: the command line
lists it), Ctrl+4 opens Bookmarks with it, `b` there takes it back; the next launch shows none."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.support.app_process import PAINTED, running_app
from tests.support.cli import cli, ok
from tests.support.harness import PdsNetwork
from tests.support.launches import ROOT, Household, log_of, quit_with_keys, signed_in_env
from tests.support.person import Person
from tests.support.secret_service import SecretService
from tests.support.waiting import wait_until

APP = [sys.executable, "-m", "desktop_app"]
pytestmark = pytest.mark.fullnetwork


def test_bookmark_a_post_and_find_it_in_bookmarks(
    full_network: PdsNetwork, secret_service: SecretService, person: Person, tmp_path: Path,
) -> None:
    household = Household.seeded(full_network)
    env = signed_in_env(full_network, secret_service, tmp_path / "profile", person,
                        household.reader)

    def bookmarked() -> list[str]:
        return [p["uri"] for p in json.loads(ok(cli(env, "bookmarks", "--json")))]

    log = log_of(env)
    with running_app(APP, env, log, cwd=ROOT, started="app started with 1 account(s)",
                     quit_with=quit_with_keys(person)) as app:
        top = app.wait_for(PAINTED, "the home timeline", timeout=30).group(3)
        person.focus()
        person.key("j", "b")  # the first post, bookmarked
        wait_until(lambda: bookmarked() == [top], "the bookmark on the account", timeout=30,
                   interval=0.5)
        person.key("ctrl+4")
        app.wait_for("bookmarks: first page of 1", "Bookmarks, with the post", timeout=30)
        person.screenshot("bookmarks-1-saved.png")
        person.key("j", "b")  # taken back from the Bookmarks list
        wait_until(lambda: bookmarked() == [], "the bookmark removed", timeout=30,
                   interval=0.5)

    with running_app(APP, env, log, cwd=ROOT, started="app started with 1 account(s)",
                     quit_with=quit_with_keys(person)) as app:
        app.wait_for(PAINTED, "the home timeline", timeout=30)
        person.focus()
        person.key("ctrl+4")
        app.wait_for("bookmarks: first page of 0", "Bookmarks, empty", timeout=30)
