"""Guarded HTTP for untrusted servers: https-only policy, size caps, timeouts, limited redirects."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import zlib
from collections.abc import AsyncGenerator, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import urljoin, urlsplit

import httpx

from ..errors import AppError
from ._addresses import host_problem, is_loopback_host
from ._errors import (
    InsecureUrlError,
    InvalidUrlError,
    NetworkError,
    PrivateAddressError,
    ResponseTooLargeError,
)
from ._json import loads

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 10.0
# The whole of one request: connecting, sending, waiting and reading every byte. The per-phase
# timeout alone lets a server that sends a byte every few seconds hold a request for days.
DEFAULT_DEADLINE = 30.0
DEFAULT_MAX_BYTES = 512 * 1024
MAX_REDIRECTS = 3


@dataclass(frozen=True)
class NetworkPolicy:
    """Which URLs the client may talk to.

    Production is https-only, to public hosts only (see `_addresses`). `allow_insecure_loopback`
    is the development setting: it admits loopback hosts, and plain http for them, for a local
    PDS and for tests; it never admits http elsewhere, nor private addresses.
    """

    allow_insecure_loopback: bool = False
    timeout: float = DEFAULT_TIMEOUT  # seconds, per connect/read/write/pool phase
    max_bytes: int = DEFAULT_MAX_BYTES
    deadline: float = DEFAULT_DEADLINE  # seconds for a whole request, body included

    def check_url(self, url: str) -> str:
        """Return the URL if it may be fetched, else raise `InsecureUrlError`."""
        try:
            parts = urlsplit(url)
        except ValueError as exc:
            raise InsecureUrlError("unparseable URL") from exc
        host = parts.hostname or ""
        if not host:
            raise InsecureUrlError(f"URL without host: {safe_url(url)!r}")
        if parts.username is not None or parts.password is not None:
            raise InsecureUrlError("URL with credentials")
        problem = host_problem(host, development=self.allow_insecure_loopback)
        if problem is not None:
            if is_loopback_host(host) and parts.scheme == "http":
                raise InsecureUrlError(
                    f"http URL {safe_url(url)!r} needs DESKTOP_APP_ALLOW_INSECURE_LOOPBACK=1 "
                    "(development only)")
            raise PrivateAddressError(f"{problem}: {safe_url(url)!r}")
        # Outside development a loopback host never gets here (host_problem refused it).
        if parts.scheme == "https" or (parts.scheme == "http" and is_loopback_host(host)):
            return url
        raise InsecureUrlError(f"not an https URL: {safe_url(url)!r}")


def origin_of(url: str) -> str:
    """`scheme://host[:port]` of a URL, lower-cased, default ports dropped."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    if port is None or (scheme, port) in {("https", 443), ("http", 80)}:
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


async def read_limited(response: httpx.Response, max_bytes: int) -> bytes:
    """Read a streamed body, refusing anything over `max_bytes` (declared or actual)."""
    declared = response.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > max_bytes:
        raise ResponseTooLargeError(
            f"{safe_url(str(response.url))} declares {declared} bytes > {max_bytes}",
            status=response.status_code)
    chunks: list[bytes] = []
    size = 0
    raw = cast(AsyncGenerator[bytes, None], response.aiter_raw())
    try:
        async for chunk in raw:
            size += len(chunk)
            if size > max_bytes:
                raise ResponseTooLargeError(
                    f"{safe_url(str(response.url))} sent more than {max_bytes} bytes",
                    status=response.status_code)
            chunks.append(chunk)
    except BaseException:
        # Leaving early strands httpx/httpcore's nested stream generators. qasync installs no
        # async-generator hooks, so they are finalised synchronously whenever they are
        # collected, and their cleanup awaits a lock: "ignored GeneratorExit", or worse when
        # that happens inside a Qt callback. Close the response first so that cleanup has
        # nothing left to await, then close the generators here, in this task.
        await response.aclose()
        await raw.aclose()
        raise
    body = b"".join(chunks)
    encoding = response.headers.get("content-encoding", "identity").lower()
    if encoding in {"gzip", "x-gzip", "deflate"}:
        # Decoded size can exceed the wire size by ~1000x: inflate at most max_bytes + 1.
        body = _inflate_limited(body, encoding, max_bytes)
        if len(body) > max_bytes:
            raise ResponseTooLargeError(
                f"{safe_url(str(response.url))} decompressed to more than {max_bytes}",
                status=response.status_code)
    elif encoding not in {"", "identity"}:
        decoder = httpx.Response(200, headers={"content-encoding": encoding}, content=body)
        body = decoder.read()
        if len(body) > max_bytes:
            raise ResponseTooLargeError(
                f"{safe_url(str(response.url))} decompressed to more than {max_bytes}",
                status=response.status_code)
    return body


def _inflate_limited(body: bytes, encoding: str, max_bytes: int) -> bytes:
    if encoding == "deflate":
        # RFC 9110 "deflate" is zlib-wrapped, but some servers send raw deflate.
        zlib_header = len(body) >= 2 and body[0] & 0x0F == 8 and (body[0] << 8 | body[1]) % 31 == 0
        wbits = zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS
    else:
        wbits = zlib.MAX_WBITS | 16
    try:
        return zlib.decompressobj(wbits).decompress(body, max_bytes + 1)
    except zlib.error as exc:
        raise NetworkError(f"undecodable {encoding} body") from exc


