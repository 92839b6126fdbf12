"""Typed errors of the OAuth client: metadata, authorization, callback, tokens, DPoP, storage."""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from ...sentences import QT_TR_NOOP, Sentence
from .._errors import AtprotoError


class MetadataError(AtprotoError):
    default_message = QT_TR_NOOP("Your provider's sign-in configuration is invalid or unsupported.")


class ClientConfigError(AtprotoError):
    default_message = QT_TR_NOOP("The app's sign-in configuration is invalid.")


# --- authorization and callback -----------------------------------------------------------------


class AuthorizationError(AtprotoError):
    default_message = QT_TR_NOOP("Sign-in could not be started with your provider.")


class ParRejectedError(AuthorizationError):
    """The pushed authorization request was refused by the server."""

    def __init__(self, error: str, description: str = "", *,
                 message: str | Sentence | None = None) -> None:
        self.error = error
        self.description = description
        super().__init__(f"{error}: {description}" if description else error, message=message)


class SilentSignOnRefusedError(ParRejectedError):
    """`prompt=none` was refused at PAR time; the caller can fall back to a normal prompt."""

    default_message = QT_TR_NOOP(
        "Your provider does not allow renewing this session without a prompt."
    )


def printable(text: str, limit: int) -> str:
    """`text` on one line with control and non-ASCII characters escaped, cut to `limit`."""
    escaped = text.encode("ascii", "backslashreplace").decode("ascii")
    escaped = "".join(c if c.isprintable() else repr(c)[1:-1] for c in escaped)
    return escaped if len(escaped) <= limit else escaped[:limit - 3] + "..."


class CallbackError(AuthorizationError):
    """The redirect carried `error=…`: the user denied, or the server needs interaction."""

    messages: ClassVar[dict[str, str]] = {
        "access_denied": QT_TR_NOOP("You denied access, so you were not signed in."),
        "login_required": QT_TR_NOOP("Your provider needs you to sign in again."),
        "consent_required": QT_TR_NOOP("Your provider needs you to approve this app again."),
        "interaction_required": QT_TR_NOOP("Your provider needs you to confirm in the browser."),
        "temporarily_unavailable": QT_TR_NOOP(
            "Your provider is busy right now. Try again in a moment."
        ),
    }
    # Codes after which an interactive prompt can still succeed (prompt=none fallback).
    interactive_fallback_codes = frozenset(
        {"login_required", "consent_required", "interaction_required", "account_selection_required"}
    )

    def __init__(self, error: str, description: str = "", state: str | None = None) -> None:
        # Both come from the redirect URL, which anyone can craft: short, one line, escaped.
        self.error = printable(error, 64)
        self.description = printable(description, 300)
        self.state = state
        super().__init__(
            f"{self.error}: {self.description}" if self.description else self.error,
            message=self.messages.get(
                error, QT_TR_NOOP("Your provider reported an error during sign-in.")),
        )

    @property
    def needs_interaction(self) -> bool:
        return self.error in self.interactive_fallback_codes


class InvalidCallbackError(AuthorizationError):
    default_message = QT_TR_NOOP(
        "The sign-in answer from your browser was not valid. Please try again."
    )


class UnknownStateError(InvalidCallbackError):
    default_message = QT_TR_NOOP(
        "This sign-in link has expired or was already used. Start signing in again."
    )


class IssuerMismatchError(InvalidCallbackError):
    default_message = QT_TR_NOOP(
        "The sign-in answer came from the wrong provider and was rejected."
    )


class RedirectTimeoutError(AuthorizationError):
    default_message = QT_TR_NOOP("The sign-in took too long. Start signing in again.")


# --- tokens -------------------------------------------------------------------------------------


class TokenError(AtprotoError):
    default_message = QT_TR_NOOP("Your provider's answer to the sign-in could not be accepted.")


class TokenResponseError(TokenError):
    """The token endpoint answered, but the response is invalid or unsafe to accept."""


class UntrustedAnswerError(TokenResponseError):
    """A 2xx token answer this client cannot use (no or a malformed `DPoP-Nonce`, not a JSON
    object, over the size cap, not 200): the server may have issued tokens, and spent the
    refresh token sent. Whatever tokens could be read were revoked before this was raised."""

    default_message = QT_TR_NOOP(
        "Your provider answered in a way this app can't trust. Try again later."
    )


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
    # The renewal's answer was lost (connection dropped after the server rotated the token),
    # so the next attempt reused a spent token and the server ended the session.
    INTERRUPTED = "interrupted renewal"
    # The server rotated the token but its answer broke the protocol; what it sent was revoked.
    UNTRUSTED = "untrusted answer"
    UNKNOWN = "unknown"


class SessionEndedError(TokenError):
    """Terminal: the session is over and was removed; the user must sign in again."""

    messages: ClassVar[dict[SessionEndReason, str]] = {
        SessionEndReason.EXPIRED: QT_TR_NOOP(
            "Your session reached its maximum length. Please sign in again."
        ),
        SessionEndReason.REFRESH_EXPIRED: QT_TR_NOOP(
            "Your session ended because it was not used for too long. Please sign in again."
        ),
        SessionEndReason.REPLAYED: QT_TR_NOOP(
            "Your session was ended for safety because an old sign-in token was reused. "
            "Please sign in again."
        ),
        SessionEndReason.REVOKED: QT_TR_NOOP("Your session was revoked. Please sign in again."),
        SessionEndReason.IDENTITY_CHANGED: QT_TR_NOOP(
            "Your account moved to another provider. Please sign in again."
        ),
        SessionEndReason.INTERRUPTED: QT_TR_NOOP(
            "The connection dropped while your sign-in was being renewed, so Bluesky ended it "
            "for safety. Please sign in again."
        ),
        SessionEndReason.UNTRUSTED: QT_TR_NOOP(
            "Your provider's answer to a renewal could not be trusted, so the app ended the "
            "session for safety. Please sign in again."
        ),
        SessionEndReason.UNKNOWN: QT_TR_NOOP("Your session has ended. Please sign in again."),
    }

    def __init__(self, reason: SessionEndReason, detail: str = "") -> None:
        self.reason = reason
        super().__init__(detail or reason.value, message=self.messages[reason])


class TransientRefreshError(TokenError):
    """The refresh failed for a reason that may go away; the session is kept."""

    default_message = QT_TR_NOOP(
        "Your session could not be renewed right now; the app will try again."
    )

    def __init__(self, detail: str = "", *, retry_after: float | None = None) -> None:
        self.retry_after = retry_after
        super().__init__(detail)


class NoSessionError(TokenError):
    default_message = QT_TR_NOOP("You are not signed in with that account.")


# --- DPoP and storage ---------------------------------------------------------------------------


class DPoPError(AtprotoError):
    default_message = QT_TR_NOOP("The secure request signature was rejected by your provider.")


class MissingNonceError(UntrustedAnswerError, DPoPError):
    """A 2xx authorization-server answer without `DPoP-Nonce`; any tokens it carried were
    revoked before this was raised."""


class StorageError(AtprotoError):
    default_message = QT_TR_NOOP("Your sign-in could not be saved securely.")
