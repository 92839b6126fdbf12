"""A tiny authoritative DNS server on 127.0.0.1 (UDP) for tests, answering TXT from a table."""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass, field

import dns.asyncresolver
import dns.flags
import dns.message
import dns.name
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.rdtypes.ANY.TXT
import dns.rrset


@dataclass
class DnsQuery:
    name: str  # lower-case, without the trailing dot
    rdtype: str


@dataclass
class FakeDnsServer:
    """TXT records per name; unknown names get NXDOMAIN.

    `servfail` names answer SERVFAIL; `drop` names never get an answer (client times out).
    """

    txt: dict[str, list[list[bytes]]] = field(default_factory=dict)
    servfail: set[str] = field(default_factory=set)
    drop: set[str] = field(default_factory=set)
    queries: list[DnsQuery] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.settimeout(0.5)
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def port(self) -> int:
        return int(self._sock.getsockname()[1])

    def add_txt(self, name: str, *values: str | bytes) -> None:
        """One TXT record per value (each a single character-string)."""
        records = self.txt.setdefault(_key(name), [])
        for value in values:
            records.append([value.encode() if isinstance(value, str) else value])

    def add_txt_chunks(self, name: str, *chunks: bytes) -> None:
        """One TXT record split over several character-strings (clients must join them)."""
        self.txt.setdefault(_key(name), []).append(list(chunks))

    def count(self, name: str | None = None) -> int:
        with self._lock:
            return sum(1 for q in self.queries if name is None or q.name == _key(name))

    def resolver(self, *, timeout: float = 2.0) -> dns.asyncresolver.Resolver:
        """A dnspython resolver that asks only this server."""
        resolver = dns.asyncresolver.Resolver(configure=False)
        resolver.nameservers = ["127.0.0.1"]
        resolver.port = self.port
        resolver.timeout = timeout
        resolver.lifetime = timeout
        resolver.cache = None
        return resolver

    def start(self) -> FakeDnsServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        # Wake the server thread from recvfrom instead of waiting out its timeout.
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as waker:
            waker.sendto(b"", ("127.0.0.1", self.port))
        self._thread.join(timeout=5)
        self._sock.close()

    def __enter__(self) -> FakeDnsServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                wire, peer = self._sock.recvfrom(4096)
            except (TimeoutError, OSError):
                continue
            try:
                reply = self._answer(dns.message.from_wire(wire))
            except Exception:  # garbage in, no answer out
                continue
            if reply is not None:
                self._sock.sendto(reply, peer)

    def _answer(self, query: dns.message.Message) -> bytes | None:
        question = query.question[0]
        name = _key(question.name.to_text())
        with self._lock:
            self.queries.append(DnsQuery(name, dns.rdatatype.to_text(question.rdtype)))
            records = [list(r) for r in self.txt.get(name, [])]
        if name in self.drop:
            return None
        response = dns.message.make_response(query)
        response.flags |= dns.flags.AA
        if name in self.servfail:
            response.set_rcode(dns.rcode.SERVFAIL)
        elif not records:
            response.set_rcode(dns.rcode.NXDOMAIN)
        elif question.rdtype == dns.rdatatype.TXT:
            rrset = dns.rrset.RRset(question.name, dns.rdataclass.IN, dns.rdatatype.TXT)
            for strings in records:
                rrset.add(
                    dns.rdtypes.ANY.TXT.TXT(dns.rdataclass.IN, dns.rdatatype.TXT, strings),
                    ttl=60,
                )
            response.answer.append(rrset)
        # Another type at a name that has TXT: NOERROR with no answer (NoAnswer).
        wire: bytes = response.to_wire()
        return wire


def _key(name: str) -> str:
    return name.lower().rstrip(".")