# Failures before any byte of the request left: no connection was made.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout,
             httpx.UnsupportedProtocol)


@contextlib.contextmanager
def transport_errors(what: str) -> Iterator[None]:
    """The one mapping of httpx transport failures to `NetworkError` (`what` names the request
    without its query, which can carry codes or tokens), saying whether the request may have
    reached the server."""
    try:
        yield
    except (httpx.InvalidURL, UnicodeError) as exc:
        # A host httpx cannot build a request for (a malformed IP literal, an invalid IDNA
        # name) or the resolver cannot encode (a label over 63 characters): whoever named it,
        # it is one account's bad URL, never an untyped error that ends a refresh loop.
        raise InvalidUrlError(f"{type(exc).__name__}: {what}") from exc
    except httpx.TimeoutException as exc:
        raise NetworkError(f"timed out: {what}",
                           reached_server=not isinstance(exc, _NOT_SENT)) from exc
    except httpx.HTTPError as exc:
        raise NetworkError(f"{type(exc).__name__}: {what}",
                           reached_server=not isinstance(exc, _NOT_SENT)) from exc


async def send(
    client: httpx.AsyncClient,
    request: httpx.Request,
    *,
    max_bytes: int,
    deadline: float = DEFAULT_DEADLINE,
    auth: httpx.Auth | None = None,
) -> tuple[httpx.Response, bytes]:
    """Send one request and read its body, capped at `max_bytes` and at `deadline` seconds in
    all; the response is closed."""
    what = f"{request.method} {safe_url(str(request.url))}"
    try:
        async with asyncio.timeout(deadline):
            with transport_errors(what):
                response = await client.send(
                    request, auth=auth if auth is not None else httpx.USE_CLIENT_DEFAULT,
                    stream=True, follow_redirects=False,
                )
                try:
                    body = await read_limited(response, max_bytes)
                finally:
                    await response.aclose()
    except TimeoutError as exc:
        raise _too_slow(deadline, what) from exc
    return response, body


def _too_slow(deadline: float, what: str) -> NetworkError:
    return NetworkError(f"no complete answer within the deadline ({deadline:.1f} s): {what}")


async def fetch(
    client: httpx.AsyncClient,
    policy: NetworkPolicy,
    method: str,
    url: str,
    *,
    headers: Mapping[str, str] | None = None,
    data: Mapping[str, str] | None = None,
    follow_redirects: bool = False,
    max_bytes: int | None = None,
) -> tuple[httpx.Response, bytes]:
    """One guarded request: policy-checked URL, capped body, bounded redirects, typed errors."""
    limit = max_bytes or policy.max_bytes
    current = policy.check_url(url)
    loop = asyncio.get_running_loop()
    ends = loop.time() + policy.deadline  # one deadline for the whole redirect chain
    for _ in range(MAX_REDIRECTS + 1):
        with transport_errors(f"{method} {safe_url(current)}"):
            request = client.build_request(
                method, current, headers=headers, data=data, timeout=policy.timeout
            )
        left = ends - loop.time()
        if left <= 0:
            raise _too_slow(policy.deadline, f"{method} {safe_url(url)}")
        response, body = await send(client, request, max_bytes=limit, deadline=left)
        if follow_redirects and response.is_redirect and method == "GET":
            current = policy.check_url(urljoin(current, response.headers.get("location", "")))
            continue
        return response, body
    raise NetworkError(f"too many redirects from {safe_url(url)}")


async def get_json(
    client: httpx.AsyncClient,
    policy: NetworkPolicy,
    url: str,
    *,
    error: type[AppError] = NetworkError,
    follow_redirects: bool = True,
    max_bytes: int | None = None,
    headers: Mapping[str, str] | None = None,
    exactly_200: bool = False,
) -> Any:
    """GET a JSON document; non-2xx (with `exactly_200`: anything but 200), wrong content type
    or bad JSON raise `error`."""
    response, body = await fetch(
        client,
        policy,
        "GET",
        url,
        headers={"accept": "application/json", **(headers or {})},
        follow_redirects=follow_redirects,
        max_bytes=max_bytes,
    )
    if not 200 <= response.status_code < 300 or (exactly_200 and response.status_code != 200):
        raise error(f"HTTP {response.status_code} from {safe_url(url)}")
    return parse_json(body, url, error=error, content_type=response.headers.get("content-type"))


def parse_json(
    body: bytes, url: str, *, error: type[AppError], content_type: str | None = None
) -> Any:
    if content_type is not None:
        mime = content_type.split(";", 1)[0].strip().lower()
        if mime != "application/json" and not mime.endswith("+json"):
            raise error(f"{safe_url(url)} answered {mime or 'no content type'}, not JSON")
    return loads(body, safe_url(url), error=error)


def safe_url(url: str) -> str:
    """A URL without its query and fragment, which can carry codes or tokens."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"



