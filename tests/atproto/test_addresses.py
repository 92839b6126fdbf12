"""Which hosts and addresses the app connects to: decisions only, never a private connection."""

from __future__ import annotations

import ipaddress
from typing import Any

import httpcore
import httpx
import pytest

from desktop_app.atproto import (
    GuardedBackend,
    GuardedTransport,
    IdentityResolver,
    InsecureUrlError,
    NetworkPolicy,
    PrivateAddressError,
    host_problem,
    is_public_address,
)
from tests.support.http_server import FakeHttpServer, json_reply


@pytest.mark.parametrize(("address", "public"), [
    ("8.8.8.8", True), ("2606:4700:4700::1111", True),
    ("10.0.0.1", False), ("172.16.0.1", False), ("192.168.1.1", False),
    ("169.254.169.254", False), ("127.0.0.1", False), ("0.0.0.0", False),
    ("100.64.0.1", False),  # carrier-grade NAT
    ("224.0.0.1", False), ("255.255.255.255", False), ("198.18.0.1", False),
    ("::1", False), ("::", False), ("fe80::1", False), ("fc00::1", False), ("fd12::1", False),
    ("::ffff:10.0.0.1", False), ("::ffff:8.8.8.8", True),  # IPv4-mapped
    ("2002:a00:1::", False),  # 6to4 of 10.0.0.1
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", False),  # Teredo
    ("ff02::1", False),
])
def test_public_addresses(address: str, public: bool) -> None:
    assert is_public_address(ipaddress.ip_address(address)) is public


@pytest.mark.parametrize(("address", "public"), [
    # Global unicast is 2000::/3; everything outside it is refused whatever Python's table says.
    ("2a03:2880:f12f:83:face:b00c::25de", True), ("2620:4f:8000::1", True),
    ("4000::1", False), ("5f00::1", False), ("100::1", False), ("100:0:0:1::1", False),
    ("fec0::1", False),  # site-local, deprecated
    ("::8.8.8.8", False), ("::a00:1", False),  # IPv4-compatible, deprecated
    ("::ffff:0:808:808", False),  # IPv4-translated
    # Special-purpose ranges inside 2000::/3.
    ("2001:db8::1", False), ("2001:db8:ffff::1", False), ("3fff::1", False),
    ("3fff:fff:ffff::1", False), ("2001:20::1", False), ("2001:2f:ffff::1", False),
    ("2001:10::1", False), ("2001:30::1", False), ("2001:2::1", False), ("2001:1::1", False),
    ("2001:3::1", False), ("2001:4:112::1", False), ("2001:1ff::1", False),
    ("2001:200::1", True),  # just past the IETF protocol assignments (2001::/23)
    ("3fff:1000::1", True),  # just past the documentation range 3fff::/20
    # NAT64: judged by the IPv4 address inside.
    ("64:ff9b::808:808", True), ("64:ff9b::a00:1", False), ("64:ff9b::7f00:1", False),
    ("64:ff9b::a9fe:a9fe", False), ("64:ff9b:1::808:808", True), ("64:ff9b:1::c0a8:101", False),
    ("64:ff9b:1:ffff::808:808", True),
    ("64:ff9b:0:0:1::808:808", False),  # outside both translation prefixes
    # 6to4 and IPv4-mapped as before.
    ("2002:808:808::1", True), ("2002:c0a8:101::1", False),
])
def test_public_ipv6_addresses(address: str, public: bool) -> None:
    ip = ipaddress.ip_address(address)
    assert is_public_address(ip) is public
    assert (host_problem(address, development=False) is None) is public
    # Development admits loopback only, never another special address.
    assert (host_problem(address, development=True) is None) is public


@pytest.mark.parametrize(("host", "production", "development"), [
    ("bsky.social", True, True),
    ("8.8.8.8", True, True),
    ("10.0.0.1", False, False),
    ("169.254.169.254", False, False),
    ("[::1]", False, True),
    ("127.0.0.1", False, True),
    ("localhost", False, True),
    ("pds.localhost", False, True),
    ("printer.local", False, False),
    ("x.arpa", False, False),
    ("a.onion", False, False),
    ("foo.test", False, False),
    ("svc.internal", False, False),
    ("router.lan", False, False),
    ("intranet", False, False),  # single label: resolved through search domains
])
def test_host_decisions(host: str, production: bool, development: bool) -> None:
    assert (host_problem(host, development=False) is None) is production
    assert (host_problem(host, development=True) is None) is development


