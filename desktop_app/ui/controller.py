"""Connects the window to the core: sign-in, accounts, sign-out, periodic status and refresh."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication

from ..atproto import syntax
from ..atproto.agent import Agent
from ..atproto.errors import AtprotoError, SessionEndReason
from ..atproto.oauth import AuthorizationStart, OAuthClient
from ..atproto.session import Session
from ..lifecycle.lifetime import (
    LifetimePolicy,
    SessionStatus,
    ended_status,
    policy_for,
    session_status,
)
from ..lifecycle.refresh import AccountState, refresh_accounts
from ..lifecycle.renewal import renew as renew_session
from ..platform.signin_flow import CallbackInbox, OpenBrowser, SignInOptions, open_system_browser
from ..platform.signin_flow import sign_in as run_sign_in
from .main_window import MainWindow
from .status_panel import AccountView
from .timeline_controller import TimelineController

log = logging.getLogger(__name__)

TICK_MS = 30_000


def handle_problem(text: str) -> str | None:
    """Inline validation for the handle field (syntax only; no network)."""
    try:
        identifier = syntax.parse_identifier(text)
    except AtprotoError as exc:
        return exc.message
    if identifier.kind == "url":
        return "Enter your handle here, or use “Use a different provider” for an address."
    return None


def provider_problem(text: str) -> str | None:
    try:
        identifier = syntax.parse_identifier(text)
    except AtprotoError as exc:
        return exc.message
    return None if identifier.kind == "url" else "Enter the provider's address (https://…)."


class AppController(QObject):
    """Owns the app's async work; every task it starts is cancelled and awaited on close."""

    def __init__(
        self,
        window: MainWindow,
        client: OAuthClient,
        *,
        settings_extra: dict[str, Any] | None = None,
        inbox: CallbackInbox | None = None,
        open_browser: OpenBrowser = open_system_browser,
        clock: Callable[[], float] = time.time,
        tick_ms: int = TICK_MS,
        notify: Callable[[str, str], None] | None = None,
    ) -> None:
        super().__init__()
        self.window = window
        self.client = client
        self.inbox = inbox
        self._open_browser = open_browser
        self._clock = clock
        self._extra = settings_extra or {}
        self.accounts: dict[str, AccountState] = {}
        self.active_did: str | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._sign_in_task: asyncio.Task[Any] | None = None
        self._last_url: str | None = None
        self._dismissed: set[str] = set()
        self._notify = notify
        self._notified: set[str] = set()
        self.timeline: TimelineController | None = None

        page = window.sign_in_page
        page.sign_in_requested.connect(self._on_sign_in)
        page.cancel_requested.connect(self._on_cancel)
        page.reopen_requested.connect(lambda: self._spawn(self._reopen()))
        page.copy_link_requested.connect(self._copy_link)
        panel = window.status_panel
        panel.sign_out_requested.connect(lambda did: self._spawn(self.sign_out(did)))
        panel.sign_in_again_requested.connect(self._sign_in_again)
        panel.renew_requested.connect(lambda did: self._spawn(self.renew(did)))
        panel.switch_requested.connect(self._switch)
        window.banner.renew_requested.connect(lambda did: self._spawn(self.renew(did)))
        window.banner.dismissed.connect(self._dismissed.add)
        window.add_account_requested.connect(self._add_account)

        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(lambda: self._spawn(self.tick()))

    # --- lifecycle -----------------------------------------------------------------------------

    async def start(self) -> None:
        """Restore saved accounts from the keychain and start the periodic check."""
        try:
            await self.client.states.purge_expired(self._clock())
            dids = await self.client.sessions.list_dids()
            for did in dids:
                session = await self.client.sessions.get(did)
                if session is not None:
                    self.accounts[did] = AccountState(session, session.handle or did)
        except AtprotoError as exc:
            self.window.sign_in_page.show_form(exc.message)
        if self.accounts:
            self.active_did = next(iter(self.accounts))
            await self._show_timeline()
            self.window.show_home()
        else:
            self.window.show_sign_in()
        self.refresh_views()
        self._timer.start()
        await self.tick()

    async def aclose(self) -> None:
        self._timer.stop()
        if self.timeline is not None:
            await self.timeline.aclose()
            self.timeline = None
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("background task failed: %s", type(task.exception()).__name__)

    # --- sign-in -------------------------------------------------------------------------------

    def _on_sign_in(self, handle: str, provider: str) -> None:
        if self._sign_in_task is not None and not self._sign_in_task.done():
            return
        target = provider or handle
        hint = handle if provider and handle else None
        self._sign_in_task = self._spawn(self.sign_in(target, login_hint=hint))

    async def sign_in(self, target: str, *, login_hint: str | None = None,
                      prompt: str | None = None) -> Session | None:
        page = self.window.sign_in_page
        page.set_busy(True)

        def started(start: AuthorizationStart) -> None:
            self._last_url = start.url
            page.set_busy(False)
            page.show_waiting()

        try:
            session = await run_sign_in(
                self.client, target, inbox=self.inbox, open_browser=self._open_browser,
                options=SignInOptions(prompt=prompt, login_hint=login_hint), on_started=started,
            )
        except asyncio.CancelledError:
            page.set_busy(False)
            page.show_form()
            raise
        except AtprotoError as exc:
            log.info("sign-in failed: %s", exc.detail)
            page.set_busy(False)
            page.show_form(exc.message)
            return None
        page.set_busy(False)
        page.show_form()
        self.accounts[session.did] = AccountState(session, session.handle or session.did)
        self.active_did = session.did
        self._dismissed.discard(session.did)
        self.window.banner.hide_for(session.did)
        self.refresh_views()
        await self._show_timeline()
        self.window.show_home()
        return session

    async def renew(self, did: str) -> str | None:
        """"Renew session": returns "silent", "prompted" or None when it failed."""
        state = self.accounts.get(did)
        if state is None or state.session is None:
            return None
        hint = state.handle if syntax.is_valid_handle(state.handle) else did
        page = self.window.sign_in_page

        async def sign_in(target: str, prompt: str | None, login_hint: str) -> Session:
            return await run_sign_in(
                self.client, target, inbox=self.inbox, open_browser=self._open_browser,
                options=SignInOptions(prompt=prompt, login_hint=login_hint),
            )

        def before_prompt() -> None:
            self.window.show_sign_in()
            page.show_waiting()

        try:
            session, path = await renew_session(self.client, state.session, hint, sign_in,
                                                before_prompt=before_prompt)
        except AtprotoError as exc:
            self._renewal_failed(state, exc)
            return None
        finally:
            page.show_form()
        state.session, state.ended, state.offline_until = session, None, None
        state.renewal_path = ("Renewed silently" if path == "silent"
                              else "Renewed after you confirmed in your browser")
        self._dismissed.discard(did)
        self._notified.discard(did)
        self.window.show_accounts()
        self.refresh_views()
        return path

    def _renewal_failed(self, state: AccountState, exc: AtprotoError) -> None:
        log.info("renewal failed: %s", exc.detail)
        state.renewal_path = f"Renewal failed: {exc.message}"
        self.window.show_accounts()
        self.refresh_views()

    def _on_cancel(self) -> None:
        if self._sign_in_task is not None:
            self._sign_in_task.cancel()

    async def _reopen(self) -> None:
        if self._last_url:
            await self._open_browser(self._last_url)

    def _copy_link(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if self._last_url and clipboard is not None:
            clipboard.setText(self._last_url)

    def _sign_in_again(self, did: str) -> None:
        state = self.accounts.get(did)
        hint = state.handle if state else did
        self.window.show_sign_in()
        self.window.sign_in_page.handle_edit.setText(hint)
        self._sign_in_task = self._spawn(self.sign_in(hint, login_hint=hint))

    def _add_account(self) -> None:
        self.window.sign_in_page.handle_edit.clear()
        self.window.sign_in_page.show_form()
        self.window.show_sign_in()

    def _switch(self, did: str) -> None:
        if did in self.accounts:
            self.active_did = did
            self.refresh_views()
            self._spawn(self._show_timeline())

    async def _show_timeline(self) -> None:
        """The home timeline follows the active account."""
        did = self.active_did
        if self.timeline is not None:
            if self.timeline.agent.did == did:
                return
            old, self.timeline = self.timeline, None
            await old.aclose()
        self.window.composer.clear()
        if did is None:
            self.window.timeline.model.reset()
            return
        self.timeline = TimelineController(Agent(self.client, did), self.window.timeline,
                                           self.window.composer)
        self.timeline.message.connect(
            lambda text: self.window.statusBar().showMessage(text, 8000))
        state = self.accounts.get(did)
        self.window.timeline.title.setText(f"<b>Home</b> · @{state.handle if state else did}")
        self.timeline.start()

    # --- accounts ------------------------------------------------------------------------------

    async def sign_out(self, did: str) -> None:
        await self.client.sign_out(did)
        self.accounts.pop(did, None)
        if self.active_did == did:
            self.active_did = next(iter(self.accounts), None)
            await self._show_timeline()
        self.window.banner.hide_for(did)
        self.refresh_views()
        if not self.accounts:
            self.window.show_sign_in()

    async def tick(self) -> None:
        """Periodic pass (see `lifecycle.refresh`), then redraw."""
        await refresh_accounts(self.client, self.accounts, self._policy, self._clock())
        self.refresh_views()

    def _policy(self, session: Session) -> LifetimePolicy:
        try:
            return policy_for(session.issuer, self._extra)
        except AtprotoError:
            return LifetimePolicy.current()

    def refresh_views(self) -> None:
        now = self._clock()
        views = []
        banner_shown = False
        for did, state in self.accounts.items():
            session = state.session
            if state.ended is not None or session is None:
                status = state.ended or ended_status(SessionEndReason.UNKNOWN)
            else:
                status = session_status(session, self._policy(session), now,
                                        offline_until=state.offline_until)
            views.append(self._view(did, state, status, now))
            suggest = status.state == "renewal_suggested" and did not in self._dismissed
            if suggest and not banner_shown:
                message = f"@{state.handle}: {status.text}. Renew it to stay signed in."
                self.window.banner.show_for(did, message)
                banner_shown = True
                if self._notify is not None and did not in self._notified:
                    self._notified.add(did)  # once per session, not every tick
                    self._notify("Renew your session", message)
        if not banner_shown:
            self.window.banner.hide()
        self.window.status_panel.set_accounts(views)

    def _view(self, did: str, state: AccountState, status: SessionStatus,
              now: float) -> AccountView:
        session = state.session
        expiry = "-"
        if status.access_expires_at is not None:
            left = status.access_expires_at - now
            expiry = "expired" if left <= 0 else f"renews automatically (in {int(left // 60)} min)"
        return AccountView(
            did=did,
            handle=state.handle,
            pds_host=urlsplit(session.pds_url).netloc if session else "-",
            scopes=session.scope if session else "-",
            started=time.strftime("%d %b %Y %H:%M", time.localtime(session.session_started_at))
            if session else "-",
            access_expiry=expiry,
            remaining_text=status.text,
            remaining_fraction=status.fraction_left,
            tooltip=status.tooltip,
            state=status.state,
            state_text=status.state_text,
            renewal_path=state.renewal_path,
            active=did == self.active_did,
        )
