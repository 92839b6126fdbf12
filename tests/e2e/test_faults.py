"""Faults injected between the real client and the reference PDS (tests/support/fault_proxy.py).

Each test runs the app layer (Accounts, the OAuth client, the keychain store on a private Secret
Service) through the proxy and records a row of the fault table (docs/harness.md): how many
runs, how many sessions were lost, how many clicks recovering took. The goal: none lost except
when the answer to a refresh is lost after the server rotated, and at most one click then.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from desktop_app.app import Accounts, SignIn, SignInFlows, SignInOptions, make_core
from desktop_app.app._services import make_oauth_client
from desktop_app.atproto import GuardedTransport, NetworkError, NetworkPolicy
from desktop_app.atproto.oauth import SessionEndReason
from desktop_app.platform import KeyringSessionStore, KeyringStateStore
from desktop_app.settings import Settings
from tests.fixtures import PdsFactory
from tests.support.fault_proxy import record
from tests.support.harness import Account, PdsNetwork
from tests.support.oauth import approve_in_browser
from tests.support.secret_service import SecretService
from tests.support.waiting import eventually

FAR = 3600.0  # an hour ahead: every access token is due, no session near its end


@dataclass
class Client:
    """The app layer on the harness, as the window runs it, with a controllable clock."""

    accounts: Accounts
    net: PdsNetwork
    now: list[float]
    resolver_fails: list[bool]
    signing_in: list[Account]  # who the browser signs in as

    async def sign_in(self, account: Account) -> None:
        self.signing_in[:] = [account]
        await self.accounts.sign_in(account.handle, SignInOptions(timeout=60))

    async def sign_in_again(self, account: Account) -> None:
        """What "Sign in again" on the ended account's card does: one click."""
        self.signing_in[:] = [account]
        await self.accounts.sign_in(account.did, SignInOptions(login_hint=account.handle,
                                                                timeout=60))

    async def pass_at(self, offset: float) -> None:
        """One background refresh pass, `offset` seconds after the real time."""
        self.now[0] = time.time() + offset
        await self.accounts.refresh_pass()

    def state(self, did: str) -> tuple[str, SessionEndReason | None]:
        snap = self.accounts.snapshot(did)
        assert snap is not None
        return snap.state, snap.reason


@contextlib.asynccontextmanager
async def app_client(net: PdsNetwork, tmp_path: Path, *,
                     policy: NetworkPolicy | None = None) -> AsyncIterator[Client]:
    settings = Settings.load({
        "DESKTOP_APP_HOME": str(tmp_path / "profile"), "DESKTOP_APP_PLC_URL": net.plc_url,
        "DESKTOP_APP_HANDLE_RESOLVER": net.pds_url, "DESKTOP_APP_ALLOW_INSECURE_LOOPBACK": "1",
    })
    resolver_fails = [False]
    signing_in: list[Account] = []

    async def resolve(host: str, port: int) -> list[str]:
        if resolver_fails[0]:
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        return ["127.0.0.1"]

    async def browser(url: str) -> None:
        await approve_in_browser(url, signing_in[0])

    http = httpx.AsyncClient(trust_env=False, transport=GuardedTransport(
        development=True, resolver=resolve))
    core = make_core(settings, http=http, policy=policy)
    client = make_oauth_client(settings, core, sessions=KeyringSessionStore(settings.paths.data),
                               states=KeyringStateStore(settings.paths.data))
    now = [time.time()]
    accounts = Accounts(client, SignIn(client, SignInFlows(client.config), open_browser=browser),
                        data_dir=settings.paths.data, clock=lambda: now[0])
    try:
        yield Client(accounts, net, now, resolver_fails, signing_in)
    finally:
        await accounts.aclose()
        await core.aclose()


@pytest.fixture
def proxied(pds_factory: PdsFactory) -> PdsNetwork:
    net = pds_factory(fault_proxy=True)
    assert net.proxy is not None and str(net.proxy.port) in net.pds_url
    return net


def proxy_of(net: PdsNetwork) -> Any:
    assert net.proxy is not None
    return net.proxy


