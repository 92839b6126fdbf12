"""The one cache helper: expiry, budgets, single flight, and callers cancelled on their own."""

from __future__ import annotations

import asyncio

import pytest

from desktop_app.atproto import SingleFlightCache


class Clock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


async def test_values_expire_after_ttl() -> None:
    clock = Clock()
    cache: SingleFlightCache[str, int] = SingleFlightCache(ttl=10, clock=clock)
    loads = 0

    async def load() -> int:
        nonlocal loads
        loads += 1
        return loads

    assert await cache.get("k", load) == 1
    clock.now = 9.9
    assert await cache.get("k", load) == 1
    clock.now = 10.0
    assert await cache.get("k", load) == 2
    assert await cache.get("k", load, fresh=True) == 3


async def test_budget_evicts_least_recently_used() -> None:
    cache: SingleFlightCache[str, bytes] = SingleFlightCache(ttl=None, budget=10, cost=len)
    cache.put("a", b"1234")
    cache.put("b", b"1234")
    assert cache.peek("a") == b"1234"  # a is now the most recent
    cache.put("c", b"1234")
    assert cache.peek("b") is None and cache.peek("a") is not None
    assert cache.total_cost == 8 and len(cache) == 2


async def test_concurrent_misses_share_one_load_and_its_failure() -> None:
    cache: SingleFlightCache[str, int] = SingleFlightCache(ttl=None)
    calls = 0

    async def failing() -> int:
        nonlocal calls
        calls += 1
        await asyncio.sleep(0.01)
        raise ValueError("boom")

    results = await asyncio.gather(*(cache.get("k", failing) for _ in range(5)),
                                   return_exceptions=True)
    assert calls == 1 and all(isinstance(r, ValueError) for r in results)
    assert cache.peek("k") is None  # failures are not stored


async def test_a_cancelled_caller_cancels_neither_the_load_nor_the_others() -> None:
    cache: SingleFlightCache[str, str] = SingleFlightCache(ttl=None)
    release = asyncio.Event()

    async def slow() -> str:
        await release.wait()
        return "value"

    first = asyncio.ensure_future(cache.get("k", slow))
    await asyncio.sleep(0)
    second = asyncio.ensure_future(cache.get("k", slow))
    await asyncio.sleep(0)
    first.cancel()
    await asyncio.sleep(0)
    release.set()
    assert await second == "value"
    with pytest.raises(asyncio.CancelledError):
        await first
    assert cache.peek("k") == "value"


async def test_aclose_cancels_loads_in_flight() -> None:
    cache: SingleFlightCache[str, str] = SingleFlightCache(ttl=None)
    task = cache.start("k", lambda: asyncio.sleep(60, "never"))
    assert cache.loading("k") and cache.in_flight == 1
    await cache.aclose()
    assert task.cancelled() and not cache.loading("k")


async def test_settle_waits_for_loads_in_flight_up_to_its_timeout() -> None:
    cache: SingleFlightCache[str, int] = SingleFlightCache(ttl=None)
    release = asyncio.Event()

    async def slow() -> int:
        await release.wait()
        return 1

    cache.start("a", slow)
    assert await cache.settle(0.05) is False  # still loading: settle gave up
    release.set()
    assert await cache.settle(1.0) is True
    assert cache.peek("a") == 1 and cache.in_flight == 0
    assert await cache.settle(0) is True  # nothing in flight: at once
