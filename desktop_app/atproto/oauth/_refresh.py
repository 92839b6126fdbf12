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
import httpx

from .. import (
    AtprotoError,
    IdentityResolver,
    NetworkError,
    ResponseTooLargeError,
    SingleFlightCache,
)
from ._callback import check_scope_kept, oauth_error, parse_token_response, retry_after
from ._discovery import AuthServerMetadata, Discovery
from ._dpop import NonceCache
from ._endpoints import Endpoints, json_object
from ._errors import (
    DPoPError,
    NoSessionError,
    SessionEndedError,
    SessionEndReason,
    StorageError,
    TokenResponseError,
    TransientRefreshError,
    UntrustedAnswerError,
)
from ._session import Session
from ._stores import SessionStore

log = logging.getLogger(__name__)

LOCK_TIMEOUT = 60.0
# Answers that may come from a proxy in front of the authorization server, which may have
# rotated the tokens behind it: the refresh's answer may be lost.
GATEWAY_ERRORS = frozenset({502, 503, 504})

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
        # stored at the next chance, never thrown away (their old refresh token is spent),
        # unless a newer session for the DID is stored first.
        self._unsaved: dict[str, Session] = {}
        # The hash of the refresh token a request went out with and got no answer, per DID,
        # when there is no lock dir to keep the marker in (see `_inflight_path`).
        self._inflight: dict[str, str] = {}
        # Refreshes whose token request is out (nothing may cancel them now), with the loop
        # time by which their answer is due; a closing keeper sends no more.
        self._answer_due: dict[str, float] = {}
        self._closing = False
        # The session each sign-in replaced, as it was at that moment (see `take_replaced`).
        self._replaced: dict[str, Session] = {}

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
        try:
            async with self.locked(did):
                return await self._refresh_locked(did, stale, force)
        except filelock.Timeout as exc:
            raise TransientRefreshError("another process holds the refresh lock") from exc
        finally:
            self._answer_due.pop(did, None)

    @property
    def refreshing(self) -> int:
        """How many refreshes are in flight."""
        return self._cache.in_flight

    async def drain(self, timeout: float | None = None) -> bool:
        """At quit: no refresh is sent any more, one whose token request has not gone out is
        cancelled (nothing is spent yet), and one whose request is out is waited for until
        that request's own deadline, and one policy timeout more to store what it got — so
        quitting never spends a refresh token without keeping its successor. `timeout`
        replaces that wait. True when none is left."""
        self._closing = True
        self._cache.cancel_loads(keep=lambda did: did in self._answer_due)
        loop = asyncio.get_running_loop()
        if timeout is None:
            due = max(self._answer_due.values(), default=loop.time())
            timeout = max(0.0, due - loop.time()) + self.endpoints.policy.timeout
        if self._answer_due:
            log.info("waiting for %d refresh(es) in flight before closing (at most %.0f s)",
                     len(self._answer_due), timeout)
        return await self._cache.settle(timeout)

    @contextlib.asynccontextmanager
    async def locked(self, did: str, *, timeout: float = LOCK_TIMEOUT) -> AsyncIterator[None]:
        """Hold `did`'s refresh locks (this process's, then the profile's lock file, waited
        for at most `timeout` seconds: `filelock.Timeout`)."""
        async with self._locks.setdefault(did, asyncio.Lock()):
            if self._lock_dir is None:
                yield
                return
            async with _file_lock(self._lock_dir, did, timeout):
                yield

    def _already_rotated(self, current: Session, stale: Session | None) -> bool:
        if stale is not None and current.tokens.access_token != stale.tokens.access_token:
            return not current.tokens.needs_refresh(self._clock())
        return False

    def unsaved(self, did: str) -> bool:
        """Whether `did`'s current session lives only in memory (the store refused it)."""
        return did in self._unsaved

    async def save_unsaved(self) -> None:
        """Try once more to store sessions the store refused (at each pass, and at quit), each
        under its DID's refresh lock: a sign-in storing a newer session meanwhile drops it."""
        for did in list(self._unsaved):
            lock = self._locks.get(did)
            if lock is not None and lock.locked():
                continue  # a refresh holds it: that one stores what it ends with
            try:
                async with self.locked(did, timeout=self.endpoints.policy.timeout):
                    session = self._unsaved.get(did)
                    if session is not None:
                        await self._store_unsaved(did, session)
            except filelock.Timeout:
                log.warning("session of %s still not saved: another process holds its "
                            "refresh lock", did)

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
        interrupted_before = self._interrupted(did, form["refresh_token"])
        response, body = await self._send_refresh(current, form, metadata)
        if response.status_code >= 500 or response.status_code == 429:
            raise TransientRefreshError(
                f"HTTP {response.status_code}", retry_after=retry_after(response.headers)
            )
        if response.status_code != 200:  # an error answer (a 2xx is a 200 once sent)
            try:
                data = json_object(body, response, TokenResponseError)
            except TokenResponseError as exc:
                raise TransientRefreshError(exc.detail) from exc
            raise await self._refused(did, data, response.status_code, interrupted_before)
        session = await self._accept(current, json_object(body, response, UntrustedAnswerError),
                                     metadata, issued_at)
        if pds_url != current.pds_url:
            # The account moved to another PDS behind the same issuer: follow it.
            log.info("%s moved from %s to %s", did, current.pds_url, pds_url)
            session = dataclasses.replace(session, pds_url=pds_url)
        await self._keep(session)
        return session

    async def _send_refresh(self, current: Session, form: dict[str, str],
                            metadata: AuthServerMetadata) -> tuple[httpx.Response, bytes]:
        """Spend the refresh token. Until an answer arrives the in-flight marker says so, and
        nothing may cancel the refresh (see `drain`)."""
        did = current.did
        if self._closing:
            raise TransientRefreshError("the app is closing")
        self._answer_due[did] = asyncio.get_running_loop().time() + self.endpoints.answer_within
        self._mark_inflight(did, form["refresh_token"])
        try:
            response, body = await self.endpoints.post(
                metadata.token_endpoint, form, current.dpop_key, issuing=metadata)
        except UntrustedAnswerError as exc:
            # Rotated, then refused by us: the old refresh token is spent and what could be
            # read was revoked. Retrying would be a replay.
            await self.end(did)
            raise SessionEndedError(SessionEndReason.UNTRUSTED, exc.detail) from exc
        except NetworkError as exc:
            # No answer: unless nothing left, the server may have rotated already. The marker
            # then stays, so that a replay reported next time is explained as the interruption
            # it was.
            answered = exc.status if isinstance(exc, ResponseTooLargeError) else None
            self._settle_marker(did, reached=exc.reached_server, status=answered)
            raise TransientRefreshError(exc.detail) from exc
        except DPoPError as exc:
            self._mark_inflight(did, None)  # an error answer (no nonce, or its nonce refused)
            raise TransientRefreshError(exc.detail) from exc
        self._settle_marker(did, reached=True, status=response.status_code)
        return response, body

    async def _accept(self, current: Session, data: dict[str, Any],
                      metadata: AuthServerMetadata, issued_at: float) -> Session:
        """The rotated session from a 200 answer, or the session's end: the server has rotated,
        so the old refresh token is spent and retrying would be a replay. What it sent is
        revoked and the session ends for safety."""
        did = current.did
        try:
            tokens, sub = parse_token_response(data, "atproto", issued_at)
            if sub != did:
                raise TokenResponseError(f"refresh returned tokens for {sub}, not {did}")
            check_scope_kept(current.scope, tokens.scope)
        except TokenResponseError as exc:
            log.warning("refused the renewed session of %s: %s", did, exc.detail)
            await self.endpoints.revoke_quietly(metadata, current.dpop_key, data)
            await self.end(did)
            raise SessionEndedError(SessionEndReason.UNTRUSTED, exc.detail) from exc
        return current.with_tokens(tokens, now=issued_at)

    async def _refused(self, did: str, data: dict[str, Any], status: int,
                       interrupted_before: bool) -> AtprotoError:
        """What a refresh refused by the server means: the session's end (`invalid_grant`,
        explained as the interruption it was when our last request with this token went
        unanswered), or a failure worth retrying."""
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
            self._now_stored(session)

    def _now_stored(self, session: Session) -> None:
        """`session` is now what the store holds for its DID: an older one kept in memory
        must never be written over it, and no request with an older token is pending."""
        self._cache.put(session.did, session)
        self._unsaved.pop(session.did, None)
        self._mark_inflight(session.did, None)

    def _inflight_path(self, did: str) -> Path | None:
        return None if self._lock_dir is None else _did_file(self._lock_dir, did, ".inflight")

    def _mark_inflight(self, did: str, refresh_token: str | None) -> None:
        """Record (across processes, in the lock dir) that a refresh request spending
        `refresh_token` is out unanswered, by the token's hash; None: no longer."""
        path = self._inflight_path(did)
        if path is None:
            if refresh_token is None:
                self._inflight.pop(did, None)
            else:
                self._inflight[did] = _token_hash(refresh_token)
            return
        with contextlib.suppress(OSError):
            if refresh_token is None:
                path.unlink(missing_ok=True)
            else:
                path.write_text(_token_hash(refresh_token))

    def _settle_marker(self, did: str, *, reached: bool, status: int | None) -> None:
        """After a refresh request: the marker stays only while its answer may be lost (it
        may have reached the server and no answer came, or a gateway's answer did)."""
        if not reached or (status is not None and status not in GATEWAY_ERRORS):
            self._mark_inflight(did, None)

    def _interrupted(self, did: str, refresh_token: str) -> bool:
        """Whether a request spending this very token went out and its answer was lost."""
        path = self._inflight_path(did)
        if path is None:
            return self._inflight.get(did) == _token_hash(refresh_token)
        try:
            return path.read_text().strip() == _token_hash(refresh_token)
        except OSError:
            return False

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
        """Persist before anyone sees the tokens; if we cannot keep them, kill them. Called
        under `did`'s refresh locks; the session replaced is kept for `take_replaced`."""
        previous = await self._held(session.did)
        try:
            await self.sessions.put(session)
        except Exception as exc:
            self._cache.discard(session.did)
            await self.endpoints.revoke_quietly(metadata, session.dpop_key, token_pair(session))
            if isinstance(exc, AtprotoError):
                raise
            raise StorageError(type(exc).__name__) from exc
        self._now_stored(session)
        if previous is not None:
            self._replaced[session.did] = previous
        else:
            self._replaced.pop(session.did, None)

    async def _held(self, did: str) -> Session | None:
        """The session `did` has now: one only in memory is newer than the store's, and the
        store's (another process may have renewed it) newer than this process's copy."""
        unsaved = self._unsaved.get(did)
        if unsaved is not None:
            return unsaved
        try:
            stored = await self.sessions.get(did)
        except Exception as exc:  # the tokens in hand must still be stored or revoked
            log.warning("could not read the session %s had: %s", did, type(exc).__name__)
            stored = None
        return stored or self._cache.peek(did)

    def take_replaced(self, did: str) -> Session | None:
        """The session the last stored sign-in for `did` replaced, as it was at that moment
        (renewal and "allow" revoke it), once."""
        return self._replaced.pop(did, None)

    async def end(self, did: str) -> None:
        """Forget `did`'s session here and in the store."""
        self._cache.discard(did)
        self._unsaved.pop(did, None)
        self._mark_inflight(did, None)
        await self.sessions.delete(did)


def token_pair(session: Session) -> dict[str, str | None]:
    return {"refresh_token": session.tokens.refresh_token,
            "access_token": session.tokens.access_token}


def _token_hash(refresh_token: str) -> str:
    """What the in-flight marker holds: the refresh token's SHA-256, never the token."""
    return hashlib.sha256(refresh_token.encode()).hexdigest()


def _did_file(lock_dir: Path, did: str, suffix: str) -> Path:
    """One DID's file in the lock directory (named by hash: DIDs have colons), which is
    created private to the user."""
    lock_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    return lock_dir / f"refresh-{hashlib.sha256(did.encode()).hexdigest()[:32]}{suffix}"


def _file_lock(lock_dir: Path, did: str, timeout: float) -> filelock.AsyncFileLock:
    """Cross-process refresh lock for one DID."""
    return filelock.AsyncFileLock(str(_did_file(lock_dir, did, ".lock")), timeout=timeout)
