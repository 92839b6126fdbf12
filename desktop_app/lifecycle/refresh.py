"""Background refresh decisions: when an account is due, how long to back off, how it ended."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from ..atproto.errors import (
    AtprotoError,
    NoSessionError,
    SessionEndedError,
    SessionEndReason,
    TransientRefreshError,
)
from ..atproto.oauth import OAuthClient
from ..atproto.session import Session
from .lifetime import LifetimePolicy, SessionStatus, ended_status

log = logging.getLogger(__name__)

BACKOFF_START = 30.0
BACKOFF_MAX = 30 * 60.0


@dataclass
class AccountState:
    """What the app knows about one account between ticks."""

    session: Session | None
    handle: str
    ended: SessionStatus | None = None
    offline_until: float | None = None
    failures: int = 0
    renewal_path: str = ""


def refresh_due(session: Session, policy: LifetimePolicy, now: float) -> bool:
    """Due when the access token is about to expire, and often enough that the
    refresh-inactivity window never runs out while the app runs."""
    idle_limit = policy.refresh_lifetime / 2
    return session.tokens.needs_refresh(now) or now - session.last_refresh_at >= idle_limit


def backoff(failures: int, retry_after: float | None = None) -> float:
    """Exponential from 30 s, capped at 30 min; the server's Retry-After wins when longer."""
    delay: float = min(BACKOFF_MAX, BACKOFF_START * 2.0 ** max(0, failures - 1))
    return max(delay, retry_after or 0.0)


async def refresh_accounts(
    client: OAuthClient,
    accounts: dict[str, AccountState],
    policy_of: Callable[[Session], LifetimePolicy],
    now: float,
) -> None:
    """One pass over every account. Reads the wall clock given to it each time, so after a
    system sleep the first pass refreshes everything that fell due."""
    for did, state in list(accounts.items()):
        session = state.session
        if session is None or state.ended is not None:
            continue
        if state.offline_until is not None and now < state.offline_until:
            continue
        if not refresh_due(session, policy_of(session), now):
            continue
        try:
            state.session = await client.refresh(did, stale=session)
            state.offline_until, state.failures = None, 0
        except TransientRefreshError as exc:
            state.failures += 1
            state.offline_until = now + backoff(state.failures, exc.retry_after)
        except SessionEndedError as exc:
            state.ended = ended_status(exc.reason)
        except NoSessionError:
            state.ended = ended_status(SessionEndReason.UNKNOWN)
        except AtprotoError as exc:  # an unexpected answer: keep the session, try later
            log.warning("refresh of %s failed: %s", did, exc.detail)
            state.failures += 1
            state.offline_until = now + backoff(state.failures)
