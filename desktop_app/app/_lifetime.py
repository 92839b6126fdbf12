"""How long a public-client session lasts, where it stands now, and how to say it in words."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..atproto.oauth import Session, SessionEndReason
from ..errors import AppError
from ..sentences import QT_TR_NOOP, describe_duration

DAY = 86_400.0
HOUR = 3_600.0
MINUTE = 60.0

State = Literal["healthy", "renewal_suggested", "offline", "ended"]

WHY_LIMITED = (
    "Apps like this one are public clients: your provider limits how long they stay signed in "
    "before you confirm again in your browser, and ends the session early if the app isn't "
    "used for a while."
)


class LifetimePolicyError(AppError):
    default_message = QT_TR_NOOP("The session-lifetime settings are invalid.")


@dataclass(frozen=True)
class LifetimePolicy:
    session_lifetime: float  # absolute, from sign-in
    refresh_lifetime: float  # inactivity: from the last refresh
    access_token_lifetime: float
    renew_before: float = DAY  # suggest renewal at least this long before the end

    @classmethod
    def current(cls) -> LifetimePolicy:
        """The reference server's public-client limits (oauth-provider 0.22)."""
        return cls(14 * DAY, 14 * DAY, 60 * MINUTE)

    @classmethod
    def legacy(cls) -> LifetimePolicy:
        """What older servers gave public clients."""
        return cls(7 * DAY, 2 * DAY, 60 * MINUTE)


def policy_for(issuer: str, settings_extra: Mapping[str, Any]) -> LifetimePolicy:
    """Per-issuer policy: `{"lifetimes": {"<issuer>": {"session_days": 7, "refresh_days": 2,
    "access_minutes": 60, "renew_before_hours": 24}}}` in settings overrides the defaults
    (`"*"` for any issuer); `"preset": "legacy"` starts from the older servers' limits."""
    table = settings_extra.get("lifetimes", {})
    if not isinstance(table, Mapping):
        raise LifetimePolicyError("'lifetimes' must be an object keyed by issuer")
    entry = table.get(issuer) or table.get("*")
    if entry is None:
        return LifetimePolicy.current()
    if not isinstance(entry, Mapping):
        raise LifetimePolicyError(f"lifetimes for {issuer} must be an object")
    base = LifetimePolicy.legacy() if entry.get("preset") == "legacy" else LifetimePolicy.current()

    def number(key: str, unit: float, default: float) -> float:
        value = entry.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            raise LifetimePolicyError(f"{key} for {issuer} must be a positive number")
        return float(value) * unit

    return LifetimePolicy(
        number("session_days", DAY, base.session_lifetime),
        number("refresh_days", DAY, base.refresh_lifetime),
        number("access_minutes", MINUTE, base.access_token_lifetime),
        number("renew_before_hours", HOUR, base.renew_before),
    )


def session_end(session: Session, policy: LifetimePolicy) -> float:
    """The earlier of the absolute end and the refresh-inactivity end."""
    absolute = session.session_ends_at or session.session_started_at + policy.session_lifetime
    inactive = session.last_refresh_at + policy.refresh_lifetime
    return min(absolute, inactive)


def renewal_threshold(policy: LifetimePolicy, *, share: float = 0.1) -> float:
    """Suggest renewal when less than this remains: 24 h (configurable) or 10 % of the
    lifetime, the larger."""
    return max(policy.renew_before, share * policy.session_lifetime)


REASON_TEXT = {
    SessionEndReason.EXPIRED: "it reached the maximum length your provider allows",
    SessionEndReason.REFRESH_EXPIRED: "the app wasn't used for too long",
    SessionEndReason.REVOKED: "it was revoked (signed out elsewhere or by your provider)",
    SessionEndReason.REPLAYED: "an old sign-in token was reused, so it was ended for safety",
    SessionEndReason.IDENTITY_CHANGED: "your account moved to another provider",
    SessionEndReason.INTERRUPTED: (
        "the connection dropped while your sign-in was being renewed, so Bluesky ended it "
        "for safety"),
    SessionEndReason.UNTRUSTED: (
        "your provider's answer to a renewal could not be trusted, so it was ended for safety"),
    SessionEndReason.UNKNOWN: "your provider ended it",
}


# An account whose renewed session the keychain refused (`AccountSnapshot.unsaved`).
UNSAVED_TEXT = ("Your keychain is locked, so the renewed sign-in is kept only while the app runs: "
                "unlock it to stay signed in after you quit.")


@dataclass(frozen=True)
class SessionStatus:
    state: State
    ends_at: float | None
    remaining: float  # seconds, ≥ 0
    fraction_left: float  # of the whole lifetime, 0..1
    access_expires_at: float | None
    text: str  # "Session ends in 13 days 4 hours"
    state_text: str  # the state in a sentence ("" when healthy)
    tooltip: str = WHY_LIMITED
    # The parts those sentences are made of, for a front end that says them in another
    # language: why it ended, and how long until the provider is tried again (offline).
    reason: SessionEndReason | None = None
    retry_in: float | None = None


def session_status(
    session: Session,
    policy: LifetimePolicy,
    now: float,
    *,
    offline_until: float | None = None,
) -> SessionStatus:
    end = session_end(session, policy)
    remaining = max(0.0, end - now)
    total = max(1.0, end - session.session_started_at)
    fraction = max(0.0, min(1.0, remaining / total))
    text = f"Session ends in {describe_duration(remaining)}" if remaining > 0 else (
        "Session has ended")
    state: State = "healthy"
    state_text = ""
    retry_in = None
    if remaining <= 0:
        state, state_text = "ended", "the session reached its end"
    elif offline_until is not None:
        state = "offline"
        wait = retry_in = max(0.0, offline_until - now)
        state_text = (f"can't reach your provider; trying again in {describe_duration(wait)}"
                      if wait >= MINUTE else "can't reach your provider; trying again shortly")
    elif remaining < renewal_threshold(policy):
        state = "renewal_suggested"
        state_text = "renew now to stay signed in"
    return SessionStatus(state, end, remaining, fraction, session.tokens.expires_at, text,
                         state_text, retry_in=retry_in)


def ended_status(reason: SessionEndReason) -> SessionStatus:
    return SessionStatus("ended", None, 0.0, 0.0, None, "Session has ended",
                         f"the session ended because {REASON_TEXT[reason]}", reason=reason)
