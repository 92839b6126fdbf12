"""An agent signed in to a scripted PDS (a `FakeHttpServer`): for the core's tests of what
the agent sends and how answers are parsed, without a real server."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import httpx

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

DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"


@asynccontextmanager
async def agent_at(url: str, *, clock: Callable[[], float] = time.time,
                   did: str = DID) -> AsyncIterator[Agent]:
    """An agent for `did`, whose session (fresh tokens, a new DPoP key) points at `url`."""
    policy = NetworkPolicy(allow_insecure_loopback=True)
    now = time.time()
    session = Session(
        did=did, handle="alice.test", pds_url=url, issuer=url,
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
        yield agent_for(client, did, clock=clock)
