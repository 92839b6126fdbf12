"""Helpers for keychain tests: sample sessions and a recording in-memory keyring backend."""

from __future__ import annotations

import random
import string

import keyring.backend

from desktop_app.atproto.oauth import DPoPKey, Session, TokenSet

DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"


def sample_session(
    generation: int = 0, *, token_len: int = 900, seed: int | None = None
) -> Session:
    rng = random.Random(seed)
    alphabet = string.ascii_letters + string.digits + "-_."
    access = "eyJ" + "".join(rng.choice(alphabet) for _ in range(token_len))
    refresh = "ref-" + "".join(rng.choice(alphabet) for _ in range(64))
    tokens = TokenSet(access, refresh, "atproto transition:generic", 1000.0 + generation,
                      4600.0 + generation, refresh_jitter=5.0)
    return Session(
        did=DID, handle="alice.test", pds_url="http://localhost:2583",
        issuer="http://localhost:2583", client_id="http://localhost", tokens=tokens,
        dpop_key=DPoPKey.generate(), session_started_at=1000.0,
        last_refresh_at=1000.0 + generation, nominal_access_lifetime=3600.0,
        generation=generation,
    )


def same_session(a: Session, b: Session) -> bool:
    return (
        a.public_dict() == b.public_dict()
        and a.tokens.access_token == b.tokens.access_token
        and a.tokens.refresh_token == b.tokens.refresh_token
        and a.dpop_key == b.dpop_key
    )


class RecordingKeyring(keyring.backend.KeyringBackend):
    """In-memory backend that records the size of every value written (a pure-unit stand-in)."""

    priority = 1
    # Subclasses of KeyringBackend register themselves; keep this one out of auto-discovery.
    viable = False

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.values: dict[tuple[str, str], str] = {}
        self.max_len = 0

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.max_len = max(self.max_len, len(password.encode("utf-16-le")))
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.values.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)
