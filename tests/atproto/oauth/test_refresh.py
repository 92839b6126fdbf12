"""Refresh (`SessionKeeper`): unusable answers, the in-flight marker, unsaved sessions, scope.

The token endpoint is a mock transport (`tests/support/oauth_mock.py`) where the test needs
answers a real server never gives; the fake server world where a real HTTP exchange matters.
"""

from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path

import httpx
import pytest

from desktop_app.atproto import NetworkPolicy, PrivateAddressError
from desktop_app.atproto.oauth import (
    MemorySessionStore,
    NoSessionError,
    OAuthClient,
    Session,
    SessionEndedError,
    SessionEndReason,
    StorageError,
    TransientRefreshError,
)
from tests.support.atproto_world import fake_world
from tests.support.oauth_mock import (
    BASE,
    DID,
    SCOPE,
    MockServer,
    answer,
    mock_client,
    session,
    tokens,
)

# --- a 2xx answer the client cannot use: revoke what can be read, end, never replay -------------

WIDER = f"{SCOPE} transition:chat.bsky"
UNUSABLE: list[tuple[str, httpx.Response, set[str]]] = [
    ("malformed DPoP-Nonce", answer(nonce="bad nonce"), {"at-2", "rt-2"}),
    ("no DPoP-Nonce", answer(nonce=None), {"at-2", "rt-2"}),
    ("not JSON", answer(b"<html>rotated</html>"), set()),
    ("JSON but not an object", answer(b'["at-2"]'), set()),
    ("over the size cap", answer(tokens(pad="x" * 70_000)), set()),
    ("NaN literal", answer(b'{"access_token": "at-2", "expires_in": NaN}'), set()),
    ("no token_type", answer(tokens(token_type=None)), {"at-2", "rt-2"}),
    ("sub of another DID", answer(tokens(sub="did:plc:44ybard66vv44zksje25o7dz")),
     {"at-2", "rt-2"}),
    ("infinite expires_in", answer(b'{"access_token": "at-2", "refresh_token": "rt-2", '
                                   b'"token_type": "DPoP", "scope": "atproto", "sub": "'
                                   + DID.encode() + b'", "expires_in": 1e400}'),
     {"at-2", "rt-2"}),
    ("201 instead of 200", answer(status=201), {"at-2", "rt-2"}),
    ("a wider scope than the session's", answer(tokens(scope=WIDER)), {"at-2", "rt-2"}),
]


@pytest.mark.parametrize(("name", "reply", "revoked"), UNUSABLE, ids=[c[0] for c in UNUSABLE])
async def test_an_unusable_rotation_is_revoked_and_never_replayed(
    name: str, reply: httpx.Response, revoked: set[str]
) -> None:
    server = MockServer(token_answer=lambda request: reply)
    async with mock_client(server) as client:
        with pytest.raises(SessionEndedError) as info:
            await client.refresh(DID, force=True)
        assert info.value.reason is SessionEndReason.UNTRUSTED
        assert "for safety" in info.value.message
        assert "at-2" not in str(info.value) and "rt-2" not in str(info.value)
        assert set(server.revoked) == revoked  # whatever could be read, and nothing else
        assert await client.sessions.list_dids() == []
        with pytest.raises(NoSessionError):
            await client.refresh(DID, force=True)
        assert server.sent == ["rt-1"]  # sent once: the spent token is never sent again


async def test_a_narrower_scope_on_refresh_is_kept() -> None:
    """Less than before is a server taking something back: the features it covered go off."""
    server = MockServer(token_answer=lambda request: answer(tokens(scope="atproto")))
    async with mock_client(server) as client:
        refreshed = await client.refresh(DID, force=True)
        assert refreshed.scope == "atproto" and server.revoked == []


async def test_the_same_grant_written_differently_is_not_wider() -> None:
    before = "atproto rpc?lxm=app.bsky.feed.getTimeline&lxm=app.bsky.feed.getPosts&aud=*"
    after = ("atproto rpc:app.bsky.feed.getPosts?aud=* "
             "rpc:app.bsky.feed.getTimeline?aud=did:web:api.bsky.app%23bsky_appview")
    server = MockServer(token_answer=lambda request: answer(tokens(scope=after)))
    async with mock_client(server) as client:
        await client.sessions.put(session(scope=before))
        assert (await client.refresh(DID, force=True)).scope == after


@pytest.mark.parametrize("expires_in", [10**9, 1e12])
async def test_a_huge_expires_in_is_capped(expires_in: float) -> None:
    server = MockServer(token_answer=lambda request: answer(tokens(expires_in=expires_in)))
    async with mock_client(server) as client:
        refreshed = await client.refresh(DID, force=True)
        assert refreshed.tokens.expires_at is not None
        assert refreshed.tokens.expires_at - refreshed.tokens.issued_at == 24 * 3600


