"""Background refresh decisions: when an account is due, and how long to back off."""

from __future__ import annotations

from ..atproto.oauth import Session
from ._lifetime import LifetimePolicy

BACKOFF_START = 30.0
BACKOFF_MAX = 30 * 60.0


def refresh_due(session: Session, policy: LifetimePolicy, now: float) -> bool:
    """Due when the access token is about to expire, and often enough that the
    refresh-inactivity window never runs out while the app runs."""
    idle_limit = policy.refresh_lifetime / 2
    return session.tokens.needs_refresh(now) or now - session.last_refresh_at >= idle_limit


def backoff(failures: int, retry_after: float | None = None) -> float:
    """Exponential from 30 s, capped at 30 min; the server's Retry-After wins when longer."""
    delay: float = min(BACKOFF_MAX, BACKOFF_START * 2.0 ** max(0, failures - 1))
    return max(delay, retry_after or 0.0)
