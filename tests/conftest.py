"""Test-wide setup: Qt offscreen, and every async test runs on a qasync loop like the app."""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

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


_OWN_BASETEMP = pytest.StashKey[Path]()


def pytest_configure(config: pytest.Config) -> None:
    # Each run's temporary files in one directory of its own, removed when the run passes (kept,
    # and named, when it fails): a green run leaves nothing in the temp directory.
    if config.option.basetemp is None and not hasattr(config, "workerinput"):
        config.option.basetemp = tempfile.mkdtemp(prefix="desktop-app-tests-")
        config.stash[_OWN_BASETEMP] = Path(config.option.basetemp)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    own = session.config.stash.get(_OWN_BASETEMP, None)
    if own is None:
        return
    if exitstatus == 0:
        shutil.rmtree(own, ignore_errors=True)
    else:
        print(f"\nthe failed run's temporary files are in {own}")
