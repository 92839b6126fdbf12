"""The app's asyncio event loop on Qt (qasync), with the lifecycle fixes qasync lacks.

qasync (pinned to 0.28 in pyproject.toml: this module relies on how it schedules) runs every
`call_soon`/`call_later` callback — each step of every task — as a timer event of a private
QObject, so it runs whenever Qt processes events, whether the asyncio loop is running or not:
in a `processEvents()` call, in a nested Qt event loop, and in the one extra pass qasync's
`run_until_complete` makes after `run_forever` has returned. A step run there finds no running
loop, and `asyncio.to_thread`, `get_running_loop()` and `asyncio.timeout` fail in it.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable
from typing import Any, TypeVar

import qasync
from PySide6.QtCore import QCoreApplication

# Closed loops are kept referenced: qasync leaves Qt timers registered on its timer QObject at
# close(), and if that object were garbage-collected (possibly from a non-Qt thread) a late timer
# would fire into freed memory. Kept alive, the stopped timer object kills them itself.
_retired: list[asyncio.AbstractEventLoop] = []

T = TypeVar("T")


class _StepTimer(qasync._SimpleTimer):  # type: ignore[misc]
    """qasync's callback timer, holding its loop, that runs a callback only while that loop is
    the running loop. A timer event outside it is left pending: Qt fires it again, and the
    callback runs at the loop's next run (or is dropped when the loop closes)."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        super().__init__()
        self._loop = loop

    def timerEvent(self, event: Any) -> None:
        if not self._stopped and asyncio._get_running_loop() is not self._loop:
            return
        super().timerEvent(event)


class AppEventLoop(qasync.QEventLoop):  # type: ignore[misc]
    """qasync loop that runs coroutine steps only while it is running.

    Holds the async-generator hooks it replaced while it runs. qasync's run_forever never calls
    `sys.set_asyncgen_hooks`, so abandoned async generators (e.g. an httpx stream left part-read)
    get finalised synchronously by whatever code triggers garbage collection, even inside a Qt
    callback, which crashes. With the hooks they are closed on the loop, and
    `shutdown_asyncgens()` can finish them at exit.

    Callbacks run through `_StepTimer`, so never outside the running loop. And
    `run_until_complete` stops like asyncio's own loops: qasync's pumps pending Qt events once
    more after `run_forever` has returned; here they wait for the next run.
    """

    def __init__(self, app: QCoreApplication | None = None, **kwargs: Any) -> None:
        super().__init__(app, **kwargs)
        self._timer = _StepTimer(self)
        self._saved_asyncgen_hooks: Any = None

    def _before_run_forever(self) -> None:
        super()._before_run_forever()
        if self._saved_asyncgen_hooks is None:
            self._saved_asyncgen_hooks = sys.get_asyncgen_hooks()
            sys.set_asyncgen_hooks(
                firstiter=self._asyncgen_firstiter_hook,
                finalizer=self._asyncgen_finalizer_hook,
            )

    def _after_run_forever(self) -> None:
        try:
            super()._after_run_forever()
        finally:
            if self._saved_asyncgen_hooks is not None:
                sys.set_asyncgen_hooks(*self._saved_asyncgen_hooks)
                self._saved_asyncgen_hooks = None

    def run_until_complete(self, future: Awaitable[T]) -> T:
        if self.is_running():
            raise RuntimeError("Event loop already running")
        task = asyncio.ensure_future(future, loop=self)

        def stop(_: object) -> None:
            self.stop()

        task.add_done_callback(stop)
        try:
            self.run_forever()
        finally:
            task.remove_done_callback(stop)
        if not task.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return task.result()

    def close(self) -> None:
        super().close()
        _retired.append(self)


def new_event_loop() -> AppEventLoop:
    """A loop on the running QApplication (created offscreen-agnostic if there is none yet)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    return AppEventLoop(app)
