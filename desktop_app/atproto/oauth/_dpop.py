"""DPoP (RFC 9449): per-session ES256 keys, proof JWTs and per-origin server nonces."""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import ECKey

from .. import ResponseFormatError, loads, origin_of, sha256_b64url
from ._errors import DPoPError, StorageError

DPOP_ALG = "ES256"


def access_token_hash(access_token: str) -> str:
    """The `ath` claim: base64url(SHA-256(token))."""
    return sha256_b64url(access_token)


def htu_of(url: str | httpx.URL) -> str:
    """The `htu` claim: the request URL without query and fragment."""
    parts = urlsplit(str(url))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


class DPoPKey:
    """A P-256 key pair bound to one session. Its private half never appears in a repr."""

    __slots__ = ("_header", "_key", "_public", "_thumbprint")

    def __init__(self, key: ECKey) -> None:
        if key.get("crv") != "P-256" or not key.is_private:
            raise DPoPError("DPoP key must be a private P-256 key")
        self._key = key
        self._public: dict[str, Any] = dict(key.as_dict(private=False))
        self._header = {"typ": "dpop+jwt", "alg": DPOP_ALG, "jwk": self._public}
        self._thumbprint = key.thumbprint()

    @classmethod
    def generate(cls) -> DPoPKey:
        return cls(ECKey.generate_key("P-256", private=True))

    @classmethod
    def from_jwk(cls, jwk: Mapping[str, Any]) -> DPoPKey:
        """Load a stored private JWK; a damaged one is a storage error, not a crash."""
        try:
            key = ECKey.import_key(dict(jwk))
        except (JoseError, ValueError, TypeError, KeyError) as exc:
            raise StorageError("stored DPoP key is unreadable") from exc
        return cls(key)

    def private_jwk(self) -> dict[str, Any]:
        """The private JWK, for the secret store only."""
        return dict(self._key.as_dict(private=True))

    @property
    def public_jwk(self) -> dict[str, Any]:
        return dict(self._public)

    @property
    def thumbprint(self) -> str:
        """RFC 7638 thumbprint (the `jkt` the server binds tokens to)."""
        return self._thumbprint

    def proof(
        self,
        method: str,
        url: str | httpx.URL,
        *,
        nonce: str | None = None,
        access_token: str | None = None,
        now: float | None = None,
    ) -> str:
        claims: dict[str, Any] = {
            "jti": secrets.token_urlsafe(16),
            "htm": method.upper(),
            "htu": htu_of(url),
            "iat": int(time.time() if now is None else now),
        }
        if nonce is not None:
            claims["nonce"] = nonce
        if access_token is not None:
            claims["ath"] = access_token_hash(access_token)
        payload = json.dumps(claims, separators=(",", ":")).encode()
        return jws.serialize_compact(self._header, payload, self._key, algorithms=[DPOP_ALG])

    def __repr__(self) -> str:
        return f"DPoPKey(jkt={self._thumbprint[:8]}…)"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DPoPKey) and other._thumbprint == self._thumbprint

    def __hash__(self) -> int:
        return hash(self._thumbprint)


class NonceCache:
    """Latest DPoP nonce per origin; the authorization server and each PDS are kept apart."""

    def __init__(self) -> None:
        self._nonces: dict[str, str] = {}

    def get(self, url: str | httpx.URL) -> str | None:
        return self._nonces.get(origin_of(str(url)))

    def update(self, url: str | httpx.URL, headers: Mapping[str, str]) -> str | None:
        """Remember the response's `DPoP-Nonce` header, if any; return it."""
        nonce = headers.get("dpop-nonce")
        if nonce:
            # RFC 9449 nonces are NQCHAR; refuse anything that could break a header.
            if len(nonce) > 512 or any(not 0x21 <= ord(c) <= 0x7E for c in nonce):
                raise DPoPError("server sent a malformed DPoP nonce")
            self._nonces[origin_of(str(url))] = nonce
        return nonce or None


def is_use_dpop_nonce_error(response: httpx.Response, body: bytes | None = None) -> bool:
    """True for the server's request to retry with a (new) nonce.

    Authorization servers answer 400 with JSON `{"error": "use_dpop_nonce"}`; resource servers
    answer 401 with `WWW-Authenticate: DPoP error="use_dpop_nonce"`.
    """
    if response.status_code == 401:
        challenge = response.headers.get("www-authenticate", "")
        if challenge.lower().startswith("dpop") and 'error="use_dpop_nonce"' in challenge:
            return True
    if response.status_code in (400, 401):
        raw = body if body is not None else _maybe_content(response)
        if raw:
            try:
                data = loads(raw, "DPoP error answer")
            except ResponseFormatError:
                return False
            return isinstance(data, dict) and data.get("error") == "use_dpop_nonce"
    return False


def _maybe_content(response: httpx.Response) -> bytes:
    try:
        return response.content
    except httpx.ResponseNotRead:
        return b""
