"""Redirects are routed by `state` against the reference PDS: forgeries on the loopback
listener are refused, and concurrent flows for two accounts each get their own redirect."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager

import httpx
import pytest

from desktop_app.app import Accounts, OpenBrowser, SignIn, SignInFlows
from desktop_app.atproto.oauth import ClientConfig
from tests.fixtures import PdsFactory
from tests.support.harness import PdsNetwork
from tests.support.oauth import approve, oauth_client, serve_client_metadata
from tests.support.waiting import eventually

CLIENT_ID = "https://app.desktopapp.org/client-metadata.json"
CONFIG = ClientConfig.discoverable(CLIENT_ID)


@asynccontextmanager
async def app_layer(net: PdsNetwork, open_browser: OpenBrowser, *,
                    config: ClientConfig | None = None,
                    custom_scheme: bool = False) -> AsyncIterator[Accounts]:
    async with oauth_client(net, config=config) as (client, _):
        signin = SignIn(client, SignInFlows(client.config), open_browser=open_browser,
                        custom_scheme=custom_scheme)
        accounts = Accounts(client, signin)
        try:
            yield accounts
        finally:
            await accounts.aclose()


async def test_forged_loopback_redirect_then_the_real_one(pds: PdsNetwork) -> None:
    answers: list[int] = []

    async def browser(url: str) -> None:
        callback = await approve(url, pds.alice)
        base = callback.split("?", 1)[0]
        async with httpx.AsyncClient(trust_env=False) as http:
            # Another local process guesses at the listener first.
            forged = callback.replace("state=", "state=forged")
            answers.append((await http.get(forged)).status_code)
            answers.append((await http.get(f"{base}?code=stolen&iss=x")).status_code)
            answers.append((await http.get(callback)).status_code)

    async with app_layer(pds, browser) as accounts:
        session = await accounts.sign_in("alice.test")
    assert answers == [400, 400, 200]
    assert session.did == pds.alice.did


@pytest.fixture
def discoverable_net(pds_factory: PdsFactory) -> Iterator[PdsNetwork]:
    with serve_client_metadata(CONFIG) as url:
        yield pds_factory(client_metadata_map={CLIENT_ID: url})


@pytest.mark.parametrize("order", ["renewal-first", "sign-in-first"])
async def test_renewal_of_a_and_sign_in_of_b_each_get_their_own_redirect(
    discoverable_net: PdsNetwork, order: str
) -> None:
    net = discoverable_net
    urls: list[str] = []

    async def browser(url: str) -> None:
        urls.append(url)

    async with app_layer(net, browser, config=CONFIG, custom_scheme=True) as accounts:
        flows = accounts.signin.flows
        # Alice is signed in already (her redirect delivered straight away).
        alice_task = asyncio.ensure_future(accounts.sign_in("alice.test"))
        await eventually(lambda: len(urls) >= 1, "alice's authorization page")
        assert flows.deliver(await approve(urls[0], net.alice))
        alice = await alice_task

        # Now Alice's renewal (prompted: this client is not trusted for prompt=none) and
        # Bob's sign-in wait at the same time, on the same custom-scheme redirect URI.
        renewal = asyncio.ensure_future(accounts.renew(alice.did))
        await eventually(lambda: len(urls) >= 2, "alice's renewal page")
        bob_task = asyncio.ensure_future(accounts.sign_in("bob.test"))
        await eventually(lambda: len(urls) >= 3, "bob's authorization page")
        callbacks = {"alice": await approve(urls[1], net.alice),
                     "bob": await approve(urls[2], net.bob)}
        for name in (["alice", "bob"] if order == "renewal-first" else ["bob", "alice"]):
            assert flows.deliver(callbacks[name])
            assert not flows.deliver(callbacks[name])  # a replayed redirect is refused
        path = await asyncio.wait_for(renewal, 60)
        bob = await asyncio.wait_for(bob_task, 60)
        renewed = accounts.snapshot(alice.did)
        stored = await accounts.client.sessions.get(alice.did)
    assert path == "prompted" and bob.did == net.bob.did
    assert renewed is not None and renewed.renewal == "prompted"
    assert stored is not None and stored.did == net.alice.did
    assert stored.tokens.access_token != alice.tokens.access_token
    assert {s.did for s in accounts.snapshots()} == {net.alice.did, net.bob.did}
