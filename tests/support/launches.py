"""The app as people run it, day after day: a first launch (or a sign-in from the command line),
then launches with the saved account. Shared by the source-tree and the frozen-bundle tests.

Everything is the real thing: the `desktop-app` process on its own qasync `run()`, the X
platform under Xvfb, a private Secret Service, the reference PDS + AppView, keystrokes from a
`Person`. Any ERROR line or traceback in the app's log fails a launch (`running_app`).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.support.app_process import PAINTED, POSTED, UNREAD, AppRun, running_app
from tests.support.cli import cli, ok
from tests.support.harness import Account, PdsNetwork
from tests.support.oauth import browser_command
from tests.support.person import Person
from tests.support.secret_service import SecretService
from tests.support.seed import Writer, author_feed, followers, indexed, new_account
from tests.support.waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]
PAINT_BUDGET = 5.0  # seconds from launch to a painted home timeline, for a returning user


@dataclass
class Household:
    """A reader (the app's user) and a friend the reader follows, fresh on the network."""

    net: PdsNetwork
    reader: Account
    friend: Account
    friend_posts: list[str]

    @classmethod
    def seeded(cls, net: PdsNetwork) -> Household:
        reader, friend = new_account(net, "reader"), new_account(net, "friend")
        Writer(net, reader).follow(friend.did)
        writer = Writer(net, friend)
        posts = [writer.post(f"friend's post {n}")[0] for n in range(3)]
        indexed(net, friend.did, posts[-1])
        return cls(net, reader, friend, posts)

    def notify_reader(self) -> None:
        """Something for the unread badge: the friend follows the reader back, and the AppView
        has indexed it (else the app's first count may rightly be 0)."""
        Writer(self.net, self.friend).follow(self.reader.did)
        wait_until(lambda: self.friend.did in followers(self.net, self.reader.did),
                   "the AppView to index the follow", timeout=60, interval=0.2)


def app_env(net: PdsNetwork, service: SecretService, profile: Path, person: Person,
            account: Account, *, client_id: str | None = None,
            base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment a person's session gives the app: their display, their keychain, their
    browser (the headless driver approving as `account`), this network."""
    profile.mkdir(parents=True, exist_ok=True)
    env = {
        **(base if base is not None else {**os.environ, "PYTHONPATH": str(ROOT)}),
        **service.env, "DISPLAY": person.display, "QT_QPA_PLATFORM": "xcb",
        "DESKTOP_APP_HOME": str(profile), "DESKTOP_APP_PLC_URL": net.plc_url,
        "DESKTOP_APP_HANDLE_RESOLVER": net.pds_url, "DESKTOP_APP_ALLOW_INSECURE_LOOPBACK": "1",
        "BROWSER": browser_command(profile), "DRIVER_LOG": str(profile / "driver.log"),
        "DRIVER_USERNAME": account.handle, "DRIVER_PASSWORD": account.password,
        "XDG_DATA_DIRS": "/usr/share", "XDG_CONFIG_DIRS": "/etc/xdg",
    }
    if client_id:
        env["DESKTOP_APP_CLIENT_ID"] = client_id
    return env


def signed_in_env(net: PdsNetwork, service: SecretService, profile: Path, person: Person,
                  account: Account, **extra: str) -> dict[str, str]:
    """`app_env` (plus `extra` variables) for a profile where `account` has signed in already
    (with the command line, through the same browser)."""
    env = {**app_env(net, service, profile, person, account), **extra}
    ok(cli(env, "login", account.handle))
    return env


def log_of(env: dict[str, str]) -> Path:
    return Path(env["DESKTOP_APP_HOME"]) / "logs" / "desktop-app.log"


def quit_with_keys(person: Person) -> Callable[[AppRun], None]:
    """The window's Quit shortcut, pressed by the person."""
    def press(run: AppRun) -> None:
        person.focus()
        person.key("ctrl+q")
    return press


def sign_in_in_the_window(command: Sequence[str], env: dict[str, str], person: Person,
                          household: Household) -> None:
    """First launch on a fresh profile: type the handle, approve in the browser, see the home
    timeline, quit with the keyboard."""
    with running_app(command, env, log_of(env), cwd=ROOT, timeout=60,
                     started="app started with 0 account(s)",
                     quit_with=quit_with_keys(person)) as app:
        person.focus()
        person.type(household.reader.handle)
        person.key("Return")
        app.wait_for(f"signed in {household.reader.did}", "the sign-in", timeout=60)
        painted = app.wait_for(PAINTED, "the first timeline page", timeout=30)
        assert painted.group(3) in household.friend_posts, painted.group(0)
        person.screenshot("launch-1-signed-in.png")


@dataclass
class Returning:
    """What the returning launches measured."""

    painted_after: float  # seconds from spawn to the painted home timeline (second launch)
    unread: int
    posted: str


def return_post_and_return(command: Sequence[str], env: dict[str, str], person: Person,
                           household: Household, *, shot_prefix: str = "launch") -> Returning:
    """Second launch with the saved account: the home timeline paints by itself within
    `PAINT_BUDGET`, the unread badge shows, a post goes out from the composer; SIGTERM quits it.
    Third launch: the new post is on top of the painted timeline."""
    household.notify_reader()
    log = log_of(env)
    text = f"Back again {secrets.token_hex(4)}"
    with running_app(command, env, log, cwd=ROOT, timeout=60,
                     started="app started with 1 account(s)") as app:
        painted = app.wait_for(PAINTED, "the home timeline, painted with no action", timeout=30)
        painted_after = app.since_spawn()
        assert int(painted.group(2)) >= len(household.friend_posts), painted.group(0)
        assert painted_after <= PAINT_BUDGET, f"painted {painted_after:.2f} s after launch"
        unread = int(app.wait_for(UNREAD, "the unread badge", timeout=60).group(1))
        assert unread >= 1
        person.screenshot(f"{shot_prefix}-2-returned.png")
        person.focus()
        person.key("n")  # compose
        person.type(text)
        person.screenshot(f"{shot_prefix}-2-typed.png")
        person.key("ctrl+Return")
        posted = app.wait_for(POSTED, "the post", timeout=60).group(1)
        person.screenshot(f"{shot_prefix}-2-posted.png")
    indexed(household.net, household.reader.did, posted)
    assert author_feed(household.net, household.reader.did)[posted] == text
    with running_app(command, env, log, cwd=ROOT, timeout=60,
                     started="app started with 1 account(s)",
                     quit_with=quit_with_keys(person)) as app:
        painted = app.wait_for(PAINTED, "the home timeline", timeout=30)
        assert painted.group(3) == posted, painted.group(0)
        person.screenshot(f"{shot_prefix}-3-own-post.png")
    return Returning(painted_after, unread, posted)
