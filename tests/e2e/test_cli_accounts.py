"""The command line on the application layer, against the reference PDS + AppView: login,
accounts, post, timeline, renew, logout; and the CLI posting while the app refreshes."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import pytest

from desktop_app.app import (
    Accounts,
    SignIn,
    SignInFlows,
    agent_for,
    make_core,
    make_oauth_client,
)
from desktop_app.atproto.oauth import SessionEndedError
from desktop_app.bsky import APP_SCOPE, BY_KEY, Agent, PostView, XrpcError
from desktop_app.platform import KeyringSessionStore, KeyringStateStore
from desktop_app.settings import Settings
from tests.fixtures import PdsFactory
from tests.support.cli import cli, cli_env, ok, one_sentence
from tests.support.harness import PdsNetwork
from tests.support.oauth import oauth_client, sign_in
from tests.support.secret_service import SecretService

ROOT = Path(__file__).resolve().parents[2]
T = TypeVar("T")


@pytest.mark.fullnetwork
def test_login_accounts_post_timeline_renew_logout(
    full_network: PdsNetwork, secret_service: SecretService, tmp_path: Path
) -> None:
    net = full_network
    env = cli_env(net, tmp_path / "profile", secret_service, net.alice, tmp_path / "driver.log")
    assert json.loads(ok(cli(env, "accounts", "--json"))) == []
    assert "desktop-app login" in ok(cli(env, "accounts"))

    login = ok(cli(env, "login", "alice.test", "--timeout", "60"))
    assert f"({net.alice.did})" in login
    accounts = json.loads(ok(cli(env, "accounts", "--json")))
    assert len(accounts) == 1
    me = accounts[0]
    assert me["did"] == net.alice.did and me["handle"] == "alice.test"
    assert me["active"] is True and me["state"] == "healthy" and me["reason"] is None
    assert me["issuer"] == net.issuer and me["pds"] == net.pds_url
    # Granted exactly the app's permission scopes: no transition scope on this server.
    assert me["scope"].split() == APP_SCOPE.split()
    assert me["permissions"]["mode"] == "granular" and me["permissions"]["missing"] == []
    assert me["permissions"]["text"].startswith("Post, like, repost, follow")
    assert me["seconds_left"] > 13 * 86400
    for key in ("signed_in_at", "access_expires_at", "session_ends_at"):
        assert me[key].endswith("Z") and "T" in me[key]
    assert "@alice.test" in ok(cli(env, "accounts"))

    text = f"cli {time.time_ns()} hello @bob.test #cli https://example.com/x 🦋"
    draft = json.loads(ok(cli(env, "post", text, "--lang", "en", "--dry-run")))
    assert draft["$type"] == "app.bsky.feed.post" and draft["text"] == text
    kinds = {f["features"][0]["$type"].rsplit("#", 1)[1] for f in draft["facets"]}
    assert kinds == {"mention", "tag", "link"}
    mention = next(f for f in draft["facets"] if "mention" in f["features"][0]["$type"])
    assert mention["features"][0]["did"] == net.bob.did
    start = text.encode().index(b"@bob.test")
    assert mention["index"] == {"byteStart": start, "byteEnd": start + len("@bob.test")}

    posted = json.loads(ok(cli(env, "post", text, "--lang", "en", "--json")))
    assert posted["uri"].startswith(f"at://{net.alice.did}/app.bsky.feed.post/")
    assert posted["cid"]
    reply = json.loads(ok(cli(env, "post", f"reply to {posted['uri']}", "--reply-to",
                              posted["uri"], "--json")))

    deadline = time.monotonic() + 60
    while True:
        items = json.loads(ok(cli(env, "timeline", "--limit", "10", "--json")))
        by_uri = {i["uri"]: i for i in items}
        if posted["uri"] in by_uri and reply["uri"] in by_uri:
            break
        assert time.monotonic() < deadline, "the AppView never showed the posts"
        time.sleep(0.5)
    assert by_uri[posted["uri"]]["text"] == text
    assert by_uri[posted["uri"]]["author"] == {"did": net.alice.did, "handle": "alice.test",
                                                "display_name": ""}
    assert by_uri[posted["uri"]]["reply_to"] is None
    assert by_uri[reply["uri"]]["reply_to"] == posted["uri"]
    assert by_uri[posted["uri"]]["cid"] == posted["cid"]
    # The dry run wrote nothing: only the real post carries the text.
    assert sum(1 for i in items if i["text"] == text) == 1
    assert "alice.test" in ok(cli(env, "timeline", "--limit", "3"))

    renewed = ok(cli(env, "renew", "alice.test"))
    assert "Renewed @alice.test" in renewed
    assert json.loads(ok(cli(env, "accounts", "--json")))[0]["state"] == "healthy"

    assert "Signed out @alice.test" in ok(cli(env, "logout", "@alice.test"))
    assert json.loads(ok(cli(env, "accounts", "--json"))) == []
    assert "No account is signed in" in one_sentence(cli(env, "timeline"))


def test_cli_failures_are_one_sentence_and_store_nothing(
    pds: PdsNetwork, secret_service: SecretService, tmp_path: Path
) -> None:
    env = cli_env(pds, tmp_path / "profile", secret_service, pds.alice, tmp_path / "d.log")
    assert "No account is signed in" in one_sentence(cli(env, "post", "hello"))
    assert "not signed in" in one_sentence(cli(env, "logout", "carol.test"))
    picture = tmp_path / "notes.png"
    picture.write_bytes(b"not a png at all")
    assert "notes.png" in one_sentence(cli(env, "post", "x", "--image", str(picture)))
    assert one_sentence(cli(env, "post", "x", "--image", str(tmp_path / "missing.jpg")))
    usage = cli(env, "timeline", "--limit", "0")
    assert usage.returncode == 2 and "Traceback" not in usage.stderr
    assert not (tmp_path / "profile" / "data" / "sessions.json").exists()


async def test_cli_posts_while_the_app_refreshes_the_same_account(
    pds_factory: PdsFactory, secret_service: SecretService, tmp_path: Path
) -> None:
    """Refresh tokens are single-use: the window's background refresh and the CLI's calls
    share the profile's lock files, so neither ever replays a spent token."""
    net = pds_factory(access_token_lifetime=2)
    profile = tmp_path / "profile"
    env = cli_env(net, profile, secret_service, net.alice, tmp_path / "driver.log")
    ok(await asyncio.to_thread(cli, env, "login", "alice.test", "--timeout", "60"))
    settings = Settings.load({"DESKTOP_APP_HOME": str(profile),
                              "DESKTOP_APP_ALLOW_INSECURE_LOOPBACK": "1",
                              "DESKTOP_APP_PLC_URL": net.plc_url,
                              "DESKTOP_APP_HANDLE_RESOLVER": net.pds_url})
    core = make_core(settings)
    client = make_oauth_client(settings, core,
                               sessions=KeyringSessionStore(settings.paths.data),
                               states=KeyringStateStore(settings.paths.data))
    accounts = Accounts(client, SignIn(client, SignInFlows(client.config)),
                        data_dir=settings.paths.data)
    token_calls = 0

    async def count(request: object) -> None:
        nonlocal token_calls
        token_calls += getattr(getattr(request, "url", None), "path", "") == "/oauth/token"

    core.http.event_hooks["request"].append(count)
    try:
        await accounts.load()
        accounts.start(0.2)  # the window's background refresh, much faster than usual
        posts = []
        for n in range(6):
            result = await asyncio.to_thread(cli, env, "post", f"while refreshing {n}", "--json")
            posts.append(json.loads(ok(result))["uri"])
            await asyncio.sleep(0.7)
        assert len(set(posts)) == 6
        assert token_calls >= 2  # the app did refresh in between
        snap = accounts.snapshot(net.alice.did)
        assert snap is not None and snap.state == "healthy", snap
        try:
            await client.refresh(net.alice.did, force=True)
        except SessionEndedError as exc:  # a replay would have ended the session
            raise AssertionError(f"the session was ended: {exc.reason}") from exc
    finally:
        await accounts.aclose()
        await core.aclose()


