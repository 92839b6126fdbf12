"""One account's PLC, PDS and authorization server behind an `httpx.MockTransport`.

For what a real server never does (a 2xx token answer the client cannot use, a connection
refused by the app's own address check): every request is answered in process, nothing
connects anywhere, and the token endpoint's answer is whatever the test scripts.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx

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
from tests.support.atproto_world import as_metadata

BASE = "http://127.0.0.1:2583"  # never connected to: the mock transport answers
DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"
SCOPE = "atproto transition:generic"
JSON = {"content-type": "application/json"}

TokenAnswer = Callable[[httpx.Request], httpx.Response | Awaitable[httpx.Response]]


def tokens(**overrides: Any) -> dict[str, Any]:
    """A well-formed token answer (the rotated session), with `overrides` (None drops one)."""
    data: dict[str, Any] = {"access_token": "at-2", "token_type": "DPoP",
                            "refresh_token": "rt-2", "scope": SCOPE, "expires_in": 3600,
                            "sub": DID}
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def answer(body: Any = None, status: int = 200, *, nonce: str | None = "nonce-1",
           headers: dict[str, str] | None = None) -> httpx.Response:
    """An authorization-server answer: JSON for a dict, raw bytes as given."""
    content = body if isinstance(body, bytes) else json.dumps(
        tokens() if body is None else body).encode()
    all_headers = {**JSON, **(headers or {})}
    if nonce is not None:
        all_headers["DPoP-Nonce"] = nonce
    return httpx.Response(status, content=content, headers=all_headers)


def form(request: httpx.Request) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(request.content.decode()).items()}


@dataclass
class MockServer:
    """Answers the identity, discovery, token and revocation requests of one account; records
    the refresh tokens the token endpoint received and the tokens revoked."""

    token_answer: TokenAnswer = field(default=lambda request: answer())
    did_doc_delay: float = 0.0
    sent: list[str] = field(default_factory=list)  # refresh tokens, in the order received
    revoked: list[str] = field(default_factory=list)

    async def handle(self, request: httpx.Request) -> httpx.Response:
        reply = await self._route(request)
        # Streamed like a network answer (the app reads bodies with a size cap); a fresh one
        # each time, so a scripted reply can be given more than once.
        return httpx.Response(reply.status_code, headers=reply.headers,
                              stream=httpx.ByteStream(reply.content))

    async def _route(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path == f"/{DID}":
            await asyncio.sleep(self.did_doc_delay)
            return httpx.Response(200, json=did_document(), headers=JSON)
        if path == "/.well-known/oauth-protected-resource":
            return httpx.Response(200, json={"resource": BASE, "authorization_servers": [BASE]})
        if path == "/.well-known/oauth-authorization-server":
            return httpx.Response(200, json=as_metadata(BASE))
        if path == "/oauth/token":
            self.sent.append(form(request).get("refresh_token", ""))
            result = self.token_answer(request)
            return result if isinstance(result, httpx.Response) else await result
        if path == "/oauth/revoke":
            self.revoked.append(form(request)["token"])
            return answer({})
        return httpx.Response(404)


def did_document() -> dict[str, Any]:
    return {"id": DID, "alsoKnownAs": ["at://alice.test"], "verificationMethod": [],
            "service": [{"id": "#atproto_pds", "type": "AtprotoPersonalDataServer",
                         "serviceEndpoint": BASE}]}


def session(refresh: str = "rt-1", access: str = "at-1", scope: str = SCOPE) -> Session:
    """A session at the mock server whose access token is about to expire."""
    now = time.time()
    return Session(
        did=DID, handle="alice.test", pds_url=BASE, issuer=BASE,
        client_id=ClientConfig.development().client_id,
        tokens=TokenSet(access, refresh, scope, now - 3590, now + 10),
        dpop_key=DPoPKey.generate(), session_started_at=now - 3590,
        last_refresh_at=now - 3590, nominal_access_lifetime=3600.0,
    )


@asynccontextmanager
async def mock_client(server: MockServer, *, lock_dir: Path | None = None,
                      policy: NetworkPolicy | None = None) -> AsyncIterator[OAuthClient]:
    """The OAuth client on the mock transport, with `session()` stored."""
    policy = policy or NetworkPolicy(allow_insecure_loopback=True)
    async with httpx.AsyncClient(transport=httpx.MockTransport(server.handle)) as http:
        client = OAuthClient(
            ClientConfig.development(), http=http, policy=policy,
            identity=IdentityResolver(http, policy, plc_url=BASE, handle_resolver_url=BASE),
            sessions=MemorySessionStore(), states=MemoryStateStore(), lock_dir=lock_dir)
        await client.sessions.put(session())
        yield client
