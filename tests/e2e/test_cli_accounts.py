"""The command line on the application layer, against the reference PDS + AppView: login,
accounts, post, timeline, renew, logout; and the CLI posting while the app refreshes."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

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
from tests.support.seed import new_account
from tests.support.waiting import eventually, wait_until

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.fullnetwork
def test_login_accounts_post_timeline_renew_logout(
    full_network: PdsNetwork, secret_service: SecretService, tmp_path: Path
) -> None:
    net = full_network
    # Alice and Bob of this test alone: no other test sees her posts or his mention.
    alice, bob = new_account(net, "alice"), new_account(net, "bob")
    env = cli_env(net, tmp_path / "profile", secret_service, alice, tmp_path / "driver.log")
    assert json.loads(ok(cli(env, "accounts", "--json"))) == []
    assert "desktop-app login" in ok(cli(env, "accounts"))

    login = ok(cli(env, "login", alice.handle, "--timeout", "60"))
    assert f"({alice.did})" in login
    accounts = json.loads(ok(cli(env, "accounts", "--json")))
    assert len(accounts) == 1
    me = accounts[0]
    assert me["did"] == alice.did and me["handle"] == alice.handle
    assert me["active"] is True and me["state"] == "healthy" and me["reason"] is None
    assert me["issuer"] == net.issuer and me["pds"] == net.pds_url
    # Granted exactly the app's permission scopes: no transition scope on this server.
    assert me["scope"].split() == APP_SCOPE.split()
    assert me["permissions"]["mode"] == "granular" and me["permissions"]["missing"] == []
    assert me["permissions"]["text"].startswith("Post, like, repost, follow")
    assert me["seconds_left"] > 13 * 86400
    for key in ("signed_in_at", "access_expires_at", "session_ends_at"):
        assert me[key].endswith("Z") and "T" in me[key]
    assert f"@{alice.handle}" in ok(cli(env, "accounts"))

    text = f"cli {time.time_ns()} hello @{bob.handle} #cli https://example.com/x 🦋"
    draft = json.loads(ok(cli(env, "post", text, "--lang", "en", "--dry-run")))
    assert draft["$type"] == "app.bsky.feed.post" and draft["text"] == text
    kinds = {f["features"][0]["$type"].rsplit("#", 1)[1] for f in draft["facets"]}
    assert kinds == {"mention", "tag", "link"}
    mention = next(f for f in draft["facets"] if "mention" in f["features"][0]["$type"])
    assert mention["features"][0]["did"] == bob.did
    mentioned = f"@{bob.handle}".encode()
    start = text.encode().index(mentioned)
    assert mention["index"] == {"byteStart": start, "byteEnd": start + len(mentioned)}

    posted = json.loads(ok(cli(env, "post", text, "--lang", "en", "--json")))
    assert posted["uri"].startswith(f"at://{alice.did}/app.bsky.feed.post/")
    assert posted["cid"]
    reply = json.loads(ok(cli(env, "post", f"reply to {posted['uri']}", "--reply-to",
                              posted["uri"], "--json")))

    def both_shown() -> list[dict[str, object]] | None:
        items: list[dict[str, object]] = json.loads(
            ok(cli(env, "timeline", "--limit", "10", "--json")))
        uris = {i["uri"] for i in items}
        return items if posted["uri"] in uris and reply["uri"] in uris else None

    items = wait_until(both_shown, "the AppView to show the posts", timeout=60, interval=0.5)
    by_uri = {i["uri"]: i for i in items}
    assert by_uri[posted["uri"]]["text"] == text
    assert by_uri[posted["uri"]]["author"] == {"did": alice.did, "handle": alice.handle,
                                                "display_name": ""}
    assert by_uri[posted["uri"]]["reply_to"] is None
    assert by_uri[reply["uri"]]["reply_to"] == posted["uri"]
    assert by_uri[posted["uri"]]["cid"] == posted["cid"]
    # The dry run wrote nothing: only the real post carries the text.
    assert sum(1 for i in items if i["text"] == text) == 1
    assert alice.handle in ok(cli(env, "timeline", "--limit", "3"))

    renewed = ok(cli(env, "renew", alice.handle))
    assert f"Renewed @{alice.handle}" in renewed
    assert json.loads(ok(cli(env, "accounts", "--json")))[0]["state"] == "healthy"

    assert f"Signed out @{alice.handle}" in ok(cli(env, "logout", f"@{alice.handle}"))
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
            await asyncio.sleep(0.7)  # the scenario: time for the app's refreshes in between
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
    # Alice and Bob of this test alone: what alice marks read, and when, is hers to decide.
    alice, bob_account = new_account(net, "alice"), new_account(net, "bob")
    env = cli_env(net, tmp_path / "profile", secret_service, alice, tmp_path / "driver.log")
    ok(await asyncio.to_thread(cli, env, "login", alice.handle, "--timeout", "60"))
    # The AppView counts nothing as unread before the first "seen" (isRead when never seen).
    ok(await asyncio.to_thread(cli, env, "notifications", "--mark-read", "--limit", "1"))
    marker = f"thread-{time.time_ns()}"
    root = json.loads(ok(await asyncio.to_thread(cli, env, "post", f"{marker} root", "--json")))
    async with oauth_client(net) as (client, _):
        bob = agent_for(client, (await sign_in(client, bob_account)).did)
        root_view = await eventually(lambda: _post_or_none(bob, root["uri"]), "the root post",
                                     timeout=60, interval=0.3)
        reply = await bob.create_post(f"{marker} reply from bob", reply_to=root_view)
        await bob.like(root_view.ref)
        reply_view = await eventually(lambda: _post_or_none(bob, reply.uri), "bob's reply",
                                      timeout=60, interval=0.3)
        deeper = await bob.create_post(f"{marker} deeper", reply_to=reply_view)

    async def noted() -> list[dict[str, object]] | None:
        result = await asyncio.to_thread(cli, env, "notifications", "--json", "--limit", "50")
        items = [n for n in json.loads(ok(result))
                 if n["reason_subject"] == root["uri"] or n["uri"] == reply.uri]
        return items if {n["reason"] for n in items} >= {"reply", "like"} else None

    items = await eventually(noted, "alice's notifications", timeout=60, interval=0.3)
    by_reason = {str(n["reason"]): n for n in items}
    assert by_reason["reply"]["author"] == bob_account.handle
    assert by_reason["reply"]["uri"] == reply.uri
    assert by_reason["like"]["author"] == bob_account.handle
    assert by_reason["like"]["is_read"] is False
    assert {"reason", "author", "uri", "reason_subject", "is_read", "indexed_at"} <= set(
        by_reason["like"])
    assert "liked your post" in ok(await asyncio.to_thread(cli, env, "notifications"))

    rows = json.loads(ok(await asyncio.to_thread(cli, env, "thread", reply.uri, "--json")))
    assert [(r["uri"], r["depth"]) for r in rows] == [
        (root["uri"], -1), (reply.uri, 0), (deeper.uri, 1)]
    assert rows[1]["author"] == bob_account.handle
    assert rows[1]["text"].endswith("reply from bob")
    link = f"https://bsky.app/profile/{alice.handle}/post/{root['uri'].rsplit('/', 1)[1]}"
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


@pytest.mark.fullnetwork
def test_partial_grant_disables_exactly_the_missing_features_and_allow_upgrades_once(
    full_network: PdsNetwork, secret_service: SecretService, tmp_path: Path
) -> None:
    net = full_network
    # Accounts of this test alone: the grants they consent to concern no other test.
    alice, bob = new_account(net, "alice"), new_account(net, "bob")
    driver_log = tmp_path / "driver.log"
    env = cli_env(net, tmp_path / "profile", secret_service, alice, driver_log)
    # The person approves only reading: the consent covers a subset of what was asked.
    granted = " ".join(("atproto", *BY_KEY["read"].scopes, *BY_KEY["notifications"].scopes))
    ok(cli({**env, "DRIVER_SCOPE": granted}, "login", alice.handle, "--timeout", "60"))
    me = json.loads(ok(cli(env, "accounts", "--json")))[0]
    assert me["scope"].split() == granted.split()
    assert me["permissions"]["allowed"] == ["read", "notifications"]
    assert set(me["permissions"]["missing"]) == {"post", "like", "repost", "follow",
                                                  "moderate", "images", "drafts", "feeds",
                                                  "lists", "bookmarks"}
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
    assert posted["uri"].startswith(f"at://{alice.did}/app.bsky.feed.post/")
    ok(cli(env, "timeline", "--limit", "3"))
    assert "already allows post" in ok(cli(env, "allow", "post"))
    assert len(driver_log.read_text().splitlines()) == runs + 1

    # Asking only for some permissions from the start works the same way.
    env_bob = cli_env(net, tmp_path / "bob", secret_service, bob, tmp_path / "bob.log")
    ok(cli(env_bob, "login", bob.handle, "--only", "read", "--timeout", "60"))
    bob_me = json.loads(ok(cli(env_bob, "accounts", "--json")))[0]
    assert bob_me["permissions"]["allowed"] == ["read"]
    assert bob_me["scope"].split() == ["atproto", *BY_KEY["read"].scopes]
