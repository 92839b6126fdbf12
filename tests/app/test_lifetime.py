"""Lifetime model: session end, status states and texts at boundary times, settings policy."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from desktop_app.app import (
    DAY,
    HOUR,
    MINUTE,
    LifetimePolicy,
    LifetimePolicyError,
    describe_duration,
    ended_status,
    policy_for,
    renewal_threshold,
    session_end,
    session_status,
)
from desktop_app.atproto.oauth import Session, SessionEndReason
from tests.support.keychain import sample_session

START = 1_000_000.0
POLICY = LifetimePolicy.current()


def session(**changes: Any) -> Session:
    base = dataclasses.replace(sample_session(), session_started_at=START, last_refresh_at=START)
    return dataclasses.replace(base, **changes)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "less than a minute"),
        (59.9, "less than a minute"),
        (60, "1 minute"),
        (119, "1 minute"),
        (3600, "1 hour"),
        (3660, "1 hour 1 minute"),
        (DAY, "1 day"),
        (DAY + 59 * MINUTE, "1 day"),
        (13 * DAY + 4 * HOUR + 59 * MINUTE, "13 days 4 hours"),
        (2 * DAY + 30 * MINUTE, "2 days"),
    ],
)
def test_describe_duration(seconds: float, text: str) -> None:
    assert describe_duration(seconds) == text


def test_end_is_the_earlier_of_absolute_and_inactivity() -> None:
    fresh = session()
    assert session_end(fresh, POLICY) == START + 14 * DAY
    legacy = LifetimePolicy.legacy()
    assert session_end(fresh, legacy) == START + 2 * DAY  # inactivity first
    later = session(last_refresh_at=START + 6 * DAY)
    assert session_end(later, legacy) == START + 7 * DAY  # absolute first
    clipped = session(session_ends_at=START + 13 * DAY + 5)
    assert session_end(clipped, POLICY) == START + 13 * DAY + 5  # the server's word wins


def test_status_states_at_boundaries() -> None:
    s = session()
    threshold = renewal_threshold(POLICY)
    assert threshold == pytest.approx(1.4 * DAY)  # 10 % of 14 days beats 24 hours
    healthy = session_status(s, POLICY, START + 10 * HOUR)
    assert healthy.state == "healthy"
    assert healthy.text == "Session ends in 13 days 14 hours"
    assert 0.95 < healthy.fraction_left < 0.98
    end = START + 14 * DAY
    assert session_status(s, POLICY, end - threshold).state == "healthy"
    suggested = session_status(s, POLICY, end - threshold + 1)
    assert suggested.state == "renewal_suggested" and suggested.state_text
    assert session_status(s, POLICY, end - 30).text == "Session ends in less than a minute"
    over = session_status(s, POLICY, end)
    assert over.state == "ended" and over.remaining == 0
    offline = session_status(s, POLICY, START + HOUR, offline_until=START + HOUR + 5 * MINUTE)
    assert offline.state == "offline" and "5 minutes" in offline.state_text
    assert "public clients" in healthy.tooltip


def test_small_lifetimes_use_the_24_hour_floor() -> None:
    assert renewal_threshold(LifetimePolicy.legacy()) == DAY


def test_ended_reasons_in_words() -> None:
    assert "revoked" in ended_status(SessionEndReason.REVOKED).state_text
    assert "wasn't used" in ended_status(SessionEndReason.REFRESH_EXPIRED).state_text


def test_policy_from_settings() -> None:
    issuer = "https://bsky.social"
    assert policy_for(issuer, {}) == LifetimePolicy.current()
    custom = policy_for(issuer, {"lifetimes": {issuer: {"session_days": 7, "refresh_days": 2}}})
    assert custom.session_lifetime == 7 * DAY and custom.refresh_lifetime == 2 * DAY
    assert policy_for("https://x", {"lifetimes": {"*": {"preset": "legacy"}}}) == (
        LifetimePolicy.legacy())
    bads: list[dict[str, object]] = [
        {"lifetimes": []}, {"lifetimes": {issuer: {"session_days": -1}}},
        {"lifetimes": {issuer: {"refresh_days": "2"}}},
    ]
    for bad in bads:
        with pytest.raises(LifetimePolicyError):
            policy_for(issuer, bad)
