"""Sign-in flows: start, open the browser, wait for the redirect routed by `state`, finish."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from ..atproto import AtprotoError, syntax
from ..atproto.oauth import (
    AuthorizationError,
    AuthorizationStart,
    ClientConfig,
    OAuthClient,
    RedirectTimeoutError,
    Session,
    callback_state,
    describe_redirect,
    same_redirect,
)
from ..errors import AppError
from ..platform import LoopbackRedirectListener, open_system_browser
from ..sentences import QT_TR_NOOP, Sentence

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 15 * 60.0

OpenBrowser = Callable[[str], Awaitable[None]]


class SignInReplacedError(AuthorizationError):
    default_message = QT_TR_NOOP("A newer sign-in for this account replaced this one.")


@dataclass(eq=False)
class Flow:
    """One sign-in waiting for its redirect: who it is for, where the redirect must arrive,
    and the future the redirect URL resolves."""

    state: str
    account: str  # the DID, or the typed provider address when the DID is not known yet
    redirect_uri: str
    redirect: asyncio.Future[str] = field(repr=False)


class SignInFlows:
    """The open sign-in flows of this process, keyed by `state`.

    Every way a redirect can reach the app (the custom scheme through the single-instance
    hand-off, the macOS open-URL event, the loopback listener) goes through `deliver`. A URL
    whose `state` matches no open flow is dropped and logged without its query, never kept
    for a later flow; at most one flow per account is open (a newer one replaces it).
    """

    def __init__(self, config: ClientConfig) -> None:
        self._config = config
        self._flows: dict[str, Flow] = {}

    def open(self, start: AuthorizationStart, account: str) -> Flow:
        for old in [f for f in self._flows.values() if f.account == account]:
            self._end(old, SignInReplacedError(f"replaced by a newer sign-in for {account}"))
        flow = Flow(start.state, account, start.redirect_uri,
                    asyncio.get_running_loop().create_future())
        self._flows[flow.state] = flow
        return flow

    def close(self, flow: Flow) -> None:
        if self._flows.get(flow.state) is flow:
            del self._flows[flow.state]
        if not flow.redirect.done():
            flow.redirect.cancel()

    def deliver(self, url: str) -> bool:
        """Hand a redirect URL to the flow waiting for it; False (and dropped) when none is."""
        flow = self._match(url)
        if flow is None:
            log.warning("dropped a redirect no sign-in is waiting for: %s",
                        describe_redirect(url))
            return False
        del self._flows[flow.state]
        flow.redirect.set_result(url)
        return True

    def _match(self, url: str) -> Flow | None:
        if not self._config.is_callback_url(url):
            return None
        state = callback_state(url)
        flow = self._flows.get(state) if state is not None else None
        if flow is None or flow.redirect.done() or not same_redirect(url, flow.redirect_uri):
            return None
        return flow

    @property
    def open_states(self) -> frozenset[str]:
        return frozenset(self._flows)

    def _end(self, flow: Flow, error: Exception) -> None:
        self._flows.pop(flow.state, None)
        if not flow.redirect.done():
            flow.redirect.set_exception(error)
            flow.redirect.exception()  # its waiter may already be gone


@dataclass(frozen=True)
class SignInOptions:
    prompt: str | None = None
    login_hint: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    scope: str | None = None  # None: what the client asks this server for by default


class SignIn:
    """Runs whole sign-ins for one OAuth client.

    Holds the client, the open flows and how to open a browser. `custom_scheme` says whether
    redirects through the app's URI scheme can reach this process (the scheme is registered and
    this process receives hand-offs); otherwise a loopback redirect is used.
    """

    def __init__(self, client: OAuthClient, flows: SignInFlows, *,
                 open_browser: OpenBrowser = open_system_browser,
                 custom_scheme: bool = False, clock: Callable[[], float] = time.time) -> None:
        self.client = client
        self.flows = flows
        self.open_browser = open_browser
        self.custom_scheme = custom_scheme
        self._clock = clock
        self._waiting: _Waiting | None = None  # the latest sign-in waiting for its redirect

    async def reopen(self) -> None:
        """"Open the page again" for the latest sign-in: the same page while its request is
        valid; once it has expired, a new request is pushed and its page opened."""
        waiting = self._waiting
        if waiting is None:
            return
        if self._clock() < waiting.start.request_expires_at:
            await self.open_browser(waiting.start.url)
        elif not waiting.renew.done():
            waiting.renew.set_result("")

    async def run(
        self,
        user_input: str,
        options: SignInOptions | None = None,
        *,
        on_started: Callable[[AuthorizationStart], None] | None = None,
    ) -> Session:
        """Sign in `user_input` (handle, DID or provider address) and return the stored session."""
        options = options or SignInOptions()
        redirect = self.client.config.custom_scheme_redirect_uri
        if self.custom_scheme and redirect is not None:
            start = await self._start(user_input, redirect, options)
            url = await self._await_redirect(user_input, start, options, on_started)
            return await self.client.complete_sign_in(url)
        async with LoopbackRedirectListener(self.client.config.callback_path,
                                            self.flows.deliver) as listener:
            start = await self._start(user_input, listener.redirect_uri(), options)
            url = await self._await_redirect(user_input, start, options, on_started)
        return await self.client.complete_sign_in(url)

    async def _start(self, user_input: str, redirect_uri: str,
                     options: SignInOptions) -> AuthorizationStart:
        return await self.client.start_sign_in(
            user_input, redirect_uri=redirect_uri, prompt=options.prompt,
            login_hint=options.login_hint, scope=options.scope)

    async def _await_redirect(
        self, user_input: str, start: AuthorizationStart, options: SignInOptions,
        on_started: Callable[[AuthorizationStart], None] | None,
    ) -> str:
        give_up = asyncio.get_running_loop().time() + options.timeout
        account = start.did or _account_key(user_input)
        while True:
            flow = self.flows.open(start, account)
            waiting = _Waiting(start, asyncio.get_running_loop().create_future())
            self._waiting = waiting
            try:
                if on_started is not None:
                    on_started(start)
                await self.open_browser(start.url)
                url = await self._wait(flow, waiting, give_up, options.timeout)
                if url is not None:
                    return url
            finally:
                self.flows.close(flow)
                waiting.renew.cancel()
                if self._waiting is waiting:
                    self._waiting = None
            # The request expired and the person asked for the page again: push a new one.
            log.info("sign-in request expired; asking the provider for a new one")
            start = await self._start(user_input, start.redirect_uri, options)

    @staticmethod
    async def _wait(flow: Flow, waiting: _Waiting, give_up: float, timeout: float) -> str | None:
        """The redirect URL, or None when the page is to be asked for anew."""
        done, _ = await asyncio.wait(
            {flow.redirect, waiting.renew}, return_when=asyncio.FIRST_COMPLETED,
            timeout=max(0.0, give_up - asyncio.get_running_loop().time()))
        if flow.redirect in done:
            return flow.redirect.result()
        if waiting.renew in done:
            return None
        raise RedirectTimeoutError(f"no redirect within {timeout:.0f} s")


@dataclass(eq=False)
class _Waiting:
    """A sign-in waiting in the browser: its request, and the signal to push a new one."""

    start: AuthorizationStart
    renew: asyncio.Future[str]  # done when the page is to be asked for anew


def _account_key(user_input: str) -> str:
    try:
        return syntax.parse_identifier(user_input).value
    except AtprotoError:
        return user_input.strip().lower()


def handle_problem(text: str) -> Sentence | None:
    """Inline validation for the handle field (syntax only; no network)."""
    try:
        identifier = syntax.parse_identifier(text)
    except AppError as exc:
        return exc.sentence
    if identifier.kind == "url":
        return Sentence(QT_TR_NOOP(
            "Enter your handle here, or use “Use a different provider” for an address."))
    return None


def provider_problem(text: str) -> Sentence | None:
    try:
        identifier = syntax.parse_identifier(text)
    except AppError as exc:
        return exc.sentence
    return None if identifier.kind == "url" else Sentence(QT_TR_NOOP(
        "Enter the provider's address (https://…)."))
