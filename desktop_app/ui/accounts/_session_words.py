"""How much of a sign-in is left, and why one ended, said in the interface's language from the
session status's parts (the `app` layer's English sentences are the command line's)."""

from __future__ import annotations

from ...app import SessionStatus
from ...atproto.oauth import SessionEndReason
from ...sentences import MINUTE
from ..lang import duration_words, tr


def status_text(status: SessionStatus) -> str:
    """"Session ends in 13 days 4 hours", or that it has ended."""
    if status.remaining > 0:
        return tr("Session ends in {duration}").format(duration=duration_words(status.remaining))
    return tr("Session has ended")


def _reason(reason: SessionEndReason) -> str:
    reasons = {
        SessionEndReason.EXPIRED: tr("it reached the maximum length your provider allows"),
        SessionEndReason.REFRESH_EXPIRED: tr("the app wasn't used for too long"),
        SessionEndReason.REVOKED: tr(
            "it was revoked (signed out elsewhere or by your provider)"),
        SessionEndReason.REPLAYED: tr(
            "an old sign-in token was reused, so it was ended for safety"),
        SessionEndReason.IDENTITY_CHANGED: tr("your account moved to another provider"),
        SessionEndReason.INTERRUPTED: tr(
            "the connection dropped while your sign-in was being renewed, so Bluesky ended it "
            "for safety"),
        SessionEndReason.UNTRUSTED: tr(
            "your provider's answer to a renewal could not be trusted, so it was ended for "
            "safety"),
    }
    return reasons.get(reason, tr("your provider ended it"))


def state_text(status: SessionStatus) -> str:
    """The state in a sentence ("" when healthy): why it ended, when the provider is tried
    again, or that it should be renewed."""
    if status.state == "ended":
        if status.reason is None:
            return tr("the session reached its end")
        return tr("the session ended because {reason}").format(reason=_reason(status.reason))
    if status.state == "offline":
        if status.retry_in is not None and status.retry_in >= MINUTE:
            return tr("can't reach your provider; trying again in {duration}").format(
                duration=duration_words(status.retry_in))
        return tr("can't reach your provider; trying again shortly")
    if status.state == "renewal_suggested":
        return tr("renew now to stay signed in")
    return ""


def why_limited() -> str:
    return tr("Apps like this one are public clients: your provider limits how long they stay "
              "signed in before you confirm again in your browser, and ends the session early "
              "if the app isn't used for a while.")


def unsaved_text() -> str:
    return tr("Your keychain is locked, so the renewed sign-in is kept only while the app runs: "
              "unlock it to stay signed in after you quit.")
