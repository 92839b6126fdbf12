"""Typed errors of XRPC calls and of posts checked before sending."""

from __future__ import annotations

from ..atproto import AtprotoError


class XrpcError(AtprotoError):
    """The PDS or AppView refused a call; `error` is the lexicon error name, if it sent one."""

    default_message = "Bluesky could not do that right now. Try again in a moment."

    def __init__(self, status: int, error: str = "", description: str = "",
                 *, message: str | None = None) -> None:
        self.status = status
        self.error = error
        self.description = description
        if message is None and error in {"InvalidRecord", "InvalidRequest"}:
            message = f"Bluesky did not accept that: {description[:200]}" if description \
                else "Bluesky did not accept that."
        if message is None and error in {"NotFound", "RecordNotFound", "ProfileNotFound"}:
            message = "That post or account no longer exists."
        super().__init__(f"HTTP {status} {error}: {description[:300]}".strip(), message=message)


class RateLimitedError(XrpcError):
    """HTTP 429: `retry_after` is how many seconds to wait (from the server's headers)."""

    def __init__(self, retry_after: float, description: str = "") -> None:
        self.retry_after = retry_after
        wait = max(1, round(retry_after))
        when = f"{wait} seconds" if wait < 120 else f"{round(wait / 60)} minutes"
        super().__init__(429, "RateLimitExceeded", description,
                         message=f"Bluesky is limiting how fast this app can act. "
                                 f"Try again in {when}.")


class FeedUnavailableError(XrpcError):
    """A custom feed's generator is down or answered nonsense (the AppView says 502 or a feed
    error): that feed only; everything else works."""

    @classmethod
    def of(cls, exc: XrpcError, name: str = "") -> FeedUnavailableError:
        what = f"The feed “{name[:80]}”" if name else "This feed"
        return cls(exc.status, exc.error, exc.description,
                   message=f"{what} isn't working right now: its server is down or sent "
                           "something unreadable. Your other feeds are fine.")


FEED_FAILURES = frozenset({"UnknownFeed", "InvalidFeedResponse", "UpstreamFailure",
                           "UpstreamTimeout"})


class PermissionMissingError(XrpcError):
    """HTTP 403 `ScopeMissingError`: the session was not granted what this call needs.

    `scope` is what the server said was missing; `feature` the app feature it belongs to (a
    key of `bsky.FEATURES`), when it is one; "Allow…" asks for that feature's scopes.
    """

    def __init__(self, scope: str | None, feature: str | None, sentence: str,
                 description: str = "") -> None:
        self.scope = scope
        self.feature = feature
        super().__init__(403, "ScopeMissingError", description, message=sentence)


class InvalidPostError(AtprotoError):
    """A post, image or reference failed a check before anything was sent."""

    default_message = "That post cannot be sent as it is."
