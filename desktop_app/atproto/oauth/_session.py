"""Session and pending-authorization records, split into public and secret halves for storage."""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from typing import Any

from .. import Fields
from ._dpop import DPoPKey
from ._errors import StorageError

# Refresh this long (plus jitter) before the access token expires.
REFRESH_MARGIN = 10.0
REFRESH_JITTER = 30.0
# expires_in is whole seconds; a lifetime shorter than usual by more than this was clipped.
CLIP_TOLERANCE = 1.5


@dataclass(frozen=True)
class TokenSet:
    """Tokens from one token response. Secrets are excluded from repr."""

    access_token: str = field(repr=False)
    refresh_token: str | None = field(repr=False)
    scope: str
    issued_at: float
    expires_at: float | None
    # Fixed per token set, so repeated checks agree on when to refresh.
    refresh_jitter: float = field(default_factory=lambda: random.uniform(0.0, REFRESH_JITTER))  # noqa: S311

    def needs_refresh(self, now: float) -> bool:
        if self.expires_at is None:
            return False
        return now >= self.expires_at - REFRESH_MARGIN - self.refresh_jitter

    def expired(self, now: float) -> bool:
        return self.expires_at is not None and now >= self.expires_at


@dataclass(frozen=True)
class Session:
    """A signed-in account. `repr` shows who and where, never a token or key."""

    did: str
    handle: str | None
    pds_url: str
    issuer: str
    client_id: str
    tokens: TokenSet = field(repr=False)
    dpop_key: DPoPKey = field(repr=False)
    session_started_at: float
    last_refresh_at: float
    # The longest `expires_in` seen: the server's normal access-token lifetime.
    nominal_access_lifetime: float | None = None
    # Set when a token's lifetime was clipped to the session's absolute end by the server.
    session_ends_at: float | None = None
    generation: int = 0

    @property
    def scope(self) -> str:
        return self.tokens.scope

    def public_dict(self) -> dict[str, Any]:
        """Non-secret fields: may be stored in a plain file."""
        return {
            "did": self.did,
            "handle": self.handle,
            "pds_url": self.pds_url,
            "issuer": self.issuer,
            "client_id": self.client_id,
            "scope": self.tokens.scope,
            "issued_at": self.tokens.issued_at,
            "expires_at": self.tokens.expires_at,
            "session_started_at": self.session_started_at,
            "last_refresh_at": self.last_refresh_at,
            "nominal_access_lifetime": self.nominal_access_lifetime,
            "session_ends_at": self.session_ends_at,
            "generation": self.generation,
        }

    def secret_dict(self) -> dict[str, Any]:
        """Secret fields: only for the keychain (or an in-memory store)."""
        return {
            "access_token": self.tokens.access_token,
            "refresh_token": self.tokens.refresh_token,
            "dpop_jwk": self.dpop_key.private_jwk(),
        }

    @classmethod
    def from_dicts(cls, public: dict[str, Any], secret: dict[str, Any]) -> Session:
        pub = Fields(public, "stored session", StorageError)
        sec = Fields(secret, "stored session secrets", StorageError)
        tokens = TokenSet(
            access_token=sec.string("access_token"),
            refresh_token=sec.opt_string("refresh_token"),
            scope=pub.string("scope"),
            issued_at=pub.number("issued_at"),
            expires_at=pub.opt_number("expires_at"),
        )
        return cls(
            did=pub.string("did"),
            handle=pub.opt_string("handle"),
            pds_url=pub.string("pds_url"),
            issuer=pub.string("issuer"),
            client_id=pub.string("client_id"),
            tokens=tokens,
            dpop_key=DPoPKey.from_jwk(sec.obj("dpop_jwk").raw),
            session_started_at=pub.number("session_started_at"),
            last_refresh_at=pub.number("last_refresh_at"),
            nominal_access_lifetime=pub.opt_number("nominal_access_lifetime"),
            session_ends_at=pub.opt_number("session_ends_at"),
            generation=pub.integer("generation") if pub.has("generation") else 0,
        )

    def with_tokens(self, tokens: TokenSet, *, now: float) -> Session:
        """The session after a refresh: new tokens, end time learned from a clipped lifetime."""
        lifetime = None if tokens.expires_at is None else tokens.expires_at - tokens.issued_at
        nominal = self.nominal_access_lifetime
        ends_at = self.session_ends_at
        if lifetime is not None:
            if nominal is None or lifetime > nominal:
                nominal = lifetime
            elif lifetime < nominal - CLIP_TOLERANCE:
                # The server caps a token at the session's absolute end: this is that end.
                ends_at = tokens.expires_at
        return replace(
            self,
            tokens=tokens,
            last_refresh_at=now,
            nominal_access_lifetime=nominal,
            session_ends_at=ends_at,
            generation=self.generation + 1,
        )


@dataclass(frozen=True)
class PendingAuthorization:
    """What a sign-in needs to finish after the browser comes back, possibly in a new process."""

    state: str
    issuer: str
    redirect_uri: str
    scope: str
    code_verifier: str = field(repr=False)
    dpop_key: DPoPKey = field(repr=False)
    created_at: float
    expires_at: float
    expected_did: str | None
    expected_handle: str | None
    pds_url: str | None
    login_hint: str | None
    prompt: str | None

    def public_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "issuer": self.issuer,
            "redirect_uri": self.redirect_uri,
            "scope": self.scope,
            "created_at": self.created_at,
            "expires_at": self.expires_at,
            "expected_did": self.expected_did,
            "expected_handle": self.expected_handle,
            "pds_url": self.pds_url,
            "login_hint": self.login_hint,
            "prompt": self.prompt,
        }

    def secret_dict(self) -> dict[str, Any]:
        return {"code_verifier": self.code_verifier, "dpop_jwk": self.dpop_key.private_jwk()}

    @classmethod
    def from_dicts(cls, public: dict[str, Any], secret: dict[str, Any]) -> PendingAuthorization:
        pub = Fields(public, "stored sign-in", StorageError)
        sec = Fields(secret, "stored sign-in secrets", StorageError)
        return cls(
            state=pub.string("state"),
            issuer=pub.string("issuer"),
            redirect_uri=pub.string("redirect_uri"),
            scope=pub.string("scope"),
            code_verifier=sec.string("code_verifier"),
            dpop_key=DPoPKey.from_jwk(sec.obj("dpop_jwk").raw),
            created_at=pub.number("created_at"),
            expires_at=pub.number("expires_at"),
            expected_did=pub.opt_string("expected_did"),
            expected_handle=pub.opt_string("expected_handle"),
            pds_url=pub.opt_string("pds_url"),
            login_hint=pub.opt_string("login_hint"),
            prompt=pub.opt_string("prompt"),
        )
