"""Keychain stores on a real Secret Service; fail-closed behaviour; entry-size bound."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backends import fail

from desktop_app.atproto.oauth import DPoPKey, PendingAuthorization, StorageError
from desktop_app.platform import (
    KeychainLockedError,
    KeyringSessionStore,
    KeyringStateStore,
    NoKeychainError,
    _keychain,
    keychain_status,
)
from tests.support.keychain import DID, RecordingKeyring, same_session, sample_session
from tests.support.secret_service import SecretService

ROOT = Path(__file__).resolve().parents[2]


def files_text(root: Path) -> str:
    return "\n".join(p.read_text(errors="replace") for p in root.rglob("*") if p.is_file())


async def test_session_round_trip_and_rotation(
    secret_service: SecretService, tmp_path: Path
) -> None:
    store = KeyringSessionStore(tmp_path)
    assert await store.get(DID) is None
    first = sample_session(0)
    await store.put(first)
    loaded = await store.get(DID)
    assert loaded is not None and same_session(loaded, first)
    second = sample_session(1)
    await store.put(second)
    loaded = await store.get(DID)
    assert loaded is not None and same_session(loaded, second)
    assert await store.list_dids() == [DID]
    # Public file: no secret; old generation cleaned up.
    text = files_text(tmp_path)
    for s in (first, second):
        assert s.tokens.access_token not in text
        assert s.tokens.refresh_token is not None and s.tokens.refresh_token not in text
        assert s.dpop_key.private_jwk()["d"] not in text
    public = json.loads((tmp_path / "sessions.json").read_text())
    assert [g.split(".")[0] for g in public[DID]["by_seq"]] == ["1"]
    await store.delete(DID)
    assert await store.get(DID) is None
    assert await store.list_dids() == []
    assert "store" not in repr(store).lower() or "service" in repr(store)


async def test_store_survives_a_new_process(secret_service: SecretService, tmp_path: Path) -> None:
    session = sample_session(3)
    await KeyringSessionStore(tmp_path).put(session)
    code = (
        "import asyncio, sys; from pathlib import Path;"
        "from desktop_app.platform import KeyringSessionStore;"
        "s = asyncio.run(KeyringSessionStore(Path(sys.argv[1])).get(sys.argv[2]));"
        "print(s.tokens.access_token[-12:], s.generation)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path), DID], capture_output=True, text=True,
        env={**os.environ, **secret_service.env, "PYTHONPATH": str(ROOT)}, timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [session.tokens.access_token[-12:], "3"]


def pending(state: str, expires_at: float) -> PendingAuthorization:
    return PendingAuthorization(
        state=state, issuer="http://localhost:1", redirect_uri="org.desktopapp.app:/callback",
        scope="atproto", code_verifier="v" * 64, dpop_key=DPoPKey.generate(), created_at=0.0,
        expires_at=expires_at, expected_did=DID, expected_handle="alice.test",
        pds_url="http://localhost:1", login_hint="alice.test", prompt=None,
    )


async def test_pending_pop_once_and_purge(secret_service: SecretService, tmp_path: Path) -> None:
    store = KeyringStateStore(tmp_path)
    await store.put(pending("s1", 100.0))
    await store.put(pending("s2", 5000.0))
    got = await store.pop("s2")
    assert got is not None and got.code_verifier == "v" * 64
    assert await store.pop("s2") is None  # one-time
    assert await store.purge_expired(now=200.0) == 1
    assert await store.pop("s1") is None
    assert "v" * 64 not in files_text(tmp_path)


async def test_no_bus_fails_closed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "no-runtime"))
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    store = KeyringSessionStore(tmp_path / "data")
    with pytest.raises(NoKeychainError) as info:
        await store.put(sample_session())
    assert "No system keychain" in info.value.message
    assert not (tmp_path / "data").exists() or files_text(tmp_path / "data") == ""
    status = keychain_status()
    assert not status.round_trip_ok and status.problem


class PlaintextKeyring(RecordingKeyring):
    """Looks like a keyrings.alt backend: must never be used implicitly."""


PlaintextKeyring.__module__ = "keyrings.alt.file"


INSECURE = [fail.Keyring(), PlaintextKeyring()]  # type: ignore[no-untyped-call]


@pytest.mark.parametrize("backend", INSECURE, ids=["fail", "plaintext"])
async def test_insecure_backends_are_refused(
    backend: keyring.backend.KeyringBackend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    with pytest.raises(NoKeychainError):
        await KeyringSessionStore(tmp_path).put(sample_session())
    assert not (tmp_path / "sessions.json").exists()
    assert not keychain_status().secure


class LockedKeyring(RecordingKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("dismissed")

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("dismissed")


class PromptedKeyring(RecordingKeyring):
    """Locked; each call shows an unlock prompt that the person dismisses after a while."""

    calls = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.calls += 1
        time.sleep(0.1)
        raise keyring.errors.KeyringLocked("dismissed")


class FlakyKeyring(RecordingKeyring):
    """gnome-keyring under load: the first calls fail at once, then it answers."""

    failures = 2

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.failures:
            self.failures -= 1
            raise keyring.errors.InitError("Failed to create the collection")
        super().set_password(service, username, password)


@pytest.fixture
def short_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_keychain, "TRANSIENT_RETRY_BUDGET", 0.3)
    monkeypatch.setattr(_keychain, "TRANSIENT_RETRY_PAUSE", 0.02)
    monkeypatch.setattr(_keychain, "PROMPT_SECONDS", 0.05)


async def test_locked_keychain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, short_retries: None
) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", LockedKeyring())
    started = time.monotonic()
    with pytest.raises(KeychainLockedError) as info:
        await KeyringSessionStore(tmp_path).put(sample_session())
    assert "locked" in info.value.message
    assert 0.25 < time.monotonic() - started < 2  # retried within the budget, then given up


async def test_a_dismissed_unlock_prompt_is_not_shown_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, short_retries: None
) -> None:
    backend = PromptedKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    with pytest.raises(KeychainLockedError):
        await KeyringSessionStore(tmp_path).get(DID)
    assert backend.calls == 1


async def test_momentary_keychain_failures_are_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, short_retries: None
) -> None:
    backend = FlakyKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    store, session = KeyringSessionStore(tmp_path), sample_session()
    await store.put(session)
    assert backend.failures == 0
    loaded = await store.get(DID)
    assert loaded is not None and same_session(loaded, session)


async def test_every_entry_fits_windows_credential_manager(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend = RecordingKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    store = KeyringSessionStore(tmp_path)
    big = sample_session(0, token_len=12_000)  # far larger than any real token
    await store.put(big)
    loaded = await store.get(DID)
    assert loaded is not None and same_session(loaded, big)
    assert 0 < backend.max_len <= 2560  # bytes as UTF-16, the Windows limit
    assert len(backend.values) > 10  # chunked
    await KeyringStateStore(tmp_path).put(pending("s", 10.0))
    assert backend.max_len <= 2560


class DyingKeyring(RecordingKeyring):
    """Stops accepting writes after `budget` of them, as a process killed mid-save would."""

    def __init__(self, budget: int) -> None:
        super().__init__()
        self.budget = budget

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.budget <= 0:
            raise keyring.errors.PasswordSetError("killed")
        self.budget -= 1
        super().set_password(service, username, password)


@pytest.mark.parametrize("budget", [1, 2, 3, 4])  # 4 chunk writes + pointer: each cut short
async def test_interrupted_saves_leave_no_orphans(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, budget: int
) -> None:
    backend = DyingKeyring(budget=10_000)
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    store = KeyringSessionStore(tmp_path)
    first = sample_session(0, token_len=1500)  # access token: 2 chunks; refresh, key: 1 each
    await store.put(first)
    committed = dict(backend.values)
    backend.budget = budget
    with pytest.raises(NoKeychainError):
        await store.put(sample_session(1, token_len=1500))
    assert len(backend.values) == len(committed) + budget  # the dead save's orphans
    loaded = await store.get(DID)
    assert loaded is not None and same_session(loaded, first)
    backend.budget = 10_000
    await store.put(sample_session(2, token_len=1500))
    # Only the new generation remains: pointer + its 4 chunks.
    assert len(backend.values) == 5
    assert not any(first.tokens.access_token[:200] in v for v in backend.values.values())
    await store.delete(DID)
    assert backend.values == {}
    assert json.loads((tmp_path / "sessions.json").read_text()) == {}


async def test_interrupted_pending_save_is_purged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend = DyingKeyring(budget=1)  # the code verifier lands, the key and pointer do not
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    store = KeyringStateStore(tmp_path)
    with pytest.raises(NoKeychainError):
        await store.put(pending("s1", 100.0))
    assert len(backend.values) == 1
    backend.budget = 10_000
    assert await store.purge_expired(now=200.0) == 1
    assert backend.values == {}


@pytest.mark.parametrize("damage", ["public-not-object", "by-seq-list", "counts-text",
                                    "pointer-counts-huge"])
async def test_damaged_records_are_a_storage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    backend = RecordingKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    store = KeyringSessionStore(tmp_path)
    await store.put(sample_session(0))
    path = tmp_path / "sessions.json"
    public = json.loads(path.read_text())
    pointer_key = next(k for k in backend.values if k[1] == f"session/{DID}")
    pointer = json.loads(backend.values[pointer_key])
    if damage == "public-not-object":
        public[DID] = "garbage"
    elif damage == "by-seq-list":
        public[DID]["by_seq"] = []
    elif damage == "counts-text":
        pointer["chunks"] = {"access_token": "1"}
    else:
        pointer["chunks"] = {"access_token": 10**9}
    path.write_text(json.dumps(public))
    backend.values[pointer_key] = json.dumps(pointer)
    with pytest.raises(StorageError):
        await store.get(DID)


async def test_damaged_pending_records_are_purged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", RecordingKeyring())
    store = KeyringStateStore(tmp_path)
    await store.put(pending("good", 5000.0))
    path = tmp_path / "pending.json"
    data = json.loads(path.read_text())
    data["bad1"] = "garbage"
    data["bad2"] = {"expires_at": "soon", "chunks": {"code_verifier": -1}}
    path.write_text(json.dumps(data))
    assert await store.purge_expired(now=200.0) == 2
    assert set(json.loads(path.read_text())) == {"good"}
    assert await store.pop("good") is not None


async def test_profile_files_and_directories_are_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import logging
    import os

    from desktop_app.logging_setup import configure_logging

    monkeypatch.setattr(keyring.core, "_keyring_backend", RecordingKeyring())
    os.umask(0o022)  # a typical umask: what the code creates must not depend on it
    data = tmp_path / "profile" / "data"
    await KeyringSessionStore(data).put(sample_session())
    await KeyringStateStore(data).put(pending("s" * 32, 10.0))
    for path in (data, data / "sessions.json", data / "pending.json"):
        assert path.stat().st_mode & 0o077 == 0, path
    logs = tmp_path / "profile" / "logs"
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        configure_logging(logs)
    finally:
        for handler in [h for h in root.handlers if h not in handlers]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)
    assert logs.stat().st_mode & 0o077 == 0
