"""No secret reaches a log or a repr; a 401 invalid_token refreshes once and retries once."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time

import pytest

from tests.fixtures import PdsFactory
from tests.support.harness import PdsNetwork
from tests.support.oauth import oauth_client, pds_client, sign_in

REDIRECT = "http://127.0.0.1:53700/callback"


async def test_no_secret_in_logs_or_reprs(
    pds: PdsNetwork, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, httpx and httpcore included
    async with oauth_client(pds) as (client, _):
        first = await sign_in(client, pds.bob, redirect_uri=REDIRECT)
        second = await client.refresh(first.did, force=True)
        async with pds_client(client, second) as xrpc:
            assert (await xrpc.get("/xrpc/com.atproto.server.getSession")).status_code == 200
        await client.sign_out(first.did)
    secrets = [
        first.tokens.access_token, first.tokens.refresh_token,
        second.tokens.access_token, second.tokens.refresh_token,
        first.dpop_key.private_jwk()["d"],
    ]
    text = "\n".join(
        [caplog.text, repr(first), repr(second), str(first.public_dict()), repr(client.sessions)]
    )
    assert caplog.records  # the scan looked at something
    for secret in secrets:
        assert secret and secret not in text


async def test_invalid_token_from_pds_refreshes_once_and_retries(
    pds_factory: PdsFactory,
) -> None:
    net = pds_factory(access_token_lifetime=3)
    async with oauth_client(net) as (client, log):
        session = await sign_in(client, net.alice, redirect_uri=REDIRECT)
        # A skewed clock: locally the token looks valid for an hour, the PDS says it expired.
        skewed = dataclasses.replace(
            session, tokens=dataclasses.replace(session.tokens, expires_at=time.time() + 3600)
        )
        await client.sessions.put(skewed)
        client.forget_cached(session.did)  # the next use reads the skewed copy
        await asyncio.sleep(3.5)  # the scenario: the PDS's 3 s for the access token pass
        log.clear()
        async with pds_client(client, skewed) as xrpc:
            response = await xrpc.get("/xrpc/com.atproto.server.getSession")
        assert response.status_code == 200, response.text
        invalid = [r for r in log.responses if r[1] == 401 and "invalid_token" in r[2]]
        assert len(invalid) == 1
        assert log.count("/oauth/token") >= 1
        assert log.count("/xrpc/com.atproto.server.getSession") == 2
