"""Sign-in flows: redirects are routed by `state`, never queued, one flow per account."""

from __future__ import annotations

import asyncio
import logging

import httpx
import pytest

from desktop_app.app import SignInFlows, SignInReplacedError
from desktop_app.atproto.oauth import AuthorizationStart, ClientConfig
from desktop_app.platform import LoopbackRedirectListener

CONFIG = ClientConfig.discoverable("https://app.desktopapp.org/client-metadata.json")
CUSTOM = "org.desktopapp.app:/callback"


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
        assert not flows.deliver(redirect("early"))
    assert "secret-code" not in caplog.text and "dropped" in caplog.text
    flow = flows.open(start("early"), "did:plc:a")  # the same state, opened afterwards
    await asyncio.sleep(0)
    assert not flow.redirect.done()  # nothing was queued for it
    assert flows.deliver(redirect("early"))
    assert flow.redirect.result() == redirect("early")
    assert not flows.deliver(redirect("early"))  # once only


async def test_each_flow_gets_only_its_own_redirect() -> None:
    flows = SignInFlows(CONFIG)
    a = flows.open(start("state-a"), "did:plc:a")
    b = flows.open(start("state-b"), "did:plc:b")
    assert flows.deliver(redirect("state-b"))
    assert b.redirect.done() and not a.redirect.done()
    assert flows.deliver(redirect("state-a"))
    assert a.redirect.result().startswith(CUSTOM + "?state=state-a")


async def test_shape_and_redirect_uri_are_checked() -> None:
    flows = SignInFlows(CONFIG)
    loopback = flows.open(start("s1", "http://127.0.0.1:5000/callback"), "did:plc:a")
    assert not flows.deliver("org.desktopapp.app:/elsewhere?state=s1&code=c")
    assert not flows.deliver("https://evil.example/callback?state=s1&code=c")
    assert not flows.deliver(redirect("s1"))  # right state, but the custom scheme
    assert not flows.deliver(redirect("s1", "http://127.0.0.1:5001/callback"))  # other port
    assert not loopback.redirect.done()
    assert flows.deliver(redirect("s1", "http://127.0.0.1:5000/callback"))


async def test_one_open_flow_per_account() -> None:
    flows = SignInFlows(CONFIG)
    old = flows.open(start("old"), "did:plc:a")
    new = flows.open(start("new"), "did:plc:a")
    with pytest.raises(SignInReplacedError):
        await old.redirect
    assert not flows.deliver(redirect("old"))
    assert flows.deliver(redirect("new")) and new.redirect.done()
    assert flows.open_states == frozenset()


async def test_loopback_listener_refuses_forgeries_and_keeps_listening() -> None:
    flows = SignInFlows(ClientConfig.development())
    async with LoopbackRedirectListener("/callback", flows.deliver) as listener:
        uri = listener.redirect_uri()
        flow = flows.open(start("real", uri), "did:plc:a")
        async with httpx.AsyncClient(trust_env=False) as http:
            assert (await http.get(f"{uri}?code=c")).status_code == 400  # no state
            forged = await http.get(redirect("forged", uri))
            assert forged.status_code == 400 and "secret" not in forged.text
            assert (await http.get(uri.replace("/callback", "/favicon.ico"))).status_code == 404
            assert not flow.redirect.done()
            real = await http.get(redirect("real", uri))
            assert real.status_code == 200 and "close this tab" in real.text
            assert (await http.get(redirect("real", uri))).status_code == 400  # used
        assert flow.redirect.result() == redirect("real", uri)
