"""Pure parts of the authorization code flow: PKCE, the redirect's query, the token response."""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx

from .. import Fields, syntax
from .. import sha256_b64url as _s256
from ._errors import InvalidCallbackError, TokenResponseError
from ._scopes import Scopes
from ._session import TokenSet

MAX_CALLBACK_LENGTH = 8192
# The longest access-token lifetime believed. atproto wants them under 30 minutes; the app
# only uses the lifetime to decide when to refresh, so a server's "1e12 seconds" is read as a
# day rather than a session that is never refreshed again.
MAX_EXPIRES_IN = 24 * 3600.0
# States this client makes are 32 URL-safe characters; anything else is not ours, and is never
# used as a keychain key.
_STATE = re.compile(r"[A-Za-z0-9_-]{16,128}")


def pkce_pair() -> tuple[str, str]:
    """A PKCE verifier (64 characters, within RFC 7636's 43..128) and its S256 challenge."""
    verifier = secrets.token_urlsafe(48)
    return verifier, _s256(verifier)


def parse_callback(callback_url: str) -> dict[str, str]:
    """Query parameters of a redirect; repeated parameters are an attack, not a choice."""
    try:
        parts = urlsplit(callback_url)
    except ValueError as exc:
        raise InvalidCallbackError("callback is not a URL") from exc
    if not parts.scheme:
        raise InvalidCallbackError("callback is not a URL")
    if len(callback_url) > MAX_CALLBACK_LENGTH:
        raise InvalidCallbackError("callback URL is too long")
    raw = parse_qs(parts.query, keep_blank_values=True)
    params: dict[str, str] = {}
    for name, values in raw.items():
        if len(values) != 1:
            raise InvalidCallbackError(f"callback repeats the {name!r} parameter")
        params[name] = values[0]
    return params


def callback_state(url: str) -> str | None:
    """The `state` of a redirect URL, or None when it has none, one of another shape than this
    client makes, or is not a redirect at all."""
    try:
        state = parse_callback(url).get("state")
    except InvalidCallbackError:
        return None
    return state if state is not None and is_state(state) else None


def is_state(state: str) -> bool:
    return _STATE.fullmatch(state) is not None


def describe_redirect(url: str) -> str:
    """A redirect URL safe to log: scheme and path only; the query may hold a code."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparseable>"
    return f"{parts.scheme}:{parts.path[:80]}" + ("?…" if parts.query else "")


def same_redirect(callback_url: str, redirect_uri: str) -> bool:
    cb, expected = urlsplit(callback_url), urlsplit(redirect_uri)
    return (
        cb.scheme.lower() == expected.scheme.lower()
        and cb.netloc.lower() == expected.netloc.lower()
        and cb.path == expected.path
    )


def parse_token_response(
    data: Mapping[str, Any], requested_scope: str, issued_at: float
) -> tuple[TokenSet, str]:
    """Validate a token response; return the tokens and the `sub` DID."""
    fields = Fields(data, "token response", TokenResponseError)
    access = fields.string("access_token", nonempty=True)
    token_type = fields.string("token_type")
    if token_type.lower() != "dpop":
        raise TokenResponseError(f"token_type {token_type!r} is not DPoP")
    sub = fields.get("sub")
    if not isinstance(sub, str) or not syntax.is_valid_did(sub):
        raise TokenResponseError("token response has no valid sub DID")
    scope = fields.string("scope")
    # Less than was asked is a partial grant, kept: the app disables what it doesn't cover.
    # Without `atproto` the token is not an atproto session at all.
    if "atproto" not in scope.split(" "):
        raise TokenResponseError(f"granted scope {scope[:200]!r} lacks 'atproto' "
                                 f"(asked for {requested_scope[:200]!r})")
    refresh = fields.opt_string("refresh_token")
    if refresh == "":
        raise TokenResponseError("refresh_token is empty")
    expires_in = fields.opt_number("expires_in")  # finite: NaN would never expire
    # 0 is legitimate: a token clipped to a session ending within the second.
    if expires_in is not None and expires_in < 0:
        raise TokenResponseError("expires_in is negative")
    if expires_in is not None:
        expires_in = min(expires_in, MAX_EXPIRES_IN)
    tokens = TokenSet(
        access_token=access,
        refresh_token=refresh,
        scope=scope,
        issued_at=issued_at,
        expires_at=None if expires_in is None else issued_at + expires_in,
    )
    return tokens, sub


def check_scope_kept(previous: str, granted: str) -> None:
    """A refresh keeps `atproto` and grants nothing the session did not have: OAuth 2.1
    (refresh: the scope "MUST NOT include any scope not originally granted") and atproto
    (scopes are granted by the person on the consent page, never by a refresh)."""
    if "atproto" not in granted.split(" "):
        raise TokenResponseError(f"refresh dropped the atproto scope (had {previous[:200]!r})")
    wider = Scopes(granted).beyond(Scopes(previous))
    if wider:
        raise TokenResponseError(f"refresh widened the scope with {' '.join(wider)[:300]!r}")


def oauth_error(data: Mapping[str, Any]) -> tuple[str, str]:
    """`error` and `error_description` of an OAuth error answer, truncated."""
    error = data.get("error")
    description = data.get("error_description")
    return (
        error[:100] if isinstance(error, str) else "",
        description[:300] if isinstance(description, str) else "",
    )


def retry_after(headers: httpx.Headers) -> float | None:
    value = headers.get("retry-after")
    if value and value.isdigit():
        return float(value)
    return None
