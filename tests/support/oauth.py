"""Builds the project's OAuth client against a harness network and counts what it sends."""

from __future__ import annotations

import asyncio
import json
import sys
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from desktop_app.app import agent_for
from desktop_app.atproto import IdentityResolver, NetworkPolicy
from desktop_app.atproto.oauth import (
    ClientConfig,
    MemorySessionStore,
    MemoryStateStore,
    OAuthClient,
    Session,
    SessionStore,
    StateStore,
)
from desktop_app.bsky import Agent
from tests.support.harness import Account, PdsNetwork
from tests.support.http_server import FakeHttpServer, Reply

DEV_REDIRECT = "http://127.0.0.1:{port}/callback"


@dataclass
class RequestLog:
    """Every request the client sent, as (method, host:port, path), plus response statuses."""

    requests: list[tuple[str, str, str]] = field(default_factory=list)
    responses: list[tuple[str, int, str]] = field(default_factory=list)

    async def on_request(self, request: httpx.Request) -> None:
        self.requests.append((request.method, request.url.netloc.decode(), request.url.path))

    async def on_response(self, response: httpx.Response) -> None:
        challenge = response.headers.get("www-authenticate", "")
        self.responses.append((response.request.url.path, response.status_code, challenge))

    def count(self, path: str) -> int:
        return sum(1 for _, _, p in self.requests if p == path)

    def by_path(self) -> Counter[str]:
        return Counter(p for _, _, p in self.requests)

    def clear(self) -> None:
        self.requests.clear()
        self.responses.clear()


@asynccontextmanager
async def oauth_client(
    net: PdsNetwork,
    *,
    config: ClientConfig | None = None,
    sessions: SessionStore | None = None,
    states: StateStore | None = None,
    lock_dir: Path | None = None,
) -> AsyncIterator[tuple[OAuthClient, RequestLog]]:
    log = RequestLog()
    policy = NetworkPolicy(allow_insecure_loopback=True)
    async with httpx.AsyncClient(
        trust_env=False, event_hooks={"request": [log.on_request], "response": [log.on_response]}
    ) as http:
        identity = IdentityResolver(
            http, policy, plc_url=net.plc_url, handle_resolver_url=net.pds_url
        )
        client = OAuthClient(
            config or ClientConfig.development(),
            http=http,
            policy=policy,
            identity=identity,
            sessions=sessions or MemorySessionStore(),
            states=states or MemoryStateStore(),
            lock_dir=lock_dir,
        )
        yield client, log


async def approve(url: str, account: Account, **options: Any) -> str:
    """Act as the user in the provider's UI; return the redirect the browser would follow."""
    from tests.support.browser_driver import authorize

    credentials: dict[str, Any] = {"username": account.handle, "password": account.password}
    credentials.update(options)
    return await asyncio.to_thread(authorize, url, **credentials)


async def approve_in_browser(url: str, account: Account, **options: Any) -> int:
    """`approve`, then follow the redirect as the browser does; the status it answered."""
    callback = await approve(url, account, **options)
    async with httpx.AsyncClient(trust_env=False) as http:
        return (await http.get(callback)).status_code


async def sign_in(
    client: OAuthClient, account: Account, *, redirect_uri: str | None = None, **options: Any
) -> Session:
    redirect = redirect_uri or DEV_REDIRECT.format(port=_any_port())
    start = await client.start_sign_in(account.handle, redirect_uri=redirect)
    callback = await approve(start.url, account, **options)
    return await client.complete_sign_in(callback)


def pds_client(client: OAuthClient, session: Session) -> httpx.AsyncClient:
    """An XRPC client for the session's PDS that shares the OAuth client's connection pool."""
    return httpx.AsyncClient(
        base_url=session.pds_url, auth=client.auth(session.did), trust_env=False,
        event_hooks=client.http.event_hooks,
    )


@contextmanager
def serve_client_metadata(config: ClientConfig) -> Iterator[str]:
    """Host the client's metadata document on loopback; yield the URL the harness maps to."""
    body = json.dumps(config.metadata()).encode()
    with FakeHttpServer() as host:
        host.route("GET", "/client-metadata.json",
                   Reply(200, body, {"content-type": "application/json"}))
        yield f"{host.url}/client-metadata.json"


def packaged_client_id() -> str:
    """The client_id baked into the packaged app (packaging/config.toml)."""
    import tomllib

    config = Path(__file__).resolve().parents[2] / "packaging" / "config.toml"
    return str(tomllib.loads(config.read_text())["client_id"])


def _any_port() -> int:
    # Nothing listens there: the driver hands back the redirect instead of following it.
    return 49152 + (hash(asyncio.current_task()) % 10000)


def host_of(url: str) -> str:
    return urlsplit(url).netloc


def browser_command(directory: Path) -> str:
    """The headless driver as a `BROWSER` value: webbrowser runs it as one executable."""
    script = directory / "headless-browser"
    driver = Path(__file__).with_name("browser_driver.py")
    script.write_text(f'#!/bin/sh\nexec {sys.executable} {driver} "$@"\n')
    script.chmod(0o755)
    return str(script)


@asynccontextmanager
async def agent_as(net: PdsNetwork, account: Account) -> AsyncIterator[Agent]:
    """An agent signed in as `account` (OAuth, outside the app under test): the other side of
    a conversation, typically an account from `tests.support.seed.new_account`."""
    async with oauth_client(net) as (client, _):
        session = await sign_in(client, account)
        yield agent_for(client, session.did)
