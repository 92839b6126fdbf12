"""The app's asyncio event loop on Qt (qasync), with three lifecycle fixes qasync lacks."""

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


class AppEventLoop(qasync.QEventLoop):  # type: ignore[misc]
    """qasync loop that runs coroutine steps only while it is running.

    Holds the async-generator hooks it replaced while it runs. qasync's run_forever never calls
    `sys.set_asyncgen_hooks`, so abandoned async generators (e.g. an httpx stream left part-read)
    get finalised synchronously by whatever code triggers garbage collection, even inside a Qt
    callback, which crashes. With the hooks they are closed on the loop, and
    `shutdown_asyncgens()` can finish them at exit.

    `run_until_complete` stops like asyncio's own loops: qasync's processes pending Qt events
    once more after `run_forever` has returned and the running loop is unset, so a task step
    scheduled by the finished work ran there and failed in `get_running_loop()` (an
    `asyncio.to_thread`, say). Here such steps wait for the next run (or go with `close()`).
    """

    def __init__(self, app: QCoreApplication | None = None, **kwargs: Any) -> None:
        super().__init__(app, **kwargs)
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
