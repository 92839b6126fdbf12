"""Typed errors of XRPC calls and of posts checked before sending."""

from __future__ import annotations

import math

from ..atproto import AtprotoError
from ..sentences import MINUTE, QT_TR_NOOP, Duration, Sentence


class XrpcError(AtprotoError):
    """The PDS or AppView refused a call; `error` is the lexicon error name, if it sent one."""

    default_message = QT_TR_NOOP("Bluesky could not do that right now. Try again in a moment.")

    def __init__(self, status: int, error: str = "", description: str = "",
                 *, message: str | Sentence | None = None) -> None:
        self.status = status
        self.error = error
        self.description = description
        if message is None and error in {"InvalidRecord", "InvalidRequest"}:
            # The server's own words, as it sent them (no catalogue has them).
            message = Sentence.of(QT_TR_NOOP("Bluesky did not accept that: {description}"),
                                  description=description[:200]) if description \
                else QT_TR_NOOP("Bluesky did not accept that.")
        if message is None and error in {"NotFound", "RecordNotFound", "ProfileNotFound"}:
            message = QT_TR_NOOP("That post or account no longer exists.")
        super().__init__(f"HTTP {status} {error}: {description[:300]}".strip(), message=message)


class RateLimitedError(XrpcError):
    """HTTP 429: `retry_after` is how many seconds to wait (from the server's headers)."""

    def __init__(self, retry_after: float, description: str = "") -> None:
        self.retry_after = retry_after
        # A length of time is said rounded down ("1 minute" for 90 s): the wait is rounded up
        # to whole minutes first, so the sentence never asks for a retry the server refuses.
        wait = max(0.0, retry_after)
        super().__init__(429, "RateLimitExceeded", description, message=Sentence.of(
            QT_TR_NOOP("Bluesky is limiting how fast this app can act. Try again in {wait}."),
            wait=Duration(wait if wait < MINUTE else math.ceil(wait / MINUTE) * MINUTE)))


class FeedUnavailableError(XrpcError):
    """A custom feed's generator is down or answered nonsense (the AppView says 502 or a feed
    error): that feed only; everything else works."""

    @classmethod
    def of(cls, exc: XrpcError, name: str = "") -> FeedUnavailableError:
        message = Sentence.of(QT_TR_NOOP(
            "The feed “{feed}” isn't working right now: its server is down or sent something "
            "unreadable. Your other feeds are fine."), feed=name[:80]) if name else QT_TR_NOOP(
            "This feed isn't working right now: its server is down or sent something "
            "unreadable. Your other feeds are fine.")
        return cls(exc.status, exc.error, exc.description, message=message)


FEED_FAILURES = frozenset({"UnknownFeed", "InvalidFeedResponse", "UpstreamFailure",
                           "UpstreamTimeout"})


class PermissionMissingError(XrpcError):
    """HTTP 403 `ScopeMissingError`: the session was not granted what this call needs.

    `scope` is what the server said was missing; `feature` the app feature it belongs to (a
    key of `bsky.FEATURES`), when it is one; "Allow…" asks for that feature's scopes.
    `sentence` says what wasn't allowed (a marked template: `Feature.sentence`).
    """

    def __init__(self, scope: str | None, feature: str | None, sentence: str | Sentence,
                 description: str = "") -> None:
        self.scope = scope
        self.feature = feature
        super().__init__(403, "ScopeMissingError", description, message=sentence)


class InvalidPostError(AtprotoError):
    """A post, image or reference failed a check before anything was sent."""

    default_message = QT_TR_NOOP("That post cannot be sent as it is.")
