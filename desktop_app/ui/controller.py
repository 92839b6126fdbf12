"""The window on the application layer: sign-in, accounts and the active timeline."""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QObject

from ..app import Accounts, AccountSnapshot, RenewalPath, TaskOwner
from ..atproto.oauth import Session
from ..errors import AppError
from .accounts_adapter import AccountsAdapter, Notify
from .main_window import MainWindow
from .signin_adapter import SignInAdapter
from .timeline_controller import TimelineController

log = logging.getLogger(__name__)

TICK_MS = 30_000


class AppController(QObject):
    """The window on the application layer: a sign-in adapter, an accounts adapter, and the
    timeline of the active account. Owns every task they start; `aclose` ends them all."""

    def __init__(self, window: MainWindow, accounts: Accounts, *,
                 notify: Notify | None = None, tick_ms: int = TICK_MS) -> None:
        super().__init__()
        self.window = window
        self.accounts = accounts
        self._tick = tick_ms / 1000
        self._tasks = TaskOwner("window")
        self.signin = SignInAdapter(window, accounts, self._tasks)
        self.account_views = AccountsAdapter(window, accounts, self._tasks, self.signin, notify)
        self.timeline: TimelineController | None = None
        self._following: str | None = None  # the DID whose timeline is (being) shown
        self._switching = asyncio.Lock()
        self._unsubscribe = accounts.subscribe(self._changed)

    async def start(self) -> None:
        """Restore saved accounts, show the right page, start the background refresh."""
        try:
            await self.accounts.load()
        except AppError as exc:
            self.window.sign_in_page.show_form(exc.message)
        if self.accounts.active_did is not None:
            self.window.show_home()
        else:
            self.window.show_sign_in()
        self.accounts.start(self._tick)

    async def aclose(self) -> None:
        self._unsubscribe()
        await self.accounts.aclose()
        await self._tasks.aclose()
        if self.timeline is not None:
            await self.timeline.aclose()
            self.timeline = None

    async def sign_in(self, target: str, *, login_hint: str | None = None,
                      prompt: str | None = None) -> Session | None:
        return await self.signin.sign_in(target, login_hint=login_hint, prompt=prompt)

    async def renew(self, did: str) -> RenewalPath | None:
        return await self.account_views.renew(did)

    async def sign_out(self, did: str) -> None:
        await self.account_views.sign_out(did)

    async def tick(self) -> None:
        await self.accounts.refresh_pass()

    def refresh_views(self) -> None:
        self._changed(self.accounts.snapshots())

    def _changed(self, snapshots: tuple[AccountSnapshot, ...]) -> None:
        self.account_views.show(snapshots)
        active = next((s for s in snapshots if s.active), None)
        target = active.did if active is not None else None
        if target != self._following:
            self._following = target
            self._tasks.spawn(self._follow(active))

    async def _follow(self, active: AccountSnapshot | None) -> None:
        """The home timeline follows the active account (the latest switch wins)."""
        async with self._switching:
            if (active.did if active is not None else None) != self._following:
                return  # another switch came after this one
            if self.timeline is not None:
                old, self.timeline = self.timeline, None
                await old.aclose()
            self.window.composer.clear()
            if active is None:
                self.window.timeline.model.reset()
                return
            self.timeline = TimelineController(self.accounts.agent(active.did),
                                               self.window.timeline, self.window.composer)
            self.timeline.message.connect(self.window.show_message)
            self.window.timeline.set_title(f"Home · @{active.name}")
            self.timeline.start()
