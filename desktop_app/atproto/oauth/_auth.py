"""`httpx.Auth` that signs resource requests with DPoP, retries nonces and refreshes once."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Generator
from typing import Protocol

import httpx

from ._dpop import NonceCache, is_use_dpop_nonce_error
from ._session import Session


class SessionSource(Protocol):
    """The three things `DPoPAuth` needs: nonces, the current session, a refresh."""

    @property
    def nonces(self) -> NonceCache: ...

    async def get_session(self, did: str, *, refresh: bool = True) -> Session: ...

    async def refresh(
        self, did: str, *, stale: Session | None = None, force: bool = False
    ) -> Session: ...


def _is_invalid_token(response: httpx.Response) -> bool:
    if response.status_code != 401:
        return False
    challenge = response.headers.get("www-authenticate", "").lower()
    return 'error="invalid_token"' in challenge


class DPoPAuth(httpx.Auth):
    """Authenticates XRPC calls to the account's PDS as `did`.

    Holds the DID and where its sessions come from. The PDS may omit `DPoP-Nonce` on some
    responses (see docs/decisions.md), so missing nonces are tolerated here, unlike at the
    authorization server.
    """

    requires_request_body = True

    def __init__(self, source: SessionSource, did: str) -> None:
        self._source = source
        self._did = did

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        raise RuntimeError("DPoPAuth needs an httpx.AsyncClient")
        yield request  # pragma: no cover

    def _sign(self, request: httpx.Request, session: Session) -> None:
        request.headers["Authorization"] = f"DPoP {session.tokens.access_token}"
        request.headers["DPoP"] = session.dpop_key.proof(
            request.method,
            request.url,
            nonce=self._source.nonces.get(request.url),
            access_token=session.tokens.access_token,
        )

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        nonces = self._source.nonces
        session = await self._source.get_session(self._did)
        self._sign(request, session)
        response = yield request
        nonces.update(request.url, response.headers)
        if is_use_dpop_nonce_error(response, b""):
            self._sign(request, session)
            response = yield request
            nonces.update(request.url, response.headers)
        if _is_invalid_token(response):
            session = await self._source.refresh(self._did, stale=session)
            self._sign(request, session)
            response = yield request
            nonces.update(request.url, response.headers)
            if is_use_dpop_nonce_error(response, b""):
                self._sign(request, session)
                yield request
