"""Malicious and broken servers: each misbehaviour yields its typed error and stores nothing."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.atproto import (
    AtprotoError,
    DidResolutionError,
    HandleMismatchError,
    HandleNotFoundError,
    InsecureUrlError,
    InvalidIdentifierError,
    NetworkError,
    NoPdsError,
    ResponseTooLargeError,
)
from desktop_app.atproto.oauth import (
    AuthorizationError,
    CallbackError,
    DPoPError,
    InvalidCallbackError,
    IssuerMismatchError,
    MemorySessionStore,
    MemoryStateStore,
    MetadataError,
    MissingNonceError,
    OAuthClient,
    ParRejectedError,
    PendingAuthorization,
    Session,
    SessionEndedError,
    SessionEndReason,
    SilentSignOnRefusedError,
    StorageError,
    TokenResponseError,
    TransientRefreshError,
    UnknownStateError,
)
from tests.support.atproto_world import DID, HANDLE, OTHER_DID, REDIRECT, World, fake_world
from tests.support.http_server import FakeHttpServer, Reply, json_reply, text_reply
from tests.support.waiting import eventually


async def stored_nothing(client: OAuthClient) -> bool:
    sessions = client.sessions
    states = client.states
    assert isinstance(sessions, MemorySessionStore) and isinstance(states, MemoryStateStore)
    return await sessions.list_dids() == [] and len(states) == 0


async def sign_in(world: World, client: OAuthClient, **callback: str) -> None:
    start = await client.start_sign_in(HANDLE, redirect_uri=REDIRECT)
    await client.complete_sign_in(world.callback(start.state, **callback))


async def test_baseline_world_signs_in() -> None:
    """The fake is well-behaved by default, so every failure below is caused by its one change."""
    async with fake_world() as (world, client):
        await sign_in(world, client)
        assert await client.sessions.list_dids() == [DID]
        assert world.server.count("/oauth/revoke") == 0


Breaker = Callable[[World], None]


def _set(attr: str, key: str, value: object) -> Breaker:
    def apply(world: World) -> None:
        target = getattr(world, attr)
        if value is None:
            target.pop(key, None)
        else:
            target[key] = value

    return apply


# Failures before the browser is opened: start_sign_in raises and nothing is stored.
START_CASES: list[tuple[str, Breaker, type[Exception]]] = [
    ("issuer mismatch", _set("as_meta", "issuer", "http://127.0.0.1:1"), MetadataError),
    ("two authorization servers",
     lambda w: w.prm.update(authorization_servers=[w.url, "http://127.0.0.1:2"]), MetadataError),
    ("no authorization server", _set("prm", "authorization_servers", []), MetadataError),
    ("protected resource mismatch", _set("prm", "resource", "http://127.0.0.1:3"),
     MetadataError),
    # RFC 9728: identical, not merely the same origin.
    ("protected resource with a path", lambda w: w.prm.update(resource=w.url + "/"),
     MetadataError),
    ("protected resource in capitals", lambda w: w.prm.update(resource=w.url.upper()),
     MetadataError),
    ("unregistered request_uri values accepted",
     _set("as_meta", "require_request_uri_registration", False), MetadataError),
    ("PAR not required", _set("as_meta", "require_pushed_authorization_requests", False),
     MetadataError),
    ("no iss parameter support",
     _set("as_meta", "authorization_response_iss_parameter_supported", None), MetadataError),
    ("no S256", _set("as_meta", "code_challenge_methods_supported", ["plain"]), MetadataError),
    ("no ES256 DPoP", _set("as_meta", "dpop_signing_alg_values_supported", ["RS256"]),
     MetadataError),
    ("no public clients", _set("as_meta", "token_endpoint_auth_methods_supported",
                               ["private_key_jwt"]), MetadataError),
    ("no atproto scope", _set("as_meta", "scopes_supported", ["openid"]), MetadataError),
    ("token endpoint off-loopback http",
     _set("as_meta", "token_endpoint", "http://evil.example.com/token"), MetadataError),
    ("DID document does not claim the handle",
     _set("did_doc", "alsoKnownAs", ["at://mallory.test"]), HandleMismatchError),
    ("DID document for another DID", _set("did_doc", "id", OTHER_DID), DidResolutionError),
    ("DID document without PDS", _set("did_doc", "service", []), NoPdsError),
    ("missing DPoP-Nonce from the AS", lambda w: setattr(w, "send_nonce", False), DPoPError),
    ("use_dpop_nonce forever", lambda w: setattr(w, "nonce_always_stale", True), DPoPError),
]


@pytest.mark.parametrize(("name", "breaker", "error"), START_CASES, ids=[c[0] for c in START_CASES])
async def test_start_failures(name: str, breaker: Breaker, error: type[Exception]) -> None:
    async with fake_world() as (world, client):
        breaker(world)
        with pytest.raises(error) as info:
            await client.start_sign_in(HANDLE, redirect_uri=REDIRECT)
        assert isinstance(info.value, AtprotoError) and info.value.message
        assert await stored_nothing(client)


ROUTE_CASES: list[tuple[str, str, str, Reply, type[Exception]]] = [
    ("oversized metadata", "GET", "/.well-known/oauth-authorization-server",
     json_reply({"issuer": "x", "pad": "a" * 200_000}), ResponseTooLargeError),
    ("slow metadata", "GET", "/.well-known/oauth-authorization-server",
     Reply(200, b"{}", {"content-type": "application/json"}, delay=5.0), NetworkError),
    ("metadata is HTML", "GET", "/.well-known/oauth-authorization-server",
     text_reply("<html>", content_type="text/html"), MetadataError),
    ("PAR without request_uri", "POST", "/oauth/par",
     json_reply({"expires_in": 60}, 201, headers={"DPoP-Nonce": "n"}), AuthorizationError),
    ("PAR refused", "POST", "/oauth/par",
     json_reply({"error": "invalid_request", "error_description": "nope"}, 400,
                headers={"DPoP-Nonce": "n"}), ParRejectedError),
    ("unknown handle", "GET", "/xrpc/com.atproto.identity.resolveHandle",
     json_reply({"error": "InvalidRequest", "message": "Unable to resolve handle"}, 400),
     HandleNotFoundError),
]


@pytest.mark.parametrize(
    ("name", "method", "path", "reply", "error"), ROUTE_CASES, ids=[c[0] for c in ROUTE_CASES]
)
async def test_route_failures(
    name: str, method: str, path: str, reply: Reply, error: type[Exception]
) -> None:
    async with fake_world(timeout=0.5) as (world, client):
        world.server.route(method, path, reply)
        with pytest.raises(error):
            await client.start_sign_in(HANDLE, redirect_uri=REDIRECT)
        assert await stored_nothing(client)


# Failures after the browser came back: complete_sign_in raises, nothing is stored, the pending
# sign-in is consumed, and tokens the server did issue are revoked.
TOKEN_CASES: list[tuple[str, Breaker, type[Exception], bool]] = [
    ("sub of another DID", _set("token", "sub", OTHER_DID), TokenResponseError, True),
    ("sub not a DID", _set("token", "sub", "alice.test"), TokenResponseError, True),
    ("missing atproto scope", _set("token", "scope", "transition:generic"),
     TokenResponseError, True),
    ("token_type Bearer", _set("token", "token_type", "Bearer"), TokenResponseError, True),
    ("negative expires_in", _set("token", "expires_in", -1), TokenResponseError, True),
    ("no access token", _set("token", "access_token", None), TokenResponseError, True),
]


@pytest.mark.parametrize(
    ("name", "breaker", "error", "revokes"), TOKEN_CASES, ids=[c[0] for c in TOKEN_CASES]
)
async def test_token_failures(
    name: str, breaker: Breaker, error: type[Exception], revokes: bool
) -> None:
    async with fake_world() as (world, client):
        start = await client.start_sign_in(HANDLE, redirect_uri=REDIRECT)
        breaker(world)
        with pytest.raises(error):
            await client.complete_sign_in(world.callback(start.state))
        assert await stored_nothing(client)
        assert (world.server.count("/oauth/revoke") > 0) == revokes


async def test_token_endpoint_not_json() -> None:
    async with fake_world() as (world, client):
        start = await client.start_sign_in(HANDLE, redirect_uri=REDIRECT)
        world.server.route("POST", "/oauth/token",
                           text_reply("oops", 200, headers={"DPoP-Nonce": "n"}))
        with pytest.raises(TokenResponseError):
            await client.complete_sign_in(world.callback(start.state))
        assert await stored_nothing(client)


async def test_token_response_without_dpop_nonce_is_revoked_then_refused() -> None:
    async with fake_world() as (world, client):
        start = await client.start_sign_in(HANDLE, redirect_uri=REDIRECT)
        world.send_nonce = False
        with pytest.raises(MissingNonceError):
            await client.complete_sign_in(world.callback(start.state))
        assert await stored_nothing(client)
        revoked = [r.form()["token"] for r in world.server.requests_to("/oauth/revoke")]
        assert world.token["access_token"] in revoked and world.token["refresh_token"] in revoked


async def test_refresh_answered_without_dpop_nonce_revokes_and_ends_without_replay() -> None:
    # The server rotated (the old refresh token is spent) but broke the protocol: what it sent
    # is revoked and the session ends; keeping the old token would make the next try a replay.
    async with fake_world() as (world, client):
        await signed_in(world, client)
        world.token = {**world.token, "access_token": "at-2", "refresh_token": "rt-2"}
        world.send_nonce = False
        with pytest.raises(SessionEndedError) as info:
            await client.refresh(DID, force=True)
        assert info.value.reason is SessionEndReason.UNTRUSTED
        assert "for safety" in info.value.message
        revoked = [r.form()["token"] for r in world.server.requests_to("/oauth/revoke")]
        assert {"at-2", "rt-2"} <= set(revoked)
        assert await client.sessions.list_dids() == []
        assert world.server.count("/oauth/token") == 2  # sign-in, one refresh: no retry


CALLBACK_CASES: list[tuple[str, dict[str, str], type[Exception]]] = [
    ("wrong iss", {"iss": "http://127.0.0.1:1"}, IssuerMismatchError),
    ("missing iss", {"iss": ""}, IssuerMismatchError),
    ("denied", {"error": "access_denied", "code": ""}, CallbackError),
    ("no code", {"code": ""}, InvalidCallbackError),
]


@pytest.mark.parametrize(("name", "extra", "error"), CALLBACK_CASES,
                         ids=[c[0] for c in CALLBACK_CASES])
async def test_callback_failures(name: str, extra: dict[str, str], error: type[Exception]) -> None:
    async with fake_world() as (world, client):
        start = await client.start_sign_in(HANDLE, redirect_uri=REDIRECT)
        with pytest.raises(error) as info:
            await client.complete_sign_in(world.callback(start.state, **extra))
        if isinstance(info.value, CallbackError):
            assert info.value.error == "access_denied" and info.value.state == start.state
        assert await stored_nothing(client)
        assert world.server.count("/oauth/token") == 0


@pytest.mark.parametrize("path", ["/.well-known/oauth-protected-resource",
                                  "/.well-known/oauth-authorization-server"])
async def test_metadata_must_be_exactly_200(path: str) -> None:
    async with fake_world() as (world, client):
        document = world.prm if "protected" in path else world.as_meta
        world.server.route("GET", path, json_reply(document, 203))
        with pytest.raises(MetadataError, match="HTTP 203"):
            await client.start_sign_in(HANDLE, redirect_uri=REDIRECT)
        assert await stored_nothing(client)


async def test_unknown_and_reused_state() -> None:
    async with fake_world() as (world, client):
        with pytest.raises(UnknownStateError):
            await client.complete_sign_in(world.callback("never-issued-state-0123456789"))
        start = await client.start_sign_in(HANDLE, redirect_uri=REDIRECT)
        await client.complete_sign_in(world.callback(start.state))
        await client.sessions.delete(DID)
        with pytest.raises(UnknownStateError):
            await client.complete_sign_in(world.callback(start.state))
        assert await stored_nothing(client)
        assert world.server.count("/oauth/token") == 1


class KeyRecordingStates(MemoryStateStore):
    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    async def pop(self, state: str) -> PendingAuthorization | None:
        self.asked.append(state)
        return await super().pop(state)


@pytest.mark.parametrize("state", [
    "x", "../../pending/other", "a" * 129, "state with spaces 0123456789", "ünicode-0123456789ab",
])
async def test_a_state_of_another_shape_is_never_used_as_a_key(state: str) -> None:
    async with fake_world() as (world, client):
        states = KeyRecordingStates()
        client.states = states
        with pytest.raises(InvalidCallbackError):
            await client.complete_sign_in(world.callback(state))
        assert states.asked == []


async def test_callback_error_description_is_cut_and_escaped() -> None:
    async with fake_world() as (world, client):
        start = await client.start_sign_in(HANDLE, redirect_uri=REDIRECT)
        description = "line one\nline two\r\x1b[31m" + "é" * 1000
        with pytest.raises(CallbackError) as info:
            await client.complete_sign_in(world.callback(
                start.state, error="server_error", error_description=description, code=""))
        detail = info.value.detail
        assert "\n" not in detail and "\r" not in detail and "\x1b" not in detail
        assert len(detail) < 400 and detail.isascii()
        assert info.value.message == "Your provider reported an error during sign-in."


async def test_callback_to_another_redirect_uri() -> None:
    async with fake_world() as (world, client):
        start = await client.start_sign_in(HANDLE, redirect_uri=REDIRECT)
        url = world.callback(start.state).replace("/callback", "/elsewhere")
        with pytest.raises(InvalidCallbackError):
            await client.complete_sign_in(url)
        assert await stored_nothing(client)


async def test_http_without_dev_setting_sends_nothing() -> None:
    async with fake_world(insecure_loopback=False) as (world, client):
        with pytest.raises(InsecureUrlError):
            await client.start_sign_in(HANDLE, redirect_uri=REDIRECT)
        assert world.server.count() == 0
        assert await stored_nothing(client)


@pytest.mark.parametrize(
    "text",
    ["alice", "-alice.test", "alice..test", "did:plc:UPPER", "did:foo", "@", "alice.test/x",
     "did:plc:" + "a" * 24 + "x", "a" * 300 + ".test", "ftp://pds.example.com"],
)
async def test_malformed_identifiers_send_nothing(text: str) -> None:
    async with fake_world() as (world, client):
        with pytest.raises(InvalidIdentifierError):
            await client.start_sign_in(text, redirect_uri=REDIRECT)
        assert world.server.count() == 0
        assert await stored_nothing(client)


async def test_prompt_none_refusal_is_distinct() -> None:
    async with fake_world() as (world, client):
        world.server.route("POST", "/oauth/par", json_reply(
            {"error": "invalid_request",
             "error_description": "Public clients are not allowed to use silent-sign-on"},
            400, headers={"DPoP-Nonce": "n"}))
        with pytest.raises(SilentSignOnRefusedError) as info:
            await client.start_sign_in(HANDLE, redirect_uri=REDIRECT, prompt="none")
        assert "silent-sign-on" in info.value.description
        assert await stored_nothing(client)


async def test_unregistered_redirect_uri_is_refused_locally() -> None:
    async with fake_world() as (world, client):
        with pytest.raises(AuthorizationError):
            await client.start_sign_in(HANDLE, redirect_uri="http://127.0.0.1:7/other")
        assert world.server.count("/oauth/par") == 0


# --- refresh and sign-out against a misbehaving server ------------------------------------------


async def signed_in(world: World, client: OAuthClient) -> None:
    await sign_in(world, client)
    assert await client.sessions.list_dids() == [DID]


@pytest.mark.parametrize(
    "reply",
    [
        json_reply({"error": "server_error"}, 503, headers={"DPoP-Nonce": "n"}),
        json_reply({"error": "slow_down"}, 429, headers={"DPoP-Nonce": "n", "Retry-After": "7"}),
        Reply(200, b"{}", {"content-type": "application/json"}, delay=5.0),
        text_reply("<html>bad gateway</html>", 502, content_type="text/html"),
    ],
    ids=["503", "429", "timeout", "502 html"],
)
async def test_transient_refresh_failures_keep_the_session(reply: Reply) -> None:
    async with fake_world(timeout=0.5) as (world, client):
        await signed_in(world, client)
        world.server.route("POST", "/oauth/token", reply)
        with pytest.raises(TransientRefreshError) as info:
            await client.refresh(DID, force=True)
        if reply.status == 429:
            assert info.value.retry_after == 7.0
        assert await client.sessions.list_dids() == [DID]


@pytest.mark.parametrize(
    ("description", "reason"),
    [
        ("Session expired", SessionEndReason.EXPIRED),
        ("Refresh token expired", SessionEndReason.REFRESH_EXPIRED),
        ("Refresh token replayed", SessionEndReason.REPLAYED),
        ("Invalid refresh token", SessionEndReason.REVOKED),
        ("Something new", SessionEndReason.UNKNOWN),
    ],
)
async def test_invalid_grant_ends_the_session(description: str, reason: SessionEndReason) -> None:
    async with fake_world() as (world, client):
        await signed_in(world, client)
        world.server.route("POST", "/oauth/token", json_reply(
            {"error": "invalid_grant", "error_description": description}, 400,
            headers={"DPoP-Nonce": "n"}))
        with pytest.raises(SessionEndedError) as info:
            await client.refresh(DID, force=True)
        assert info.value.reason is reason
        assert info.value.message
        assert await client.sessions.list_dids() == []


async def test_refresh_when_the_did_moved_to_another_issuer() -> None:
    async with fake_world() as (world, client):
        await signed_in(world, client)
        old = await client.sessions.get(DID)
        assert old is not None
        world.prm["authorization_servers"] = ["http://127.0.0.1:9"]
        with pytest.raises(SessionEndedError) as info:
            await client.refresh(DID, force=True)
        assert info.value.reason is SessionEndReason.IDENTITY_CHANGED
        assert world.server.count("/oauth/token") == 1  # only the sign-in's
        assert await client.sessions.list_dids() == []
        # The tokens were revoked at the old issuer before the session was forgotten.
        revoked = {r.form()["token"] for r in world.server.requests_to("/oauth/revoke")}
        assert {old.tokens.access_token, old.tokens.refresh_token} <= revoked


async def test_refresh_follows_the_account_to_a_new_pds_behind_the_same_issuer() -> None:
    async with fake_world() as (world, client):
        await signed_in(world, client)
        with FakeHttpServer() as new_pds:
            new_pds.route("GET", "/.well-known/oauth-protected-resource", json_reply(
                {"resource": new_pds.url, "authorization_servers": [world.url]}))
            world.did_doc["service"][0]["serviceEndpoint"] = new_pds.url
            session = await client.refresh(DID, force=True)
            assert session.pds_url == new_pds.url
            stored = await client.sessions.get(DID)
            assert stored is not None and stored.pds_url == new_pds.url


@pytest.mark.parametrize(
    ("key", "value"),
    [("sub", OTHER_DID), ("token_type", "Bearer"), ("scope", "transition:generic"),
     ("expires_in", -3)],
)
async def test_unusable_refresh_response_ends_the_session_and_revokes(
    key: str, value: object
) -> None:
    # The server already rotated, so the old refresh token is spent: retrying would be a replay.
    async with fake_world() as (world, client):
        await signed_in(world, client)
        world.token[key] = value
        with pytest.raises(SessionEndedError) as info:
            await client.refresh(DID, force=True)
        assert info.value.reason is SessionEndReason.UNTRUSTED
        assert world.server.count("/oauth/revoke") > 0
        assert await client.sessions.list_dids() == []


class FailingPutStore(MemorySessionStore):
    def __init__(self) -> None:
        super().__init__()
        self.fail = False

    async def put(self, session: Session) -> None:
        if self.fail:
            raise StorageError("keychain locked")
        await super().put(session)


async def test_a_refresh_the_keychain_refuses_is_kept_in_memory_then_stored() -> None:
    # The old refresh token is spent once the server rotated: revoking the new tokens (or going
    # back to the stored ones) would end the session. Keep them and store them when possible.
    async with fake_world() as (world, client):
        store = FailingPutStore()
        client.keeper.sessions = store
        await signed_in(world, client)
        store.fail = True
        world.server.clear()
        world.token = {**world.token, "access_token": "at-2", "refresh_token": "rt-2"}
        session = await client.refresh(DID, force=True)
        assert session.tokens.access_token == "at-2"
        assert world.server.count("/oauth/revoke") == 0
        assert client.keeper.unsaved(DID)
        assert (await client.get_session(DID, refresh=False)).tokens.access_token == "at-2"
        # Still locked at the next refresh: it starts from the kept session, not the stored one.
        world.token = {**world.token, "access_token": "at-3", "refresh_token": "rt-3"}
        await client.refresh(DID, force=True)
        sent = [r.form()["refresh_token"] for r in world.server.requests_to("/oauth/token")]
        assert sent[-1] == "rt-2"  # the kept token, never the spent one in the store
        store.fail = False
        await client.keeper.save_unsaved()
        assert not client.keeper.unsaved(DID)
        stored = await store.get(DID)
        assert stored is not None and stored.tokens.refresh_token == "rt-3"


async def test_sign_out_deletes_locally_even_when_revocation_fails() -> None:
    async with fake_world(timeout=0.5) as (world, client):
        await signed_in(world, client)
        world.server.route("POST", "/oauth/revoke", Reply(200, delay=5.0))
        assert await client.sign_out(DID) is False
        assert await client.sessions.list_dids() == []


async def test_sign_in_that_cannot_be_stored_is_revoked() -> None:
    async with fake_world() as (world, client):
        store = FailingPutStore()
        store.fail = True
        client.keeper.sessions = store
        with pytest.raises(StorageError):
            await sign_in(world, client)
        assert world.server.count("/oauth/revoke") == 2
        assert await store.list_dids() == []


async def test_cancelling_the_first_discovery_caller_cancels_no_other() -> None:
    """The measured bug: the first caller's cancellation reached every other waiter."""
    async with fake_world() as (world, client):
        world.server.route("GET", "/.well-known/oauth-authorization-server",
                           lambda r: json_reply(world.as_meta, delay=0.3))
        first = asyncio.ensure_future(client.discovery.metadata(world.url))
        await eventually(lambda: world.server.count("/.well-known/oauth-authorization-server"),
                         "the first caller's request on the wire", timeout=5)
        second = asyncio.ensure_future(client.discovery.metadata(world.url))
        await asyncio.sleep(0.05)  # the second caller joins; the answer is held 0.3 s
        first.cancel()
        assert (await second).issuer == world.url
        assert first.cancelled()
        assert world.server.count("/.well-known/oauth-authorization-server") == 1


