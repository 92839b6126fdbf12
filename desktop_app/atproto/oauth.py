"""The OAuth client: PAR + PKCE + DPoP sign-in, callback, token exchange, refresh, sign-out."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import logging
import secrets
import time
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import filelock
import httpx

from . import syntax
from .auth import DPoPAuth
from .client_config import ClientConfig
from .discovery import AuthServerMetadata, Discovery
from .dpop import DPoPKey, NonceCache, is_use_dpop_nonce_error
from .errors import (
    AtprotoError,
    AuthorizationError,
    CallbackError,
    DPoPError,
    InvalidCallbackError,
    IssuerMismatchError,
    NetworkError,
    NoSessionError,
    ParRejectedError,
    SessionEndedError,
    SessionEndReason,
    SilentSignOnRefusedError,
    StorageError,
    TokenRequestRejectedError,
    TokenResponseError,
    TransientRefreshError,
    UnknownStateError,
)
from .http import NetworkPolicy, fetch, parse_json, safe_url
from .identity import IdentityResolver
from .session import PendingAuthorization, Session, TokenSet
from .stores import SessionStore, StateStore

log = logging.getLogger(__name__)

PENDING_TTL = 30 * 60.0
TOKEN_MAX_BYTES = 64 * 1024
LOCK_TIMEOUT = 60.0
PROMPTS = frozenset({"none", "login", "consent", "select_account", "create"})

_REFRESH_REASONS = {
    "session expired": SessionEndReason.EXPIRED,
    "refresh token expired": SessionEndReason.REFRESH_EXPIRED,
    "refresh token replayed": SessionEndReason.REPLAYED,
    "invalid refresh token": SessionEndReason.REVOKED,
}


@dataclass(frozen=True)
class AuthorizationStart:
    """What the UI needs to send the user to the browser."""

    url: str
    state: str
    issuer: str
    redirect_uri: str
    expires_at: float
    did: str | None
    handle: str | None


def pkce_pair() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)  # 64 characters, within RFC 7636's 43..128
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
    return verifier, challenge


class OAuthClient:
    """Signs users in and keeps their sessions fresh. Qt-free; share one per process.

    Refreshes are single-flight per DID inside the process (an asyncio lock) and across
    processes (a lock file per DID under `lock_dir`).
    """

    def __init__(
        self,
        config: ClientConfig,
        *,
        http: httpx.AsyncClient,
        policy: NetworkPolicy,
        identity: IdentityResolver,
        sessions: SessionStore,
        states: StateStore,
        lock_dir: Path | None = None,
        discovery: Discovery | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.config = config
        self.http = http
        self.policy = policy
        self.identity = identity
        self.sessions = sessions
        self.states = states
        self.discovery = discovery or Discovery(http, policy)
        self.nonces = NonceCache()
        self._lock_dir = lock_dir
        self._clock = clock
        self._refresh_locks: dict[str, asyncio.Lock] = {}
        self._session_cache: dict[str, Session] = {}

    # --- sign-in -------------------------------------------------------------------------------

    async def start_sign_in(
        self,
        user_input: str,
        *,
        redirect_uri: str,
        prompt: str | None = None,
        scope: str | None = None,
        login_hint: str | None = None,
    ) -> AuthorizationStart:
        """Resolve who and where, push the authorization request, return the browser URL."""
        identifier = syntax.parse_identifier(user_input)
        if not self.config.accepts_redirect_uri(redirect_uri):
            raise AuthorizationError(f"redirect_uri {redirect_uri!r} is not registered")
        if prompt is not None and prompt not in PROMPTS:
            raise AuthorizationError(f"unsupported prompt {prompt!r}")
        scope = scope or self.config.scope
        expected_did: str | None = None
        expected_handle: str | None = None
        pds_url: str | None = None
        if identifier.kind == "url":
            metadata = await self.discovery.for_service_url(identifier.value)
            hint = login_hint
        else:
            resolved = await self.identity.resolve(identifier.value)
            expected_did, expected_handle, pds_url = resolved.did, resolved.handle, resolved.pds_url
            issuer = await self.discovery.issuer_for_pds(resolved.pds_url)
            metadata = await self.discovery.metadata(issuer)
            hint = login_hint or identifier.value

        verifier, challenge = pkce_pair()
        state = secrets.token_urlsafe(24)
        key = DPoPKey.generate()
        params = {
            "client_id": self.config.client_id,
            "response_type": "code",
            "code_challenge": challenge,
            "code_challenge_method": "S256",
            "state": state,
            "redirect_uri": redirect_uri,
            "scope": scope,
        }
        if hint:
            params["login_hint"] = hint
        if prompt:
            params["prompt"] = prompt
        data = await self._par(metadata, params, key, prompt)
        request_uri = data.get("request_uri")
        if not isinstance(request_uri, str) or not 0 < len(request_uri) <= 2048:
            raise AuthorizationError("PAR response has no valid request_uri")
        now = self._clock()
        pending = PendingAuthorization(
            state=state,
            issuer=metadata.issuer,
            redirect_uri=redirect_uri,
            scope=scope,
            code_verifier=verifier,
            dpop_key=key,
            created_at=now,
            expires_at=now + PENDING_TTL,
            expected_did=expected_did,
            expected_handle=expected_handle,
            pds_url=pds_url,
            login_hint=hint,
            prompt=prompt,
        )
        await self.states.put(pending)
        query = urlencode({"client_id": self.config.client_id, "request_uri": request_uri})
        return AuthorizationStart(
            url=f"{metadata.authorization_endpoint}?{query}",
            state=state,
            issuer=metadata.issuer,
            redirect_uri=redirect_uri,
            expires_at=pending.expires_at,
            did=expected_did,
            handle=expected_handle,
        )

    async def _par(
        self,
        metadata: AuthServerMetadata,
        params: Mapping[str, str],
        key: DPoPKey,
        prompt: str | None,
    ) -> dict[str, Any]:
        response, body = await self._as_request(
            metadata.pushed_authorization_request_endpoint, params, key
        )
        data = _json_object(body, response, AuthorizationError)
        if response.status_code in (200, 201):
            return data
        error, description = _oauth_error(data)
        if prompt == "none" and response.status_code in (400, 401, 403):
            # The reference server refuses silent sign-on for untrusted public clients at PAR
            # time (invalid_request / consent_required): the caller falls back to a prompt.
            raise SilentSignOnRefusedError(error or f"HTTP {response.status_code}", description)
        raise ParRejectedError(error or f"HTTP {response.status_code}", description)

    async def complete_sign_in(self, callback_url: str) -> Session:
        """Finish a sign-in from the redirect URL the browser delivered."""
        params = parse_callback(callback_url)
        state = params.get("state")
        if not state:
            raise InvalidCallbackError("callback has no state")
        pending = await self.states.pop(state)
        if pending is None:
            raise UnknownStateError("unknown or already used state")
        now = self._clock()
        if pending.expires_at <= now:
            raise UnknownStateError("sign-in request expired")
        if not _same_redirect(callback_url, pending.redirect_uri):
            raise InvalidCallbackError("callback arrived at a different redirect URI")
        iss = params.get("iss")
        if iss != pending.issuer:
            raise IssuerMismatchError(f"iss {iss!r} != {pending.issuer!r}")
        if "error" in params:
            raise CallbackError(params["error"], params.get("error_description", ""), state)
        code = params.get("code")
        if not code:
            raise InvalidCallbackError("callback has neither code nor error")

        metadata = await self.discovery.metadata(pending.issuer)
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": pending.redirect_uri,
            "code_verifier": pending.code_verifier,
            "client_id": self.config.client_id,
        }
        issued_at = self._clock()
        response, body = await self._as_request(metadata.token_endpoint, form, pending.dpop_key)
        data = _json_object(body, response, TokenResponseError)
        if response.status_code != 200:
            error, description = _oauth_error(data)
            raise TokenRequestRejectedError(error or f"HTTP {response.status_code}", description)
        try:
            tokens, sub = parse_token_response(data, pending.scope, issued_at)
            handle, pds_url = await self._verify_sub(sub, pending)
        except AtprotoError:
            await self._revoke_quietly(metadata, pending.dpop_key, data)
            raise
        lifetime = None if tokens.expires_at is None else tokens.expires_at - issued_at
        session = Session(
            did=sub,
            handle=handle,
            pds_url=pds_url,
            issuer=pending.issuer,
            client_id=self.config.client_id,
            tokens=tokens,
            dpop_key=pending.dpop_key,
            session_started_at=issued_at,
            last_refresh_at=issued_at,
            nominal_access_lifetime=lifetime,
        )
        # Under the refresh locks: a refresh of an older session for this DID that is in flight
        # (renewal while the app runs) must not write its result over this new session.
        async with self._did_locked(session.did):
            await self._store_or_revoke(session, metadata)
        log.info("signed in %s at %s", session.did, session.issuer)
        return session

    @contextlib.asynccontextmanager
    async def _did_locked(self, did: str) -> AsyncIterator[None]:
        async with self._refresh_locks.setdefault(did, asyncio.Lock()):
            if self._lock_dir is None:
                yield
                return
            async with _file_lock(self._lock_dir, did):
                yield

    async def _verify_sub(self, sub: str, pending: PendingAuthorization) -> tuple[str | None, str]:
        """The token's subject must be the account we set out to sign in, at this issuer."""
        if pending.expected_did is not None:
            if sub != pending.expected_did:
                raise TokenResponseError(f"token is for {sub}, expected {pending.expected_did}")
            if pending.pds_url is None:
                raise TokenResponseError("pending sign-in lost its PDS")
            return pending.expected_handle, pending.pds_url
        # Started from a server URL: the account's own PDS must name this issuer.
        resolved = await self.identity.resolve(sub)
        issuer = await self.discovery.issuer_for_pds(resolved.pds_url)
        if issuer != pending.issuer:
            raise TokenResponseError(f"{sub} is served by {issuer}, not {pending.issuer}")
        return resolved.handle, resolved.pds_url

    # --- sessions and refresh ------------------------------------------------------------------

    def auth(self, did: str) -> DPoPAuth:
        """An `httpx.Auth` for XRPC calls to `did`'s PDS."""
        return DPoPAuth(self, did)

    async def get_session(self, did: str, *, refresh: bool = True) -> Session:
        """The current session, refreshed first when its access token is about to expire."""
        session = self._session_cache.get(did) or await self.sessions.get(did)
        if session is None:
            raise NoSessionError(did)
        self._session_cache[did] = session
        if refresh and session.tokens.needs_refresh(self._clock()):
            session = await self.refresh(did, stale=session)
        return session

    async def refresh(
        self, did: str, *, stale: Session | None = None, force: bool = False
    ) -> Session:
        """Refresh once for everyone: concurrent callers with the same stale session share it."""
        async with self._refresh_locks.setdefault(did, asyncio.Lock()):
            current = self._session_cache.get(did) or await self.sessions.get(did)
            if current is None:
                raise NoSessionError(did)
            if not force and self._already_rotated(current, stale):
                return current
        async with self._did_locked(did):
            return await self._refresh_locked(did, stale, force)

    def _already_rotated(self, current: Session, stale: Session | None) -> bool:
        if stale is not None and current.tokens.access_token != stale.tokens.access_token:
            return not current.tokens.needs_refresh(self._clock())
        return False

    async def _refresh_locked(self, did: str, stale: Session | None, force: bool) -> Session:
        # Another process may have rotated the tokens while we waited for the lock.
        current = await self.sessions.get(did)
        if current is None:
            self._session_cache.pop(did, None)
            raise NoSessionError(did)
        self._session_cache[did] = current
        if not force and self._already_rotated(current, stale):
            return current
        if not force and stale is None and not current.tokens.needs_refresh(self._clock()):
            return current
        if current.tokens.refresh_token is None:
            await self._end_session(did)
            raise SessionEndedError(SessionEndReason.UNKNOWN, "no refresh token")

        metadata = await self._verify_issuer(current)
        form = {
            "grant_type": "refresh_token",
            "refresh_token": current.tokens.refresh_token,
            "client_id": self.config.client_id,
        }
        issued_at = self._clock()
        try:
            response, body = await self._as_request(metadata.token_endpoint, form, current.dpop_key)
        except NetworkError as exc:
            raise TransientRefreshError(exc.detail) from exc
        except DPoPError as exc:
            raise TransientRefreshError(exc.detail) from exc
        if response.status_code >= 500 or response.status_code == 429:
            raise TransientRefreshError(
                f"HTTP {response.status_code}", retry_after=_retry_after(response.headers)
            )
        try:
            data = _json_object(body, response, TokenResponseError)
        except TokenResponseError as exc:
            raise TransientRefreshError(exc.detail) from exc
        if response.status_code != 200:
            error, description = _oauth_error(data)
            if error == "invalid_grant":
                reason = _REFRESH_REASONS.get(description.strip().lower(), SessionEndReason.UNKNOWN)
                await self._end_session(did)
                log.info("session of %s ended by the server: %s", did, reason.value)
                raise SessionEndedError(reason, description)
            raise TransientRefreshError(f"{error or response.status_code}: {description}")
        try:
            tokens, sub = parse_token_response(data, "atproto", issued_at)
            if sub != did:
                raise TokenResponseError(f"refresh returned tokens for {sub}, not {did}")
            _check_scope_kept(current.scope, tokens.scope)
        except TokenResponseError as exc:
            # The server has already rotated: our old refresh token is spent, and retrying it
            # would be a replay. Kill what we were sent and end the session honestly.
            await self._revoke_quietly(metadata, current.dpop_key, data)
            await self._end_session(did)
            raise SessionEndedError(SessionEndReason.UNKNOWN, exc.detail) from exc
        session = current.with_tokens(tokens, now=issued_at)
        await self._store_or_revoke(session, metadata)
        return session

    async def _verify_issuer(self, session: Session) -> AuthServerMetadata:
        """Before refreshing: does the DID still point at a PDS served by this issuer?"""
        try:
            document = await self.identity.resolve_did(session.did, fresh=True)
            issuer = await self.discovery.issuer_for_pds(document.pds_url, fresh=True)
            metadata = await self.discovery.metadata(session.issuer)
        except NetworkError as exc:
            raise TransientRefreshError(exc.detail) from exc
        if issuer != session.issuer:
            await self._end_session(session.did)
            raise SessionEndedError(
                SessionEndReason.IDENTITY_CHANGED, f"{session.did} now uses {issuer}"
            )
        return metadata

    async def _store_or_revoke(self, session: Session, metadata: AuthServerMetadata) -> None:
        """Persist before anyone sees the tokens; if we cannot keep them, kill them."""
        try:
            await self.sessions.put(session)
        except Exception as exc:
            self._session_cache.pop(session.did, None)
            await self._revoke_quietly(
                metadata,
                session.dpop_key,
                {"refresh_token": session.tokens.refresh_token,
                 "access_token": session.tokens.access_token},
            )
            if isinstance(exc, AtprotoError):
                raise
            raise StorageError(type(exc).__name__) from exc
        self._session_cache[session.did] = session

    async def _end_session(self, did: str) -> None:
        self._session_cache.pop(did, None)
        await self.sessions.delete(did)

    # --- sign-out ------------------------------------------------------------------------------

    async def sign_out(self, did: str) -> bool:
        """Revoke the tokens and delete the session; the local part always happens.

        Returns whether the server confirmed the revocation.
        """
        session = self._session_cache.get(did) or await self.sessions.get(did)
        revoked = False
        try:
            if session is not None:
                metadata = await self.discovery.metadata(session.issuer)
                revoked = await self._revoke(
                    metadata,
                    session.dpop_key,
                    {"refresh_token": session.tokens.refresh_token,
                     "access_token": session.tokens.access_token},
                )
        except AtprotoError as exc:
            log.warning("revocation for %s failed: %s", did, exc.detail)
        finally:
            await self._end_session(did)
        return revoked

    async def revoke_tokens(self, session: Session) -> bool:
        """Revoke one session object's tokens without touching what is stored (renewal: the
        replaced session's tokens). Failures are logged, not raised."""
        try:
            metadata = await self.discovery.metadata(session.issuer)
            return await self._revoke(
                metadata,
                session.dpop_key,
                {"refresh_token": session.tokens.refresh_token,
                 "access_token": session.tokens.access_token},
            )
        except AtprotoError as exc:
            log.warning("revocation of replaced tokens failed: %s", exc.detail)
            return False

    async def _revoke(
        self, metadata: AuthServerMetadata, key: DPoPKey, tokens: Mapping[str, Any]
    ) -> bool:
        if metadata.revocation_endpoint is None:
            return False
        ok = True
        for hint in ("refresh_token", "access_token"):
            token = tokens.get(hint)
            if not isinstance(token, str) or not token:
                continue
            form = {"token": token, "token_type_hint": hint, "client_id": self.config.client_id}
            response, _ = await self._as_request(metadata.revocation_endpoint, form, key)
            ok = ok and response.status_code == 200
        return ok

    async def _revoke_quietly(
        self, metadata: AuthServerMetadata, key: DPoPKey, tokens: Mapping[str, Any]
    ) -> None:
        try:
            await self._revoke(metadata, key, tokens)
        except AtprotoError as exc:
            log.warning("could not revoke rejected tokens: %s", exc.detail)

    # --- authorization-server requests ---------------------------------------------------------

    async def _as_request(
        self, url: str, form: Mapping[str, str], key: DPoPKey
    ) -> tuple[httpx.Response, bytes]:
        """POST a form with a DPoP proof; retry exactly once on `use_dpop_nonce`."""
        for attempt in range(2):
            proof = key.proof("POST", url, nonce=self.nonces.get(url))
            response, body = await fetch(
                self.http,
                self.policy,
                "POST",
                url,
                headers={"DPoP": proof, "Accept": "application/json"},
                data=form,
                max_bytes=TOKEN_MAX_BYTES,
            )
            nonce = self.nonces.update(url, response.headers)
            if nonce is None and response.status_code < 500:
                # RFC 9449 §8: authorization servers we talk to must always send a fresh nonce.
                raise DPoPError(f"{safe_url(url)} sent no DPoP-Nonce header")
            if not is_use_dpop_nonce_error(response, body):
                return response, body
            if attempt == 1:
                raise DPoPError(f"{safe_url(url)} rejected the DPoP nonce twice")
        raise AssertionError("unreachable")  # pragma: no cover


