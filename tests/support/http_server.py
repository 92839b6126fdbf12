"""A scriptable HTTP/1.1 server on 127.0.0.1 for tests, plus a transport that keeps httpx local.

Routes map `(method, path)` to a `Reply` or to a function of the `Recorded` request returning
one. Replies can be delayed (before headers or between headers and body), oversized, lie about
their length, or come without a Content-Length. Every request is recorded.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx


@dataclass(frozen=True)
class Recorded:
    """One request as the server saw it."""

    method: str
    path: str  # without the query
    query: Mapping[str, list[str]]
    headers: Mapping[str, str]  # lower-cased names
    body: bytes

    @property
    def host(self) -> str:
        return self.headers.get("host", "")

    def form(self) -> dict[str, str]:
        """The body as a form, first value per name."""
        return {k: v[0] for k, v in parse_qs(self.body.decode(), keep_blank_values=True).items()}


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    body_delay: float = 0.0  # seconds between headers and body
    content_length: int | None = None  # override the declared length (lie), else len(body)
    omit_content_length: bool = False  # close-delimited body, so size is known only by reading
    chunk_size: int = 64 * 1024
    chunk_delay: float = 0.0  # seconds between body chunks (a slow-loris server)


Handler = Callable[[Recorded], Reply]
Route = Reply | Handler


def json_reply(data: Any, status: int = 200, *, content_type: str = "application/json",
               **options: Any) -> Reply:
    headers = {"content-type": content_type, **options.pop("headers", {})}
    return Reply(status, json.dumps(data).encode(), headers, **options)


def text_reply(text: str, status: int = 200, *, content_type: str = "text/plain",
               **options: Any) -> Reply:
    headers = {"content-type": content_type, **options.pop("headers", {})}
    return Reply(status, text.encode(), headers, **options)


class FakeHttpServer:
    """Thread-backed so slow replies never block the test's event loop."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], Route] = {}
        self.requests: list[Recorded] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server = _Server(("127.0.0.1", 0), _RequestHandler)
        self._server.fake = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    # --- lifecycle -----------------------------------------------------------------------------

    def start(self) -> FakeHttpServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # wakes handlers sleeping in a delay
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeHttpServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- configuration and inspection ----------------------------------------------------------

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def route(self, method: str, path: str, reply: Route) -> None:
        self.routes[(method.upper(), path)] = reply

    def requests_to(self, path: str, method: str | None = None) -> list[Recorded]:
        with self._lock:
            return [
                r for r in self.requests
                if r.path == path and (method is None or r.method == method.upper())
            ]

    def count(self, path: str | None = None) -> int:
        with self._lock:
            return sum(1 for r in self.requests if path is None or r.path == path)

    def clear(self) -> None:
        with self._lock:
            self.requests.clear()

    # --- called from the server thread ---------------------------------------------------------

    def _record(self, request: Recorded) -> Reply:
        with self._lock:
            self.requests.append(request)
            route = self.routes.get((request.method, request.path))
        if route is None:
            return text_reply("not found", 404)
        if isinstance(route, Reply):
            return route
        return route(request)

    def _sleep(self, seconds: float) -> bool:
        """Sleep unless the server is stopping; False when it is."""
        return seconds <= 0 or not self._stopping.wait(seconds)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    fake: FakeHttpServer


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output clean

    def _handle(self) -> None:
        fake = self.server.fake
        if fake._stopping.is_set():  # a kept-alive connection outlives the listener: not this
            self.close_connection = True
            return
        parts = urlsplit(self.path)
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        recorded = Recorded(
            method=self.command,
            path=parts.path,
            query=parse_qs(parts.query, keep_blank_values=True),
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
        )
        try:
            reply = fake._record(recorded)
        except Exception as exc:  # a broken handler should fail the test, not hang it
            reply = text_reply(f"handler error: {exc!r}", 500)
        if not fake._sleep(reply.delay):
            self.close_connection = True
            return
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if reply.omit_content_length:
            self.send_header("connection", "close")
            self.close_connection = True
        else:
            declared = len(reply.body) if reply.content_length is None else reply.content_length
            self.send_header("content-length", str(declared))
        self.end_headers()
        self.wfile.flush()
        if not fake._sleep(reply.body_delay):
            self.close_connection = True
            return
        if self.command == "HEAD":
            return
        try:
            for start in range(0, len(reply.body), reply.chunk_size):
                if start and not fake._sleep(reply.chunk_delay):
                    self.close_connection = True
                    return
                self.wfile.write(reply.body[start:start + reply.chunk_size])
                if reply.chunk_delay:
                    self.wfile.flush()
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (size cap or timeout)
        if reply.content_length is not None and reply.content_length != len(reply.body):
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_PATCH = _handle


@contextmanager
def running_server() -> Iterator[FakeHttpServer]:
    with FakeHttpServer() as server:
        yield server


class LoopbackTransport(httpx.AsyncBaseTransport):
    """Route named hosts to loopback servers and refuse every other non-loopback host.

    Lets code that builds `https://<handle>/…` URLs talk to a plain-http test server (the
    Host header keeps the original name), and guarantees tests send nothing off the machine.
    """

    LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})

    def __init__(self, hosts: Mapping[str, int] | None = None) -> None:
        self.hosts: dict[str, int] = dict(hosts or {})
        # Everything leaves as plain http to 127.0.0.1, so no CA bundle is needed (loading
        # one costs ~50 ms per test).
        self._inner = httpx.AsyncHTTPTransport(verify=False)

    def map(self, host: str, port: int) -> None:
        self.hosts[host.lower()] = port

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host.lower()
        if host in self.hosts:
            url = request.url.copy_with(scheme="http", host="127.0.0.1", port=self.hosts[host])
        elif host in self.LOOPBACK:
            # "localhost" may resolve to ::1 first, where nothing listens.
            url = request.url.copy_with(host="127.0.0.1") if host == "localhost" else request.url
        else:
            raise httpx.ConnectError(f"test transport refuses non-loopback host {host}",
                                     request=request)
        forwarded = httpx.Request(
            request.method, url, headers=request.headers, stream=request.stream,
            extensions=request.extensions,
        )
        return await self._inner.handle_async_request(forwarded)

    async def aclose(self) -> None:
        await self._inner.aclose()
