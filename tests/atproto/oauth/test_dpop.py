"""DPoP proofs: header, claims, ath/htu rules, nonce cache and nonce-error detection."""

from __future__ import annotations

import json

import httpx
import pytest
from joserfc import jws
from joserfc.jwk import ECKey

from desktop_app.atproto.oauth import (
    DPoPError,
    DPoPKey,
    NonceCache,
    StorageError,
    access_token_hash,
    htu_of,
    is_use_dpop_nonce_error,
)


def decode(proof: str, key: DPoPKey) -> tuple[dict[str, object], dict[str, object]]:
    public = ECKey.import_key(key.public_jwk)
    obj = jws.deserialize_compact(proof, public, algorithms=["ES256"])
    return dict(obj.protected), json.loads(obj.payload)


def test_proof_header_and_claims_verify_with_embedded_public_key() -> None:
    key = DPoPKey.generate()
    proof = key.proof("post", "https://pds.example.com/xrpc/x?cursor=1#frag", nonce="n1", now=1000)
    header, claims = decode(proof, key)
    assert header["typ"] == "dpop+jwt"
    assert header["alg"] == "ES256"
    jwk = header["jwk"]
    assert isinstance(jwk, dict)
    assert "d" not in jwk and jwk["crv"] == "P-256"
    assert claims["htm"] == "POST"
    assert claims["htu"] == "https://pds.example.com/xrpc/x"
    assert claims["iat"] == 1000
    assert claims["nonce"] == "n1"
    assert "ath" not in claims


def test_ath_and_unique_jti() -> None:
    key = DPoPKey.generate()
    first = decode(key.proof("GET", "https://a.example.com/", access_token="tok"), key)[1]
    second = decode(key.proof("GET", "https://a.example.com/", access_token="tok"), key)[1]
    # RFC 9449 appendix: ath = base64url(sha256(ascii(token)))
    assert first["ath"] == access_token_hash("tok")
    # The worked example of RFC 9449 section 7.1.
    token = "Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU"
    assert access_token_hash(token) == "fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo"
    assert first["jti"] != second["jti"]
    assert "nonce" not in first


def test_key_round_trip_and_repr_hides_private_part() -> None:
    key = DPoPKey.generate()
    private = key.private_jwk()
    assert "d" in private
    again = DPoPKey.from_jwk(private)
    assert again == key and again.thumbprint == key.thumbprint
    assert private["d"] not in repr(key)
    assert private["d"] not in repr(again)


def test_damaged_stored_key_is_a_storage_error() -> None:
    with pytest.raises(StorageError):
        DPoPKey.from_jwk({"kty": "EC", "crv": "P-256", "x": "AAAA"})


def test_public_only_key_is_refused() -> None:
    key = DPoPKey.generate()
    with pytest.raises((DPoPError, StorageError)):
        DPoPKey.from_jwk(key.public_jwk)


def test_htu_strips_query_and_fragment() -> None:
    assert htu_of("http://localhost:1234/oauth/par?x=1#y") == "http://localhost:1234/oauth/par"


def test_nonce_cache_is_per_origin() -> None:
    cache = NonceCache()
    cache.update("http://localhost:1/oauth/token", httpx.Headers({"DPoP-Nonce": "as"}))
    cache.update("http://localhost:2/xrpc/a", httpx.Headers({"DPoP-Nonce": "pds"}))
    cache.update("http://localhost:2/xrpc/b", httpx.Headers({}))  # absent: keep the last one
    assert cache.get("http://localhost:1/oauth/par") == "as"
    assert cache.get("http://LOCALHOST:2/other") == "pds"
    assert cache.get("https://localhost:2/") is None


def test_malformed_nonce_is_rejected() -> None:
    with pytest.raises(DPoPError):
        NonceCache().update("https://a.example.com", httpx.Headers({"DPoP-Nonce": "a b"}))


def test_use_dpop_nonce_detection() -> None:
    as_error = httpx.Response(400, json={"error": "use_dpop_nonce"})
    assert is_use_dpop_nonce_error(as_error)
    rs_error = httpx.Response(
        401, headers={"WWW-Authenticate": 'DPoP error="use_dpop_nonce", error_description="x"'}
    )
    assert is_use_dpop_nonce_error(rs_error, b"")
    other = httpx.Response(400, json={"error": "invalid_grant"})
    assert not is_use_dpop_nonce_error(other)
    assert not is_use_dpop_nonce_error(httpx.Response(400, content=b"not json"))
    assert not is_use_dpop_nonce_error(httpx.Response(200, json={"error": "use_dpop_nonce"}))
