"""A fake PLC + handle resolver + PDS + authorization server on one loopback port.

Well-behaved by default; tests break one piece at a time to play a malicious or broken server.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx

from desktop_app.atproto import IdentityResolver, NetworkPolicy
from desktop_app.atproto.oauth import (
    ClientConfig,
    MemorySessionStore,
    MemoryStateStore,
    OAuthClient,
)
from tests.support.http_server import FakeHttpServer, Recorded, Reply, json_reply

DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"
OTHER_DID = "did:plc:44ybard66vv44zksje25o7dz"
HANDLE = "alice.test"
REDIRECT = "http://127.0.0.1:7/callback"


def as_metadata(base: str) -> dict[str, Any]:
    """The authorization server metadata the reference PDS serves at `base` (public clients,
    PAR, DPoP ES256, S256)."""
    return {
        "issuer": base,
        "authorization_endpoint": f"{base}/oauth/authorize",
        "token_endpoint": f"{base}/oauth/token",
        "pushed_authorization_request_endpoint": f"{base}/oauth/par",
        "revocation_endpoint": f"{base}/oauth/revoke",
        "require_pushed_authorization_requests": True,
        "authorization_response_iss_parameter_supported": True,
        "client_id_metadata_document_supported": True,
        "code_challenge_methods_supported": ["S256"],
        "dpop_signing_alg_values_supported": ["ES256"],
        "token_endpoint_auth_methods_supported": ["none"],
        "scopes_supported": ["atproto", "transition:generic"],
        "response_types_supported": ["code"],
        "grant_types_supported": ["authorization_code", "refresh_token"],
    }

@dataclass
class World:
    server: FakeHttpServer
    did_doc: dict[str, Any] = field(default_factory=dict)
    as_meta: dict[str, Any] = field(default_factory=dict)
    prm: dict[str, Any] = field(default_factory=dict)
    token: dict[str, Any] = field(default_factory=dict)
    send_nonce: bool = True
    nonce_always_stale: bool = False
    par_expires_in: object = 299  # None: left out of the PAR answer
    codes: dict[str, str] = field(default_factory=dict)  # code -> state

    @property
    def url(self) -> str:
        return self.server.url

    def install(self) -> None:
        base = self.url
        self.did_doc = {
            "id": DID,
            "alsoKnownAs": [f"at://{HANDLE}"],
            "verificationMethod": [],
            "service": [
                {"id": "#atproto_pds", "type": "AtprotoPersonalDataServer", "serviceEndpoint": base}
            ],
        }
        self.prm = {"resource": base, "authorization_servers": [base]}
        self.as_meta = as_metadata(base)
        self.token = {
            "access_token": "fake-access-" + secrets.token_hex(8),
            "token_type": "DPoP",
            "refresh_token": "fake-refresh-" + secrets.token_hex(8),
            "scope": "atproto transition:generic",
            "expires_in": 3600,
            "sub": DID,
        }
        s = self.server
        s.route("GET", "/xrpc/com.atproto.identity.resolveHandle",
                lambda r: json_reply({"did": DID}))
        s.route("GET", f"/{DID}", lambda r: json_reply(self.did_doc))
        s.route("GET", "/.well-known/oauth-protected-resource", lambda r: json_reply(self.prm))
        s.route("GET", "/.well-known/oauth-authorization-server",
                lambda r: json_reply(self.as_meta))
        s.route("POST", "/oauth/par", self._par)
        s.route("POST", "/oauth/token", self._token)
        s.route("POST", "/oauth/revoke", lambda r: self.with_nonce(Reply(200)))

    def with_nonce(self, reply: Reply) -> Reply:
        if self.send_nonce:
            reply.headers = {**reply.headers, "DPoP-Nonce": "nonce-" + secrets.token_hex(4)}
        return reply

    def _par(self, request: Recorded) -> Reply:
        if self.nonce_always_stale:
            return self.with_nonce(json_reply({"error": "use_dpop_nonce"}, 400))
        form = request.form()
        self.codes["last-state"] = form.get("state", "")
        answer: dict[str, object] = {
            "request_uri": f"urn:ietf:params:oauth:request_uri:req-{secrets.token_hex(4)}"}
        if self.par_expires_in is not None:
            answer["expires_in"] = self.par_expires_in
        return self.with_nonce(json_reply(answer, 201))

    def _token(self, request: Recorded) -> Reply:
        return self.with_nonce(json_reply(self.token))

    def callback(self, state: str, **extra: str) -> str:
        params = {"iss": self.url, "state": state, "code": "cod-fake", **extra}
        params = {k: v for k, v in params.items() if v != ""}
        return f"{REDIRECT}?{httpx.QueryParams(params)}"


@asynccontextmanager
async def fake_world(*, insecure_loopback: bool = True, timeout: float = 2.0,
                     config: ClientConfig | None = None,
                     ) -> AsyncIterator[tuple[World, OAuthClient]]:
    with FakeHttpServer() as server:
        world = World(server)
        world.install()
        policy = NetworkPolicy(allow_insecure_loopback=insecure_loopback, timeout=timeout)
        async with httpx.AsyncClient(trust_env=False) as http:
            identity = IdentityResolver(
                http, policy, plc_url=world.url, handle_resolver_url=world.url
            )
            client = OAuthClient(
                config or ClientConfig.development(),
                http=http,
                policy=policy,
                identity=identity,
                sessions=MemorySessionStore(),
                states=MemoryStateStore(),
            )
            yield world, client


def body_json(reply_body: bytes) -> Any:
    return json.loads(reply_body)