# --- pure helpers --------------------------------------------------------------------------------


def _file_lock(lock_dir: Path, did: str) -> filelock.AsyncFileLock:
    """Cross-process refresh lock for one DID (a file named by hash: DIDs have colons)."""
    lock_dir.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha256(did.encode()).hexdigest()[:32]
    return filelock.AsyncFileLock(str(lock_dir / f"refresh-{name}.lock"), timeout=LOCK_TIMEOUT)


def parse_callback(callback_url: str) -> dict[str, str]:
    """Query parameters of a redirect; repeated parameters are an attack, not a choice."""
    try:
        parts = urlsplit(callback_url)
    except ValueError as exc:
        raise InvalidCallbackError("callback is not a URL") from exc
    if not parts.scheme:
        raise InvalidCallbackError("callback is not a URL")
    if len(callback_url) > 8192:
        raise InvalidCallbackError("callback URL is too long")
    raw = parse_qs(parts.query, keep_blank_values=True)
    params: dict[str, str] = {}
    for name, values in raw.items():
        if len(values) != 1:
            raise InvalidCallbackError(f"callback repeats the {name!r} parameter")
        params[name] = values[0]
    return params


def _same_redirect(callback_url: str, redirect_uri: str) -> bool:
    cb, expected = urlsplit(callback_url), urlsplit(redirect_uri)
    return (
        cb.scheme.lower() == expected.scheme.lower()
        and cb.netloc.lower() == expected.netloc.lower()
        and cb.path == expected.path
    )


