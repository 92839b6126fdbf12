"""One owner for the background tasks a component starts: every one is ended on close."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any, TypeVar

from ..errors import AppError

log = logging.getLogger(__name__)

T = TypeVar("T")


class TaskOwner:
    """Holds the tasks `spawn` started that have not finished yet, and whether it is closed.

    `aclose` cancels and awaits all of them, so nothing a closed component started can touch
    it afterwards; from then on `spawn` starts nothing (a timer or a signal that fires during
    shut-down finds the owner closed, not a closed loop). A task that fails is logged here
    (its `AppError` detail, or the type of an unexpected error), never silently dropped.
    """

    def __init__(self, name: str) -> None:
        self._name = name
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closed = False

    @property
    def closed(self) -> bool:
        return self._closed

    def spawn(self, coro: Coroutine[Any, Any, T]) -> asyncio.Task[T] | None:
        """Run `coro` as a task owned here; None (and `coro` closed unrun) once closed."""
        if self._closed:
            coro.close()
            log.debug("%s is closed: %r not started", self._name, coro)
            return None
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if isinstance(exc, AppError):
            log.info("%s task failed: %s", self._name, exc.detail or exc.message)
        elif exc is not None:
            log.error("%s task failed: %r", self._name, exc, exc_info=exc)

    def __len__(self) -> int:
        return len(self._tasks)

    async def settle(self) -> None:
        """Wait until every task running now, and any they start, has finished."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def aclose(self) -> None:
        """Refuse new tasks, then cancel and await every one still running (tasks that spawn
        while being cancelled are refused too)."""
        self._closed = True
        while self._tasks:
            tasks = list(self._tasks)
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            self._tasks.difference_update(tasks)