async def test_a_cancelled_refresh_still_stores_what_the_server_rotated() -> None:
    """Closing a view (or the app) mid-refresh must not lose the new tokens: the old refresh
    token is spent the moment the server answers, so dropping the answer is a replay."""
    async with fake_world() as (world, client):
        await signed_in(world, client)
        before = await client.sessions.get(DID)
        assert before is not None
        world.token = {**world.token, "access_token": "rotated-access",
                       "refresh_token": "rotated-refresh"}
        world.server.route("POST", "/oauth/token",
                           lambda r: world.with_nonce(json_reply(world.token, delay=0.3)))
        caller = asyncio.ensure_future(client.refresh(DID, force=True))
        await eventually(lambda: world.server.count("/oauth/token") == 2,
                         "the refresh on the wire", timeout=5)  # (the first: the sign-in's)
        caller.cancel()
        assert client.keeper.refreshing == 1
        assert await client.keeper.drain(5)
        stored = await client.sessions.get(DID)
        assert stored is not None and stored.tokens.refresh_token == "rotated-refresh"
        assert world.server.count("/oauth/token") == 2  # sign-in + one refresh, no retry


@pytest.mark.parametrize("with_lock_dir", [False, True], ids=["memory", "lock-dir"])
async def test_a_lost_refresh_answer_then_a_replay_is_explained(
    with_lock_dir: bool, tmp_path: Path
) -> None:
    async with fake_world(timeout=0.5) as (world, client):
        if with_lock_dir:
            client.keeper._lock_dir = tmp_path
        await signed_in(world, client)
        # The server rotates, but its answer never arrives.
        world.server.route("POST", "/oauth/token", lambda r: world.with_nonce(
            json_reply(world.token, delay=3.0)))
        with pytest.raises(TransientRefreshError):
            await client.refresh(DID, force=True)
        if with_lock_dir:
            assert list(tmp_path.glob("*.inflight"))
        # The retry sends the spent token: the reference server calls it a replay.
        world.server.route("POST", "/oauth/token", lambda r: world.with_nonce(json_reply(
            {"error": "invalid_grant", "error_description": "Refresh token replayed"}, 400)))
        with pytest.raises(SessionEndedError) as info:
            await client.refresh(DID, force=True)
        assert info.value.reason is SessionEndReason.INTERRUPTED
        assert "connection dropped while your sign-in was being renewed" in info.value.message
        assert not list(tmp_path.glob("*.inflight"))


async def test_an_answered_refresh_clears_the_interruption_marker() -> None:
    async with fake_world(timeout=0.5) as (world, client):
        await signed_in(world, client)
        ok = world.server.routes[("POST", "/oauth/token")]
        world.server.route("POST", "/oauth/token", Reply(200, b"{}", delay=3.0))
        with pytest.raises(TransientRefreshError):
            await client.refresh(DID, force=True)
        world.server.route("POST", "/oauth/token", ok)
        await client.refresh(DID, force=True)  # the request had not reached the server: fine
        world.server.route("POST", "/oauth/token", lambda r: world.with_nonce(json_reply(
            {"error": "invalid_grant", "error_description": "Refresh token replayed"}, 400)))
        with pytest.raises(SessionEndedError) as info:
            await client.refresh(DID, force=True)
        assert info.value.reason is SessionEndReason.REPLAYED  # not an interruption of ours
