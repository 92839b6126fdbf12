"""Authorization-server discovery: protected-resource and authorization-server metadata checks."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from .. import NetworkError, NetworkPolicy, SingleFlightCache, get_json, origin_of
from ._errors import MetadataError

METADATA_TTL = 600.0  # Spec allows caching; keep it under 10 minutes.
METADATA_MAX_BYTES = 64 * 1024


@dataclass(frozen=True)
class AuthServerMetadata:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    pushed_authorization_request_endpoint: str
    revocation_endpoint: str | None
    scopes_supported: tuple[str, ...]
    raw: dict[str, Any]


def check_origin_url(url: str, what: str) -> str:
    """An issuer or resource must be a bare origin: scheme, host, optional port, nothing else."""
    parts = urlsplit(url)
    if (
        parts.scheme not in {"http", "https"}
        or not parts.hostname
        or parts.path not in {"", "/"}
        or parts.query
        or parts.fragment
        or parts.username is not None
    ):
        raise MetadataError(f"{what} {url!r} is not a bare origin")
    return origin_of(url)


class Discovery:
    """Finds and validates the authorization server behind a PDS, with a short cache."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        policy: NetworkPolicy,
        *,
        ttl: float = METADATA_TTL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._http = http
        self._policy = policy
        self._issuers: SingleFlightCache[str, str] = SingleFlightCache(ttl=ttl, clock=clock)
        self._metadata: SingleFlightCache[str, AuthServerMetadata] = SingleFlightCache(
            ttl=ttl, clock=clock)

    async def issuer_for_pds(self, pds_url: str, *, fresh: bool = False) -> str:
        """The single authorization server a PDS names in its protected-resource metadata."""
        origin = origin_of(self._policy.check_url(pds_url))
        return await self._issuers.get(origin, lambda: self._fetch_prm(origin), fresh=fresh)

    async def metadata(self, issuer: str, *, fresh: bool = False) -> AuthServerMetadata:
        """Validated metadata of an authorization server identified by its issuer origin."""
        issuer = check_origin_url(self._policy.check_url(issuer), "issuer")
        return await self._metadata.get(issuer, lambda: self._fetch_as(issuer), fresh=fresh)

    async def for_service_url(self, url: str) -> AuthServerMetadata:
        """Sign-in from a server URL: a PDS (has PRM) or an entryway/AS (has AS metadata)."""
        origin = origin_of(self._policy.check_url(url))
        try:
            issuer = await self.issuer_for_pds(origin)
        except MetadataError:
            issuer = origin
        return await self.metadata(issuer)

    async def _fetch_prm(self, origin: str) -> str:
        url = f"{origin}/.well-known/oauth-protected-resource"
        doc = await get_json(
            self._http, self._policy, url, error=MetadataError,
            follow_redirects=False, max_bytes=METADATA_MAX_BYTES, exactly_200=True,
        )
        if not isinstance(doc, dict):
            raise MetadataError(f"{url} is not a JSON object")
        resource = doc.get("resource")
        # RFC 9728 §3.3: identical to the identifier the well-known path was built from.
        if resource != origin:
            raise MetadataError(f"protected resource {resource!r:.100} is not {origin}")
        servers = doc.get("authorization_servers")
        if not isinstance(servers, list) or len(servers) != 1 or not isinstance(servers[0], str):
            raise MetadataError(
                f"{origin} must name exactly one authorization server, got {servers!r}"
            )
        return check_origin_url(self._policy.check_url(servers[0]), "authorization server")

    async def _fetch_as(self, issuer: str) -> AuthServerMetadata:
        url = f"{issuer}/.well-known/oauth-authorization-server"
        doc = await get_json(
            self._http, self._policy, url, error=MetadataError,
            follow_redirects=False, max_bytes=METADATA_MAX_BYTES, exactly_200=True,
        )
        return parse_as_metadata(doc, issuer, self._policy)


def parse_as_metadata(doc: Any, issuer: str, policy: NetworkPolicy) -> AuthServerMetadata:
    """Validate authorization-server metadata against what an atproto public client needs."""
    if not isinstance(doc, dict):
        raise MetadataError("authorization server metadata is not a JSON object")
    if doc.get("issuer") != issuer:
        raise MetadataError(f"issuer {doc.get('issuer')!r} does not match {issuer}")

    def endpoint(name: str, *, required: bool = True) -> str | None:
        value = doc.get(name)
        if value is None and not required:
            return None
        if not isinstance(value, str):
            raise MetadataError(f"{name} is missing")
        try:
            return policy.check_url(value)
        except NetworkError as exc:
            raise MetadataError(f"{name} is not an allowed URL: {exc.detail}") from exc

    def listed(name: str, value: str) -> None:
        values = doc.get(name)
        if not isinstance(values, list) or value not in values:
            raise MetadataError(f"{name} does not include {value!r}")

    if doc.get("require_pushed_authorization_requests") is not True:
        raise MetadataError("server does not require pushed authorization requests")
    if doc.get("authorization_response_iss_parameter_supported") is not True:
        raise MetadataError("server does not support the iss response parameter")
    if doc.get("client_id_metadata_document_supported") is not True:
        raise MetadataError("server does not support client metadata documents")
    if doc.get("require_request_uri_registration") is False:
        # The server would take request_uri values it never issued (fetched by reference).
        raise MetadataError("server accepts unregistered request_uri values")
    listed("code_challenge_methods_supported", "S256")
    listed("dpop_signing_alg_values_supported", "ES256")
    listed("token_endpoint_auth_methods_supported", "none")
    listed("scopes_supported", "atproto")
    listed("response_types_supported", "code")
    listed("grant_types_supported", "authorization_code")
    listed("grant_types_supported", "refresh_token")
    scopes = doc.get("scopes_supported")
    return AuthServerMetadata(
        issuer=issuer,
        authorization_endpoint=endpoint("authorization_endpoint") or "",
        token_endpoint=endpoint("token_endpoint") or "",
        pushed_authorization_request_endpoint=endpoint("pushed_authorization_request_endpoint")
        or "",
        revocation_endpoint=endpoint("revocation_endpoint", required=False),
        scopes_supported=tuple(s for s in scopes if isinstance(s, str)) if scopes else (),
        raw=doc,
    )
