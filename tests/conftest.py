"""Test-wide setup: Qt offscreen, and every async test runs on a qasync loop like the app."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Mapping

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The shared fixtures, in one plugin rather than conftest files importing each other.
pytest_plugins = ["tests.fixtures"]


def _qasync_loop() -> asyncio.AbstractEventLoop:
    from desktop_app.qt import new_event_loop

    return new_event_loop()


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> Mapping[str, Callable[[], asyncio.AbstractEventLoop]]:
    # DESKTOP_APP_TEST_LOOP=asyncio isolates a failure to qasync or to our code.
    if os.environ.get("DESKTOP_APP_TEST_LOOP") == "asyncio":
        return {"asyncio": asyncio.new_event_loop}
    return {"qasync": _qasync_loop}
