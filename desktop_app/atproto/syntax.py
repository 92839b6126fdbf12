"""Syntax of atproto handles, DIDs and sign-in input, checked before any network access."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from ..sentences import QT_TR_NOOP, Sentence
from ._errors import InvalidIdentifierError

HANDLE_MAX_LENGTH = 253
LABEL_MAX_LENGTH = 63
DID_MAX_LENGTH = 2048

# Registration-time restrictions from the handle spec: syntactically valid, never resolvable.
DISALLOWED_TLDS = frozenset(
    {"alt", "arpa", "example", "internal", "invalid", "local", "localhost", "onion"}
)
# RFC 6761 special-use names: public DNS never answers for them, so lookups would only leak
# traffic. `.test` is allowed for development but resolves only through a configured resolver.
SPECIAL_USE_TLDS = frozenset({"test", "localhost", "invalid", "example"})

_LABEL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DID_CHARS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:%-"
)
# Linear-time patterns only: one character class per position, no nested quantifiers.
_DID_METHOD = re.compile(r"[a-z]+")
_PLC_ID = re.compile(r"[a-z2-7]{24}")
_PORT = re.compile(r"[0-9]{1,5}")

URI_MAX_LENGTH = 8192
NSID_MAX_LENGTH = 317
_NSID_AUTHORITY = re.compile(r"[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?", re.ASCII)
_NSID_NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9]{0,62}", re.ASCII)
# The lexicon `uri` format: an RFC 3986 scheme, then something without spaces (the reference
# implementation allows only word characters in the scheme; the interop vectors and RFC allow +-.)
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:(?://)?[^\s/]\S*", re.ASCII)

IdentifierKind = Literal["handle", "did", "url"]


@dataclass(frozen=True)
class Identifier:
    """Classified sign-in input: a normalised handle, a supported DID, or a service URL."""

    kind: IdentifierKind
    value: str


# --- handles ------------------------------------------------------------------------------------


def is_valid_handle(text: str) -> bool:
    """Handle syntax per the spec (case-insensitive); says nothing about resolvability."""
    if not isinstance(text, str) or not text.isascii() or len(text) > HANDLE_MAX_LENGTH:
        return False
    labels = text.split(".")
    if len(labels) < 2:
        return False
    for label in labels:
        if not _is_valid_label(label):
            return False
    return labels[-1][0] in _LETTERS


def _is_valid_label(label: str) -> bool:
    return (
        0 < len(label) <= LABEL_MAX_LENGTH
        and all(c in _LABEL_CHARS for c in label)
        and not label.startswith("-")
        and not label.endswith("-")
    )


def handle_tld(handle: str) -> str:
    return handle.rsplit(".", 1)[-1].lower()


def has_disallowed_tld(handle: str) -> bool:
    """True for TLDs the handle spec reserves (.local, .onion, …): never used for sign-in."""
    return handle_tld(handle) in DISALLOWED_TLDS


def is_special_use(handle: str) -> bool:
    """True for RFC 6761 names that public DNS and HTTPS must never be asked about."""
    return handle_tld(handle) in SPECIAL_USE_TLDS


def normalize_handle(text: str) -> str:
    """`  @Alice.Test ` → `alice.test`; raise `InvalidIdentifierError` if it is no handle."""
    if not isinstance(text, str):
        raise InvalidIdentifierError("handle is not text", message=_HANDLE_MESSAGE)
    candidate = text.strip()
    if candidate.startswith("@"):
        candidate = candidate[1:]
    # ASCII check comes before lower(): "\u212a".lower() is ASCII "k", which would let a
    # look-alike non-ASCII handle through as a different, valid one.
    if not candidate.isascii() or not is_valid_handle(candidate):
        raise InvalidIdentifierError(
            f"invalid handle syntax: {_preview(text)}", message=_HANDLE_MESSAGE
        )
    return candidate.lower()


def ensure_resolvable_handle(text: str) -> str:
    """`normalize_handle`, then refuse the TLDs that can never be an account's handle."""
    handle = normalize_handle(text)
    if has_disallowed_tld(handle):
        raise InvalidIdentifierError(
            f"disallowed TLD in {handle}",
            message=Sentence.of(QT_TR_NOOP("Handles ending in .{tld} cannot be used to sign in."),
                                tld=handle_tld(handle)),
        )
    return handle


_HANDLE_MESSAGE = QT_TR_NOOP(
    "That is not a valid handle. A handle looks like a domain name, for example "
    "alice.bsky.social."
)


# --- DIDs ---------------------------------------------------------------------------------------


def is_valid_nsid(text: str) -> bool:
    """A lexicon's namespaced ID: a reversed domain, then a name (`app.bsky.feed.post`)."""
    if not isinstance(text, str) or len(text) > NSID_MAX_LENGTH:
        return False
    *authority, name = text.split(".")
    return (len(authority) >= 2 and not authority[0][:1].isdigit()
            and all(_NSID_AUTHORITY.fullmatch(part) for part in authority)
            and _NSID_NAME.fullmatch(name) is not None)


def is_valid_uri(text: str) -> bool:
    """The lexicon string format `uri` (what a link facet or an external embed must hold)."""
    return (isinstance(text, str) and len(text) <= URI_MAX_LENGTH
            and _URI.fullmatch(text) is not None and text.isprintable())


def is_valid_did(text: str) -> bool:
    """Generic DID syntax as atproto restricts it (any method); no network."""
    if not isinstance(text, str) or not 0 < len(text) <= DID_MAX_LENGTH:
        return False
    if not text.startswith("did:") or text[-1] in ":%":
        return False
    if not all(c in _DID_CHARS for c in text):
        return False
    parts = text.split(":", 2)
    return len(parts) == 3 and bool(_DID_METHOD.fullmatch(parts[1])) and parts[2] != ""


