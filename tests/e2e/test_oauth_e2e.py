"""Sign-in, XRPC with DPoP, refresh, expiry and sign-out against the reference PDS."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from pathlib import Path

import pytest

from desktop_app.atproto.oauth import (
    CallbackError,
    ClientConfig,
    NonceCache,
    Session,
    SessionEndedError,
    SessionEndReason,
    SilentSignOnRefusedError,
)
from tests.fixtures import PdsFactory
from tests.support.harness import PdsNetwork
from tests.support.oauth import (
    approve,
    oauth_client,
    pds_client,
    serve_client_metadata,
    sign_in,
)

REDIRECT = "http://127.0.0.1:53682/callback"
CLIENT_ID = "https://app.desktopapp.org/client-metadata.json"


async def test_dev_client_sign_in_and_dpop_xrpc(pds: PdsNetwork) -> None:
    async with oauth_client(pds) as (client, log):
        session = await sign_in(client, pds.alice, redirect_uri=REDIRECT)
        assert session.did == pds.alice.did
        assert session.handle == "alice.test"
        assert session.issuer == pds.issuer
        assert "atproto" in session.scope.split()
        assert session.tokens.refresh_token
        assert await client.sessions.list_dids() == [pds.alice.did]

        # Here the PDS and the AS share an origin, so the AS's nonce would be accepted; forget
        # it, as a freshly started app would, so the PDS must ask for one.
        client.endpoints.nonces = NonceCache()
        log.clear()
        async with pds_client(client, session) as xrpc:
            me = await xrpc.get("/xrpc/com.atproto.server.getSession")
            assert me.status_code == 200, me.text
            assert me.json()["did"] == pds.alice.did
            # No nonce for this origin yet: the server asks, we retry exactly once.
            nonce_retries = [r for r in log.responses
                             if r[1] == 401 and "use_dpop_nonce" in r[2]]
            assert len(nonce_retries) == 1

            text = f"hello from the e2e suite {time.time()}"
            created = await xrpc.post(
                "/xrpc/com.atproto.repo.createRecord",
                json={
                    "repo": session.did,
                    "collection": "app.bsky.feed.post",
                    "record": {
                        "$type": "app.bsky.feed.post",
                        "text": text,
                        "createdAt": "2026-11-22T10:00:00.000Z",
                    },
                },
            )
            assert created.status_code == 200, created.text
            uri = created.json()["uri"]
            listed = await xrpc.get(
                "/xrpc/com.atproto.repo.listRecords",
                params={"repo": session.did, "collection": "app.bsky.feed.post"},
            )
            assert listed.status_code == 200, listed.text
            assert uri in [r["uri"] for r in listed.json()["records"]]
        # Steady state: one request per call, no further nonce retries.
        assert len([r for r in log.responses if r[1] == 401]) == 1


async def test_denied_access_is_a_callback_error(pds: PdsNetwork) -> None:
    async with oauth_client(pds) as (client, _):
        start = await client.start_sign_in("@Bob.Test", redirect_uri=REDIRECT)
        callback = await approve(start.url, pds.bob, action="reject")
        with pytest.raises(CallbackError) as info:
            await client.complete_sign_in(callback)
        assert info.value.error == "access_denied"
        assert info.value.state == start.state
        assert await client.sessions.list_dids() == []


async def test_sign_in_from_server_url_verifies_sub(pds: PdsNetwork) -> None:
    async with oauth_client(pds) as (client, _):
        start = await client.start_sign_in(pds.pds_url, redirect_uri=REDIRECT)
        assert start.did is None
        session = await client.complete_sign_in(await approve(start.url, pds.bob))
        assert session.did == pds.bob.did
        assert session.handle == "bob.test"


async def test_refresh_rotation_then_replay_is_terminal(pds: PdsNetwork) -> None:
    async with oauth_client(pds) as (client, log):
        first = await sign_in(client, pds.bob, redirect_uri=REDIRECT)
        log.clear()
        second = await client.refresh(first.did, force=True)
        assert second.tokens.refresh_token != first.tokens.refresh_token
        assert second.tokens.access_token != first.tokens.access_token
        assert second.generation == first.generation + 1
        assert second.session_started_at == first.session_started_at
        assert log.count("/oauth/token") == 1
        # Put the already-used refresh token back, as a stale copy would: the server treats its
        # reuse as theft and ends the whole session.
        await client.sessions.put(first)
        client.forget_cached(first.did)
        with pytest.raises(SessionEndedError) as info:
            await client.refresh(first.did, force=True)
        assert info.value.reason is SessionEndReason.REPLAYED
        assert await client.sessions.get(first.did) is None
        # …including the newest tokens.
        await client.sessions.put(second)
        client.forget_cached(second.did)
        with pytest.raises(SessionEndedError):
            await client.refresh(second.did, force=True)


async def test_sign_out_revokes(pds: PdsNetwork) -> None:
    async with oauth_client(pds) as (client, log):
        session = await sign_in(client, pds.alice, redirect_uri=REDIRECT)
        assert await client.sign_out(session.did) is True
        assert await client.sessions.get(session.did) is None
        assert log.count("/oauth/revoke") == 2
        await client.sessions.put(session)
        with pytest.raises(SessionEndedError) as info:
            await client.refresh(session.did, force=True)
        assert info.value.reason is SessionEndReason.REVOKED


async def test_expired_access_token_refreshes_proactively(pds_factory: PdsFactory) -> None:
    net = pds_factory(access_token_lifetime=3)
    async with oauth_client(net) as (client, log):
        session = await sign_in(client, net.alice, redirect_uri=REDIRECT)
        assert session.tokens.expires_at is not None
        assert 2 <= session.tokens.expires_at - session.tokens.issued_at <= 3
        await asyncio.sleep(3.5)  # the scenario: the access token expires unused
        log.clear()
        async with pds_client(client, session) as xrpc:
            response = await xrpc.get("/xrpc/com.atproto.server.getSession")
        assert response.status_code == 200
        assert log.count("/oauth/token") == 1
        # Refreshed before the call, not after a 401 from the PDS.
        assert not [r for r in log.responses if r[1] == 401 and "invalid_token" in r[2]]
        assert (await client.get_session(session.did, refresh=False)).generation == 1


async def test_fifty_concurrent_calls_share_one_refresh(pds: PdsNetwork) -> None:
    async with oauth_client(pds) as (client, log):
        session = await sign_in(client, pds.alice, redirect_uri=REDIRECT)
        expired = dataclasses.replace(
            session,
            tokens=dataclasses.replace(session.tokens, expires_at=time.time() - 1),
        )
        await client.sessions.put(expired)
        client.forget_cached(session.did)
        log.clear()
        async with pds_client(client, session) as xrpc:
            responses = await asyncio.gather(
                *(xrpc.get("/xrpc/com.atproto.server.getSession") for _ in range(50))
            )
        assert [r.status_code for r in responses] == [200] * 50
        assert log.count("/oauth/token") == 1


async def test_refresh_inactivity_ends_session(pds_factory: PdsFactory) -> None:
    net = pds_factory(refresh_lifetime=2)
    async with oauth_client(net) as (client, _):
        session = await sign_in(client, net.alice, redirect_uri=REDIRECT)
        await asyncio.sleep(2.5)  # the scenario: the refresh token outlives its 2 s unused
        with pytest.raises(SessionEndedError) as info:
            await client.refresh(session.did, force=True)
        assert info.value.reason is SessionEndReason.REFRESH_EXPIRED
        assert await client.sessions.get(session.did) is None


async def test_absolute_session_end(pds_factory: PdsFactory) -> None:
    net = pds_factory(session_lifetime=12, access_token_lifetime=6)
    async with oauth_client(net) as (client, _):
        first = await sign_in(client, net.alice, redirect_uri=REDIRECT)
        assert first.session_ends_at is None
        await asyncio.sleep(8.5)  # the scenario: past the first access token's 6 s
        second: Session = await client.refresh(first.did, force=True)
        expected_end = first.session_started_at + 12
        # expires_in shrank below the usual 6 s: the server clipped it to the session end.
        assert second.session_ends_at is not None
        assert abs(second.session_ends_at - expected_end) < 1.5
        # The scenario: the session's end passes (the server's clock decides, not ours).
        await asyncio.sleep(max(0.0, expected_end - time.time()) + 0.5)
        with pytest.raises(SessionEndedError) as info:
            await client.refresh(first.did, force=True)
        assert info.value.reason is SessionEndReason.EXPIRED
        assert await client.sessions.get(first.did) is None


async def test_prompt_none_refused_for_untrusted_client(pds: PdsNetwork) -> None:
    async with oauth_client(pds) as (client, log):
        with pytest.raises(SilentSignOnRefusedError) as info:
            await client.start_sign_in("alice.test", redirect_uri=REDIRECT, prompt="none")
        assert "silent" in info.value.description.lower()
        assert log.count("/oauth/par") >= 1
        assert len(client.states) == 0  # type: ignore[arg-type]


async def test_prompt_none_silent_code_for_trusted_client(
    pds_factory: PdsFactory, tmp_path: Path
) -> None:
    # Stored consent exists only for discoverable clients: the provider never records consent
    # for loopback (development) clients, which are indistinguishable from one another.
    config = ClientConfig.discoverable(CLIENT_ID)
    with serve_client_metadata(config) as metadata_url:
        net = pds_factory(trusted_clients=[CLIENT_ID],
                          client_metadata_map={CLIENT_ID: metadata_url})
        jar = tmp_path / "cookies.json"
        redirect = f"{config.scheme}:{config.callback_path}"
        async with oauth_client(net, config=config) as (client, _):
            first = await sign_in(client, net.alice, redirect_uri=redirect, cookie_jar_path=jar)
            # Renewal: prompt=none + login_hint; the provider answers at once, no password.
            start = await client.start_sign_in(
                net.alice.did, redirect_uri=redirect, prompt="none", login_hint="alice.test"
            )
            callback = await approve(start.url, net.alice, cookie_jar_path=jar, password=None)
            renewed = await client.complete_sign_in(callback)
    assert renewed.did == first.did
    assert renewed.tokens.refresh_token != first.tokens.refresh_token
    assert renewed.session_started_at > first.session_started_at


async def test_prompt_none_without_remembered_session_needs_login(
    pds_factory: PdsFactory,
) -> None:
    config = ClientConfig.development()
    net = pds_factory(trusted_clients=[config.client_id])
    async with oauth_client(net, config=config) as (client, _):
        start = await client.start_sign_in("alice.test", redirect_uri=REDIRECT, prompt="none")
        callback = await approve(start.url, net.alice, username=None, password=None)
        with pytest.raises(CallbackError) as info:
            await client.complete_sign_in(callback)
        assert info.value.needs_interaction, info.value.error
