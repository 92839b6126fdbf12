"""XRPC over HTTP to one account's PDS: queries and procedures, typed errors, rate limits."""

from __future__ import annotations

import email.utils
import json
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import httpx

from ..atproto import NetworkPolicy, ResponseFormatError, loads, send, transport_errors
from ..atproto.oauth import missing_scope
from ..sentences import QT_TR_NOOP
from ._errors import PermissionMissingError, RateLimitedError, XrpcError
from ._permissions import feature_needing

log = logging.getLogger(__name__)

SLOWEST_UPLOAD_BYTES_PER_S = 16_000

MAX_RESPONSE_BYTES = 8 * 1024 * 1024
DEFAULT_RATE_LIMIT_WAIT = 60.0

# Where the account's PDS is now: read per call, so a session moved by a refresh is followed.
PdsLookup = Callable[[], Awaitable[str]]


def rate_limit_wait(headers: httpx.Headers, now: float) -> float:
    """Seconds to wait after a 429: `retry-after` (delta or date), else `ratelimit-reset`."""
    retry = headers.get("retry-after", "").strip()
    if retry:
        if retry.isdigit():
            return float(retry)
        try:
            when = email.utils.parsedate_to_datetime(retry)
        except (TypeError, ValueError):
            when = None
        if when is not None:
            return max(0.0, when.timestamp() - now)
    reset = headers.get("ratelimit-reset", "").strip()
    if reset.isdigit():
        value = float(reset)
        # atproto services send an epoch timestamp; the IETF draft sends a delta.
        return max(0.0, value - now) if value > 1_000_000_000 else value
    return DEFAULT_RATE_LIMIT_WAIT


class XrpcClient:
    """Calls XRPC methods at one account's PDS (which proxies `app.bsky` to the AppView).

    Holds the pieces it needs, not the OAuth client: the HTTP client, the network policy, the
    `httpx.Auth` that signs requests as the account, and how to find the account's PDS.
    """

    def __init__(
        self,
        http: httpx.AsyncClient,
        policy: NetworkPolicy,
        auth: httpx.Auth,
        pds: PdsLookup,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._http = http
        self._policy = policy
        self._auth = auth
        self._pds = pds
        self._clock = clock

    async def query(self, nsid: str, params: Mapping[str, Any]) -> Any:
        """A GET method; parameters that are None are left out."""
        return await self._call("GET", nsid, params={k: v for k, v in params.items()
                                                     if v is not None})

    async def procedure(
        self,
        nsid: str,
        *,
        body: Mapping[str, Any] | None = None,
        content: bytes | None = None,
        content_type: str | None = None,
    ) -> Any:
        """A POST method with a JSON body, or raw `content` of `content_type` (blobs)."""
        return await self._call("POST", nsid, body=body, content=content,
                                content_type=content_type)

    async def _call(
        self,
        method: str,
        nsid: str,
        *,
        params: Mapping[str, Any] | None = None,
        body: Mapping[str, Any] | None = None,
        content: bytes | None = None,
        content_type: str | None = None,
    ) -> Any:
        pds = await self._pds()
        url = self._policy.check_url(f"{pds.rstrip('/')}/xrpc/{nsid}")
        headers = {"accept": "application/json"}
        payload: bytes | None = content
        if body is not None:
            payload = json.dumps(body, ensure_ascii=False).encode()
            headers["content-type"] = "application/json"
        elif content_type is not None:
            headers["content-type"] = content_type
        with transport_errors(f"{method} {nsid}"):
            # A host the policy admits can still be one httpx cannot build a request for
            # (an invalid IDNA label such as xn--zz): that account's bad URL, typed.
            request = self._http.build_request(method, url, params=params, content=payload,
                                               headers=headers, timeout=self._policy.timeout)
        # An upload gets time for its bytes on a slow link, on top of the usual deadline.
        deadline = self._policy.deadline + len(payload or b"") / SLOWEST_UPLOAD_BYTES_PER_S
        response, raw = await send(self._http, request, max_bytes=MAX_RESPONSE_BYTES,
                                   deadline=deadline, auth=self._auth)
        return self._result(method, nsid, response, raw)

    def _result(self, method: str, nsid: str, response: httpx.Response, raw: bytes) -> Any:
        ok = 200 <= response.status_code < 300
        try:
            data = loads(raw, nsid) if raw else None
        except ResponseFormatError:
            if ok:
                raise
            data = None  # an error page: the status says enough
        if response.status_code == 429:
            raise RateLimitedError(rate_limit_wait(response.headers, self._clock()),
                                   _error_text(data)[1])
        if not ok:
            error, description = _error_text(data)
            log.info("%s %s: HTTP %d %s", method, nsid, response.status_code, error)
            if response.status_code == 403 and error == "ScopeMissingError":
                raise _permission_missing(description)
            raise XrpcError(response.status_code, error, description)
        return data


def _permission_missing(description: str) -> PermissionMissingError:
    scope = missing_scope(description)
    feature = feature_needing(scope) if scope else None
    sentence = feature.sentence() if feature else \
        QT_TR_NOOP("This app wasn't allowed to do that when you signed in.")
    return PermissionMissingError(scope, feature.key if feature else None, sentence, description)


def _error_text(data: Any) -> tuple[str, str]:
    if not isinstance(data, Mapping):
        return "", ""
    error, message = data.get("error"), data.get("message")
    return (error[:100] if isinstance(error, str) else "",
            message[:300] if isinstance(message, str) else "")
