"""Loopback HTTP listener that receives the browser's OAuth redirect (RFC 8252 §7.3)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

MAX_REQUEST_BYTES = 16 * 1024

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}}
</style></head>
<body><h1>{title}</h1><p>{text}</p></body></html>
"""


def _page(title: str, text: str) -> bytes:
    # Only constant strings reach here: nothing from the request is echoed back.
    return _PAGE.format(title=title, text=text).encode()


class LoopbackRedirectListener:
    """Listens on 127.0.0.1:<random port> for the browser's GET of `path` with a query.

    Holds the server and the `deliver` callback that decides: each such URL is handed to
    `deliver`, which answers whether it was the redirect someone waits for (the sign-in flow
    checks its `state`). Accepted: a "you can close this tab" page. Refused (a missing or
    unknown `state`, say from another local process): 400, and the listener keeps listening
    until its owner closes it. Other paths get a 404.
    """

    def __init__(self, path: str, deliver: Callable[[str], bool], *,
                 host: str = "127.0.0.1") -> None:
        self._path = path
        self._deliver = deliver
        self._host = host
        self._server: asyncio.Server | None = None

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("listener not started")
        port: int = self._server.sockets[0].getsockname()[1]
        return port

    def redirect_uri(self) -> str:
        return f"http://{self._host}:{self.port}{self._path}"

    async def start(self) -> LoopbackRedirectListener:
        self._server = await asyncio.start_server(self._handle, self._host, 0)
        return self

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await self._server.wait_closed()
            self._server = None

    async def __aenter__(self) -> LoopbackRedirectListener:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError,
                ConnectionError):
            await self._respond(writer, 400, "Bad request", "That request was not understood.")
            return
        if len(head) > MAX_REQUEST_BYTES:
            await self._respond(writer, 431, "Too large", "That request was too large.")
            return
        try:
            method, target, _ = head.split(b"\r\n", 1)[0].decode("ascii").split(" ", 2)
        except (UnicodeDecodeError, ValueError):
            await self._respond(writer, 400, "Bad request", "That request was not understood.")
            return
        parts = urlsplit(target)
        if method != "GET" or parts.path != self._path or not parts.query:
            # Browsers also ask for /favicon.ico; keep waiting for the real callback.
            await self._respond(writer, 404, "Not found", "Nothing here.")
            return
        if self._server is None or not self._deliver(f"http://{self._host}:{self.port}{target}"):
            await self._respond(writer, 400, "Not this sign-in",
                                "This link does not belong to a sign-in the app is waiting for.")
            return
        log.info("received the sign-in redirect on the loopback listener")
        await self._respond(
            writer, 200, "You can close this tab",
            "Sign-in is complete on this side. Return to the app; you can close this tab.",
        )

    async def _respond(
        self, writer: asyncio.StreamWriter, status: int, title: str, text: str
    ) -> None:
        body = _page(title, text)
        reason = {200: "OK", 400: "Bad Request", 404: "Not Found", 431: "Too Large"}[status]
        head = (
            f"HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\n"
            f"Content-Length: {len(body)}\r\nCache-Control: no-store\r\n"
            "Referrer-Policy: no-referrer\r\nConnection: close\r\n\r\n"
        )
        with contextlib.suppress(ConnectionError):
            writer.write(head.encode() + body)
            await writer.drain()
        writer.close()
        with contextlib.suppress(Exception):
            await writer.wait_closed()
