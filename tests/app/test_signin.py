"""Sign-in flows: redirects are routed by `state`, never queued, one flow per account."""

from __future__ import annotations

import asyncio
import logging

import httpx
import pytest

from desktop_app.app import SignInFlows, SignInReplacedError
from desktop_app.atproto.oauth import AuthorizationStart, ClientConfig
from desktop_app.platform import LoopbackRedirectListener
from tests.support.waiting import eventually

CONFIG = ClientConfig.discoverable("https://app.desktopapp.org/client-metadata.json")
CUSTOM = "org.desktopapp.app:/callback"
# States of the shape the client makes (16 to 128 URL-safe characters).
EARLY = "early_00000000000000000000"
STATE_A = "state_a_00000000000000000000"
STATE_B = "state_b_00000000000000000000"
S1 = "s1_00000000000000000000"
OLD = "old_00000000000000000000"
NEW = "new_00000000000000000000"
REAL = "real_00000000000000000000"
FORGED = "forged_00000000000000000000"


def start(state: str, redirect_uri: str = CUSTOM, did: str | None = None) -> AuthorizationStart:
    return AuthorizationStart(url="https://as.example/authorize", state=state,
                              issuer="https://as.example", redirect_uri=redirect_uri,
                              expires_at=0.0, did=did, handle=None)


def redirect(state: str, base: str = CUSTOM) -> str:
    return f"{base}?state={state}&iss=https%3A%2F%2Fas.example&code=secret-code"


async def test_a_redirect_nobody_waits_for_is_dropped_not_kept(
    caplog: pytest.LogCaptureFixture,
) -> None:
    flows = SignInFlows(CONFIG)
    with caplog.at_level(logging.WARNING):
        assert not flows.deliver(redirect(EARLY))
    assert "secret-code" not in caplog.text and "dropped" in caplog.text
    flow = flows.open(start(EARLY), "did:plc:a")  # the same state, opened afterwards
    await asyncio.sleep(0)
    assert not flow.redirect.done()  # nothing was queued for it
    assert flows.deliver(redirect(EARLY))
    assert flow.redirect.result() == redirect(EARLY)
    assert not flows.deliver(redirect(EARLY))  # once only


async def test_each_flow_gets_only_its_own_redirect() -> None:
    flows = SignInFlows(CONFIG)
    a = flows.open(start(STATE_A), "did:plc:a")
    b = flows.open(start(STATE_B), "did:plc:b")
    assert flows.deliver(redirect(STATE_B))
    assert b.redirect.done() and not a.redirect.done()
    assert flows.deliver(redirect(STATE_A))
    assert a.redirect.result().startswith(CUSTOM + "?state=" + STATE_A)


async def test_shape_and_redirect_uri_are_checked() -> None:
    flows = SignInFlows(CONFIG)
    loopback = flows.open(start(S1, "http://127.0.0.1:5000/callback"), "did:plc:a")
    assert not flows.deliver(f"org.desktopapp.app:/elsewhere?state={S1}&code=c")
    assert not flows.deliver(f"https://evil.example/callback?state={S1}&code=c")
    assert not flows.deliver(redirect(S1))  # right state, but the custom scheme
    assert not flows.deliver(redirect(S1, "http://127.0.0.1:5001/callback"))  # other port
    assert not loopback.redirect.done()
    assert flows.deliver(redirect(S1, "http://127.0.0.1:5000/callback"))


async def test_one_open_flow_per_account() -> None:
    flows = SignInFlows(CONFIG)
    old = flows.open(start(OLD), "did:plc:a")
    new = flows.open(start(NEW), "did:plc:a")
    with pytest.raises(SignInReplacedError):
        await old.redirect
    assert not flows.deliver(redirect(OLD))
    assert flows.deliver(redirect(NEW)) and new.redirect.done()
    assert flows.open_states == frozenset()


async def test_loopback_listener_refuses_forgeries_and_keeps_listening() -> None:
    flows = SignInFlows(ClientConfig.development())
    async with LoopbackRedirectListener("/callback", flows.deliver) as listener:
        uri = listener.redirect_uri()
        flow = flows.open(start(REAL, uri), "did:plc:a")
        async with httpx.AsyncClient(trust_env=False) as http:
            assert (await http.get(f"{uri}?code=c")).status_code == 400  # no state
            forged = await http.get(redirect(FORGED, uri))
            assert forged.status_code == 400 and "secret" not in forged.text
            assert (await http.get(uri.replace("/callback", "/favicon.ico"))).status_code == 404
            assert not flow.redirect.done()
            real = await http.get(redirect(REAL, uri))
            assert real.status_code == 200 and "close this tab" in real.text
            assert (await http.get(redirect(REAL, uri))).status_code == 400  # used
        assert flow.redirect.result() == redirect(REAL, uri)


async def test_open_the_page_again_reuses_a_live_request_and_renews_an_expired_one() -> None:
    from desktop_app.app import SignIn
    from tests.support.atproto_world import HANDLE, REDIRECT, fake_world

    now = [1000.0]
    opened: list[str] = []
    starts: list[AuthorizationStart] = []

    async def browser(url: str) -> None:
        opened.append(url)

    async with fake_world() as (world, client):
        world.par_expires_in = 90
        signin = SignIn(client, SignInFlows(client.config), open_browser=browser,
                        clock=lambda: now[0])
        client._clock = lambda: now[0]
        task = asyncio.ensure_future(signin.run(HANDLE, on_started=starts.append))
        await eventually(lambda: opened, "the sign-in page opened")
        first = starts[0]
        assert first.request_expires_at == 1090.0  # honours PAR expires_in
        await signin.reopen()  # still valid: the same page
        assert opened == [first.url, first.url]
        assert world.server.count("/oauth/par") == 1

        now[0] = 1091.0  # the request expired: reopening pushes a new one
        await signin.reopen()
        await eventually(lambda: len(opened) >= 3, "the new sign-in page opened")
        assert world.server.count("/oauth/par") == 2
        second = starts[1]
        assert second.state != first.state and opened[2] == second.url
        def callback(state: str, redirect_uri: str) -> str:
            return world.callback(state).replace(REDIRECT, redirect_uri)

        # The old request's flow is gone; the new one completes the sign-in.
        assert not signin.flows.deliver(callback(first.state, first.redirect_uri))
        assert signin.flows.deliver(callback(second.state, second.redirect_uri))
        session = await asyncio.wait_for(task, 5)
        assert session.did == world.did_doc["id"]


async def test_par_expires_in_is_validated_and_the_authorization_url_merged() -> None:
    from desktop_app.atproto.oauth import AuthorizationError
    from tests.support.atproto_world import HANDLE, REDIRECT, fake_world

    async with fake_world() as (world, client):
        world.as_meta["authorization_endpoint"] = f"{world.url}/oauth/authorize?tenant=a&x=1"
        world.par_expires_in = None  # left out: a conservative 60 s is assumed
        before = client._clock()
        started = await client.start_sign_in(HANDLE, redirect_uri=REDIRECT)
        assert before + 59 < started.request_expires_at <= client._clock() + 60
        query = httpx.URL(started.url).params
        assert query["tenant"] == "a" and query["x"] == "1"
        assert query["request_uri"].startswith("urn:") and query["client_id"]
        assert started.url.count("?") == 1
        for bad in ("300", 0, -5, True, 10**9):
            world.par_expires_in = bad
            with pytest.raises(AuthorizationError):
                await client.start_sign_in(HANDLE, redirect_uri=REDIRECT)
