"""Session and pending-sign-in stores whose secrets live only in the OS keychain (`keyring`).

Layout, per profile (the keychain "service" name carries a hash of the data directory):

- secrets: `session/<did>/<gen>/<field>/<i>` chunks and one commit pointer `session/<did>` =
  `{"seq": n, "gen": "<n>.<random>", "chunks": {field: count}}`; pending sign-ins likewise
  under `pending/<state>`. Every save writes under a fresh random `gen`: a killed process's
  last D-Bus call can still reach the keychain daemon after a newer process's calls (separate
  connections are not ordered), so names are never reused across saves.
- non-secrets: `sessions.json` / `pending.json` in the data directory, holding each session's
  public fields per `seq` (a `JsonFile`, private to the user).

A save records the new `gen`'s public fields and chunk counts first, then writes its secret
chunks, then flips the pointer (the single commit point), then removes every other `gen` the
public file knows of: the previous one and any a killed save left behind. A process killed at
any moment leaves the pointer at a `gen` whose secrets and public fields are both complete, and
the next save or sign-out removes what it orphaned. Stores of one profile in several processes
take turns through a lock file next to the public file.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import secrets as pysecrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import filelock
import keyring
import keyring.backend
import keyring.errors

from ..atproto import loads
from ..atproto.oauth import PendingAuthorization, Session, StorageError
from ..sentences import QT_TR_NOOP
from ._files import JsonFile, private_dir

log = logging.getLogger(__name__)

# Windows Credential Manager keeps at most 2560 bytes per entry, as UTF-16: 1280 characters.
# Our values are ASCII JSON; stay well below that.
MAX_ENTRY_CHARS = 1000
SERVICE_PREFIX = "desktop-app"
# Far above any real value (a 60 000-character token); bounds what a damaged record can ask for.
MAX_CHUNKS = 64
# A save is a few dozen keychain calls (≈ 0.1 s); waiting far longer means a stuck peer.
STORE_LOCK_TIMEOUT = 30.0
# gnome-keyring answers "locked" or fails to open its collection for a moment when several
# processes use it at once. A failure that fast is retried; one that took longer than a person
# needs to see an unlock prompt (they dismissed it) is not, nor is one past the budget.
TRANSIENT_RETRY_BUDGET = 2.0
TRANSIENT_RETRY_PAUSE = 0.1
PROMPT_SECONDS = 0.5

T = TypeVar("T")


class NoKeychainError(StorageError):
    default_message = QT_TR_NOOP(
        "No system keychain is available, so the app cannot keep you signed in safely. "
        "Install or unlock a keychain (for example GNOME Keyring or KWallet) and try again."
    )


class KeychainLockedError(NoKeychainError):
    default_message = QT_TR_NOOP(
        "Your system keychain is locked, so the app cannot keep you signed in. "
        "Unlock it (or accept the unlock prompt) and try again."
    )


def _backend_name(backend: keyring.backend.KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def is_secure_backend(backend: keyring.backend.KeyringBackend) -> bool:
    """A real OS keychain: not the fail/null backends, not a plaintext `keyrings.alt` one."""
    from keyring.backends import chainer, fail

    if isinstance(backend, chainer.ChainerBackend):
        parts = list(backend.backends)
        return bool(parts) and all(is_secure_backend(b) for b in parts)
    name = _backend_name(backend)
    plaintext = name.startswith(("keyrings.alt", "keyring.backends.null"))
    if isinstance(backend, fail.Keyring) or plaintext:
        return False
    try:
        priority = float(backend.priority)
    except Exception:
        return False
    return priority > 0


_warming: threading.Thread | None = None


def warm_keychain() -> None:
    """Find the keychain backend in the background while the caller does other work (the
    window builds itself): keyring's discovery imports every backend and probes D-Bus, some
    60 ms the first keychain read would otherwise wait for. Errors are left for that read."""
    global _warming
    if _warming is None:
        _warming = threading.Thread(target=_discover, name="keychain-warm-up", daemon=True)
        _warming.start()


def _discover() -> None:
    with contextlib.suppress(Exception):  # said by the first real use, in its own words
        keyring.get_keyring()


def secure_backend() -> keyring.backend.KeyringBackend:
    """The active keyring backend, or `NoKeychainError` when it is not a real keychain."""
    if _warming is not None and _warming.is_alive():
        _warming.join()  # one discovery at a time: keyring's is not thread-safe
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # backend discovery probes D-Bus and may raise anything
        raise NoKeychainError(type(exc).__name__) from exc
    if not is_secure_backend(backend):
        raise NoKeychainError(f"backend {_backend_name(backend)} is not a secure keychain")
    return backend


@dataclass(frozen=True)
class KeychainStatus:
    backend_name: str
    secure: bool
    round_trip_ok: bool
    problem: str | None


def keychain_status(service: str = f"{SERVICE_PREFIX}-probe") -> KeychainStatus:
    """Which backend is active and whether a write/read/delete works (for `doctor`)."""
    try:
        backend = keyring.get_keyring()
    except Exception as exc:
        return KeychainStatus("none", False, False, f"{NoKeychainError.default_message} "
                              f"({type(exc).__name__})")
    name = _backend_name(backend)
    if not is_secure_backend(backend):
        return KeychainStatus(name, False, False, NoKeychainError.default_message)
    probe = pysecrets.token_hex(8)
    try:
        backend.set_password(service, "probe", probe)
        ok = backend.get_password(service, "probe") == probe
        backend.delete_password(service, "probe")
    except keyring.errors.KeyringError as exc:
        return KeychainStatus(name, True, False, f"{type(exc).__name__}: {exc}")
    except Exception as exc:
        return KeychainStatus(name, True, False, type(exc).__name__)
    return KeychainStatus(name, True, ok, None if ok else "read back a different value")


class _Keychain:
    """Blocking keyring calls, chunked values, typed errors. Used from a worker thread."""

    def __init__(self, service: str) -> None:
        self.service = service

    def _backend(self) -> keyring.backend.KeyringBackend:
        return secure_backend()

    def _call(self, fn: Callable[[keyring.backend.KeyringBackend], T]) -> T:
        """One keyring call, its failures typed, fast transient ones retried within a budget."""
        deadline = time.monotonic() + TRANSIENT_RETRY_BUDGET
        while True:
            started = time.monotonic()
            try:
                return fn(self._backend())
            except StorageError:
                raise
            except keyring.errors.KeyringLocked as exc:
                error: StorageError = KeychainLockedError(type(exc).__name__)
                cause: Exception = exc
            except Exception as exc:  # keyring, D-Bus and backend-specific failures
                error, cause = NoKeychainError(type(exc).__name__), exc
            now = time.monotonic()
            if now - started > PROMPT_SECONDS or now + TRANSIENT_RETRY_PAUSE > deadline:
                raise error from cause
            log.info("keychain call failed (%s); trying again", type(cause).__name__)
            time.sleep(TRANSIENT_RETRY_PAUSE)

    def get(self, key: str) -> str | None:
        return self._call(lambda backend: backend.get_password(self.service, key))

    def set(self, key: str, value: str) -> None:
        if len(value) > MAX_ENTRY_CHARS:
            raise StorageError(f"keychain entry {key!r} too large")
        self._call(lambda backend: backend.set_password(self.service, key, value))

    def delete(self, key: str) -> None:
        def delete(backend: keyring.backend.KeyringBackend) -> None:
            # Already gone is fine: deleting is idempotent for us.
            with contextlib.suppress(keyring.errors.PasswordDeleteError):
                backend.delete_password(self.service, key)

        self._call(delete)

    def put_chunks(self, prefix: str, value: str) -> None:
        for index, chunk in enumerate(_chunked(value)):
            self.set(f"{prefix}/{index}", chunk)

    def get_chunks(self, prefix: str, count: int) -> str:
        parts = []
        for index in range(count):
            part = self.get(f"{prefix}/{index}")
            if part is None:
                raise StorageError(f"keychain entry {prefix}/{index} is missing")
            parts.append(part)
        return "".join(parts)

    def delete_chunks(self, prefix: str, count: int) -> None:
        for index in range(count):
            self.delete(f"{prefix}/{index}")


def _chunked(value: str) -> list[str]:
    return [value[i:i + MAX_ENTRY_CHARS] for i in range(0, len(value), MAX_ENTRY_CHARS)] or [""]


def _counts(value: object) -> dict[str, int] | None:
    """Chunk counts per field from a pointer or the public file; None when malformed."""
    if not isinstance(value, dict):
        return None
    ok = all(type(n) is int and 1 <= n <= MAX_CHUNKS for n in value.values())
    return value if ok else None


def _encoded(secret: dict[str, Any]) -> tuple[dict[str, str], dict[str, int]]:
    """Each secret field as compact JSON, and how many keychain entries each will take."""
    encoded = {field: json.dumps(value, separators=(",", ":")) for field, value in secret.items()}
    return encoded, {field: len(_chunked(value)) for field, value in encoded.items()}


def service_name(data_dir: Path) -> str:
    """One keychain namespace per profile, so isolated profiles never share secrets."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:12]
    return f"{SERVICE_PREFIX}:{digest}"


