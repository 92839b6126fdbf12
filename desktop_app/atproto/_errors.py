"""Typed errors of the atproto core: identity, network and response shape."""

from __future__ import annotations

from ..errors import AppError
from ..sentences import QT_TR_NOOP, Sentence


class AtprotoError(AppError):
    """Base of every error the protocol code (identity, OAuth, XRPC) raises on purpose."""

    default_message = QT_TR_NOOP("Something went wrong while talking to your Bluesky provider.")


# --- identity -----------------------------------------------------------------------------------


class IdentityError(AtprotoError):
    default_message = QT_TR_NOOP("Your handle or account could not be looked up.")


class InvalidIdentifierError(IdentityError):
    """Syntax error in a handle, DID or server URL: caught before any network access."""

    default_message = QT_TR_NOOP("That is not a valid handle, DID or server address.")


class HandleNotFoundError(IdentityError):
    default_message = QT_TR_NOOP(
        "No account was found for that handle. Check the spelling and try again."
    )


class DidResolutionError(IdentityError):
    default_message = QT_TR_NOOP("The account's identity document could not be loaded.")


class HandleMismatchError(IdentityError):
    default_message = QT_TR_NOOP(
        "The account does not confirm that handle, so it cannot be trusted. "
        "Check the handle or sign in with your DID."
    )


class NoPdsError(IdentityError):
    default_message = QT_TR_NOOP("The account does not name a Bluesky data server (PDS).")


# --- network and response shape -----------------------------------------------------------------


class NetworkError(AtprotoError):
    """No usable answer. `reached_server` says whether any byte of the request may have
    reached the server: a refresh refused before it left cannot have spent its token."""

    default_message = QT_TR_NOOP(
        "Your provider could not be reached. Check your connection and try again."
    )
    reached_server = True

    def __init__(self, detail: str = "", *, message: str | Sentence | None = None,
                 reached_server: bool | None = None) -> None:
        super().__init__(detail, message=message)
        if reached_server is not None:
            self.reached_server = reached_server


class InsecureUrlError(NetworkError):
    """Refused by the app before anything was sent."""

    default_message = QT_TR_NOOP(
        "The provider uses an insecure (non-HTTPS) address, which is not allowed."
    )
    reached_server = False


class InvalidUrlError(NetworkError):
    """A URL that cannot be requested at all (a malformed IP literal or IDNA name, a label
    longer than DNS allows): named by a hostile or broken document, refused before sending."""

    default_message = QT_TR_NOOP("Your provider's address is not a valid web address.")
    reached_server = False


class PrivateAddressError(InsecureUrlError):
    """A URL or a resolved name points at a private, local or special-use address."""

    default_message = QT_TR_NOOP(
        "The provider's address is a private or local one, which this app does not contact "
        "outside development."
    )


class ResponseTooLargeError(NetworkError):
    """The server answered with more than the cap; `status` is its HTTP status (a 2xx token
    answer too large to read may still have rotated the tokens)."""

    default_message = QT_TR_NOOP("The provider sent an unexpectedly large response.")

    def __init__(self, detail: str = "", *, status: int | None = None) -> None:
        super().__init__(detail)
        self.status = status


class ResponseFormatError(AtprotoError):
    """A response is missing a required field or is not the JSON the lexicon describes."""

    default_message = QT_TR_NOOP("Bluesky sent a reply this app could not understand.")
