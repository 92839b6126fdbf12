"""Wires settings into one process's parts: core, OAuth client, sign-in flows, accounts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from .. import __version__
from ..atproto import GuardedTransport, IdentityResolver, NetworkPolicy
from ..atproto.oauth import ClientConfig, Discovery, OAuthClient, SessionStore, StateStore
from ..bsky import APP_SCOPE, CLIENT_SCOPE, TRANSITION_SCOPE, fetch_media
from ..platform import (
    KeyringSessionStore,
    KeyringStateStore,
    RegistrationResult,
    ensure_registered,
    open_system_browser,
    registrar_for_platform,
)
from ..settings import Settings
from ._accounts import Accounts
from ._drafts import Drafts, DraftStore
from ._outbox import Outbox, OutboxStore
from ._signin import OpenBrowser, SignIn, SignInFlows

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


def make_core(settings: Settings, *, http: httpx.AsyncClient | None = None,
              policy: NetworkPolicy | None = None) -> Core:
    policy = policy or NetworkPolicy(allow_insecure_loopback=settings.allow_insecure_loopback)
    # Every outside request goes through the guarded transport: names are resolved by the app
    # and only public addresses (loopback too, in development) are connected to.
    client = http or httpx.AsyncClient(
        headers={"User-Agent": USER_AGENT}, trust_env=False,
        transport=GuardedTransport(development=settings.allow_insecure_loopback))
    identity = IdentityResolver(
        client,
        policy,
        plc_url=settings.plc_url,
        handle_resolver_url=settings.handle_resolver_url,
    )
    return Core(client, policy, identity, Discovery(client, policy))


def client_config(settings: Settings) -> ClientConfig:
    """The discoverable client when one is configured, else the zero-config development client."""
    return app_client(settings.client_id)


def app_client(client_id: str | None, *, client_name: str | None = None) -> ClientConfig:
    """This app as an OAuth client: registered for its permission scopes and the transition
    scope, asking for the first and falling back to the second where a server lacks them."""
    if client_id:
        return ClientConfig.discoverable(
            client_id, scope=CLIENT_SCOPE, request_scope=APP_SCOPE,
            fallback_scope=TRANSITION_SCOPE,
            **({"client_name": client_name} if client_name else {}))
    return ClientConfig.development(scope=CLIENT_SCOPE, request_scope=APP_SCOPE,
                                    fallback_scope=TRANSITION_SCOPE)


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


@dataclass
class Services:
    """Everything one process of the app shares, built from the settings: the window and the
    command line each make one and close it on exit."""

    settings: Settings
    core: Core
    client: OAuthClient
    flows: SignInFlows
    signin: SignIn
    accounts: Accounts

    @classmethod
    def open(
        cls,
        settings: Settings,
        *,
        sessions: SessionStore | None = None,
        states: StateStore | None = None,
        open_browser: OpenBrowser = open_system_browser,
    ) -> Services:
        """Build the parts, on the keychain stores unless others are given."""
        core = make_core(settings)
        client = make_oauth_client(
            settings, core,
            sessions=sessions or KeyringSessionStore(settings.paths.data),
            states=states or KeyringStateStore(settings.paths.data),
        )
        flows = SignInFlows(client.config)
        signin = SignIn(client, flows, open_browser=open_browser)
        accounts = Accounts(client, signin, settings_extra=settings.extra,
                            data_dir=settings.paths.data)
        return cls(settings, core, client, flows, signin, accounts)

    def register_scheme(self) -> RegistrationResult | None:
        """First-run registration of this client's sign-in scheme with the OS (None when it
        has none, or nothing had to be done); a `PlatformError` says why it failed."""
        return ensure_registered(self.client.config.scheme)

    def choose_redirects(self, receive: Callable[[], bool]) -> bool:
        """How sign-in redirects come back, decided the same for the window and the command
        line: through the client's custom scheme when it has one, the OS hands that scheme to
        this app, and this process receives the links handed over (`receive()` makes it
        listen, and says whether it could); otherwise through a loopback redirect. Returns
        whether the scheme is used (and tells `signin`)."""
        scheme = self.client.config.scheme
        use = scheme is not None and registrar_for_platform().status(scheme) and receive()
        self.signin.custom_scheme = use
        return use

    def outbox(self, did: str) -> Outbox:
        """`did`'s writes waiting to be sent (this profile's, shared with the window)."""
        return Outbox(OutboxStore(self.settings.paths.data, did), self.accounts.agent(did))

    def drafts(self, did: str) -> Drafts:
        """`did`'s drafts on this device and on the account."""
        return Drafts(DraftStore(self.settings.paths.data, did), self.accounts.agent(did))

    async def media(self, url: str) -> bytes:
        """An avatar or an image to show (public, checked, size-capped)."""
        return await fetch_media(self.core.http, self.core.policy, url)

    async def aclose(self) -> None:
        await self.accounts.aclose()
        await self.core.aclose()
