"""`httpx.Auth` that signs resource requests with DPoP, retries nonces and refreshes once."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Generator
from typing import TYPE_CHECKING

import httpx

from .dpop import is_use_dpop_nonce_error

if TYPE_CHECKING:
    from .oauth import OAuthClient
    from .session import Session


def _is_invalid_token(response: httpx.Response) -> bool:
    if response.status_code != 401:
        return False
    challenge = response.headers.get("www-authenticate", "").lower()
    return 'error="invalid_token"' in challenge


class DPoPAuth(httpx.Auth):
    """Authenticates XRPC calls to the account's PDS as `did`.

    The PDS may omit `DPoP-Nonce` on some responses (see docs/decisions.md), so missing nonces
    are tolerated here, unlike at the authorization server.
    """

    requires_request_body = True

    def __init__(self, client: OAuthClient, did: str) -> None:
        self._client = client
        self._did = did

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        raise RuntimeError("DPoPAuth needs an httpx.AsyncClient")
        yield request  # pragma: no cover

    def _sign(self, request: httpx.Request, session: Session) -> None:
        nonces = self._client.nonces
        request.headers["Authorization"] = f"DPoP {session.tokens.access_token}"
        request.headers["DPoP"] = session.dpop_key.proof(
            request.method,
            request.url,
            nonce=nonces.get(request.url),
            access_token=session.tokens.access_token,
        )

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        session = await self._client.get_session(self._did)
        self._sign(request, session)
        response = yield request
        self._client.nonces.update(request.url, response.headers)
        if is_use_dpop_nonce_error(response, b""):
            self._sign(request, session)
            response = yield request
            self._client.nonces.update(request.url, response.headers)
        if _is_invalid_token(response):
            session = await self._client.refresh(self._did, stale=session)
            self._sign(request, session)
            response = yield request
            self._client.nonces.update(request.url, response.headers)
            if is_use_dpop_nonce_error(response, b""):
                self._sign(request, session)
                yield request