def parse_token_response(
    data: Mapping[str, Any], requested_scope: str, issued_at: float
) -> tuple[TokenSet, str]:
    """Validate a token response; return the tokens and the `sub` DID."""
    access = data.get("access_token")
    if not isinstance(access, str) or not access:
        raise TokenResponseError("no access_token")
    token_type = data.get("token_type")
    if not isinstance(token_type, str) or token_type.lower() != "dpop":
        raise TokenResponseError(f"token_type {token_type!r} is not DPoP")
    sub = data.get("sub")
    if not isinstance(sub, str) or not syntax.is_valid_did(sub):
        raise TokenResponseError("token response has no valid sub DID")
    scope = data.get("scope")
    if not isinstance(scope, str):
        raise TokenResponseError("token response has no scope")
    granted = set(scope.split(" "))
    missing = [s for s in requested_scope.split(" ") if s and s not in granted]
    if "atproto" not in granted or missing:
        raise TokenResponseError(f"granted scope lacks {missing or ['atproto']}")
    refresh = data.get("refresh_token")
    if refresh is not None and (not isinstance(refresh, str) or not refresh):
        raise TokenResponseError("refresh_token is not a string")
    expires_in = data.get("expires_in")
    # 0 is legitimate: a token clipped to a session ending within the second.
    if expires_in is not None and (
        isinstance(expires_in, bool) or not isinstance(expires_in, int | float) or expires_in < 0
    ):
        raise TokenResponseError("expires_in is not a non-negative number")
    tokens = TokenSet(
        access_token=access,
        refresh_token=refresh,
        scope=scope,
        issued_at=issued_at,
        expires_at=None if expires_in is None else issued_at + float(expires_in),
    )
    return tokens, sub


def _check_scope_kept(previous: str, granted: str) -> None:
    if "atproto" not in granted.split(" "):
        raise TokenResponseError(f"refresh dropped the atproto scope (had {previous!r})")


def _json_object(
    body: bytes, response: httpx.Response, error: type[AtprotoError]
) -> dict[str, Any]:
    data = parse_json(body, str(response.url), error=error)
    if not isinstance(data, dict):
        raise error(f"HTTP {response.status_code}: response is not a JSON object")
    return data


def _oauth_error(data: Mapping[str, Any]) -> tuple[str, str]:
    error = data.get("error")
    description = data.get("error_description")
    return (
        error[:100] if isinstance(error, str) else "",
        description[:300] if isinstance(description, str) else "",
    )


def _retry_after(headers: httpx.Headers) -> float | None:
    value = headers.get("retry-after")
    if value and value.isdigit():
        return float(value)
    return None
