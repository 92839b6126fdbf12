"""The sign-in page on `Accounts.sign_in`: validation, busy and waiting states, links."""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

from ...app import Accounts, AuthorizationStart, Session, SignInOptions, TaskOwner
from ...errors import AppError
from ..lang import say
from ._window import AccountsWindow

log = logging.getLogger(__name__)


class SignInAdapter(QObject):
    """Runs the sign-in page's requests through `Accounts.sign_in`.

    Holds the running sign-in task (one at a time) and the last authorization URL, for
    "Open the page again" and "Copy link".
    """

    def __init__(self, window: AccountsWindow, accounts: Accounts, tasks: TaskOwner) -> None:
        super().__init__()
        self._window = window
        self._page = window.sign_in_page
        self._accounts = accounts
        self._tasks = tasks
        self._task: asyncio.Task[Session | None] | None = None
        self.last_url: str | None = None
        page = self._page
        page.sign_in_requested.connect(self._requested)
        page.cancel_requested.connect(self.cancel)
        page.reopen_requested.connect(lambda: tasks.spawn(self._reopen()))
        page.copy_link_requested.connect(self._copy_link)

    def _requested(self, handle: str, provider: str) -> None:
        target = provider or handle
        self.start(target, login_hint=handle if provider and handle else None)

    def start(self, target: str, *, login_hint: str | None = None) -> None:
        if self._task is None or self._task.done():
            self._task = self._tasks.spawn(self.sign_in(target, login_hint=login_hint))

    def started(self, start: AuthorizationStart) -> None:
        self.last_url = start.url
        self._page.set_busy(False)
        self._page.show_waiting()

    async def sign_in(self, target: str, *, login_hint: str | None = None,
                      prompt: str | None = None) -> Session | None:
        page = self._page
        page.set_busy(True)
        try:
            session = await self._accounts.sign_in(
                target, SignInOptions(prompt=prompt, login_hint=login_hint),
                on_started=self.started)
        except asyncio.CancelledError:
            page.set_busy(False)
            page.show_form()
            raise
        except AppError as exc:
            log.info("sign-in failed: %s", exc.detail)
            page.set_busy(False)
            page.show_form(say(exc.sentence))
            return None
        page.set_busy(False)
        page.show_form()
        self._window.show_home()
        return session

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    async def _reopen(self) -> None:
        await self._accounts.signin.reopen()

    def _copy_link(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if self.last_url and clipboard is not None:
            clipboard.setText(self.last_url)
