"""Guarded HTTP: a whole request has a deadline, whatever the server's pace."""

from __future__ import annotations

import time

import httpx
import pytest

from desktop_app.atproto import (
    GuardedTransport,
    InvalidUrlError,
    NetworkError,
    NetworkPolicy,
    get_json,
)
from tests.support.http_server import FakeHttpServer, Reply


async def test_a_slow_loris_server_cannot_hold_a_request_past_the_deadline() -> None:
    # One byte every 0.2 s never trips the 1 s per-read timeout; the whole takes 8 s.
    body = b'{"pad": "' + b"x" * 28 + b'"}'
    with FakeHttpServer() as server:
        server.route("GET", "/slow", Reply(200, body, {"content-type": "application/json"},
                                           chunk_size=1, chunk_delay=0.2))
        policy = NetworkPolicy(allow_insecure_loopback=True, timeout=1.0, deadline=1.5)
        async with httpx.AsyncClient(trust_env=False) as http:
            started = time.monotonic()
            with pytest.raises(NetworkError, match=r"within the deadline \(1\.5 s\)"):
                await get_json(http, policy, f"{server.url}/slow")
            assert time.monotonic() - started < 3.0


async def test_a_steady_answer_within_the_deadline_is_read_whole() -> None:
    with FakeHttpServer() as server:
        server.route("GET", "/ok", Reply(200, b'{"a": 1}', {"content-type": "application/json"},
                                         chunk_size=2, chunk_delay=0.05))
        policy = NetworkPolicy(allow_insecure_loopback=True, timeout=1.0, deadline=5.0)
        async with httpx.AsyncClient(trust_env=False) as http:
            assert await get_json(http, policy, f"{server.url}/ok") == {"a": 1}


async def test_the_deadline_covers_a_whole_redirect_chain() -> None:
    # Each hop answers in 0.4 s, well inside the deadline; four of them are not.
    with FakeHttpServer() as server:
        for hop in range(4):
            server.route("GET", f"/hop{hop}", Reply(
                302, b"", {"location": f"/hop{hop + 1}"}, delay=0.4))
        server.route("GET", "/hop4", Reply(200, b'{"a": 1}', {"content-type": "application/json"}))
        policy = NetworkPolicy(allow_insecure_loopback=True, timeout=1.0, deadline=1.0)
        async with httpx.AsyncClient(trust_env=False) as http:
            started = time.monotonic()
            with pytest.raises(NetworkError, match="within the deadline"):
                await get_json(http, policy, f"{server.url}/hop0")
            assert time.monotonic() - started < 1.5


# Hosts a hostile document can name that httpx cannot build a request for, or the resolver
# cannot encode: each must be a typed error, never an untyped one that ends a refresh loop.
UNUSABLE_HOSTS = ["0177.0.0.1", "xn--a.com", "a" * 64 + ".com", "a..b.com"]


@pytest.mark.parametrize("host", UNUSABLE_HOSTS)
@pytest.mark.parametrize("guarded", [False, True], ids=["plain", "guarded"])
async def test_an_unusable_url_is_a_typed_error_and_nothing_is_sent(host: str,
                                                                    guarded: bool) -> None:
    transport = GuardedTransport(development=False) if guarded else None
    policy = NetworkPolicy(timeout=1.0, deadline=2.0)
    async with httpx.AsyncClient(trust_env=False, transport=transport) as http:
        with pytest.raises(NetworkError) as info:
            await get_json(http, policy, f"https://{host}/.well-known/oauth-protected-resource")
    assert info.value.reached_server is False, info.value
    # httpx refuses the first two when building the request; the others fail to encode when
    # resolved (the app's resolver) or connected (httpx's own, a ConnectError).
    if guarded or host in UNUSABLE_HOSTS[:2]:
        assert isinstance(info.value, InvalidUrlError), info.value


@pytest.mark.parametrize(("failure", "reached"), [
    (httpx.ConnectError("refused"), False), (httpx.ConnectTimeout("no answer"), False),
    (httpx.ReadTimeout("sent, no answer"), True), (httpx.RemoteProtocolError("cut"), True),
])
async def test_network_errors_say_whether_the_request_may_have_left(
    failure: Exception, reached: bool
) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise failure

    policy = NetworkPolicy(allow_insecure_loopback=True)
    async with httpx.AsyncClient(transport=httpx.MockTransport(fail)) as http:
        with pytest.raises(NetworkError) as info:
            await get_json(http, policy, "http://127.0.0.1:9/x")
    assert info.value.reached_server is reached
