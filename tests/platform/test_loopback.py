"""Loopback redirect listener: one valid callback, 404 elsewhere, timeout, oversized requests."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from desktop_app.platform.loopback import LoopbackRedirectListener, RedirectTimeoutError


async def test_one_valid_callback_after_noise() -> None:
    listener = await LoopbackRedirectListener("/callback").start()
    uri = listener.redirect_uri()
    assert uri.startswith("http://127.0.0.1:") and uri.endswith("/callback")
    waiter = asyncio.ensure_future(listener.wait(timeout=10))
    async with httpx.AsyncClient(trust_env=False) as http:
        favicon = await http.get(uri.replace("/callback", "/favicon.ico"))
        assert favicon.status_code == 404
        bare = await http.get(uri)  # no query: not a redirect
        assert bare.status_code == 404
        page = await http.get(uri + "?state=s&iss=x&code=c<script>")
        assert page.status_code == 200
        assert "close this tab" in page.text
        assert "<script>" not in page.text and "code=" not in page.text
    assert await waiter == uri + "?state=s&iss=x&code=c%3Cscript%3E"  # as sent on the wire
    # Stopped after the first valid callback.
    async with httpx.AsyncClient(trust_env=False) as http:
        with pytest.raises(httpx.ConnectError):
            await http.get(uri + "?state=again")


async def test_timeout() -> None:
    listener = await LoopbackRedirectListener("/callback").start()
    with pytest.raises(RedirectTimeoutError):
        await listener.wait(timeout=0.2)


async def test_oversized_and_garbage_requests_keep_it_waiting() -> None:
    listener = await LoopbackRedirectListener("/callback").start()
    waiter = asyncio.ensure_future(listener.wait(timeout=10))
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
    assert not waiter.done()
    async with httpx.AsyncClient(trust_env=False) as http:
        assert (await http.get(listener.redirect_uri() + "?code=1&state=2")).status_code == 200
    assert (await waiter).endswith("?code=1&state=2")
