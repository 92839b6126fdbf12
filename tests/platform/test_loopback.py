"""Loopback redirect listener: routes GETs of its path through `deliver`, refuses the rest."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import httpx

from desktop_app.platform import LoopbackRedirectListener


def recorder(received: list[str]) -> Callable[[str], bool]:
    def deliver(url: str) -> bool:
        received.append(url)
        return True

    return deliver


async def test_delivers_callbacks_and_escapes_nothing_back() -> None:
    received: list[str] = []
    async with LoopbackRedirectListener("/callback", recorder(received)) \
            as listener:
        uri = listener.redirect_uri()
        assert uri.startswith("http://127.0.0.1:") and uri.endswith("/callback")
        async with httpx.AsyncClient(trust_env=False) as http:
            favicon = await http.get(uri.replace("/callback", "/favicon.ico"))
            assert favicon.status_code == 404
            bare = await http.get(uri)  # no query: not a redirect
            assert bare.status_code == 404
            page = await http.get(uri + "?state=s&iss=x&code=c<script>")
            assert page.status_code == 200
            assert "close this tab" in page.text
            assert "<script>" not in page.text and "code=" not in page.text
    assert received == [uri + "?state=s&iss=x&code=c%3Cscript%3E"]  # as sent on the wire
    # Closed by its owner: nothing listens any more.
    async with httpx.AsyncClient(trust_env=False) as http:
        try:
            await http.get(uri + "?state=again")
        except httpx.ConnectError:
            pass
        else:
            raise AssertionError("the listener still answered after close")


async def test_refused_redirects_get_400_and_it_keeps_listening() -> None:
    async with LoopbackRedirectListener("/callback", lambda url: "state=good" in url) \
            as listener, httpx.AsyncClient(trust_env=False) as http:
        assert (await http.get(listener.redirect_uri() + "?state=bad")).status_code == 400
        assert (await http.get(listener.redirect_uri() + "?state=good")).status_code == 200


async def test_oversized_and_garbage_requests_keep_it_listening() -> None:
    received: list[str] = []
    async with LoopbackRedirectListener("/callback", recorder(received)) \
            as listener:
        reader, writer = await asyncio.open_connection("127.0.0.1", listener.port)
        writer.write(b"GET /callback?x=" + b"a" * 20_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        await writer.drain()
        status = await reader.readline()
        assert b"431" in status
        writer.close()
        reader, writer = await asyncio.open_connection("127.0.0.1", listener.port)
        writer.write(b"\xff\xfe garbage\r\n\r\n")
        await writer.drain()
        assert b"400" in await reader.readline()
        writer.close()
        assert received == []
        async with httpx.AsyncClient(trust_env=False) as http:
            assert (await http.get(listener.redirect_uri() + "?code=1&state=2")).status_code \
                == 200
        assert received[0].endswith("?code=1&state=2")