class _Base:
    def __init__(self, data_dir: Path, name: str, *, service: str | None = None) -> None:
        self._keychain = _Keychain(service or service_name(data_dir))
        self._public = JsonFile(data_dir / f"{name}.json")
        self._lock_path = data_dir / f"{name}.lock"
        # One writer at a time inside the process; keyring backends are not all thread-safe.
        self._lock = threading.Lock()

    async def _run(self, fn: Callable[[], T]) -> T:
        def locked() -> T:
            with self._lock:
                path = self._lock_path
                try:
                    private_dir(path.parent)
                    with filelock.FileLock(str(path), timeout=STORE_LOCK_TIMEOUT):
                        return fn()
                except filelock.Timeout as exc:
                    raise StorageError(f"{path.name} is held by another process") from exc

        return await asyncio.to_thread(locked)

    def _write_secrets(self, prefix: str, encoded: dict[str, str]) -> None:
        for field, value in encoded.items():
            self._keychain.put_chunks(f"{prefix}/{field}", value)

    def _read_secrets(self, prefix: str, counts: dict[str, int]) -> dict[str, Any]:
        out = {}
        for field, count in counts.items():
            out[field] = loads(self._keychain.get_chunks(f"{prefix}/{field}", count),
                               f"keychain entry {prefix}/{field}", error=StorageError)
        return out

    def _delete_secrets(self, prefix: str, counts: dict[str, int]) -> None:
        for field, count in counts.items():
            self._keychain.delete_chunks(f"{prefix}/{field}", count)

    def _pointer(self, key: str) -> dict[str, Any] | None:
        raw = self._keychain.get(key)
        if raw is None:
            return None
        pointer = loads(raw, f"keychain pointer {key!r}", error=StorageError)
        if not isinstance(pointer, dict) or _counts(pointer.get("chunks")) is None:
            raise StorageError(f"keychain pointer {key!r} is damaged")
        return pointer


