"""Which hosts and addresses the app may connect to, checked on the URL and again at connect time.

A hostile DID document, handle record or metadata document can name any URL. Outside the
development setting the app talks only to public internet hosts: never to loopback, private,
link-local or otherwise special addresses, `localhost`, single-label names or special-use
domains. Names are checked again after they resolve, on the addresses actually connected to, so
a DNS answer (or a rebinding one) cannot lead the app onto the local network.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

import httpcore
import httpx

from ._errors import InsecureUrlError, PrivateAddressError
from .syntax import DISALLOWED_TLDS, SPECIAL_USE_TLDS, handle_tld

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[str]]]

# Never public: the TLDs handles may not use and RFC 6761 special-use names (see `syntax`),
# and names kept out of the root zone that home and office networks use.
NON_PUBLIC_TLDS = DISALLOWED_TLDS | SPECIAL_USE_TLDS | {"lan", "intranet", "corp", "home"}
DNS_TIMEOUT = 10.0


def parse_ip(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def is_loopback_host(host: str) -> bool:
    """`localhost` or a loopback IP literal."""
    if host.lower() == "localhost":
        return True
    ip = parse_ip(host)
    return ip is not None and ip.is_loopback


# Global unicast (RFC 4291). Everything outside it — loopback, unspecified, IPv4-compatible and
# IPv4-translated forms, discard-only, unique-local, link-local, site-local, multicast, reserved
# — is refused without asking Python's table, whose contents change between Python versions.
GLOBAL_UNICAST = ipaddress.IPv6Network("2000::/3")
# The IANA IPv6 Special-Purpose Address Registry's entries inside 2000::/3, except 6to4
# (2002::/16, judged by the IPv4 address inside) and the AS112 direct delegation
# (2620:4f:8000::/48, a public DNS service).
NON_PUBLIC_IPV6 = tuple(ipaddress.IPv6Network(net) for net in (
    # IETF protocol assignments: Teredo, benchmarking, ORCHID and ORCHIDv2, drone entity tags
    # (identifiers, not locators), and anycast services (PCP, TURN, AMT, AS112) none of which
    # is an HTTP server a DID document could meaningfully name.
    "2001::/23",
    "2001:db8::/32",  # documentation
    "3fff::/20",  # documentation
))
# NAT64: the well-known prefix (RFC 6052) and the local-use one (RFC 8215). A translator sends
# the connection on to the IPv4 address in the last 32 bits, the position every /96 prefix
# uses; a network that runs a shorter local-use prefix (/48 to /64) would place it elsewhere,
# which nothing here can know.
NAT64_PREFIXES = (ipaddress.IPv6Network("64:ff9b::/96"), ipaddress.IPv6Network("64:ff9b:1::/48"))


def is_public_address(ip: IPAddress) -> bool:
    """A global unicast address: not loopback, private, link-local, shared, reserved, …"""
    if isinstance(ip, ipaddress.IPv6Address):
        return _is_public_ipv6(ip)
    return ip.is_global and not ip.is_multicast


def _is_public_ipv6(ip: ipaddress.IPv6Address) -> bool:
    # An address that carries an IPv4 one reaches that IPv4 host: it decides.
    inner = ip.ipv4_mapped or ip.sixtofour or _nat64_target(ip)
    if inner is not None:
        return is_public_address(inner)
    if ip not in GLOBAL_UNICAST:
        return False
    return not any(ip in network for network in NON_PUBLIC_IPV6)


def _nat64_target(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if any(ip in prefix for prefix in NAT64_PREFIXES):
        return ipaddress.IPv4Address(ip.packed[-4:])
    return None


def address_allowed(ip: IPAddress, *, development: bool) -> bool:
    """Public addresses always; loopback ones too in the development setting."""
    if development and ip.is_loopback:
        return True
    return is_public_address(ip)


def host_problem(host: str, *, development: bool) -> str | None:
    """Why the app must not connect to `host` (a name or an IP literal), or None."""
    host = host.lower().rstrip(".")
    ip = parse_ip(host)
    if ip is not None:
        if address_allowed(ip, development=development):
            return None
        return f"{host} is not a public internet address"
    if host == "localhost" or host.endswith(".localhost"):
        return None if development else "localhost is only for development"
    if "." not in host:
        return f"{host} is a local name, not a public one"
    if handle_tld(host) in NON_PUBLIC_TLDS:
        return f"{host} is a special-use or local domain"
    return None


async def system_resolve(host: str, port: int) -> list[str]:
    """The addresses the system resolver gives for `host`, in its order."""
    loop = asyncio.get_running_loop()
    infos = await asyncio.wait_for(
        loop.getaddrinfo(host, port, type=socket.SOCK_STREAM), DNS_TIMEOUT)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Connects only to allowed addresses: resolves the name itself, checks every address,
    then connects to an allowed one (TLS still verifies the name). Holds the inner backend,
    the resolver and whether this is the development setting."""

    def __init__(self, *, development: bool, resolver: Resolver = system_resolve,
                 inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self._development = development
        self._resolve = resolver
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self, host: str, port: int, timeout: float | None = None,
        local_address: str | None = None, socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        problem = host_problem(host, development=self._development)
        if problem is not None:
            raise PrivateAddressError(f"refused to connect: {problem}")
        addresses = [host] if parse_ip(host) is not None else await self._lookup(host, port)
        allowed = [a for a in addresses
                   if (ip := parse_ip(a)) is not None
                   and address_allowed(ip, development=self._development)]
        if not allowed:
            raise PrivateAddressError(f"refused to connect: {host} resolves only to "
                                   f"non-public addresses ({', '.join(addresses[:4])})")
        for address in allowed[:-1]:
            try:
                return await self._inner.connect_tcp(address, port, timeout, local_address,
                                                     socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout):
                continue  # the next address of the name, as a browser would
        return await self._inner.connect_tcp(allowed[-1], port, timeout, local_address,
                                             socket_options)

    async def _lookup(self, host: str, port: int) -> list[str]:
        try:
            return await self._resolve(host, port)
        except (OSError, TimeoutError) as exc:
            raise httpcore.ConnectError(f"could not resolve {host}: {exc}") from exc

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Iterable[Any] | None = None,
                                  ) -> httpcore.AsyncNetworkStream:
        raise InsecureUrlError("refused to connect to a unix socket")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport on a `GuardedBackend` (no proxies, no environment settings)."""

    def __init__(self, *, development: bool, resolver: Resolver = system_resolve) -> None:
        # One TLS context (loading the CA bundle is the costly part), shared with httpx's own
        # pool, which is then replaced: httpx offers no parameter for the network backend.
        ssl_context = httpx.create_ssl_context(trust_env=False)
        super().__init__(verify=ssl_context, trust_env=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=100, max_keepalive_connections=20, keepalive_expiry=5.0,  # httpx's
            network_backend=GuardedBackend(development=development, resolver=resolver),
        )
