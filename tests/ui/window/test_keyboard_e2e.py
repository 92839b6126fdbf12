"""The keyboard alone, as a person who uses no mouse: the real app under Xvfb on the full
network, a fresh profile. Sign in (type the handle, Enter), read (j), open a thread (Enter),
like (l) and reply (r, type, Ctrl+Enter) there, back (Escape), open the author's profile (p),
back, write a post (n, type, Ctrl+Enter). No mouse event; each step checked on the server."""

from __future__ import annotations

import json
import re
import secrets
import sys
from pathlib import Path

import pytest

from tests.support.app_process import PAINTED, POSTED, running_app
from tests.support.cli import cli, ok
from tests.support.harness import PdsNetwork
from tests.support.launches import ROOT, Household, app_env, log_of, quit_with_keys
from tests.support.person import Person
from tests.support.secret_service import SecretService
from tests.support.seed import author_feed, indexed
from tests.support.waiting import wait_until

APP = [sys.executable, "-m", "desktop_app"]
pytestmark = pytest.mark.fullnetwork


def test_sign_in_read_like_reply_visit_and_post_with_the_keyboard_alone(
    full_network: PdsNetwork, secret_service: SecretService, person: Person, tmp_path: Path,
) -> None:
    household = Household.seeded(full_network)
    reader = household.reader
    env = app_env(full_network, secret_service, tmp_path / "profile", person, reader)
    reply = f"replied by keyboard {secrets.token_hex(3)}"
    text = f"posted by keyboard {secrets.token_hex(3)}"
    with running_app(APP, env, log_of(env), cwd=ROOT, timeout=60,
                     started="app started with 0 account(s)",
                     quit_with=quit_with_keys(person)) as app:
        person.focus()
        person.type(reader.handle)
        person.key("Return")
        app.wait_for(f"signed in {reader.did}", "the sign-in", timeout=60)
        top = app.wait_for(PAINTED, "the home timeline", timeout=30).group(3)
        person.key("j", "Return")  # the first post's thread
        app.wait_for("thread: first page of", "the thread", timeout=30)
        person.key("l")  # like the post the thread was opened on
        app.wait_for(re.compile(r"sent like at://\S+"), "the like", timeout=30)
        person.key("r")
        person.type(reply)
        person.key("ctrl+Return")
        replied = app.wait_for(POSTED, "the reply", timeout=60).group(1)
        person.screenshot("keyboard-1-thread.png")
        person.key("Escape", "j", "p")  # back home; the author of the post there
        app.wait_for("profile: first page of", "the author's profile", timeout=30)
        person.key("Escape", "n")
        person.type(text)
        person.key("ctrl+Return")
        posts = wait_until(lambda: re.findall(POSTED, app.log_text())[1:], "the post",
                           timeout=60)
        person.screenshot("keyboard-2-posted.png")

    friend = household.friend
    indexed(full_network, reader.did, posts[0])
    feed = author_feed(full_network, reader.did)
    assert feed[replied] == reply and feed[posts[0]] == text
    likes = json.loads(ok(cli(env, "timeline", "--json", "--limit", "10")))
    liked = next(p for p in likes if p["uri"] == top)
    assert liked["like_count"] == 1, liked
    assert friend.did in top
