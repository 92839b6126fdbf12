"""Sign-in as a whole: start, open the browser, wait for the redirect, finish."""

from __future__ import annotations

import asyncio
import logging
import webbrowser
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from ..atproto.client_config import ClientConfig
from ..atproto.errors import AtprotoError
from ..atproto.oauth import AuthorizationStart, OAuthClient
from ..atproto.session import Session
from .loopback import DEFAULT_TIMEOUT, LoopbackRedirectListener, RedirectTimeoutError

log = logging.getLogger(__name__)

OpenBrowser = Callable[[str], Awaitable[None]]


class BrowserError(AtprotoError):
    default_message = (
        "The app could not open your web browser. Use “Copy link” and open it yourself."
    )


async def open_system_browser(url: str) -> None:
    """Python's `webbrowser` honours `BROWSER`; run it off the loop, it may wait for the child."""
    opened = await asyncio.to_thread(webbrowser.open, url)
    if not opened:
        raise BrowserError("webbrowser.open returned False")


class CallbackInbox:
    """Where redirects arrive from the OS (single-instance hand-off): the next one wins."""

    def __init__(self) -> None:
        self._waiter: asyncio.Future[str] | None = None
        self._early: list[str] = []

    def deliver(self, url: str) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(url)
        else:
            self._early.append(url)

    async def next(self, timeout: float) -> str:
        if self._early:
            return self._early.pop(0)
        self._waiter = asyncio.get_running_loop().create_future()
        try:
            return await asyncio.wait_for(self._waiter, timeout)
        except TimeoutError as exc:
            raise RedirectTimeoutError(f"no redirect within {timeout:.0f} s") from exc
        finally:
            self._waiter = None


@dataclass
class SignInOptions:
    prompt: str | None = None
    login_hint: str | None = None
    timeout: float = DEFAULT_TIMEOUT


async def sign_in(
    client: OAuthClient,
    user_input: str,
    *,
    inbox: CallbackInbox | None,
    open_browser: OpenBrowser = open_system_browser,
    options: SignInOptions | None = None,
    on_started: Callable[[AuthorizationStart], None] | None = None,
) -> Session:
    """Sign in through the custom-scheme redirect when `inbox` is given, else a loopback one."""
    options = options or SignInOptions()
    config: ClientConfig = client.config
    custom = config.custom_scheme_redirect_uri
    if inbox is not None and custom is not None:
        start = await client.start_sign_in(
            user_input, redirect_uri=custom, prompt=options.prompt, login_hint=options.login_hint
        )
        if on_started:
            on_started(start)
        await open_browser(start.url)
        callback = await inbox.next(options.timeout)
        return await client.complete_sign_in(callback)

    async with LoopbackRedirectListener(config.callback_path) as listener:
        start = await client.start_sign_in(
            user_input, redirect_uri=listener.redirect_uri(), prompt=options.prompt,
            login_hint=options.login_hint,
        )
        if on_started:
            on_started(start)
        await open_browser(start.url)
        callback = await listener.wait(options.timeout)
    return await client.complete_sign_in(callback)
