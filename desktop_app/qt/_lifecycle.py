"""The one owner of the loop's life: start-up inside the running loop, every quit through one
request, shut-down finished before the loop stops."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from ._loop import AppEventLoop

log = logging.getLogger(__name__)


class Lifecycle(QObject):
    """Runs a program on an `AppEventLoop` from its first step to the loop's close.

    Holds the loop, the quit request (set once, by whichever source comes first) and the exit
    code. `run(start, stop)` runs `start()` as the first task of the running loop, waits for a
    quit request, then runs `stop()` to completion while the loop still runs, and only then
    lets the loop stop and closes it. Every way to quit becomes that one request: Qt's Quit
    event (the last window closed, `QCoreApplication.quit()`, the platform's quit such as
    macOS's Cmd+Q, a session log-out), SIGINT and SIGTERM, and `request_quit()`. Qt's own
    handling of the Quit event would end the Qt event loop at once, leaving `stop()` unrun and
    the loop's tasks pending; the event is taken here instead.
    """

    def __init__(self, app: QCoreApplication, loop: AppEventLoop) -> None:
        super().__init__()
        self._app = app
        self._loop = loop
        self._quit = asyncio.Event()
        self._stopping = False
        self.exit_code = 0

    @property
    def stopping(self) -> bool:
        """Whether shut-down has begun (nothing new should start)."""
        return self._stopping

    def request_quit(self, exit_code: int | None = None) -> None:
        if exit_code is not None and not self._quit.is_set():
            self.exit_code = exit_code
        self._quit.set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._app and event.type() == QEvent.Type.Quit:
            self.request_quit()
            return True
        return False

    def run(self, start: Callable[[], Awaitable[None]],
            stop: Callable[[], Awaitable[None]]) -> int:
        """Run `start`, wait for a quit request, run `stop`; returns the exit code.

        A failure in `start` is logged and quits (exit code 1); `stop` runs in every case.
        """
        self._app.installEventFilter(self)
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):  # not on Windows
                self._loop.add_signal_handler(sig, self.request_quit)
        try:
            self._loop.run_until_complete(self._life(start, stop))
        finally:
            for sig in (signal.SIGINT, signal.SIGTERM):
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    self._loop.remove_signal_handler(sig)
            self._app.removeEventFilter(self)
            self._loop.close()
        return self.exit_code

    async def _life(self, start: Callable[[], Awaitable[None]],
                    stop: Callable[[], Awaitable[None]]) -> None:
        try:
            try:
                await start()
            except Exception:
                log.exception("start-up failed")
                self.request_quit(1)
            await self._quit.wait()
        finally:
            self._stopping = True
            try:
                await stop()
            finally:
                await self._loop.shutdown_asyncgens()
