"""The app's qasync loop: async-generator hooks installed while running, restored after."""

from __future__ import annotations

import asyncio
import gc
import sys
from collections.abc import AsyncIterator

from desktop_app.qt import AppEventLoop, new_event_loop
from tests.support.waiting import eventually


async def test_tests_run_on_the_app_loop() -> None:
    assert isinstance(asyncio.get_running_loop(), AppEventLoop)


def test_asyncgen_hooks_installed_while_running_and_abandoned_generators_close_on_loop() -> None:
    loop = new_event_loop()
    closed_in_loop: list[bool] = []

    async def stream() -> AsyncIterator[int]:
        try:
            yield 1
            yield 2
        finally:
            # Finalised by the loop's hook: runs as a task, so a loop is running here.
            closed_in_loop.append(asyncio.get_running_loop() is loop)

    async def main() -> object:
        hooks = sys.get_asyncgen_hooks()
        agen = stream()
        await agen.__anext__()
        del agen  # abandoned half-way, like a part-read HTTP body
        gc.collect()
        await eventually(lambda: closed_in_loop, "the abandoned generator closed", timeout=5)
        return hooks.finalizer

    before = sys.get_asyncgen_hooks()
    try:
        finalizer = loop.run_until_complete(main())
        loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
    assert finalizer is not None and getattr(finalizer, "__self__", None) is loop
    assert closed_in_loop == [True]
    assert sys.get_asyncgen_hooks() == before
