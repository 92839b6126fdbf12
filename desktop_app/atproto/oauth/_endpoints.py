"""Requests to the authorization server's endpoints (PAR, token, revocation), DPoP-signed."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import httpx

from .. import AtprotoError, NetworkPolicy, fetch, parse_json, safe_url
from ._callback import oauth_error
from ._discovery import AuthServerMetadata
from ._dpop import DPoPKey, NonceCache, is_use_dpop_nonce_error
from ._errors import (
    AuthorizationError,
    DPoPError,
    MissingNonceError,
    ParRejectedError,
    SilentSignOnRefusedError,
)

log = logging.getLogger(__name__)

TOKEN_MAX_BYTES = 64 * 1024


class Endpoints:
    """Talks to authorization servers as one client_id.

    Holds the HTTP client and policy, and the DPoP nonce cache it shares with the resource
    requests (nonces are per origin, so the AS and each PDS stay apart).
    """

    def __init__(self, client_id: str, http: httpx.AsyncClient, policy: NetworkPolicy,
                 nonces: NonceCache) -> None:
        self.client_id = client_id
        self.http = http
        self.policy = policy
        self.nonces = nonces

    async def post(
        self, url: str, form: Mapping[str, str], key: DPoPKey,
        *, issuing: AuthServerMetadata | None = None,
    ) -> tuple[httpx.Response, bytes]:
        """POST a form with a DPoP proof; retry exactly once on `use_dpop_nonce`.

        `issuing`: the request can issue tokens (at that server); if its 2xx answer breaks the
        protocol, what it carried is revoked before `MissingNonceError` is raised."""
        for attempt in range(2):
            proof = key.proof("POST", url, nonce=self.nonces.get(url))
            response, body = await fetch(
                self.http,
                self.policy,
                "POST",
                url,
                headers={"DPoP": proof, "Accept": "application/json"},
                data=form,
                max_bytes=TOKEN_MAX_BYTES,
            )
            nonce = self.nonces.update(url, response.headers)
            if nonce is None and response.status_code < 500:
                # atproto OAuth: authorization servers must always send a fresh nonce.
                if 200 <= response.status_code < 300 and issuing is not None:
                    await self._revoke_received(issuing, key, body)
                    raise MissingNonceError(f"{safe_url(url)} answered 2xx without DPoP-Nonce")
                raise DPoPError(f"{safe_url(url)} sent no DPoP-Nonce header")
            if not is_use_dpop_nonce_error(response, body):
                return response, body
            if attempt == 1:
                raise DPoPError(f"{safe_url(url)} rejected the DPoP nonce twice")
        raise AssertionError("unreachable")  # pragma: no cover

    async def par(
        self, metadata: AuthServerMetadata, params: Mapping[str, str], key: DPoPKey,
        prompt: str | None,
    ) -> dict[str, Any]:
        response, body = await self.post(
            metadata.pushed_authorization_request_endpoint, params, key
        )
        data = json_object(body, response, AuthorizationError)
        if response.status_code in (200, 201):
            return data
        error, description = oauth_error(data)
        if prompt == "none" and response.status_code in (400, 401, 403):
            # The reference server refuses silent sign-on for untrusted public clients at PAR
            # time (invalid_request / consent_required): the caller falls back to a prompt.
            raise SilentSignOnRefusedError(error or f"HTTP {response.status_code}", description)
        raise ParRejectedError(error or f"HTTP {response.status_code}", description)

    async def revoke(
        self, metadata: AuthServerMetadata, key: DPoPKey, tokens: Mapping[str, Any]
    ) -> bool:
        """Revoke the refresh and access tokens in `tokens`; True when the server confirmed."""
        if metadata.revocation_endpoint is None:
            return False
        ok = True
        for hint in ("refresh_token", "access_token"):
            token = tokens.get(hint)
            if not isinstance(token, str) or not token:
                continue
            form = {"token": token, "token_type_hint": hint, "client_id": self.client_id}
            try:
                response, _ = await self.post(metadata.revocation_endpoint, form, key)
            except AtprotoError as exc:
                # Each token on its own: one failed revocation must not spare the other.
                log.info("could not revoke the %s: %s", hint.replace("_", " "), exc.detail)
                ok = False
                continue
            ok = ok and response.status_code == 200
        return ok

    async def _revoke_received(self, metadata: AuthServerMetadata, key: DPoPKey,
                               body: bytes) -> None:
        try:
            data = parse_json(body, metadata.token_endpoint, error=AuthorizationError)
        except AtprotoError:
            return  # nothing readable was received, so nothing can be revoked
        if isinstance(data, Mapping):
            await self.revoke_quietly(metadata, key, data)

    async def revoke_quietly(
        self, metadata: AuthServerMetadata, key: DPoPKey, tokens: Mapping[str, Any]
    ) -> None:
        try:
            await self.revoke(metadata, key, tokens)
        except AtprotoError as exc:
            log.warning("could not revoke tokens: %s", exc.detail)


def json_object(
    body: bytes, response: httpx.Response, error: type[AtprotoError]
) -> dict[str, Any]:
    data = parse_json(body, str(response.url), error=error)
    if not isinstance(data, dict):
        raise error(f"HTTP {response.status_code}: response is not a JSON object")
    return data
