"""Refresh scheduling units: when an account is due, how long to back off."""

from __future__ import annotations

import dataclasses

from desktop_app.app import DAY, LifetimePolicy, backoff, refresh_due
from desktop_app.atproto.oauth import Session
from tests.support.keychain import sample_session

POLICY = LifetimePolicy.current()


def session(expires_in: float = 3600, last_refresh: float = 0.0) -> Session:
    s = sample_session()
    tokens = dataclasses.replace(s.tokens, issued_at=0.0, expires_at=expires_in,
                                 refresh_jitter=10.0)
    return dataclasses.replace(s, tokens=tokens, last_refresh_at=last_refresh)


def test_due() -> None:
    s = session()
    assert not refresh_due(s, POLICY, 3000)
    assert refresh_due(s, POLICY, 3580)  # within 10 s + jitter of expiry
    long_lived = session(expires_in=30 * DAY)
    assert not refresh_due(long_lived, POLICY, 6 * DAY)
    assert refresh_due(long_lived, POLICY, 7 * DAY)  # half the inactivity window


def test_backoff_sequence() -> None:
    assert [backoff(n) for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert backoff(20) == 1800
    assert backoff(1, retry_after=300) == 300
