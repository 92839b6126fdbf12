"""Typed errors of the protocol core, each carrying one plain sentence for the UI."""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar


class AtprotoError(Exception):
    """Base of every error the protocol core raises on purpose.

    `message` is a plain sentence a person can read; `detail` is for logs and diagnostics.
    Neither ever contains a token, a key, a PKCE verifier or an authorization code.
    """

    default_message = "Something went wrong while talking to your Bluesky provider."

    def __init__(self, detail: str = "", *, message: str | None = None) -> None:
        self.message = message or self.default_message
        self.detail = detail
        super().__init__(f"{self.message} ({detail})" if detail else self.message)


# --- identity -----------------------------------------------------------------------------------


class IdentityError(AtprotoError):
    default_message = "Your handle or account could not be looked up."


class InvalidIdentifierError(IdentityError):
    """Syntax error in a handle, DID or server URL: caught before any network access."""

    default_message = "That is not a valid handle, DID or server address."


class HandleNotFoundError(IdentityError):
    default_message = "No account was found for that handle. Check the spelling and try again."


class DidResolutionError(IdentityError):
    default_message = "The account's identity document could not be loaded."


class HandleMismatchError(IdentityError):
    default_message = (
        "The account does not confirm that handle, so it cannot be trusted. "
        "Check the handle or sign in with your DID."
    )


class NoPdsError(IdentityError):
    default_message = "The account does not name a Bluesky data server (PDS)."


# --- network and metadata -----------------------------------------------------------------------


class NetworkError(AtprotoError):
    default_message = "Your provider could not be reached. Check your connection and try again."


class InsecureUrlError(NetworkError):
    default_message = "The provider uses an insecure (non-HTTPS) address, which is not allowed."


class ResponseTooLargeError(NetworkError):
    default_message = "The provider sent an unexpectedly large response."


class MetadataError(AtprotoError):
    default_message = "Your provider's sign-in configuration is invalid or unsupported."


# --- authorization and callback -----------------------------------------------------------------


class AuthorizationError(AtprotoError):
    default_message = "Sign-in could not be started with your provider."


class ParRejectedError(AuthorizationError):
    """The pushed authorization request was refused by the server."""

    def __init__(self, error: str, description: str = "", *, message: str | None = None) -> None:
        self.error = error
        self.description = description
        super().__init__(f"{error}: {description}" if description else error, message=message)


class SilentSignOnRefusedError(ParRejectedError):
    """`prompt=none` was refused at PAR time; the caller can fall back to a normal prompt."""

    default_message = "Your provider does not allow renewing this session without a prompt."


class CallbackError(AuthorizationError):
    """The redirect carried `error=…`: the user denied, or the server needs interaction."""

    messages: ClassVar[dict[str, str]] = {
        "access_denied": "You denied access, so you were not signed in.",
        "login_required": "Your provider needs you to sign in again.",
        "consent_required": "Your provider needs you to approve this app again.",
        "interaction_required": "Your provider needs you to confirm in the browser.",
        "temporarily_unavailable": "Your provider is busy right now. Try again in a moment.",
    }
    # Codes after which an interactive prompt can still succeed (prompt=none fallback).
    interactive_fallback_codes = frozenset(
        {"login_required", "consent_required", "interaction_required", "account_selection_required"}
    )

    def __init__(self, error: str, description: str = "", state: str | None = None) -> None:
        self.error = error
        self.description = description
        self.state = state
        super().__init__(
            f"{error}: {description}" if description else error,
            message=self.messages.get(error, "Your provider reported an error during sign-in."),
        )

    @property
    def needs_interaction(self) -> bool:
        return self.error in self.interactive_fallback_codes


class InvalidCallbackError(AuthorizationError):
    default_message = "The sign-in answer from your browser was not valid. Please try again."


class UnknownStateError(InvalidCallbackError):
    default_message = (
        "This sign-in link has expired or was already used. Start signing in again."
    )


class IssuerMismatchError(InvalidCallbackError):
    default_message = "The sign-in answer came from the wrong provider and was rejected."


# --- tokens -------------------------------------------------------------------------------------


class TokenError(AtprotoError):
    default_message = "Your provider's answer to the sign-in could not be accepted."


class TokenResponseError(TokenError):
    """The token endpoint answered, but the response is invalid or unsafe to accept."""


class TokenRequestRejectedError(TokenError):
    """The token endpoint refused the request with an OAuth error."""

    def __init__(self, error: str, description: str = "") -> None:
        self.error = error
        self.description = description
        super().__init__(f"{error}: {description}" if description else error)


class SessionEndReason(StrEnum):
    """Why the server ended a session, in words the status panel can show."""

    EXPIRED = "expired"
    REFRESH_EXPIRED = "refresh token expired"
    REPLAYED = "replayed"
    REVOKED = "revoked"
    IDENTITY_CHANGED = "identity changed"
    UNKNOWN = "unknown"


class SessionEndedError(TokenError):
    """Terminal: the session is over and was removed; the user must sign in again."""

    messages: ClassVar[dict[SessionEndReason, str]] = {
        SessionEndReason.EXPIRED: "Your session reached its maximum length. Please sign in again.",
        SessionEndReason.REFRESH_EXPIRED: (
            "Your session ended because it was not used for too long. Please sign in again."
        ),
        SessionEndReason.REPLAYED: (
            "Your session was ended for safety because an old sign-in token was reused. "
            "Please sign in again."
        ),
        SessionEndReason.REVOKED: "Your session was revoked. Please sign in again.",
        SessionEndReason.IDENTITY_CHANGED: (
            "Your account moved to another provider. Please sign in again."
        ),
        SessionEndReason.UNKNOWN: "Your session has ended. Please sign in again.",
    }

    def __init__(self, reason: SessionEndReason, detail: str = "") -> None:
        self.reason = reason
        super().__init__(detail or reason.value, message=self.messages[reason])


class TransientRefreshError(TokenError):
    """The refresh failed for a reason that may go away; the session is kept."""

    default_message = "Your session could not be renewed right now; the app will try again."

    def __init__(self, detail: str = "", *, retry_after: float | None = None) -> None:
        self.retry_after = retry_after
        super().__init__(detail)


class NoSessionError(TokenError):
    default_message = "You are not signed in with that account."


# --- DPoP and storage ---------------------------------------------------------------------------


class DPoPError(AtprotoError):
    default_message = "The secure request signature was rejected by your provider."


class StorageError(AtprotoError):
    default_message = "Your sign-in could not be saved securely."


# --- agent (XRPC reads and writes) --------------------------------------------------------------


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


class ResponseFormatError(AtprotoError):
    """A response is missing a required field or is not the JSON the lexicon describes."""

    default_message = "Bluesky sent a reply this app could not understand."


class InvalidPostError(AtprotoError):
    """A post, image or reference failed a check before anything was sent."""

    default_message = "That post cannot be sent as it is."
