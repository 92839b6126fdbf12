"""One cache helper: values kept for a while, concurrent misses sharing one load."""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


@dataclass(slots=True)
class _Entry(Generic[V]):
    value: V
    stored_at: float
    cost: int


class SingleFlightCache(Generic[K, V]):
    """Values by key, each kept for `ttl` seconds (None: until evicted), least recently used
    evicted first once their total `cost` exceeds `budget`.

    Holds the stored entries and one load task per key in flight. A miss starts the load in a
    task of its own and every caller for that key awaits it shielded, so a caller that is
    cancelled (a closed view, a timed-out request) never cancels the load or the other callers;
    a failed load is stored nowhere and re-raised to each of its callers.
    """

    def __init__(
        self,
        *,
        ttl: float | None,
        budget: int | None = None,
        cost: Callable[[V], int] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ttl = ttl
        self._budget = budget
        self._cost = cost
        self._clock = clock
        self._entries: OrderedDict[K, _Entry[V]] = OrderedDict()
        self._inflight: dict[K, asyncio.Task[V]] = {}
        self._total = 0

    async def get(self, key: K, load: Callable[[], Awaitable[V]], *, fresh: bool = False) -> V:
        """The stored value, or the result of one shared `load()`. `fresh` ignores what is
        stored (a load already in flight is fresh enough and is shared)."""
        if not fresh:
            found = self.peek(key)
            if found is not None:
                return found
        return await asyncio.shield(self.start(key, load))

    def start(self, key: K, load: Callable[[], Awaitable[V]]) -> asyncio.Task[V]:
        """The load in flight for `key`, started now if there is none (stored values are not
        consulted). Cancelling the returned task cancels the load for every caller."""
        task = self._inflight.get(key)
        if task is None:
            task = asyncio.ensure_future(self._load(key, load))
            self._inflight[key] = task
            task.add_done_callback(lambda t: self._finished(key, t))
        return task

    def peek(self, key: K) -> V | None:
        """The stored value if it is still valid, without loading."""
        entry = self._entries.get(key)
        if entry is None:
            return None
        if self._ttl is not None and self._clock() - entry.stored_at >= self._ttl:
            self._drop(key)
            return None
        self._entries.move_to_end(key)
        return entry.value

    def loading(self, key: K) -> bool:
        return key in self._inflight

    def put(self, key: K, value: V) -> None:
        self._drop(key)
        cost = self._cost(value) if self._cost is not None else 1
        self._entries[key] = _Entry(value, self._clock(), cost)
        self._total += cost
        while self._budget is not None and self._total > self._budget and len(self._entries) > 1:
            self._drop(next(iter(self._entries)))

    def discard(self, key: K) -> None:
        self._drop(key)

    def discard_if(self, predicate: Callable[[K, V], bool]) -> None:
        for key in [k for k, e in self._entries.items() if predicate(k, e.value)]:
            self._drop(key)

    def clear(self) -> None:
        self._entries.clear()
        self._total = 0

    @property
    def in_flight(self) -> int:
        return len(self._inflight)

    @property
    def total_cost(self) -> int:
        return self._total

    def __len__(self) -> int:
        return len(self._entries)

    async def settle(self, timeout: float) -> bool:
        """Wait (at most `timeout` seconds) for the loads in flight; True when none is left."""
        tasks = list(self._inflight.values())
        if tasks:
            await asyncio.wait(tasks, timeout=timeout)
        return not self._inflight

    def cancel_loads(self, keep: Callable[[K], bool]) -> None:
        """Cancel the loads in flight except those whose key `keep` says must finish (their
        callers see the cancellation)."""
        for key, task in list(self._inflight.items()):
            if not keep(key):
                task.cancel()

    async def aclose(self) -> None:
        """Cancel the loads still in flight and wait for them to end."""
        tasks = list(self._inflight.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _load(self, key: K, load: Callable[[], Awaitable[V]]) -> V:
        value = await load()
        self.put(key, value)
        return value

    def _finished(self, key: K, task: asyncio.Task[V]) -> None:
        if self._inflight.get(key) is task:
            del self._inflight[key]
        if not task.cancelled():
            task.exception()  # retrieved here: every caller may have gone away

    def _drop(self, key: K) -> None:
        entry = self._entries.pop(key, None)
        if entry is not None:
            self._total -= entry.cost
