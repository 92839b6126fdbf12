"""Storage interfaces for sessions and pending sign-ins, with in-memory implementations."""

from __future__ import annotations

import asyncio
from typing import Protocol

from ._session import PendingAuthorization, Session


class SessionStore(Protocol):
    """Where signed-in sessions live. Implementations must make `put` all-or-nothing."""

    async def get(self, did: str) -> Session | None: ...

    async def put(self, session: Session) -> None: ...

    async def delete(self, did: str) -> None: ...

    async def list_dids(self) -> list[str]: ...


class StateStore(Protocol):
    """Pending sign-ins keyed by the one-time `state`; must survive a process restart."""

    async def put(self, pending: PendingAuthorization) -> None: ...

    async def pop(self, state: str) -> PendingAuthorization | None:
        """Remove and return the pending sign-in (one-time use), or None if unknown."""
        ...

    async def purge_expired(self, now: float) -> int:
        """Delete pending sign-ins past their expiry; return how many were removed."""
        ...


class MemorySessionStore:
    """A `SessionStore` in process memory (tests, and a keychain-less dry run)."""

    def __init__(self) -> None:
        self._sessions: dict[str, Session] = {}
        self._lock = asyncio.Lock()

    async def get(self, did: str) -> Session | None:
        return self._sessions.get(did)

    async def put(self, session: Session) -> None:
        async with self._lock:
            self._sessions[session.did] = session

    async def delete(self, did: str) -> None:
        async with self._lock:
            self._sessions.pop(did, None)

    async def list_dids(self) -> list[str]:
        return sorted(self._sessions)

    def __repr__(self) -> str:
        return f"MemorySessionStore(dids={sorted(self._sessions)})"


class MemoryStateStore:
    """A `StateStore` in process memory."""

    def __init__(self) -> None:
        self._pending: dict[str, PendingAuthorization] = {}

    async def put(self, pending: PendingAuthorization) -> None:
        self._pending[pending.state] = pending

    async def pop(self, state: str) -> PendingAuthorization | None:
        return self._pending.pop(state, None)

    async def purge_expired(self, now: float) -> int:
        expired = [s for s, p in self._pending.items() if p.expires_at <= now]
        for state in expired:
            del self._pending[state]
        return len(expired)

    def __len__(self) -> int:
        return len(self._pending)

    def __repr__(self) -> str:
        return f"MemoryStateStore(pending={len(self._pending)})"
