"""Fixtures of the bsky tests: a fake PDS and an agent signed in to it."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from desktop_app.app import agent_for
from desktop_app.atproto import IdentityResolver, NetworkPolicy
from desktop_app.atproto.oauth import (
    ClientConfig,
    DPoPKey,
    MemorySessionStore,
    MemoryStateStore,
    OAuthClient,
    Session,
    TokenSet,
)
from desktop_app.bsky import Agent
from tests.support.http_server import FakeHttpServer

DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"
NOW = 1_700_000_000.0  # 2023-11-14T22:13:20Z


@pytest.fixture
def pds() -> Iterator[FakeHttpServer]:
    with FakeHttpServer() as server:
        yield server


@pytest.fixture
async def agent(pds: FakeHttpServer) -> AsyncIterator[Agent]:
    policy = NetworkPolicy(allow_insecure_loopback=True)
    now = time.time()
    session = Session(
        did=DID, handle="alice.test", pds_url=pds.url, issuer=pds.url,
        client_id="http://localhost",
        tokens=TokenSet("access-secret", "refresh-secret", "atproto transition:generic", now,
                        now + 3600),
        dpop_key=DPoPKey.generate(), session_started_at=now, last_refresh_at=now,
    )
    sessions = MemorySessionStore()
    await sessions.put(session)
    async with httpx.AsyncClient(trust_env=False) as http:
        client = OAuthClient(ClientConfig.development(), http=http, policy=policy,
                             identity=IdentityResolver(http, policy), sessions=sessions,
                             states=MemoryStateStore())
        yield agent_for(client, DID, clock=lambda: NOW)