@pytest.mark.fullnetwork
async def test_notifications_and_thread_from_the_command_line(
    full_network: PdsNetwork, secret_service: SecretService, tmp_path: Path
) -> None:
    net = full_network
    env = cli_env(net, tmp_path / "profile", secret_service, net.alice, tmp_path / "driver.log")
    ok(await asyncio.to_thread(cli, env, "login", "alice.test", "--timeout", "60"))
    # The AppView counts nothing as unread before the first "seen" (isRead when never seen).
    ok(await asyncio.to_thread(cli, env, "notifications", "--mark-read", "--limit", "1"))
    marker = f"thread-{time.time_ns()}"
    root = json.loads(ok(await asyncio.to_thread(cli, env, "post", f"{marker} root", "--json")))
    async with oauth_client(net) as (client, _):
        bob = agent_for(client, (await sign_in(client, net.bob)).did)
        root_view = await until(lambda: _post_or_none(bob, root["uri"]), "the root post")
        reply = await bob.create_post(f"{marker} reply from bob", reply_to=root_view)
        await bob.like(root_view.ref)
        reply_view = await until(lambda: _post_or_none(bob, reply.uri), "bob's reply")
        deeper = await bob.create_post(f"{marker} deeper", reply_to=reply_view)

    async def noted() -> list[dict[str, object]] | None:
        result = await asyncio.to_thread(cli, env, "notifications", "--json", "--limit", "50")
        items = [n for n in json.loads(ok(result))
                 if n["reason_subject"] == root["uri"] or n["uri"] == reply.uri]
        return items if {n["reason"] for n in items} >= {"reply", "like"} else None

    items = await until(noted, "alice's notifications")
    by_reason = {str(n["reason"]): n for n in items}
    assert by_reason["reply"]["author"] == "bob.test" and by_reason["reply"]["uri"] == reply.uri
    assert by_reason["like"]["author"] == "bob.test"
    assert by_reason["like"]["is_read"] is False
    assert {"reason", "author", "uri", "reason_subject", "is_read", "indexed_at"} <= set(
        by_reason["like"])
    assert "liked your post" in ok(await asyncio.to_thread(cli, env, "notifications"))

    rows = json.loads(ok(await asyncio.to_thread(cli, env, "thread", reply.uri, "--json")))
    assert [(r["uri"], r["depth"]) for r in rows] == [
        (root["uri"], -1), (reply.uri, 0), (deeper.uri, 1)]
    assert rows[1]["author"] == "bob.test" and rows[1]["text"].endswith("reply from bob")
    link = f"https://bsky.app/profile/alice.test/post/{root['uri'].rsplit('/', 1)[1]}"
    text = ok(await asyncio.to_thread(cli, env, "thread", link))
    assert "reply from bob" in text and "deeper" in text
    ok(await asyncio.to_thread(cli, env, "notifications", "--mark-read", "--limit", "1"))
    after = json.loads(ok(await asyncio.to_thread(cli, env, "notifications", "--json")))
    assert all(n["is_read"] for n in after if n["uri"] == reply.uri)