async def test_lost_answer_to_a_refresh(
    proxied: PdsNetwork, secret_service: SecretService, tmp_path: Path,
) -> None:
    """The one fault the client can't undo: it says so in words, and one click recovers."""
    net, runs, lost, clicks = proxied, 2, 0, 0
    async with app_client(net, tmp_path) as app:
        await app.sign_in(net.alice)
        for run in range(runs):
            proxy_of(net).inject("POST", "/oauth/token", "drop", when_status=200)
            await app.pass_at(FAR)  # the server rotates; the answer is lost
            assert app.state(net.alice.did)[0] == "offline"
            await app.pass_at(FAR + 3600 * (run + 1))  # the retry: a replay, the session ends
            state, reason = app.state(net.alice.did)
            assert state == "ended" and reason is SessionEndReason.INTERRUPTED
            snap = app.accounts.snapshot(net.alice.did)
            assert snap is not None and "connection dropped while your sign-in was being " \
                "renewed" in snap.status.state_text
            lost += 1
            await app.sign_in_again(net.alice)
            clicks += 1
            assert app.state(net.alice.did) == ("healthy", None)
    record("answer to a refresh lost after the server rotated", runs, lost, clicks // runs)


async def test_connection_reset_mid_body(
    proxied: PdsNetwork, secret_service: SecretService, tmp_path: Path,
) -> None:
    net, runs = proxied, 3
    async with app_client(net, tmp_path) as app:
        await app.sign_in(net.alice)
        agent = app.accounts.agent(net.alice.did)
        for _ in range(runs):
            proxy_of(net).inject("GET", "/xrpc/com.atproto.repo.describeRepo", "reset")
            with pytest.raises(NetworkError):
                await agent.xrpc.query("com.atproto.repo.describeRepo", {"repo": net.alice.did})
            assert await agent.xrpc.query("com.atproto.repo.describeRepo",
                                          {"repo": net.alice.did})
            proxy_of(net).inject("POST", "/oauth/par", "reset")
            with pytest.raises(NetworkError):
                await app.accounts.client.start_sign_in(
                    net.bob.handle, redirect_uri="http://127.0.0.1:9/callback")
        await app.pass_at(FAR)
        assert app.state(net.alice.did) == ("healthy", None)
    record("connection reset mid-body (XRPC, PAR)", runs, 0, 0)


async def test_30_second_stall_of_a_refresh(
    proxied: PdsNetwork, secret_service: SecretService, tmp_path: Path,
) -> None:
    net = proxied
    async with app_client(net, tmp_path) as app:
        await app.sign_in(net.alice)
        proxy_of(net).inject("POST", "/oauth/token", "stall", seconds=30)
        started = time.monotonic()
        await app.pass_at(FAR)
        # No byte comes back: the read timeout (10 s) ends the attempt long before the stall.
        assert 8 < time.monotonic() - started < 25
        assert app.state(net.alice.did)[0] == "offline"
        await app.pass_at(FAR + 3600)
        assert app.state(net.alice.did) == ("healthy", None)
    record("30 s stall of the token endpoint", 1, 0, 0)


async def test_503_with_retry_after(
    proxied: PdsNetwork, secret_service: SecretService, tmp_path: Path,
) -> None:
    net, runs = proxied, 3
    async with app_client(net, tmp_path) as app:
        await app.sign_in(net.alice)
        for run in range(runs):
            proxy_of(net).inject("POST", "/oauth/token", "status", status=503,
                                 headers={"retry-after": "120"})
            offset = FAR + run * 7200
            await app.pass_at(offset)
            snap = app.accounts.snapshot(net.alice.did)
            assert snap is not None and snap.state == "offline"
            await app.pass_at(offset + 60)  # before Retry-After: not tried again
            assert proxy_of(net).count("/oauth/token", "status") == run + 1
            await app.pass_at(offset + 3600)
            assert app.state(net.alice.did) == ("healthy", None)
    record("503 with Retry-After from the token endpoint", runs, 0, 0)


async def test_dns_failure(
    proxied: PdsNetwork, secret_service: SecretService, tmp_path: Path,
) -> None:
    net, runs = proxied, 3
    async with app_client(net, tmp_path) as app:
        await app.sign_in(net.alice)
        for run in range(runs):
            app.resolver_fails[0] = True
            await app.pass_at(FAR + run * 7200)
            assert app.state(net.alice.did)[0] == "offline"
            app.resolver_fails[0] = False
            await app.pass_at(FAR + run * 7200 + 3600)
            assert app.state(net.alice.did) == ("healthy", None)
    record("DNS failure during a refresh", runs, 0, 0)


async def test_laptop_sleeps_past_the_access_token_expiry(
    pds_factory: PdsFactory, secret_service: SecretService, tmp_path: Path,
) -> None:
    net = pds_factory(fault_proxy=True, access_token_lifetime=2)
    async with app_client(net, tmp_path) as app:
        await app.sign_in(net.alice)
        before = app.accounts.snapshot(net.alice.did)
        assert before is not None
        await asyncio.sleep(3)  # asleep: no pass ran; the access token expired meanwhile
        agent = app.accounts.agent(net.alice.did)
        assert await agent.xrpc.query("com.atproto.repo.describeRepo", {"repo": net.alice.did})
        await app.pass_at(0)
        assert app.state(net.alice.did) == ("healthy", None)
    record("laptop asleep past the access-token expiry", 1, 0, 0)


async def test_twenty_accounts_refresh_while_one_stalls(
    pds_factory: PdsFactory, secret_service: SecretService, tmp_path: Path,
) -> None:
    from tests.support.harness import AccountSpec, PdsKnobs

    specs = [AccountSpec(f"user{i}.test", f"user{i}@example.com", f"pass-{i}")
             for i in range(20)]
    net = pds_factory(PdsKnobs(accounts=specs, fault_proxy=True))
    # The stalled request is held until every other account has been refreshed: a client that
    # gave up on it first (its read timeout) would prove nothing, so this one waits longer.
    patient = NetworkPolicy(allow_insecure_loopback=True, timeout=600, deadline=600)
    async with app_client(net, tmp_path, policy=patient) as app:
        for account in net.accounts:
            await app.sign_in(account)
        slow = net.accounts[0]
        slow_session = await app.accounts.client.sessions.get(slow.did)
        assert slow_session is not None and slow_session.tokens.refresh_token
        stall = proxy_of(net).inject("POST", "/oauth/token", "stall", seconds=600,
                                     body_contains=slow_session.tokens.refresh_token.encode())
        before = {}
        for account in net.accounts:
            stored = await app.accounts.client.sessions.get(account.did)
            assert stored is not None
            before[account.did] = stored.tokens.refresh_token
        app.now[0] = time.time() + FAR
        started = time.monotonic()
        passing = asyncio.ensure_future(app.accounts.refresh_pass())

        async def others_done() -> bool:
            for account in net.accounts[1:]:
                stored = await app.accounts.client.sessions.get(account.did)
                if stored is None or stored.tokens.refresh_token == before[account.did]:
                    return False
            return True

        await eventually(others_done, "the other 19 accounts refreshed", timeout=240)
        others_took = time.monotonic() - started
        # The slow request is still held and the pass still waits for it: nobody else did.
        assert stall.hits == 1 and not passing.done()
        stall.release()  # the server goes away without answering
        await passing
        assert app.state(slow.did)[0] == "offline"
        await app.pass_at(FAR + 3600)
        assert all(app.state(a.did) == ("healthy", None) for a in net.accounts)
    print(f"19 accounts refreshed in {others_took:.1f} s while the 20th stalled")
    record("20 accounts refreshing while one server stalls", 1, 0, 0)


async def test_keychain_locked_mid_session(
    proxied: PdsNetwork, secret_service: SecretService, tmp_path: Path,
) -> None:
    net, runs = proxied, 2
    async with app_client(net, tmp_path) as app:
        await app.sign_in(net.alice)
        for run in range(runs):
            secret_service.lock()
            await app.pass_at(FAR + run * 7200)
            assert app.state(net.alice.did)[0] == "offline"  # nothing rotated, nothing spent
            assert proxy_of(net).count("/oauth/token") == 1 + run
            secret_service.unlock()
            await app.pass_at(FAR + run * 7200 + 3600)
            assert app.state(net.alice.did) == ("healthy", None)
    record("keychain locked mid-session", runs, 0, 0)


async def revoke_at_the_server(app: Client, did: str) -> None:
    """What signing this app out on the provider's page does: the session's tokens die there,
    and this app learns of it at its next refresh."""
    session = await app.accounts.client.sessions.get(did)
    assert session is not None
    assert await app.accounts.client.revoke_tokens(session)


async def test_a_revocation_is_not_told_as_an_interrupted_renewal(
    proxied: PdsNetwork, secret_service: SecretService, tmp_path: Path,
) -> None:
    """The in-flight marker belongs to the refresh token a request spent: after a refresh that
    never left (the name did not resolve), or after signing in again once an answer was lost,
    a revocation is told as one, not as "the connection dropped"."""
    net = proxied
    did = net.alice.did
    async with app_client(net, tmp_path) as app:
        await app.sign_in(net.alice)
        app.resolver_fails[0] = True
        await app.pass_at(FAR)  # nothing sent: no marker
        assert app.state(did)[0] == "offline"
        app.resolver_fails[0] = False
        await revoke_at_the_server(app, did)
        await app.pass_at(FAR + 3600)
        assert app.state(did) == ("ended", SessionEndReason.REVOKED)

        await app.sign_in_again(net.alice)
        proxy_of(net).inject("POST", "/oauth/token", "drop", when_status=200)
        await app.pass_at(FAR + 2 * 3600)  # rotated, the answer lost: marked for that token
        assert app.state(did)[0] == "offline"
        await app.sign_in_again(net.alice)  # a new session, with a token of its own
        await revoke_at_the_server(app, did)
        await app.pass_at(FAR + 3 * 3600)
        assert app.state(did) == ("ended", SessionEndReason.REVOKED)
