"""base64url without padding (RFC 7515 §2), the encoding of PKCE challenges and JOSE values."""

from __future__ import annotations

import base64
import hashlib


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def sha256_b64url(text: str) -> str:
    """base64url(SHA-256(ASCII text)): a PKCE S256 challenge, a DPoP `ath` claim."""
    return b64url(hashlib.sha256(text.encode("ascii")).digest())