def _gen(pointer: dict[str, Any]) -> str:
    gen = pointer.get("gen")
    if not isinstance(gen, str) or not gen:
        raise StorageError("keychain pointer is damaged")
    return gen


class KeyringSessionStore(_Base):
    """`SessionStore` on the OS keychain, crash-safe across several entries per session."""

    def __init__(self, data_dir: Path, *, service: str | None = None) -> None:
        super().__init__(data_dir, "sessions", service=service)

    async def get(self, did: str) -> Session | None:
        return await self._run(lambda: self._get(did))

    async def put(self, session: Session) -> None:
        await self._run(lambda: self._put(session))

    async def delete(self, did: str) -> None:
        await self._run(lambda: self._delete(did))

    async def list_dids(self) -> list[str]:
        return await self._run(lambda: sorted(self._public.read()))

    def _get(self, did: str) -> Session | None:
        pointer = self._pointer(f"session/{did}")
        if pointer is None:
            return None
        gen = _gen(pointer)
        entry = self._public.read().get(did)
        by_seq = entry.get("by_seq") if isinstance(entry, dict) else None
        public = by_seq.get(gen) if isinstance(by_seq, dict) else None
        if not isinstance(public, dict):
            raise StorageError(f"public fields of {did} are missing")
        secret = self._read_secrets(f"session/{did}/{gen}", pointer["chunks"])
        return Session.from_dicts(public, secret)

    def _put(self, session: Session) -> None:
        did = session.did
        old = self._pointer(f"session/{did}")
        seq = 0 if old is None else int(old["seq"]) + 1
        gen = f"{seq}.{pysecrets.token_hex(4)}"
        encoded, counts = _encoded(session.secret_dict())
        data = self._public.read()
        entry = data.get(did)
        entry = entry if isinstance(entry, dict) else {}
        for part in ("by_seq", "chunks"):
            if not isinstance(entry.get(part), dict):
                entry[part] = {}
        entry["by_seq"][gen] = session.public_dict()
        entry["chunks"][gen] = counts
        data[did] = entry
        self._public.write(data)  # 1: new public fields and chunk counts beside the old ones
        self._write_secrets(f"session/{did}/{gen}", encoded)  # 2
        pointer = json.dumps({"seq": seq, "gen": gen, "chunks": counts}, separators=(",", ":"))
        self._keychain.set(f"session/{did}", pointer)  # 3: commit
        self._delete_generations(did, old, entry, keep=gen)  # 4
        data = self._public.read()
        data[did] = {"by_seq": {gen: session.public_dict()}, "chunks": {gen: counts}}
        self._public.write(data)

    def _delete_generations(
        self, did: str, pointer: dict[str, Any] | None, entry: dict[str, Any], keep: str | None
    ) -> None:
        """Remove the secrets of every generation but `keep`: the pointed-at one and orphans."""
        stale: dict[str, dict[str, int]] = {}
        known = entry.get("chunks")
        if isinstance(known, dict):
            for gen, value in known.items():
                counts = _counts(value)
                if counts is not None:
                    stale[gen] = counts
        if pointer is not None:
            stale[_gen(pointer)] = pointer["chunks"]
        stale.pop(keep or "", None)
        for gen, counts in stale.items():
            self._delete_secrets(f"session/{did}/{gen}", counts)

    def _delete(self, did: str) -> None:
        old = self._pointer(f"session/{did}")
        if old is not None:
            self._keychain.delete(f"session/{did}")  # commit: the session is gone
        data = self._public.read()
        entry = data.get(did)
        self._delete_generations(did, old, entry if isinstance(entry, dict) else {}, keep=None)
        if data.pop(did, None) is not None:
            self._public.write(data)

    def __repr__(self) -> str:
        return f"KeyringSessionStore(service={self._keychain.service!r})"


