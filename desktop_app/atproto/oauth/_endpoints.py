"""Requests to the authorization server's endpoints (PAR, token, revocation), DPoP-signed."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import httpx

from .. import AtprotoError, NetworkPolicy, ResponseTooLargeError, fetch, parse_json, safe_url
from ._callback import oauth_error
from ._discovery import AuthServerMetadata
from ._dpop import DPoPKey, NonceCache, is_use_dpop_nonce_error
from ._errors import (
    AuthorizationError,
    DPoPError,
    MissingNonceError,
    ParRejectedError,
    SilentSignOnRefusedError,
    UntrustedAnswerError,
)

log = logging.getLogger(__name__)

TOKEN_MAX_BYTES = 64 * 1024
ATTEMPTS = 2  # a DPoP-signed POST, and once more with the nonce the server asked for


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

        `issuing`: the request can issue tokens (at that server). A 2xx answer is then returned
        only as a 200 with a DPoP nonce and a JSON object: any other 2xx may have rotated the
        tokens and cannot be used, so what it carried is revoked (when it can be read) and
        `UntrustedAnswerError` raised — the caller must not send the same grant again."""
        for attempt in range(ATTEMPTS):
            proof = key.proof("POST", url, nonce=self.nonces.get(url))
            response, body = await self._fetch(url, form, proof, issuing)
            if issuing is not None and 200 <= response.status_code < 300:
                await self._check_issued(issuing, key, response, body)
                return response, body
            nonce = self.nonces.update(url, response.headers)
            if nonce is None and response.status_code < 500:
                # atproto OAuth: authorization servers must always send a fresh nonce.
                raise DPoPError(f"{safe_url(url)} sent no DPoP-Nonce header")
            if not is_use_dpop_nonce_error(response, body):
                return response, body
            if attempt == ATTEMPTS - 1:
                raise DPoPError(f"{safe_url(url)} rejected the DPoP nonce twice")
        raise AssertionError("unreachable")  # pragma: no cover

    @property
    def answer_within(self) -> float:
        """The longest `post` can wait for its answer: each attempt within the policy's
        deadline."""
        return ATTEMPTS * self.policy.deadline

    async def _fetch(self, url: str, form: Mapping[str, str], proof: str,
                     issuing: AuthServerMetadata | None) -> tuple[httpx.Response, bytes]:
        try:
            return await fetch(self.http, self.policy, "POST", url,
                               headers={"DPoP": proof, "Accept": "application/json"},
                               data=form, max_bytes=TOKEN_MAX_BYTES)
        except ResponseTooLargeError as exc:
            if issuing is None or exc.status is None or not 200 <= exc.status < 300:
                raise
            # Answered, perhaps with rotated tokens nobody can read: nothing to revoke.
            raise UntrustedAnswerError(
                f"{safe_url(url)} answered {exc.status} with more than {TOKEN_MAX_BYTES} "
                "bytes") from exc

    async def _check_issued(self, metadata: AuthServerMetadata, key: DPoPKey,
                            response: httpx.Response, body: bytes) -> None:
        """A 2xx answer that can issue tokens: usable, or revoked and refused."""
        url = str(response.url)
        try:
            nonce = self.nonces.update(url, response.headers)
            problem = None if nonce else "no DPoP-Nonce"
        except DPoPError:
            problem = "a malformed DPoP-Nonce"
        if problem is None and response.status_code != 200:
            problem = f"HTTP {response.status_code} instead of 200"
        try:
            data = json_object(body, response, UntrustedAnswerError)
        except AtprotoError:
            data = None  # nothing readable was received, so nothing can be revoked
            problem = problem or "a body that is not a JSON object"
        if problem is None:
            return
        if data is not None:
            await self.revoke_quietly(metadata, key, data)
        error = MissingNonceError if problem == "no DPoP-Nonce" else UntrustedAnswerError
        raise error(f"{safe_url(url)} answered 2xx with {problem}")

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
