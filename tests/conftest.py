"""Test-wide setup: Qt offscreen, and every async test runs on a qasync loop like the app."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Mapping

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# qasync's close() leaves Qt timers registered on its timer QObject. If that object is then
# garbage-collected (possibly on a non-Qt thread), a late timer fires into freed memory and
# segfaults a later test. Keeping closed loops referenced lets the stopped timer object kill
# its leftover timers itself when they fire.
_closed_loops: list[asyncio.AbstractEventLoop] = []


def _qasync_loop() -> asyncio.AbstractEventLoop:
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    loop: asyncio.AbstractEventLoop = qasync.QEventLoop(app)
    _closed_loops.append(loop)
    return loop


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> Mapping[str, Callable[[], asyncio.AbstractEventLoop]]:
    # DESKTOP_APP_TEST_LOOP=asyncio isolates a failure to qasync or to our code.
    if os.environ.get("DESKTOP_APP_TEST_LOOP") == "asyncio":
        return {"asyncio": asyncio.new_event_loop}
    return {"qasync": _qasync_loop}