async def _post_or_none(agent: Agent, uri: str) -> PostView | None:
    try:
        return await agent.post(uri)
    except XrpcError:
        return None


async def until(probe: Callable[[], Awaitable[T | None]], what: str, timeout: float = 60) -> T:
    deadline = time.monotonic() + timeout
    while True:
        value = await probe()
        if value:
            return value
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.3)


@pytest.mark.fullnetwork
def test_partial_grant_disables_exactly_the_missing_features_and_allow_upgrades_once(
    full_network: PdsNetwork, secret_service: SecretService, tmp_path: Path
) -> None:
    net = full_network
    driver_log = tmp_path / "driver.log"
    env = cli_env(net, tmp_path / "profile", secret_service, net.alice, driver_log)
    # The person approves only reading: the consent covers a subset of what was asked.
    granted = " ".join(("atproto", *BY_KEY["read"].scopes, *BY_KEY["notifications"].scopes))
    ok(cli({**env, "DRIVER_SCOPE": granted}, "login", "alice.test", "--timeout", "60"))
    me = json.loads(ok(cli(env, "accounts", "--json")))[0]
    assert me["scope"].split() == granted.split()
    assert me["permissions"]["allowed"] == ["read", "notifications"]
    assert set(me["permissions"]["missing"]) == {"post", "like", "repost", "follow",
                                                  "moderate", "images"}
    text = ok(cli(env, "accounts"))
    assert "allowed: Read your timeline and notifications" in text
    assert "not allowed: Post, like, repost, follow, mute and block as you" in text

    # What was granted works; what was not fails with one sentence that says what to do.
    ok(cli(env, "timeline", "--limit", "3"))
    ok(cli(env, "notifications", "--limit", "3"))
    refused = one_sentence(cli(env, "post", "not yet"))
    assert "Posting wasn't allowed when you signed in." in refused
    assert "desktop-app allow post" in refused

    # Allow posting: one browser round trip, the new session stored, the old one revoked.
    runs = len(driver_log.read_text().splitlines())
    allowed = ok(cli(env, "allow", "post"))
    assert len(driver_log.read_text().splitlines()) == runs + 1
    assert "Post as you" in allowed
    me = json.loads(ok(cli(env, "accounts", "--json")))[0]
    assert me["permissions"]["allowed"] == ["post", "read", "notifications"]
    posted = json.loads(ok(cli(env, "post", f"allowed {time.time_ns()}", "--json")))
    assert posted["uri"].startswith(f"at://{net.alice.did}/app.bsky.feed.post/")
    ok(cli(env, "timeline", "--limit", "3"))
    assert "already allows post" in ok(cli(env, "allow", "post"))
    assert len(driver_log.read_text().splitlines()) == runs + 1

    # Asking only for some permissions from the start works the same way.
    env_bob = cli_env(net, tmp_path / "bob", secret_service, net.bob, tmp_path / "bob.log")
    ok(cli(env_bob, "login", "bob.test", "--only", "read", "--timeout", "60"))
    bob = json.loads(ok(cli(env_bob, "accounts", "--json")))[0]
    assert bob["permissions"]["allowed"] == ["read"]
    assert bob["scope"].split() == ["atproto", *BY_KEY["read"].scopes]