@pytest.mark.parametrize("url", [
    "https://10.0.0.1/xrpc", "https://169.254.169.254/latest/meta-data", "https://[::1]/",
    "https://printer.local/.well-known/did.json", "https://localhost/", "https://foo.test/",
    "https://[fe80::1]/", "https://100.64.1.1/",
])
def test_policy_refuses_non_public_urls(url: str) -> None:
    with pytest.raises(PrivateAddressError) as caught:
        NetworkPolicy().check_url(url)
    assert "private or local" in caught.value.message  # not "insecure (non-HTTPS)"


def test_development_admits_loopback_only() -> None:
    policy = NetworkPolicy(allow_insecure_loopback=True)
    assert policy.check_url("http://127.0.0.1:2583/x") == "http://127.0.0.1:2583/x"
    assert policy.check_url("http://localhost:2583/x") == "http://localhost:2583/x"
    for url in ("https://10.0.0.1/", "http://192.168.0.2/", "https://printer.local/"):
        with pytest.raises(InsecureUrlError):
            policy.check_url(url)


class SpyBackend(httpcore.AsyncNetworkBackend):
    """Records where it was asked to connect, and connects nowhere."""

    def __init__(self) -> None:
        self.attempts: list[str] = []

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: Any = None) -> httpcore.AsyncNetworkStream:
        self.attempts.append(host)
        raise httpcore.ConnectError("spy: not connecting")

    async def sleep(self, seconds: float) -> None:
        return None


def resolving_to(*addresses: str) -> Any:
    async def resolve(host: str, port: int) -> list[str]:
        return list(addresses)

    return resolve


@pytest.mark.parametrize("addresses", [
    ("10.0.0.5",), ("127.0.0.1",), ("169.254.169.254",), ("::1", "fd00::5"),
])
async def test_a_public_name_resolving_to_private_addresses_is_refused(
    addresses: tuple[str, ...],
) -> None:
    spy = SpyBackend()
    backend = GuardedBackend(development=False, resolver=resolving_to(*addresses), inner=spy)
    with pytest.raises(PrivateAddressError, match="non-public"):
        await backend.connect_tcp("pds.example.com", 443)
    assert spy.attempts == []


async def test_a_name_synthesized_onto_a_private_ipv4_through_nat64_is_refused() -> None:
    spy = SpyBackend()
    backend = GuardedBackend(development=False, inner=spy,
                             resolver=resolving_to("64:ff9b::a9fe:a9fe", "64:ff9b::808:808"))
    with pytest.raises(httpcore.ConnectError):
        await backend.connect_tcp("pds.example.com", 443)
    assert spy.attempts == ["64:ff9b::808:808"]


async def test_only_the_public_addresses_of_a_name_are_tried() -> None:
    spy = SpyBackend()
    backend = GuardedBackend(development=False, inner=spy,
                             resolver=resolving_to("10.0.0.5", "93.184.216.34", "fd00::1"))
    with pytest.raises(httpcore.ConnectError):
        await backend.connect_tcp("pds.example.com", 443)
    assert spy.attempts == ["93.184.216.34"]


async def test_rebinding_is_checked_at_every_connect() -> None:
    answers = [["93.184.216.34"], ["10.0.0.9"]]

    async def rebinding(host: str, port: int) -> list[str]:
        return answers.pop(0)

    spy = SpyBackend()
    backend = GuardedBackend(development=False, resolver=rebinding, inner=spy)
    with pytest.raises(httpcore.ConnectError):
        await backend.connect_tcp("evil.example.com", 443)
    with pytest.raises(InsecureUrlError):
        await backend.connect_tcp("evil.example.com", 443)
    assert spy.attempts == ["93.184.216.34"]


async def test_refused_requests_surface_as_typed_errors_through_httpx() -> None:
    transport = GuardedTransport(development=False, resolver=resolving_to("10.1.2.3"))
    async with httpx.AsyncClient(transport=transport) as http:
        with pytest.raises(InsecureUrlError):
            await http.get("https://pds.example.com/xrpc/_health")


async def test_development_connects_to_loopback_for_real() -> None:
    with FakeHttpServer() as server:
        server.route("GET", "/ok", json_reply({"ok": True}))
        transport = GuardedTransport(development=True, resolver=resolving_to("127.0.0.1"))
        async with httpx.AsyncClient(transport=transport) as http:
            response = await http.get(f"http://localhost:{server.port}/ok")
        assert response.json() == {"ok": True}


@pytest.mark.parametrize("did", ["did:web:foo.test", "did:web:localhost"])
async def test_special_use_did_web_is_not_fetched_outside_development(did: str) -> None:
    policy = NetworkPolicy()
    async with httpx.AsyncClient(trust_env=False) as http:
        resolver = IdentityResolver(http, policy)
        with pytest.raises(InsecureUrlError):
            await resolver.resolve_did(did)
