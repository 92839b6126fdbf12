"""A loopback HTTP proxy in front of the reference PDS that injects faults into chosen requests.

The harness starts the PDS with its public URL on the proxy's port (`PdsKnobs.fault_proxy`), so
every request any client makes to the PDS or its authorization server passes through here.
Requests are forwarded one per upstream connection (`Connection: close`); WebSocket upgrades
(the AppView's firehose) are piped through untouched. A rule matches a method, a path and
optionally a substring of the request body, for a number of requests, and does one of:

- `drop`: forward, read the whole answer (the server acted on it), then close without a byte;
- `reset`: forward, send half of the answer, then reset the connection;
- `stall_after`: forward, then hold the answer `seconds` (or until `Rule.release()`) before
  sending it;
- `stall`: hold the request `seconds` (or until `Rule.release()`), then close without
  forwarding (the server never saw it);
- `status`: answer `status` (with `headers`) without forwarding;
- `forward_status`: forward, read the whole answer (the server acted on it), then answer
  `status` instead — a gateway that fails after the server did the work.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import socket
import struct
import threading
from dataclasses import dataclass, field
from typing import Literal

Fault = Literal["drop", "reset", "stall_after", "stall", "status", "forward_status"]
TABLE_ENV = "DESKTOP_APP_FAULT_TABLE"  # a file the fault tests append their rows to
MAX_HEAD = 64 * 1024


@dataclass
class Rule:
    method: str
    path: str  # matched as a prefix of the path (query excluded)
    fault: Fault
    times: int = 1
    seconds: float = 0.0
    status: int = 503
    headers: dict[str, str] = field(default_factory=dict)
    body_contains: bytes | None = None
    # For faults after forwarding: only when the server answered this status (a DPoP nonce
    # challenge, say, passes through untouched and does not use the rule up).
    when_status: int | None = None
    hits: int = 0
    released: threading.Event = field(default_factory=threading.Event, repr=False)

    def release(self) -> None:
        """End a stall now, whatever is left of its `seconds`."""
        self.released.set()

    async def hold(self) -> None:
        """Wait out a stall: `seconds`, or until released."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.seconds
        while not self.released.is_set() and loop.time() < deadline:
            await asyncio.sleep(min(0.05, max(0.0, deadline - loop.time())))

    def matches(self, method: str, path: str, body: bytes) -> bool:
        return (self.hits < self.times and method == self.method and path.startswith(self.path)
                and (self.body_contains is None or self.body_contains in body))


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    fault: Fault | None


