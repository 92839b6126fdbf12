"""Wires settings into the protocol core: network policy, resolvers, discovery, OAuth client."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import httpx

from . import __version__
from .atproto.client_config import ClientConfig
from .atproto.discovery import Discovery
from .atproto.http import NetworkPolicy
from .atproto.identity import IdentityResolver
from .atproto.oauth import OAuthClient
from .atproto.stores import SessionStore, StateStore
from .settings import Settings

USER_AGENT = f"desktop-app/{__version__}"


@dataclass
class Core:
    """The protocol objects one process shares."""

    http: httpx.AsyncClient
    policy: NetworkPolicy
    identity: IdentityResolver
    discovery: Discovery

    async def aclose(self) -> None:
        await self.http.aclose()


def make_core(settings: Settings, *, http: httpx.AsyncClient | None = None) -> Core:
    policy = NetworkPolicy(allow_insecure_loopback=settings.allow_insecure_loopback)
    client = http or httpx.AsyncClient(headers={"User-Agent": USER_AGENT}, trust_env=False)
    identity = IdentityResolver(
        client,
        policy,
        plc_url=settings.plc_url,
        handle_resolver_url=settings.handle_resolver_url,
    )
    return Core(client, policy, identity, Discovery(client, policy))


def client_config(settings: Settings) -> ClientConfig:
    """The discoverable client when one is configured, else the zero-config development client."""
    if settings.client_id:
        return ClientConfig.discoverable(settings.client_id)
    return ClientConfig.development()


def make_oauth_client(
    settings: Settings,
    core: Core,
    *,
    sessions: SessionStore,
    states: StateStore,
    config: ClientConfig | None = None,
    lock_dir: Path | None = None,
) -> OAuthClient:
    return OAuthClient(
        config or client_config(settings),
        http=core.http,
        policy=core.policy,
        identity=core.identity,
        discovery=core.discovery,
        sessions=sessions,
        states=states,
        lock_dir=lock_dir or settings.paths.data / "locks",
    )
