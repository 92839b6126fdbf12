"""Refresh scheduling units: due times, backoff, and how each outcome changes an account."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from desktop_app.atproto import errors as E
from desktop_app.atproto.session import Session
from desktop_app.lifecycle.lifetime import DAY, LifetimePolicy
from desktop_app.lifecycle.refresh import AccountState, backoff, refresh_accounts, refresh_due
from tests.platform.keychain_support import sample_session

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


class FakeClient:
    def __init__(self, outcome: Any) -> None:
        self.outcome = outcome
        self.calls = 0

    async def refresh(self, did: str, *, stale: Session) -> Session:
        self.calls += 1
        if isinstance(self.outcome, Exception):
            raise self.outcome
        return self.outcome  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("outcome", "check"),
    [
        ("new", lambda st: st.session is not None and st.session.generation == 7),
        (E.TransientRefreshError("503", retry_after=90),
         lambda st: st.offline_until == 3590 + 90 and st.failures == 1),
        (E.SessionEndedError(E.SessionEndReason.REPLAYED),
         lambda st: st.ended is not None and "reused" in st.ended.state_text),
        (E.NoSessionError("gone"), lambda st: st.ended is not None),
        (E.TokenResponseError("odd"), lambda st: st.offline_until == 3590 + 30),
    ],
    ids=["ok", "transient", "ended", "no-session", "odd"],
)
async def test_outcomes(outcome: Any, check: Any) -> None:
    s = session()
    result = dataclasses.replace(s, generation=7) if outcome == "new" else outcome
    client = FakeClient(result)
    accounts = {s.did: AccountState(s, "alice.test")}
    await refresh_accounts(client, accounts, lambda _: POLICY, 3590)  # type: ignore[arg-type]
    assert client.calls == 1
    assert check(accounts[s.did])


async def test_offline_accounts_wait_for_their_retry_time() -> None:
    s = session()
    client = FakeClient(s)
    state = AccountState(s, "alice.test", offline_until=4000)
    await refresh_accounts(client, {s.did: state}, lambda _: POLICY, 3590)  # type: ignore[arg-type]
    assert client.calls == 0
    await refresh_accounts(client, {s.did: state}, lambda _: POLICY, 4001)  # type: ignore[arg-type]
    assert client.calls == 1 and state.offline_until is None
