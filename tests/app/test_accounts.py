"""Accounts: restore, refresh outcomes, independence of accounts, snapshots, other processes."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from desktop_app.app import (
    AccountNotFoundError,
    Accounts,
    AccountSnapshot,
    SignIn,
    SignInFlows,
)
from desktop_app.atproto import IdentityResolver, NetworkPolicy
from desktop_app.atproto.oauth import (
    AuthServerMetadata,
    ClientConfig,
    MemorySessionStore,
    MemoryStateStore,
    NoSessionError,
    OAuthClient,
    Session,
    SessionEndedError,
    SessionEndReason,
    StorageError,
    TokenResponseError,
    TransientRefreshError,
)
from tests.support.keychain import sample_session
from tests.support.waiting import eventually

DID_B = "did:plc:bbbbbbbbbbbbbbbbbbbbbbbb"
NOW = 3590.0

Refresh = Callable[[str, Session | None], Any]


@dataclasses.dataclass
class World:
    client: OAuthClient
    accounts: Accounts
    calls: list[str]
    now: list[float]


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    policy = NetworkPolicy()
    async with httpx.AsyncClient(trust_env=False) as http:
        client = OAuthClient(ClientConfig.development(), http=http, policy=policy,
                             identity=IdentityResolver(http, policy),
                             sessions=MemorySessionStore(), states=MemoryStateStore())
        now = [NOW]
        accounts = Accounts(client, SignIn(client, SignInFlows(client.config)),
                            data_dir=tmp_path, clock=lambda: now[0])
        yield World(client, accounts, [], now)
        await accounts.aclose()


def with_refresh(world: World, outcome: Callable[[str], Any]) -> None:
    """Replace the network refresh with `outcome(did)`: a session to return or an error."""

    async def refresh(did: str, *, stale: Session | None = None, force: bool = False) -> Session:
        world.calls.append(did)
        result = outcome(did)
        if isinstance(result, BaseException):
            raise result
        if asyncio.iscoroutine(result):
            result = await result
        assert isinstance(result, Session)
        await world.client.sessions.put(result)
        return result

    world.client.refresh = refresh  # type: ignore[method-assign]


async def signed_in(world: World, *sessions: Session) -> None:
    for session in sessions:
        await world.client.sessions.put(session)
    await world.accounts.load()


# Where the sessions of `sample_session` were issued (only its revocation endpoint is used,
# and only by a sign-in whose session could not be stored).
METADATA = AuthServerMetadata(
    issuer="http://localhost:2583", authorization_endpoint="http://localhost:2583/oauth/authorize",
    token_endpoint="http://localhost:2583/oauth/token",
    pushed_authorization_request_endpoint="http://localhost:2583/oauth/par",
    revocation_endpoint=None, scopes_supported=("atproto",), raw={})


async def store_signed_in(world: World, session: Session) -> None:
    """What the end of a sign-in does: store under the refresh locks, replacing the current."""
    async with world.client.keeper.locked(session.did):
        await world.client.keeper.store_or_revoke(session, METADATA)


def due_session(did: str = sample_session().did, generation: int = 0) -> Session:
    """A session whose access token (0 to 3600) is due for refresh at NOW."""
    s = sample_session(generation)
    tokens = dataclasses.replace(s.tokens, issued_at=0.0, expires_at=3600.0)
    return dataclasses.replace(s, did=did, tokens=tokens, session_started_at=0.0,
                               last_refresh_at=0.0)


@pytest.mark.parametrize(
    ("outcome", "check"),
    [
        ("new", lambda s: s.state == "healthy" and s.reason is None),
        (TransientRefreshError("503", retry_after=90),
         lambda s: s.state == "offline" and "trying again in 1 minute" in s.status.state_text),
        (SessionEndedError(SessionEndReason.REPLAYED),
         lambda s: s.state == "ended" and s.reason is SessionEndReason.REPLAYED
         and "reused" in s.status.state_text),
        (NoSessionError("gone"), lambda s: s.state == "ended"),
        (TokenResponseError("odd"), lambda s: s.state == "offline"),
    ],
    ids=["ok", "transient", "ended", "no-session", "odd"],
)
async def test_refresh_outcomes(world: World, outcome: Any,
                                check: Callable[[AccountSnapshot], bool]) -> None:
    old = due_session()
    new = dataclasses.replace(due_session(generation=1), last_refresh_at=NOW,
                              tokens=dataclasses.replace(old.tokens, expires_at=NOW + 3600))
    await signed_in(world, old)
    with_refresh(world, lambda did: new if outcome == "new" else outcome)
    seen: list[tuple[AccountSnapshot, ...]] = []
    world.accounts.subscribe(seen.append)
    await world.accounts.refresh_pass()
    assert world.calls == [old.did]
    snap = world.accounts.snapshot(old.did)
    assert snap is not None and check(snap), snap
    assert seen and seen[-1] == world.accounts.snapshots()


async def test_offline_accounts_wait_for_their_retry_time(world: World) -> None:
    await signed_in(world, due_session())
    with_refresh(world, lambda did: TransientRefreshError("down", retry_after=400))
    await world.accounts.refresh_pass()
    await world.accounts.refresh_pass()
    assert len(world.calls) == 1  # backing off
    world.now[0] = NOW + 401
    await world.accounts.refresh_pass()
    assert len(world.calls) == 2


async def test_one_slow_server_delays_no_other_account(world: World) -> None:
    slow_release = asyncio.Event()
    a, b = due_session(), due_session(DID_B)
    await signed_in(world, a, b)

    async def slow() -> Session:
        await slow_release.wait()
        return a

    fresh_b = dataclasses.replace(b, tokens=dataclasses.replace(b.tokens, expires_at=NOW + 3600))
    with_refresh(world, lambda did: slow() if did == a.did else fresh_b)
    refreshed: list[str] = []
    world.accounts.subscribe(lambda snaps: refreshed.extend(
        s.did for s in snaps if s.access_expires_at == NOW + 3600))
    task = asyncio.ensure_future(world.accounts.refresh_pass())
    await eventually(lambda: DID_B in refreshed, "B's refresh stored", timeout=5)
    assert not task.done()  # B was stored while A still waits
    slow_release.set()
    await task


async def test_snapshot_json_has_the_documented_keys(world: World) -> None:
    session = dataclasses.replace(due_session(), session_started_at=1000.0)
    await signed_in(world, session)
    data = world.accounts.snapshots()[0].as_json()
    assert {"did", "handle", "issuer", "pds", "active", "state", "reason", "scope",
            "signed_in_at", "access_expires_at", "session_ends_at", "seconds_left"} <= set(data)
    assert data["active"] is True and data["state"] == "healthy" and data["reason"] is None
    assert data["signed_in_at"] == "1970-01-01T00:16:40Z"
    assert isinstance(data["seconds_left"], float) and data["seconds_left"] > 0
    json.dumps(data)  # plain JSON types only


async def test_find_by_handle_did_or_active(world: World) -> None:
    a = due_session()
    b = dataclasses.replace(due_session(DID_B), handle="bob.test")
    await signed_in(world, a, b)
    assert world.accounts.find("@Bob.Test").did == DID_B
    assert world.accounts.find(a.did).did == a.did
    assert world.accounts.find(None).did == world.accounts.active_did
    with pytest.raises(AccountNotFoundError):
        world.accounts.find("carol.test")


async def test_active_account_is_remembered_for_the_next_process(world: World,
                                                                tmp_path: Path) -> None:
    a = due_session()
    await signed_in(world, a, due_session(DID_B))
    assert world.accounts.active_did == DID_B  # the first stored
    world.accounts.set_active(a.did)
    again = Accounts(world.client, world.accounts.signin, data_dir=tmp_path)
    await again.load()
    assert again.active_did == a.did
    assert (tmp_path / "accounts.json").stat().st_mode & 0o077 == 0


async def test_accounts_follow_what_another_process_stored(world: World) -> None:
    a = due_session()
    await signed_in(world, a)
    with_refresh(world, lambda did: a)
    world.now[0] = 0.0  # nothing due
    # Another process signs in B and signs out A.
    await world.client.sessions.put(due_session(DID_B))
    await world.client.sessions.delete(a.did)
    await world.accounts.refresh_pass()
    assert [s.did for s in world.accounts.snapshots()] == [DID_B]
    assert world.accounts.active_did == DID_B


async def test_allow_asks_for_the_union_and_stores_before_revoking(world: World) -> None:
    from desktop_app.app import SignInOptions
    from desktop_app.atproto.oauth import CallbackError
    from desktop_app.bsky import BY_KEY, Permissions

    read = BY_KEY["read"].scopes
    old = dataclasses.replace(due_session(), tokens=dataclasses.replace(
        due_session().tokens, scope=" ".join(("atproto", *read))))
    await signed_in(world, old)
    assert world.accounts.snapshots()[0].permissions.allowed == ("read",)
    events: list[str] = []
    asked: list[str] = []

    async def run(target: str, options: SignInOptions | None = None, **_: Any) -> Session:
        assert options is not None and options.scope is not None
        asked.append(options.scope)
        if "refuse" in events:
            raise CallbackError("access_denied", "no", "state")
        new = dataclasses.replace(old, tokens=dataclasses.replace(
            old.tokens, scope=options.scope, access_token="new-access"))
        await store_signed_in(world, new)
        events.append("stored")
        return new

    async def revoke(session: Session) -> bool:
        stored = await world.client.sessions.get(session.did)
        events.append("revoked " + ("old" if session.tokens.access_token != "new-access"
                                    else "new") + f" (stored: {stored and stored.scope})")
        return True

    world.accounts.signin.run = run  # type: ignore[method-assign,assignment]
    world.client.revoke_tokens = revoke  # type: ignore[method-assign]
    allowed = await world.accounts.allow(old.did, ["post"])
    assert asked == [" ".join(("atproto", *read, *BY_KEY["post"].scopes))]
    assert events[0] == "stored" and events[1].startswith("revoked old (stored: atproto")
    assert "post" in events[1]  # the stored session already had the new scope
    assert allowed == Permissions.of(asked[0]) and set(allowed.allowed) == {"read", "post"}
    assert world.accounts.snapshots()[0].permissions.allowed == ("post", "read")
    # Already allowed: nothing is asked. Refused: the session stays as it was.
    assert (await world.accounts.allow(old.did, ["read"])).allowed == ("post", "read")
    assert len(asked) == 1
    events.append("refuse")
    with pytest.raises(CallbackError):
        await world.accounts.allow(old.did, ["like"])
    assert world.accounts.snapshots()[0].permissions.allowed == ("post", "read")
    assert events.count("stored") == 1


async def test_allow_revokes_the_session_current_when_it_is_replaced(world: World) -> None:
    """A refresh during the browser round trip rotated the session `allow` started from:
    the rotated one is what the new session replaces, and what must be revoked."""
    from desktop_app.app import SignInOptions

    old = dataclasses.replace(due_session(), tokens=dataclasses.replace(
        due_session().tokens, scope="atproto"))
    await signed_in(world, old)
    rotated = dataclasses.replace(old, tokens=dataclasses.replace(
        old.tokens, access_token="rotated-access", refresh_token="rotated-refresh"))
    revoked: list[Session] = []

    async def run(target: str, options: SignInOptions | None = None, **_: Any) -> Session:
        await store_signed_in(world, rotated)  # the background refresh, meanwhile
        assert options is not None and options.scope is not None
        new = dataclasses.replace(old, tokens=dataclasses.replace(
            old.tokens, scope=options.scope, access_token="new-access",
            refresh_token="new-refresh"))
        await store_signed_in(world, new)
        return new

    async def revoke(session: Session) -> bool:
        revoked.append(session)
        return True

    world.accounts.signin.run = run  # type: ignore[method-assign,assignment]
    world.client.revoke_tokens = revoke  # type: ignore[method-assign]
    await world.accounts.allow(old.did, ["post"])
    assert [s.tokens.refresh_token for s in revoked] == ["rotated-refresh"]


# --- one account's failure is that account's alone ----------------------------------------------

HOSTILE_PDS = ["https://0177.0.0.1", "https://xn--a.com", "https://" + "a" * 64 + ".com"]


@pytest.mark.parametrize("pds", HOSTILE_PDS)
async def test_a_hostile_did_document_stops_no_other_account(pds: str) -> None:
    """One account's DID document names a PDS no request can be built for: that account is
    offline, the other is refreshed, and the pass goes on."""
    from tests.support.atproto_world import DID, OTHER_DID, REDIRECT, fake_world
    from tests.support.http_server import json_reply

    async with fake_world() as (fake, client):
        start = await client.start_sign_in("alice.test", redirect_uri=REDIRECT)
        healthy = await client.complete_sign_in(fake.callback(start.state))
        hostile = dataclasses.replace(healthy, did=OTHER_DID, handle=None)
        await client.sessions.put(hostile)
        fake.server.route("GET", f"/{OTHER_DID}", json_reply({
            "id": OTHER_DID, "alsoKnownAs": [], "verificationMethod": [],
            "service": [{"id": "#atproto_pds", "type": "AtprotoPersonalDataServer",
                         "serviceEndpoint": pds}]}))
        fake.token = {**fake.token, "access_token": "at-2", "refresh_token": "rt-2"}
        later = [time.time() + 3600]  # every access token due
        accounts = Accounts(client, SignIn(client, SignInFlows(client.config)),
                            clock=lambda: later[0])
        await accounts.load()
        await accounts.refresh_pass()
        snap_healthy, snap_hostile = accounts.snapshot(DID), accounts.snapshot(OTHER_DID)
        assert snap_healthy is not None and snap_healthy.state == "healthy"
        assert snap_hostile is not None and snap_hostile.state == "offline"
        stored = await client.sessions.get(DID)
        assert stored is not None and stored.tokens.refresh_token == "rt-2"
        await accounts.aclose()


async def test_an_unexpected_error_in_one_refresh_is_logged_and_spares_the_others(
    world: World, caplog: pytest.LogCaptureFixture,
) -> None:
    a, b = due_session(), due_session(DID_B)
    await signed_in(world, a, b)
    fresh_b = dataclasses.replace(b, tokens=dataclasses.replace(b.tokens, expires_at=NOW + 3600))
    with_refresh(world, lambda did: RuntimeError("a bug") if did == a.did else fresh_b)
    with caplog.at_level(logging.ERROR):
        await world.accounts.refresh_pass()
    snap_a, snap_b = world.accounts.snapshot(a.did), world.accounts.snapshot(DID_B)
    assert snap_a is not None and snap_a.state == "offline"
    assert snap_b is not None and snap_b.state == "healthy"
    assert snap_b.access_expires_at == NOW + 3600
    assert any(r.levelno == logging.ERROR and a.did in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("failure", [RuntimeError("a bug"), StorageError("keychain gone")],
                         ids=["unexpected", "app error"])
async def test_the_refresh_loop_outlives_a_failed_pass(world: World, failure: Exception) -> None:
    await signed_in(world, due_session())
    calls: list[int] = []
    list_dids = world.client.sessions.list_dids

    async def flaky() -> list[str]:
        calls.append(1)
        if len(calls) == 1:
            raise failure
        return await list_dids()

    world.client.sessions.list_dids = flaky  # type: ignore[method-assign]
    world.accounts.start(interval=0.01)
    await eventually(lambda: len(calls) >= 3, "passes after the failed one", timeout=5)


# --- quitting: a refresh that is out is waited for, one not sent yet is not -------------------


async def test_quit_waits_for_a_refresh_past_ten_seconds_within_its_deadline() -> None:
    """The answer takes 10.5 s, inside the 30 s a request may take: quitting stores it."""
    from tests.support.oauth_mock import DID, MockServer, answer, mock_client

    async def slow(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(10.5)
        return answer()

    server = MockServer(token_answer=slow)
    policy = NetworkPolicy(allow_insecure_loopback=True, timeout=15.0, deadline=30.0)
    async with mock_client(server, policy=policy) as client:
        accounts = Accounts(client, SignIn(client, SignInFlows(client.config)),
                            clock=lambda: time.time() + 3600)
        await accounts.load()
        accounts.start(interval=3600)
        await eventually(lambda: server.sent, "the refresh on the wire", timeout=10)
        await accounts.aclose()
        stored = await client.sessions.get(DID)
        assert stored is not None and stored.tokens.refresh_token == "rt-2"
        assert server.sent == ["rt-1"]


async def test_quit_cancels_a_refresh_that_has_sent_nothing() -> None:
    """Still resolving the account's identity: nothing is spent, so nothing is waited for."""
    from tests.support.oauth_mock import DID, MockServer, mock_client

    server = MockServer(did_doc_delay=20.0)
    async with mock_client(server) as client:
        accounts = Accounts(client, SignIn(client, SignInFlows(client.config)),
                            clock=lambda: time.time() + 3600)
        await accounts.load()
        accounts.start(interval=3600)
        await eventually(lambda: client.keeper.refreshing, "the refresh started", timeout=5)
        started = time.monotonic()
        await accounts.aclose()
        assert time.monotonic() - started < 3
        assert server.sent == [] and client.keeper.refreshing == 0
        stored = await client.sessions.get(DID)
        assert stored is not None and stored.tokens.refresh_token == "rt-1"
