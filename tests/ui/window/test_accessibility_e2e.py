"""The window as a screen reader reads it (issue 21): the real app under Xvfb on the full
network, its accessible tree walked over AT-SPI (a private accessibility bus and registry,
`tests/support/atspi.py`) once the home timeline has painted and a notification is unread.
Every focusable control that shows has a name; each post of the home timeline reads as its
author's handle and its text; the rail's places are push buttons, the current one said so,
and Notifications says how many are unread; the composer's language box is labelled. The same
in Bookmarks (Ctrl+4), with a post bookmarked from Home; then every control of Accounts
(Ctrl+2) has a name too."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.support.app_process import PAINTED, running_app
from tests.support.atspi import APP_ENV, AtSpiBus, Node
from tests.support.cli import cli, ok
from tests.support.harness import PdsNetwork
from tests.support.launches import ROOT, Household, log_of, quit_with_keys, signed_in_env
from tests.support.person import ARTIFACTS, Person
from tests.support.secret_service import SecretService
from tests.support.waiting import wait_until

APP = [sys.executable, "-m", "desktop_app"]
UNREAD_SOME = re.compile(r"unread notifications: ([1-9]\d*)")
pytestmark = pytest.mark.fullnetwork


def unnamed(tree: Node) -> list[str]:
    """The focusable nodes a reader can reach (showing) that have no name, by path."""
    return [" > ".join(path) for path, node in tree.walk()
            if node.focusable and node.showing and not node.name.strip()]


def row_nodes(tree: Node, list_name: str) -> list[Node]:
    """The rows of the list called `list_name`, which shows."""
    found = [n for _, n in tree.walk() if n.role == "list" and n.name == list_name]
    assert found, f"no list {list_name!r} in the tree"
    (view,) = [n for n in found if n.showing] or found
    assert view.showing, f"the list {list_name!r} is not showing"
    return [child for child in view.children if child.role == "list item"]


def rows(tree: Node, list_name: str) -> list[str]:
    """The accessible names of the rows of the list called `list_name`."""
    return [row.name for row in row_nodes(tree, list_name)]


def assert_posts_read_aloud(names: list[str], posts: list[dict[str, Any]]) -> None:
    """Each post is one row whose name holds its author's handle and its text."""
    assert posts
    for post in posts:
        handle, text = f"@{post['author']['handle']}", post["text"]
        matching = [name for name in names if handle in name and text in name]
        assert len(matching) == 1, (handle, text, names)


def rail(tree: Node) -> list[Node]:
    """The rail's places: push buttons (a place to go, not a box to tick)."""
    places = ("Home", "Notifications", "Search", "Bookmarks", "Profile", "Accounts")
    found = [n for _, n in tree.walk() if n.showing and any(
        n.name.endswith(p) or n.name.startswith(p) for p in places)
        and n.role in ("push button", "toggle button", "check box", "radio button")]
    assert all(n.role == "push button" for n in found), [(n.role, n.name) for n in found]
    return found


def notifications_button(tree: Node) -> Node:
    buttons = [n for n in rail(tree) if n.name.startswith("Notif")]
    assert len(buttons) == 1, [(n.role, n.name) for n in buttons]
    return buttons[0]


def current_place(tree: Node) -> str:
    """The place the rail says is shown (its description says "current place")."""
    (current,) = [n.name for n in rail(tree) if n.description == "current place"]
    return current


def assert_post_language_labelled(tree: Node) -> None:
    """The composer's language box reads as its value (Qt on Linux) and is labelled by the
    visible "Language:" label, which a screen reader says with it."""
    boxes = [n for _, n in tree.walk() if n.role == "combo box" and n.showing
             and any("Language" in label for label in n.labelled_by)]
    assert len(boxes) == 1, [(n.name, n.labelled_by) for _, n in tree.walk()
                             if n.role == "combo box"]


def test_a_screen_reader_reads_the_window(
    full_network: PdsNetwork, secret_service: SecretService, person: Person, atspi: AtSpiBus,
    tmp_path: Path,
) -> None:
    household = Household.seeded(full_network)
    env = signed_in_env(full_network, secret_service, tmp_path / "profile", person,
                        household.reader, **APP_ENV)
    household.notify_reader()
    timeline = json.loads(ok(cli(env, "timeline", "--json")))
    assert {p["uri"] for p in timeline} >= set(household.friend_posts), timeline

    def bookmarked() -> list[str]:
        return [p["uri"] for p in json.loads(ok(cli(env, "bookmarks", "--json")))]

    with running_app(APP, env, log_of(env), cwd=ROOT, started="app started with 1 account(s)",
                     quit_with=quit_with_keys(person)) as app:
        top = app.wait_for(PAINTED, "the home timeline", timeout=30).group(3)
        unread = int(app.wait_for(UNREAD_SOME, "the unread badge", timeout=60).group(1))
        tree = atspi.walk(app.process.pid, save=ARTIFACTS / "accessibility-home.json")

        assert tree.role == "application", tree
        assert not unnamed(tree), unnamed(tree)
        assert_posts_read_aloud(rows(tree, "Home timeline"), timeline)
        hints = {row.description for row in row_nodes(tree, "Home timeline")}
        assert len(hints) == 1 and hints.pop().startswith("Enter opens the thread; L like")
        assert f"{unread} unread" in notifications_button(tree).name
        assert current_place(tree).endswith("Home")
        assert_post_language_labelled(tree)

        person.focus()
        person.key("j", "b")  # the first post, bookmarked
        wait_until(lambda: bookmarked() == [top], "the bookmark on the account", timeout=30,
                   interval=0.5)
        saved = json.loads(ok(cli(env, "bookmarks", "--json")))
        person.key("ctrl+4")
        app.wait_for("bookmarks: first page of 1", "Bookmarks, with the post", timeout=30)
        tree = atspi.walk(app.process.pid, save=ARTIFACTS / "accessibility-bookmarks.json")

        assert not unnamed(tree), unnamed(tree)
        assert_posts_read_aloud(rows(tree, "Bookmarks"), saved)
        assert f"{unread} unread" in notifications_button(tree).name
        assert current_place(tree).endswith("Bookmarks")

        person.key("ctrl+2")
        card = f"Account {household.reader.handle}"
        tree = wait_until(lambda: accounts_shown(atspi, app.process.pid, card),
                          "the Accounts page", timeout=30, interval=0.5)
        assert not unnamed(tree), unnamed(tree)


def accounts_shown(atspi: AtSpiBus, pid: int, card: str) -> Node | None:
    tree = atspi.walk(pid, save=ARTIFACTS / "accessibility-accounts.json")
    found = tree.find("panel", card)
    return tree if found is not None and found.showing else None