def is_valid_plc_did(text: str) -> bool:
    return (
        isinstance(text, str)
        and text.startswith("did:plc:")
        and bool(_PLC_ID.fullmatch(text[len("did:plc:"):]))
    )


def is_valid_web_did(text: str) -> bool:
    """Hostname-level did:web only; a port is allowed for localhost (development) alone."""
    return did_web_host(text) is not None


def did_web_host(did: str) -> tuple[str, int | None] | None:
    """`(hostname, port)` of a supported did:web, or None (paths are unsupported by atproto)."""
    if not isinstance(did, str) or not did.startswith("did:web:") or not is_valid_did(did):
        return None
    ident = did[len("did:web:"):]
    if ":" in ident:  # path-based did:web
        return None
    host, port = ident, None
    lowered = ident.lower()
    if "%" in ident:
        prefix, sep, port_text = lowered.partition("%3a")
        if not sep or prefix != "localhost" or not _PORT.fullmatch(port_text):
            return None
        host, port = "localhost", int(port_text)
        if not 0 < port < 65536:
            return None
        return host, port
    if lowered == "localhost":
        return "localhost", None  # development only: the network policy refuses it otherwise
    # The DID spec gives did:web the handle rules: no .local, .arpa, .onion, .internal, …
    if not is_valid_handle(host) or has_disallowed_tld(host):
        return None
    return host.lower(), None


def is_supported_did(text: str) -> bool:
    """A DID whose method this client can resolve: did:plc or hostname-level did:web."""
    return is_valid_plc_did(text) or is_valid_web_did(text)


def ensure_did(text: str, *, supported_only: bool = True) -> str:
    """The DID, stripped of surrounding whitespace; raise `InvalidIdentifierError` if invalid."""
    if not isinstance(text, str):
        raise InvalidIdentifierError("DID is not text", message=_DID_MESSAGE)
    did = text.strip()
    if not is_valid_did(did):
        raise InvalidIdentifierError(f"invalid DID syntax: {_preview(did)}", message=_DID_MESSAGE)
    if not supported_only:
        return did
    if did.startswith("did:plc:"):
        if not is_valid_plc_did(did):
            raise InvalidIdentifierError(
                f"invalid did:plc: {_preview(did)}",
                message=QT_TR_NOOP(
                    "That did:plc identifier is malformed: it needs 24 letters and digits."
                ),
            )
        return did
    if did.startswith("did:web:"):
        if not is_valid_web_did(did):
            ident = did[len("did:web:"):]
            if ":" not in ident and "%" not in ident and has_disallowed_tld(ident):
                raise InvalidIdentifierError(
                    f"did:web with a reserved top-level domain: {_preview(did)}",
                    message=QT_TR_NOOP(
                        "That did:web names a local or reserved domain (like .local, .arpa or "
                        ".onion), which atproto accounts may not use."
                    ),
                )
            raise InvalidIdentifierError(
                f"unsupported did:web: {_preview(did)}",
                message=QT_TR_NOOP(
                    "That did:web identifier is not supported: it must name just a public "
                    "host name, without a path or port."
                ),
            )
        return did
    raise InvalidIdentifierError(
        f"unsupported DID method: {_preview(did)}",
        message=QT_TR_NOOP("Only did:plc and did:web accounts are supported."),
    )


_DID_MESSAGE = QT_TR_NOOP("That is not a valid DID. A DID looks like did:plc:… or did:web:….")


# --- sign-in input ------------------------------------------------------------------------------


def ensure_service_url(text: str) -> str:
    """An http(s) URL with a host; whether it may be used is the network policy's call."""
    url = text.strip()
    message = QT_TR_NOOP("That is not a valid server address. It should start with https://.")
    if not url.isascii() or any(c.isspace() or ord(c) < 0x20 or ord(c) == 0x7F for c in url):
        raise InvalidIdentifierError(f"bad characters in URL {_preview(url)}", message=message)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise InvalidIdentifierError(f"unparseable URL {_preview(url)}", message=message) from exc
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        raise InvalidIdentifierError(f"not an http(s) URL: {_preview(url)}", message=message)
    if parts.username is not None or parts.password is not None:
        raise InvalidIdentifierError(
            "URL with credentials",
            message=QT_TR_NOOP("The server address must not contain a user name or password."),
        )
    return url


_LANGUAGE = re.compile(r"^(?:[a-z]{2,3}|[ix](?=-)|X(?=-))(?:-[A-Za-z0-9]{1,8})*$")


def is_valid_language(tag: str) -> bool:
    """BCP-47 shape as the lexicon `language` format checks it (well-formed, not registered)."""
    return bool(_LANGUAGE.match(tag))


def parse_identifier(text: str) -> Identifier:
    """Classify what a person typed: a handle, a DID, or a server URL. No network."""
    if not isinstance(text, str) or not text.strip():
        raise InvalidIdentifierError(
            "empty input", message=QT_TR_NOOP("Enter your handle, for example alice.bsky.social.")
        )
    value = text.strip()
    lowered = value.lower()
    if lowered.startswith(("https://", "http://")):
        return Identifier("url", ensure_service_url(value))
    if lowered.startswith("did:"):
        return Identifier("did", ensure_did(value))
    return Identifier("handle", ensure_resolvable_handle(value))


def _preview(text: str, limit: int = 80) -> str:
    """A bounded, repr-quoted excerpt of untrusted input for error details."""
    return repr(text[:limit] + ("…" if len(text) > limit else ""))