# --- the in-flight marker: tied to the token sent, only while an answer may be lost -------------


def replayed(request: httpx.Request) -> httpx.Response:
    return answer({"error": "invalid_grant", "error_description": "Refresh token replayed"}, 400)


def marker_files(lock_dir: Path) -> list[Path]:
    return list(lock_dir.glob("*.inflight"))


async def lost(request: httpx.Request) -> httpx.Response:
    """The server rotates, but its answer never arrives (past the client's deadline)."""
    await asyncio.sleep(5)
    return answer()


QUICK = NetworkPolicy(allow_insecure_loopback=True, timeout=0.3, deadline=0.3)


@pytest.mark.parametrize("failure", [
    httpx.ConnectError("connection refused"),
    httpx.ConnectTimeout("no SYN-ACK"),
    PrivateAddressError("refused to connect: 10.0.0.1 is not a public internet address"),
], ids=["connection refused", "connect timeout", "private address refused"])
@pytest.mark.parametrize("with_lock_dir", [False, True], ids=["memory", "lock-dir"])
async def test_nothing_sent_leaves_no_marker(failure: Exception, with_lock_dir: bool,
                                             tmp_path: Path) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise failure

    server = MockServer(token_answer=refuse)
    async with mock_client(server, lock_dir=tmp_path if with_lock_dir else None) as client:
        with pytest.raises(TransientRefreshError):
            await client.refresh(DID, force=True)
        assert marker_files(tmp_path) == []
        # Nothing reached the server, so a replay reported later is not our interruption.
        server.token_answer = replayed
        with pytest.raises(SessionEndedError) as info:
            await client.refresh(DID, force=True)
        assert info.value.reason is SessionEndReason.REPLAYED


@pytest.mark.parametrize("reply", [
    answer({"error": "invalid_request"}, 400, nonce=None),
    answer({"error": "use_dpop_nonce"}, 400),
    answer({"error": "invalid_request", "pad": "x" * 70_000}, 400),
], ids=["4xx without nonce", "nonce refused twice", "oversized 4xx"])
async def test_an_answer_clears_the_marker(reply: httpx.Response, tmp_path: Path) -> None:
    server = MockServer(token_answer=lambda request: reply)
    async with mock_client(server, lock_dir=tmp_path) as client:
        with pytest.raises(TransientRefreshError):
            await client.refresh(DID, force=True)
        assert marker_files(tmp_path) == []
        server.token_answer = replayed
        with pytest.raises(SessionEndedError) as info:
            await client.refresh(DID, force=True)
        assert info.value.reason is SessionEndReason.REPLAYED


@pytest.mark.parametrize("status", [502, 503, 504])
@pytest.mark.parametrize("with_lock_dir", [False, True], ids=["memory", "lock-dir"])
async def test_a_gateway_error_keeps_the_marker(status: int, with_lock_dir: bool,
                                                tmp_path: Path) -> None:
    """A proxy's 502/503/504 may hide an upstream that rotated: the answer may be lost."""
    server = MockServer(token_answer=lambda request: answer(b"<html>gateway</html>", status,
                                                            nonce=None))
    async with mock_client(server, lock_dir=tmp_path if with_lock_dir else None) as client:
        with pytest.raises(TransientRefreshError):
            await client.refresh(DID, force=True)
        if with_lock_dir:
            assert len(marker_files(tmp_path)) == 1
        server.token_answer = replayed
        with pytest.raises(SessionEndedError) as info:
            await client.refresh(DID, force=True)
        assert info.value.reason is SessionEndReason.INTERRUPTED


async def test_the_marker_names_the_token_by_hash_only(tmp_path: Path) -> None:
    server = MockServer(token_answer=lambda request: answer(b"", 502, nonce=None))
    async with mock_client(server, lock_dir=tmp_path) as client:
        with pytest.raises(TransientRefreshError):
            await client.refresh(DID, force=True)
        [marker] = marker_files(tmp_path)
        text = marker.read_text()
        assert "rt-1" not in text
        assert hashlib.sha256(b"rt-1").hexdigest() in text