def _expiry(public: object) -> float:
    """When a pending sign-in expires; a damaged record counts as long expired."""
    value = public.get("expires_at") if isinstance(public, dict) else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return float("-inf")


class KeyringStateStore(_Base):
    """`StateStore` on the OS keychain: pending sign-ins survive a restart, expire, pop once."""

    def __init__(self, data_dir: Path, *, service: str | None = None) -> None:
        super().__init__(data_dir, "pending", service=service)

    async def put(self, pending: PendingAuthorization) -> None:
        await self._run(lambda: self._put(pending))

    async def pop(self, state: str) -> PendingAuthorization | None:
        return await self._run(lambda: self._pop(state))

    async def purge_expired(self, now: float) -> int:
        return await self._run(lambda: self._purge(now))

    def _put(self, pending: PendingAuthorization) -> None:
        encoded, counts = _encoded(pending.secret_dict())
        data = self._public.read()
        # The counts let purge/pop remove the secrets even if the pointer was never written.
        data[pending.state] = {**pending.public_dict(), "chunks": counts}
        self._public.write(data)
        self._write_secrets(f"pending/{pending.state}", encoded)
        self._keychain.set(f"pending/{pending.state}", json.dumps({"seq": 0, "chunks": counts}))

    def _pop(self, state: str) -> PendingAuthorization | None:
        pointer = self._pointer(f"pending/{state}")
        public = self._public.read().get(state)
        if pointer is None or public is None:
            self._forget(state, pointer)
            return None
        try:
            secret = self._read_secrets(f"pending/{state}", pointer["chunks"])
            return PendingAuthorization.from_dicts(public, secret)
        finally:
            self._forget(state, pointer)  # one-time, even when damaged

    def _forget(self, state: str, pointer: dict[str, Any] | None) -> None:
        data = self._public.read()
        public = data.get(state)
        counts = _counts(public.get("chunks")) if isinstance(public, dict) else None
        if pointer is not None:
            self._keychain.delete(f"pending/{state}")
            counts = pointer["chunks"]
        if counts is not None:
            self._delete_secrets(f"pending/{state}", counts)
        if data.pop(state, None) is not None:
            self._public.write(data)

    def _purge(self, now: float) -> int:
        data = self._public.read()
        expired = [state for state, public in data.items() if _expiry(public) <= now]
        for state in expired:
            self._forget(state, self._pointer(f"pending/{state}"))
        return len(expired)

    def __repr__(self) -> str:
        return f"KeyringStateStore(service={self._keychain.service!r})"
