"""Keeping sessions fresh: refresh once per DID across tasks and processes, store, re-check."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import hashlib
import logging
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import filelock

from .. import AtprotoError, IdentityResolver, NetworkError, SingleFlightCache
from ._callback import check_scope_kept, oauth_error, parse_token_response, retry_after
from ._discovery import AuthServerMetadata, Discovery
from ._dpop import NonceCache
from ._endpoints import Endpoints, json_object
from ._errors import (
    DPoPError,
    MissingNonceError,
    NoSessionError,
    SessionEndedError,
    SessionEndReason,
    StorageError,
    TokenResponseError,
    TransientRefreshError,
)
from ._session import Session
from ._stores import SessionStore

log = logging.getLogger(__name__)

LOCK_TIMEOUT = 60.0

_REFRESH_REASONS = {
    "session expired": SessionEndReason.EXPIRED,
    "refresh token expired": SessionEndReason.REFRESH_EXPIRED,
    "refresh token replayed": SessionEndReason.REPLAYED,
    "invalid refresh token": SessionEndReason.REVOKED,
}


class SessionKeeper:
    """The current session of each signed-in DID, refreshed when it must be.

    Holds a cache of the sessions last loaded or stored, and one refresh lock per DID: an
    asyncio lock inside the process and a lock file under `lock_dir` across processes, so a
    refresh token is never spent twice. Sessions are stored before anyone sees their tokens.
    """

    def __init__(
        self,
        endpoints: Endpoints,
        sessions: SessionStore,
        identity: IdentityResolver,
        discovery: Discovery,
        *,
        lock_dir: Path | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.endpoints = endpoints
        self.sessions = sessions
        self._identity = identity
        self._discovery = discovery
        self._lock_dir = lock_dir
        self._clock = clock
        self._locks: dict[str, asyncio.Lock] = {}
        # The sessions last loaded or stored, and the refresh in flight per DID: a rotation
        # runs in a task of its own that no caller can cancel, because once the old refresh
        # token is sent the new tokens must be stored (a lost response is a replay).
        self._cache: SingleFlightCache[str, Session] = SingleFlightCache(ttl=None)
        # Rotated sessions the store could not take (a locked keychain): used from memory and
        # stored at the next chance, never thrown away (their old refresh token is spent).
        self._unsaved: dict[str, Session] = {}
        # DIDs whose refresh request went out without an answer, when there is no lock dir to
        # keep the marker in (see `_inflight_path`).
        self._inflight: set[str] = set()

    @property
    def nonces(self) -> NonceCache:
        return self.endpoints.nonces

    async def get_session(self, did: str, *, refresh: bool = True) -> Session:
        """The current session, refreshed first when its access token is about to expire.
        Read from the store once, however many requests ask at the same time (a read is a few
        keychain round trips)."""
        session = await self._cache.get(did, lambda: self._stored(did))
        if refresh and session.tokens.needs_refresh(self._clock()):
            session = await self.refresh(did, stale=session)
        return session

    async def _stored(self, did: str) -> Session:
        session = await self.sessions.get(did)
        if session is None:
            raise NoSessionError(did)
        return session

    async def load(self, did: str) -> Session | None:
        """The session as stored now (another process may have changed it), kept for the
        requests that follow."""
        session = await self.sessions.get(did)
        if session is not None:
            self._cache.put(did, session)
        return session

    def cached(self, did: str) -> Session | None:
        return self._cache.peek(did)

    def forget_cached(self, did: str) -> None:
        self._cache.discard(did)

    async def refresh(
        self, did: str, *, stale: Session | None = None, force: bool = False
    ) -> Session:
        """Refresh once for everyone: concurrent callers with the same stale session share it."""
        async with self._locks.setdefault(did, asyncio.Lock()):
            current = self._cache.peek(did) or await self.sessions.get(did)
            if current is None:
                raise NoSessionError(did)
            if not force and self._already_rotated(current, stale):
                return current
        return await asyncio.shield(
            self._cache.start(did, lambda: self._refresh_task(did, stale, force)))

    async def _refresh_task(self, did: str, stale: Session | None, force: bool) -> Session:
        async with self.locked(did):
            return await self._refresh_locked(did, stale, force)

    @property
    def refreshing(self) -> int:
        """How many refreshes are in flight."""
        return self._cache.in_flight

    async def drain(self, timeout: float) -> bool:
        """Wait (at most `timeout` seconds) for refreshes in flight to finish and be stored,
        so quitting never spends a refresh token without keeping its successor. True when
        none is left."""
        if self.refreshing:
            log.info("waiting for %d refresh(es) in flight before closing", self.refreshing)
        return await self._cache.settle(timeout)

    @contextlib.asynccontextmanager
    async def locked(self, did: str) -> AsyncIterator[None]:
        """Hold `did`'s refresh locks (this process's, then the profile's lock file)."""
        async with self._locks.setdefault(did, asyncio.Lock()):
            if self._lock_dir is None:
                yield
                return
            async with _file_lock(self._lock_dir, did):
                yield

    def _already_rotated(self, current: Session, stale: Session | None) -> bool:
        if stale is not None and current.tokens.access_token != stale.tokens.access_token:
            return not current.tokens.needs_refresh(self._clock())
        return False

    def unsaved(self, did: str) -> bool:
        """Whether `did`'s current session lives only in memory (the store refused it)."""
        return did in self._unsaved

    async def save_unsaved(self) -> None:
        """Try once more to store sessions the store refused (at each pass, and at quit)."""
        for did, session in list(self._unsaved.items()):
            await self._store_unsaved(did, session)

    async def _store_unsaved(self, did: str, session: Session) -> None:
        try:
            await self.sessions.put(session)
        except AtprotoError as exc:
            log.warning("session of %s still not saved: %s", did, exc.detail)
        else:
            if self._unsaved.get(did) is session:
                del self._unsaved[did]

    async def _current(self, did: str) -> Session | None:
        unsaved = self._unsaved.get(did)
        if unsaved is not None:
            await self._store_unsaved(did, unsaved)
            return unsaved  # newer than anything stored: its predecessor's token is spent
        return await self.sessions.get(did)

    async def _refresh_locked(self, did: str, stale: Session | None, force: bool) -> Session:
        # Another process may have rotated the tokens while we waited for the lock.
        current = await self._current(did)
        if current is None:
            self._cache.discard(did)
            raise NoSessionError(did)
        self._cache.put(did, current)
        if not force and self._already_rotated(current, stale):
            return current
        if not force and stale is None and not current.tokens.needs_refresh(self._clock()):
            return current
        if current.tokens.refresh_token is None:
            await self.end(did)
            raise SessionEndedError(SessionEndReason.UNKNOWN, "no refresh token")
        metadata, pds_url = await self._verify_issuer(current)
        return await self._rotate(current, metadata, pds_url)

    async def _rotate(self, current: Session, metadata: AuthServerMetadata,
                      pds_url: str) -> Session:
        did = current.did
        form = {
            "grant_type": "refresh_token",
            "refresh_token": current.tokens.refresh_token or "",
            "client_id": self.endpoints.client_id,
        }
        issued_at = self._clock()
        interrupted_before = self._interrupted(did)
        self._mark_inflight(did, True)
        try:
            response, body = await self.endpoints.post(
                metadata.token_endpoint, form, current.dpop_key, issuing=metadata)
        except MissingNonceError as exc:
            self._mark_inflight(did, False)
            # Rotated, then refused by us: the old refresh token is spent and the new tokens
            # were revoked. Retrying would be a replay.
            await self.end(did)
            raise SessionEndedError(SessionEndReason.UNTRUSTED, exc.detail) from exc
        except (NetworkError, DPoPError) as exc:
            # No answer: the server may have rotated already. The marker stays, so that a
            # replay reported next time is explained as the interruption it was.
            raise TransientRefreshError(exc.detail) from exc
        self._mark_inflight(did, False)
        if response.status_code >= 500 or response.status_code == 429:
            raise TransientRefreshError(
                f"HTTP {response.status_code}", retry_after=retry_after(response.headers)
            )
        try:
            data = json_object(body, response, TokenResponseError)
        except TokenResponseError as exc:
            raise TransientRefreshError(exc.detail) from exc
        if response.status_code != 200:
            raise await self._refused(did, data, response.status_code, interrupted_before)
        try:
            tokens, sub = parse_token_response(data, "atproto", issued_at)
            if sub != did:
                raise TokenResponseError(f"refresh returned tokens for {sub}, not {did}")
            check_scope_kept(current.scope, tokens.scope)
        except TokenResponseError as exc:
            # The server has already rotated: our old refresh token is spent, and retrying it
            # would be a replay. Kill what we were sent and end the session honestly.
            await self.endpoints.revoke_quietly(metadata, current.dpop_key, data)
            await self.end(did)
            raise SessionEndedError(SessionEndReason.UNKNOWN, exc.detail) from exc
        session = current.with_tokens(tokens, now=issued_at)
        if pds_url != current.pds_url:
            # The account moved to another PDS behind the same issuer: follow it.
            log.info("%s moved from %s to %s", did, current.pds_url, pds_url)
            session = dataclasses.replace(session, pds_url=pds_url)
        await self._keep(session)
        return session

    async def _refused(self, did: str, data: dict[str, Any], status: int,
                       interrupted_before: bool) -> AtprotoError:
        """What a refresh refused by the server means: the session's end (`invalid_grant`,
        explained as the interruption it was when our last request went unanswered), or a
        failure worth retrying."""
        error, description = oauth_error(data)
        if error != "invalid_grant":
            return TransientRefreshError(f"{error or status}: {description}")
        reason = _REFRESH_REASONS.get(description.strip().lower(), SessionEndReason.UNKNOWN)
        if interrupted_before and reason in {SessionEndReason.REPLAYED, SessionEndReason.REVOKED,
                                             SessionEndReason.UNKNOWN}:
            reason = SessionEndReason.INTERRUPTED
        await self.end(did)
        log.info("session of %s ended by the server: %s", did, reason.value)
        return SessionEndedError(reason, description)

    async def _keep(self, session: Session) -> None:
        """Store a rotated session. If the store refuses (a locked keychain), keep it in memory
        and store it later: revoking it would end the session, whose old token is spent."""
        self._cache.put(session.did, session)
        try:
            await self.sessions.put(session)
        except AtprotoError as exc:
            log.warning("could not store the renewed session of %s (%s); kept in memory "
                        "until it can be", session.did, exc.detail)
            self._unsaved[session.did] = session
        else:
            self._unsaved.pop(session.did, None)

    def _inflight_path(self, did: str) -> Path | None:
        return None if self._lock_dir is None else _did_file(self._lock_dir, did, ".inflight")

    def _mark_inflight(self, did: str, sent: bool) -> None:
        """Record (across processes, in the lock dir) that a refresh request is out unanswered."""
        path = self._inflight_path(did)
        if path is None:
            (self._inflight.add if sent else self._inflight.discard)(did)
            return
        with contextlib.suppress(OSError):
            if sent:
                path.write_text(str(self._clock()))
            else:
                path.unlink(missing_ok=True)

    def _interrupted(self, did: str) -> bool:
        path = self._inflight_path(did)
        return path.exists() if path is not None else did in self._inflight

    async def _verify_issuer(self, session: Session) -> tuple[AuthServerMetadata, str]:
        """Before refreshing: does the DID still point at a PDS served by this issuer? Returns
        the issuer's metadata and the PDS the DID names now."""
        try:
            document = await self._identity.resolve_did(session.did, fresh=True)
            issuer = await self._discovery.issuer_for_pds(document.pds_url, fresh=True)
            metadata = await self._discovery.metadata(session.issuer)
        except NetworkError as exc:
            raise TransientRefreshError(exc.detail) from exc
        if issuer != session.issuer:
            # The tokens are still live at the old issuer: revoke them there before forgetting.
            await self.endpoints.revoke_quietly(metadata, session.dpop_key, token_pair(session))
            await self.end(session.did)
            raise SessionEndedError(
                SessionEndReason.IDENTITY_CHANGED, f"{session.did} now uses {issuer}"
            )
        return metadata, document.pds_url

    async def store_or_revoke(self, session: Session, metadata: AuthServerMetadata) -> None:
        """Persist before anyone sees the tokens; if we cannot keep them, kill them."""
        try:
            await self.sessions.put(session)
        except Exception as exc:
            self._cache.discard(session.did)
            await self.endpoints.revoke_quietly(metadata, session.dpop_key, token_pair(session))
            if isinstance(exc, AtprotoError):
                raise
            raise StorageError(type(exc).__name__) from exc
        self._cache.put(session.did, session)

    async def end(self, did: str) -> None:
        """Forget `did`'s session here and in the store."""
        self._cache.discard(did)
        self._unsaved.pop(did, None)
        self._mark_inflight(did, False)
        await self.sessions.delete(did)


def token_pair(session: Session) -> dict[str, str | None]:
    return {"refresh_token": session.tokens.refresh_token,
            "access_token": session.tokens.access_token}


def _did_file(lock_dir: Path, did: str, suffix: str) -> Path:
    """One DID's file in the lock directory (named by hash: DIDs have colons), which is
    created private to the user."""
    lock_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    return lock_dir / f"refresh-{hashlib.sha256(did.encode()).hexdigest()[:32]}{suffix}"


def _file_lock(lock_dir: Path, did: str) -> filelock.AsyncFileLock:
    """Cross-process refresh lock for one DID."""
    return filelock.AsyncFileLock(str(_did_file(lock_dir, did, ".lock")), timeout=LOCK_TIMEOUT)