class FaultProxy:
    """Listens on 127.0.0.1:`port`, forwards to 127.0.0.1:`upstream_port` once it is set."""

    def __init__(self) -> None:
        self.port = 0  # the OS picks it when the server starts
        self.upstream_port: int | None = None
        self.rules: list[Rule] = []
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._server: asyncio.Server | None = None
        self._thread = threading.Thread(target=self._run, name="fault-proxy", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("fault proxy did not start")

    @property
    def url(self) -> str:
        return f"http://localhost:{self.port}"

    def inject(self, method: str, path: str, fault: Fault, **options: object) -> Rule:
        rule = Rule(method.upper(), path, fault, **options)  # type: ignore[arg-type]
        with self._lock:
            self.rules.append(rule)
        return rule

    def clear(self) -> None:
        with self._lock:
            self.rules.clear()
            self.seen.clear()

    def count(self, path: str, fault: Fault | None = None) -> int:
        with self._lock:
            return sum(1 for s in self.seen if s.path.startswith(path)
                       and (fault is None or s.fault == fault))

    def close(self) -> None:
        async def stop() -> None:
            if self._server is not None:
                self._server.close()
            others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in others:
                task.cancel()  # connections held by a stall, say
            await asyncio.gather(*others, return_exceptions=True)

        if self._loop.is_running():
            asyncio.run_coroutine_threadsafe(stop(), self._loop).result(10)
            self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    # --- the proxy's own thread -----------------------------------------------------------------

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)

        async def start() -> None:
            self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
            self.port = int(self._server.sockets[0].getsockname()[1])
            self._ready.set()

        self._loop.run_until_complete(start())
        self._loop.run_forever()

    def _rule_for(self, method: str, path: str, body: bytes) -> Rule | None:
        with self._lock:
            rule = next((r for r in self.rules if r.matches(method, path, body)), None)
            if rule is not None:
                rule.hits += 1
            self.seen.append(Seen(method, path, rule.fault if rule else None))
            return rule

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while await self._one_request(reader, writer):
                pass
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        finally:
            with contextlib.suppress(Exception):
                writer.close()

    async def _one_request(self, reader: asyncio.StreamReader,
                           writer: asyncio.StreamWriter) -> bool:
        """One request from the client; False when the connection is to be closed."""
        head = await reader.readuntil(b"\r\n\r\n")
        if len(head) > MAX_HEAD:
            return False
        lines = head.decode("latin-1").split("\r\n")
        method, target, _ = lines[0].split(" ", 2)
        headers = [line.split(":", 1) for line in lines[1:] if ":" in line]
        lower = {k.strip().lower(): v.strip() for k, v in headers}
        length = int(lower.get("content-length", "0") or 0)
        body = await reader.readexactly(length) if length else b""
        path = target.split("?", 1)[0]
        upgrade = lower.get("upgrade", "").lower() == "websocket"
        rule = None if upgrade else self._rule_for(method, path, body)
        if rule is not None and rule.fault == "status":
            await _injected(writer, rule)
            return False
        if rule is not None and rule.fault == "stall":
            await rule.hold()
            return False
        upstream_r, upstream_w = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        try:
            kept = [f"{k}:{v}" for k, v in headers if k.strip().lower() != "connection"]
            connection = "upgrade" if upgrade else "close"
            upstream_w.write("\r\n".join([lines[0], *kept, f"connection: {connection}", "", ""])
                             .encode("latin-1") + body)
            await upstream_w.drain()
            if upgrade:
                await _pipe_both(reader, writer, upstream_r, upstream_w)
                return False
            answer = await upstream_r.read()  # until the server closes: the whole answer
        finally:
            with contextlib.suppress(Exception):
                upstream_w.close()
        if rule is not None and rule.when_status is not None \
                and _status_of(answer) != rule.when_status:
            self._unmatch(rule)
            rule = None
        await self._answer(writer, answer, rule)
        return False

    def _unmatch(self, rule: Rule) -> None:
        with self._lock:
            rule.hits -= 1
            last = self.seen[-1] if self.seen else None
            if last is not None and last.fault == rule.fault:
                self.seen[-1] = Seen(last.method, last.path, None)

    async def _answer(self, writer: asyncio.StreamWriter, answer: bytes,
                      rule: Rule | None) -> None:
        if rule is not None and rule.fault == "drop":
            return
        if rule is not None and rule.fault == "forward_status":
            await _injected(writer, rule)
            return
        if rule is not None and rule.fault == "reset":
            writer.write(answer[: max(1, len(answer) // 2)])
            await writer.drain()
            sock = writer.get_extra_info("socket")
            if sock is not None:  # RST instead of FIN
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            writer.transport.abort()
            return
        if rule is not None and rule.fault == "stall_after":
            await rule.hold()
        writer.write(answer)
        await writer.drain()


async def _injected(writer: asyncio.StreamWriter, rule: Rule) -> None:
    """The rule's own answer: its status and headers, no body."""
    extra = "".join(f"{k}: {v}\r\n" for k, v in rule.headers.items())
    writer.write(f"HTTP/1.1 {rule.status} Injected\r\n{extra}content-length: 0\r\n"
                 "connection: close\r\n\r\n".encode())
    await writer.drain()


def _status_of(answer: bytes) -> int:
    try:
        return int(answer.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return 0


async def _pipe_both(client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter,
                     upstream_r: asyncio.StreamReader, upstream_w: asyncio.StreamWriter) -> None:
    async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
        with contextlib.suppress(Exception):
            while chunk := await src.read(65536):
                dst.write(chunk)
                await dst.drain()
        with contextlib.suppress(Exception):
            dst.close()

    await asyncio.gather(pipe(client_r, upstream_w), pipe(upstream_r, client_w))


def record(fault: str, runs: int, lost: int, clicks: int) -> None:
    """One row of the fault table: printed, and appended to $DESKTOP_APP_FAULT_TABLE if set."""
    print(f"FAULT-TABLE | {fault} | {runs} | {lost} | {clicks}")
    target = os.environ.get(TABLE_ENV)
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(json.dumps({"fault": fault, "runs": runs, "lost": lost,
                                  "clicks": clicks}) + "\n")


def record_data(fault: str, runs: int, posts_lost: int, duplicates: int,
                drafts_lost: int = 0) -> None:
    """One row of the user-data fault table (posts and drafts): printed, and appended to
    $DESKTOP_APP_FAULT_TABLE if set."""
    print(f"DATA-FAULT-TABLE | {fault} | {runs} | {posts_lost} | {duplicates} | {drafts_lost}")
    target = os.environ.get(TABLE_ENV)
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(json.dumps({"fault": fault, "runs": runs, "posts_lost": posts_lost,
                                  "duplicates": duplicates, "drafts_lost": drafts_lost}) + "\n")
