"""Pure parts of the OAuth core: token responses, callbacks, metadata, sessions, PKCE."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

import pytest

from desktop_app.atproto import NetworkPolicy
from desktop_app.atproto.oauth import (
    DPoPKey,
    InvalidCallbackError,
    MetadataError,
    PendingAuthorization,
    Session,
    TokenResponseError,
    TokenSet,
    parse_as_metadata,
    parse_callback,
    parse_token_response,
    pkce_pair,
)

DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"
ISSUER = "https://auth.example.com"


def token_response(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "access_token": "at-secret",
        "token_type": "DPoP",
        "refresh_token": "rt-secret",
        "scope": "atproto transition:generic",
        "expires_in": 3600,
        "sub": DID,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_pkce_pair_is_s256_and_fresh() -> None:
    verifier, challenge = pkce_pair()
    assert 43 <= len(verifier) <= 128
    digest = hashlib.sha256(verifier.encode()).digest()
    assert challenge == base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    assert pkce_pair()[0] != verifier


def test_token_response_accepts_expanded_scope() -> None:
    tokens, sub = parse_token_response(
        token_response(scope="transition:generic atproto include:app.bsky.x"),
        "atproto transition:generic",
        1000.0,
    )
    assert sub == DID
    assert tokens.expires_at == 4600.0
    assert tokens.access_token == "at-secret"


@pytest.mark.parametrize(
    "overrides",
    [
        {"token_type": "Bearer"},
        {"token_type": None},
        {"access_token": None},
        {"access_token": ""},
        {"sub": None},
        {"sub": "alice.example.com"},
        {"scope": "transition:generic"},
        {"scope": None},
        {"expires_in": -5},
        {"expires_in": None, "token_type": "bearer"},
        {"expires_in": "3600"},
        {"expires_in": True},
        {"refresh_token": 42},
    ],
)
def test_token_response_rejections(overrides: dict[str, Any]) -> None:
    with pytest.raises(TokenResponseError):
        parse_token_response(token_response(**overrides), "atproto transition:generic", 0.0)


def test_parse_callback() -> None:
    params = parse_callback("com.example.app:/callback?state=s&iss=https%3A%2F%2Fa&code=c")
    assert params == {"state": "s", "iss": "https://a", "code": "c"}
    with pytest.raises(InvalidCallbackError):
        parse_callback("http://127.0.0.1:1/callback?state=a&state=b")
    with pytest.raises(InvalidCallbackError):
        parse_callback("no scheme at all")
    with pytest.raises(InvalidCallbackError):
        parse_callback("http://127.0.0.1:1/callback?x=" + "a" * 9000)


def as_metadata(**overrides: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "issuer": ISSUER,
        "authorization_endpoint": f"{ISSUER}/oauth/authorize",
        "token_endpoint": f"{ISSUER}/oauth/token",
        "pushed_authorization_request_endpoint": f"{ISSUER}/oauth/par",
        "revocation_endpoint": f"{ISSUER}/oauth/revoke",
        "require_pushed_authorization_requests": True,
        "authorization_response_iss_parameter_supported": True,
        "client_id_metadata_document_supported": True,
        "code_challenge_methods_supported": ["S256"],
        "dpop_signing_alg_values_supported": ["ES256"],
        "token_endpoint_auth_methods_supported": ["none", "private_key_jwt"],
        "scopes_supported": ["atproto", "transition:generic"],
        "response_types_supported": ["code"],
        "grant_types_supported": ["authorization_code", "refresh_token"],
    }
    doc.update(overrides)
    return {k: v for k, v in doc.items() if v is not None}


def test_as_metadata_ok() -> None:
    meta = parse_as_metadata(as_metadata(), ISSUER, NetworkPolicy())
    assert meta.token_endpoint == f"{ISSUER}/oauth/token"


@pytest.mark.parametrize(
    "overrides",
    [
        {"issuer": "https://other.example.com"},
        {"require_pushed_authorization_requests": False},
        {"authorization_response_iss_parameter_supported": None},
        {"code_challenge_methods_supported": ["plain"]},
        {"dpop_signing_alg_values_supported": ["RS256"]},
        {"token_endpoint_auth_methods_supported": ["private_key_jwt"]},
        {"scopes_supported": ["openid"]},
        {"token_endpoint": "http://auth.example.com/oauth/token"},
        {"pushed_authorization_request_endpoint": None},
        {"client_id_metadata_document_supported": None},
    ],
)
def test_as_metadata_rejections(overrides: dict[str, Any]) -> None:
    with pytest.raises(MetadataError):
        parse_as_metadata(as_metadata(**overrides), ISSUER, NetworkPolicy())


def make_session(**overrides: Any) -> Session:
    tokens = TokenSet("at-secret", "rt-secret", "atproto", 0.0, 3600.0)
    values: dict[str, Any] = {
        "did": DID, "handle": "alice.example.com", "pds_url": "https://pds.example.com",
        "issuer": ISSUER, "client_id": "http://localhost", "tokens": tokens,
        "dpop_key": DPoPKey.generate(), "session_started_at": 0.0, "last_refresh_at": 0.0,
        "nominal_access_lifetime": 3600.0,
    }
    values.update(overrides)
    return Session(**values)


def test_session_repr_and_public_dict_hold_no_secrets() -> None:
    session = make_session()
    d = session.dpop_key.private_jwk()["d"]
    for text in (repr(session), str(session.public_dict()), repr(session.tokens)):
        assert "at-secret" not in text and "rt-secret" not in text and d not in text
    again = Session.from_dicts(session.public_dict(), session.secret_dict())
    assert again.tokens.access_token == "at-secret" and again.dpop_key == session.dpop_key


def test_pending_authorization_round_trip_and_repr() -> None:
    pending = PendingAuthorization(
        state="st", issuer=ISSUER, redirect_uri="http://127.0.0.1:5/callback", scope="atproto",
        code_verifier="verifier-secret", dpop_key=DPoPKey.generate(), created_at=1.0,
        expires_at=2.0, expected_did=DID, expected_handle=None, pds_url=None, login_hint=None,
        prompt=None,
    )
    assert "verifier-secret" not in repr(pending)
    assert "verifier-secret" not in str(pending.public_dict())
    again = PendingAuthorization.from_dicts(pending.public_dict(), pending.secret_dict())
    assert again.code_verifier == "verifier-secret"


def test_clipped_lifetime_records_session_end() -> None:
    session = make_session()
    normal = TokenSet("a2", "r2", "atproto", 100.0, 3700.0)
    after = session.with_tokens(normal, now=100.0)
    assert after.session_ends_at is None and after.generation == 1
    clipped = TokenSet("a3", "r3", "atproto", 200.0, 1400.0)  # 1200 s < 3600 s
    after = after.with_tokens(clipped, now=200.0)
    assert after.session_ends_at == 1400.0
    assert after.last_refresh_at == 200.0


def test_needs_refresh_window() -> None:
    tokens = TokenSet("a", "r", "atproto", 0.0, 100.0, refresh_jitter=20.0)
    assert not tokens.needs_refresh(69.0)
    assert tokens.needs_refresh(70.0)
    assert tokens.expired(100.0) and not tokens.expired(99.9)


@pytest.mark.parametrize("expires_in", [float("nan"), float("inf"), -float("inf"), 10**400])
def test_token_response_needs_a_finite_expires_in(expires_in: float) -> None:
    # NaN compares false with everything: a token that never needs refreshing.
    with pytest.raises(TokenResponseError, match="expires_in"):
        parse_token_response(token_response(expires_in=expires_in), "atproto", 1000.0)


def test_token_response_expires_in_is_capped_at_a_day() -> None:
    tokens, _ = parse_token_response(token_response(expires_in=10**12), "atproto", 1000.0)
    assert tokens.expires_at == 1000.0 + 24 * 3600
    tokens, _ = parse_token_response(token_response(expires_in=0), "atproto", 1000.0)
    assert tokens.expires_at == 1000.0  # clipped to a session ending now: kept as is
