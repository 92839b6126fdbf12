"""The app's asyncio event loop on Qt (qasync), with two lifecycle fixes qasync lacks."""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import qasync
from PySide6.QtCore import QCoreApplication

# Closed loops are kept referenced: qasync leaves Qt timers registered on its timer QObject at
# close(), and if that object were garbage-collected (possibly from a non-Qt thread) a late timer
# would fire into freed memory. Kept alive, the stopped timer object kills them itself.
_retired: list[asyncio.AbstractEventLoop] = []


class AppEventLoop(qasync.QEventLoop):  # type: ignore[misc]
    """qasync loop that installs asyncio's async-generator hooks while it runs.

    qasync's run_forever never calls `sys.set_asyncgen_hooks`, so abandoned async generators
    (e.g. an httpx stream left part-read) get finalised synchronously by whatever code triggers
    garbage collection, even inside a Qt callback, which crashes. With the hooks they are closed
    on the loop, and `shutdown_asyncgens()` can finish them at exit.
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

    def close(self) -> None:
        super().close()
        _retired.append(self)


def new_event_loop() -> AppEventLoop:
    """A loop on the running QApplication (created offscreen-agnostic if there is none yet)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    return AppEventLoop(app)