@pytest.mark.parametrize("with_lock_dir", [False, True], ids=["memory", "lock-dir"])
async def test_a_new_sign_in_is_not_an_interrupted_renewal(with_lock_dir: bool,
                                                           tmp_path: Path) -> None:
    """The marker belongs to the token it was written for: a later session's end is its own."""
    server = MockServer(token_answer=lost)
    async with mock_client(server, lock_dir=tmp_path if with_lock_dir else None,
                           policy=QUICK) as client:
        with pytest.raises(TransientRefreshError):
            await client.refresh(DID, force=True)
        metadata = await client.discovery.metadata(BASE)
        async with client.keeper.locked(DID):
            await client.keeper.store_or_revoke(session(refresh="rt-new"), metadata)
        assert marker_files(tmp_path) == []
        server.token_answer = lambda request: answer(
            {"error": "invalid_grant", "error_description": "Invalid refresh token"}, 400)
        with pytest.raises(SessionEndedError) as info:
            await client.refresh(DID, force=True)
        assert info.value.reason is SessionEndReason.REVOKED
        assert server.sent == ["rt-1", "rt-new"]


async def test_a_marker_for_another_token_explains_nothing(tmp_path: Path) -> None:
    """Another process left a marker for a token this session no longer holds."""
    server = MockServer(token_answer=lost)
    async with mock_client(server, lock_dir=tmp_path, policy=QUICK) as client:
        with pytest.raises(TransientRefreshError):
            await client.refresh(DID, force=True)
        await client.sessions.put(session(refresh="rt-other"))  # another process stored it
        client.forget_cached(DID)
        server.token_answer = replayed
        with pytest.raises(SessionEndedError) as info:
            await client.refresh(DID, force=True)
        assert info.value.reason is SessionEndReason.REPLAYED


# --- sessions the store refused: never written over a newer one ---------------------------------


class FailingPutStore(MemorySessionStore):
    def __init__(self) -> None:
        super().__init__()
        self.fail = False

    async def put(self, session: Session) -> None:
        if self.fail:
            raise StorageError("keychain locked")
        await super().put(session)


async def rotated_but_unsaved(client: OAuthClient, store: FailingPutStore) -> Session:
    """A refresh whose result the (locked) store refused: kept in memory only."""
    store.fail = True
    kept = await client.refresh(DID, force=True)
    assert client.keeper.unsaved(DID)
    store.fail = False
    return kept


async def test_a_stored_sign_in_drops_the_older_unsaved_session() -> None:
    server = MockServer()
    async with mock_client(server) as client:
        store = FailingPutStore()
        await store.put(session())
        client.keeper.sessions = store
        await rotated_but_unsaved(client, store)
        new = session(refresh="rt-signed-in", access="at-signed-in")
        metadata = await client.discovery.metadata(BASE)
        async with client.keeper.locked(DID):
            await client.keeper.store_or_revoke(new, metadata)
        assert not client.keeper.unsaved(DID)
        await client.keeper.save_unsaved()
        stored = await store.get(DID)
        assert stored is not None and stored.tokens.refresh_token == "rt-signed-in"
        # And the next refresh spends the new session's token, not the dropped one's.
        server.token_answer = lambda request: answer(tokens(refresh_token="rt-3"))
        await client.refresh(DID, force=True)
        assert server.sent[-1] == "rt-signed-in"


async def test_a_full_sign_in_drops_the_older_unsaved_session() -> None:
    async with fake_world() as (world, client):
        store = FailingPutStore()
        client.keeper.sessions = store
        start = await client.start_sign_in("alice.test", redirect_uri="http://127.0.0.1:7/callback")
        await client.complete_sign_in(world.callback(start.state))
        world.token = {**world.token, "access_token": "at-2", "refresh_token": "rt-2"}
        store.fail = True
        await client.refresh(world.token["sub"], force=True)
        assert client.keeper.unsaved(world.token["sub"])
        store.fail = False
        world.token = {**world.token, "access_token": "at-new", "refresh_token": "rt-new"}
        start = await client.start_sign_in("alice.test", redirect_uri="http://127.0.0.1:7/callback")
        await client.complete_sign_in(world.callback(start.state))
        await client.keeper.save_unsaved()
        stored = await store.get(world.token["sub"])
        assert stored is not None and stored.tokens.refresh_token == "rt-new"


class UnreadableStore(MemorySessionStore):
    async def get(self, did: str) -> Session | None:
        raise RuntimeError("backend broke")


async def test_a_sign_in_is_stored_even_when_what_it_replaces_cannot_be_read() -> None:
    """Finding the replaced session is bookkeeping: it never keeps tokens in hand unstored."""
    async with mock_client(MockServer()) as client:
        store = UnreadableStore()
        client.keeper.sessions = store
        metadata = await client.discovery.metadata(BASE)
        async with client.keeper.locked(DID):
            await client.keeper.store_or_revoke(session(refresh="rt-new"), metadata)
        assert await store.list_dids() == [DID]
        assert client.keeper.take_replaced(DID) is None
