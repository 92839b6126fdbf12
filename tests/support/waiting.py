"""Waiting on a condition instead of sleeping and hoping: the one `eventually` helper (and its
twin for tests that can't await, such as those driving a process)."""

from __future__ import annotations

import asyncio
import inspect
import subprocess
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar, overload

T = TypeVar("T")



@overload
async def eventually(probe: Callable[[], Awaitable[T | None]], what: str = ..., *,
                     timeout: float = ..., interval: float = ...) -> T: ...


@overload
async def eventually(probe: Callable[[], T | None], what: str = ..., *,
                     timeout: float = ..., interval: float = ...) -> T: ...


async def eventually(probe: Callable[[], Any], what: str = "a condition", *,
                     timeout: float = 30.0, interval: float = 0.02) -> Any:
    """The first truthy value of `probe()` (a plain or an async function), polled every
    `interval` seconds while the loop goes on; `AssertionError` naming `what` after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if inspect.isawaitable(value):
            value = await value
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        await asyncio.sleep(interval)


def wait_until(probe: Callable[[], T | None], what: str = "a condition", *,
               timeout: float = 30.0, interval: float = 0.01,
               process: subprocess.Popen[str] | None = None) -> T:
    """`eventually` for tests that don't run a loop (a server thread or a child process sets
    the condition). With `process`, its early exit fails at once, with its output."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if process is not None and process.poll() is not None:
            raise AssertionError(f"the process exited before {what}: {process.communicate()}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)
