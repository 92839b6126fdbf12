"""The OAuth public client: PAR + PKCE + DPoP sign-in, callback and token exchange, sign-out."""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx

from .. import AtprotoError, IdentityResolver, NetworkPolicy, syntax
from ._auth import DPoPAuth
from ._callback import (
    is_state,
    oauth_error,
    parse_callback,
    parse_token_response,
    pkce_pair,
    same_redirect,
)
from ._config import ClientConfig
from ._discovery import AuthServerMetadata, Discovery
from ._dpop import DPoPKey, NonceCache
from ._endpoints import Endpoints, json_object
from ._errors import (
    AuthorizationError,
    CallbackError,
    InvalidCallbackError,
    IssuerMismatchError,
    ParRejectedError,
    TokenRequestRejectedError,
    TokenResponseError,
    UnknownStateError,
)
from ._refresh import SessionKeeper, token_pair
from ._scopes import TRANSITION_GENERIC
from ._session import PendingAuthorization, Session
from ._stores import SessionStore, StateStore

log = logging.getLogger(__name__)

PENDING_TTL = 30 * 60.0
PAR_DEFAULT_LIFETIME = 60  # RFC 9126's example, for a server that leaves expires_in out
MAX_PAR_LIFETIME = 24 * 3600
PROMPTS = frozenset({"none", "login", "consent", "select_account", "create"})


@dataclass(frozen=True)
class AuthorizationStart:
    """What the UI needs to send the user to the browser."""

    url: str
    state: str
    issuer: str
    redirect_uri: str
    expires_at: float  # the pending sign-in (PKCE verifier, DPoP key) is kept until then
    did: str | None
    handle: str | None
    # The pushed request (`request_uri`) may be opened until then (PAR `expires_in`); after
    # that the page must be asked for again with a new request.
    request_expires_at: float = float("inf")


@dataclass(frozen=True)
class _Target:
    """Who a sign-in is for and where: resolved before the authorization request."""

    metadata: AuthServerMetadata
    did: str | None
    handle: str | None
    pds_url: str | None
    hint: str | None


def _request_lifetime(expires_in: object) -> float:
    """Seconds the pushed request stays usable (RFC 9126: required, a positive integer)."""
    if expires_in is None:
        log.info("PAR response without expires_in; assuming %d s", PAR_DEFAULT_LIFETIME)
        return PAR_DEFAULT_LIFETIME
    if isinstance(expires_in, bool) or not isinstance(expires_in, int | float) \
            or not 0 < expires_in <= MAX_PAR_LIFETIME:
        raise AuthorizationError(f"PAR response has an invalid expires_in {expires_in!r:.40}")
    return float(expires_in)


def with_query(url: str, params: dict[str, str]) -> str:
    """`url` with `params` merged into its query (replacing same-named ones)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k not in params]
    return urlunsplit(parts._replace(query=urlencode([*query, *params.items()])))


def _scope_refused(exc: ParRejectedError) -> bool:
    return exc.error == "invalid_scope" or (
        exc.error == "invalid_client_metadata" and "scope" in exc.description.lower())


class OAuthClient:
    """Signs users in and out and hands out their current sessions. Qt-free; one per process.

    Holds the client's configuration, the shared HTTP client, resolvers and DPoP nonces, the
    pending sign-ins (`states`) and, through its `keeper`, the stored sessions.
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
        self.states = states
        self.discovery = discovery or Discovery(http, policy)
        self.endpoints = Endpoints(config.client_id, http, policy, NonceCache())
        self.keeper = SessionKeeper(self.endpoints, sessions, identity, self.discovery,
                                    lock_dir=lock_dir, clock=clock)
        self._clock = clock

    @property
    def sessions(self) -> SessionStore:
        return self.keeper.sessions

    @property
    def nonces(self) -> NonceCache:
        return self.endpoints.nonces

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
        if not self.config.accepts_redirect_uri(redirect_uri):
            raise AuthorizationError(f"redirect_uri {redirect_uri!r} is not registered")
        if prompt is not None and prompt not in PROMPTS:
            raise AuthorizationError(f"unsupported prompt {prompt!r}")
        target = await self._target(user_input, login_hint)
        chosen = scope or self.config.scope_for(target.metadata.scopes_supported)
        try:
            return await self._push(target, chosen, redirect_uri, prompt)
        except ParRejectedError as exc:
            fallback = self.config.fallback_scope
            if scope is not None or fallback is None or chosen == fallback \
                    or not _scope_refused(exc) \
                    or TRANSITION_GENERIC not in target.metadata.scopes_supported:
                raise
            # A server that predates permission scopes but lists the same scopes as one that
            # takes them: asked once more, for the transition scope it offers.
            log.info("%s refused permission scopes (%s); asking for %s",
                     target.metadata.issuer, exc.error, fallback)
            return await self._push(target, fallback, redirect_uri, prompt)

    async def _push(self, target: _Target, scope: str, redirect_uri: str,
                    prompt: str | None) -> AuthorizationStart:
        """One pushed authorization request; the pending sign-in is stored when it succeeds."""
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
        if target.hint:
            params["login_hint"] = target.hint
        if prompt:
            params["prompt"] = prompt
        data = await self.endpoints.par(target.metadata, params, key, prompt)
        request_uri = data.get("request_uri")
        if not isinstance(request_uri, str) or not 0 < len(request_uri) <= 2048:
            raise AuthorizationError("PAR response has no valid request_uri")
        lifetime = _request_lifetime(data.get("expires_in"))
        now = self._clock()
        pending = PendingAuthorization(
            state=state, issuer=target.metadata.issuer, redirect_uri=redirect_uri, scope=scope,
            code_verifier=verifier, dpop_key=key, created_at=now, expires_at=now + PENDING_TTL,
            expected_did=target.did, expected_handle=target.handle, pds_url=target.pds_url,
            login_hint=target.hint, prompt=prompt,
        )
        await self.states.put(pending)
        return AuthorizationStart(
            url=with_query(target.metadata.authorization_endpoint,
                           {"client_id": self.config.client_id, "request_uri": request_uri}),
            state=state,
            issuer=target.metadata.issuer,
            redirect_uri=redirect_uri,
            expires_at=pending.expires_at,
            did=target.did,
            handle=target.handle,
            request_expires_at=now + min(lifetime, PENDING_TTL),
        )

    async def _target(self, user_input: str, login_hint: str | None) -> _Target:
        """Who signs in and at which authorization server."""
        identifier = syntax.parse_identifier(user_input)
        if identifier.kind == "url":
            metadata = await self.discovery.for_service_url(identifier.value)
            return _Target(metadata, None, None, None, login_hint)
        resolved = await self.identity.resolve(identifier.value)
        issuer = await self.discovery.issuer_for_pds(resolved.pds_url)
        metadata = await self.discovery.metadata(issuer)
        return _Target(metadata, resolved.did, resolved.handle, resolved.pds_url,
                       login_hint or identifier.value)

    async def complete_sign_in(self, callback_url: str) -> Session:
        """Finish a sign-in from the redirect URL the browser delivered."""
        params = parse_callback(callback_url)
        state = params.get("state")
        if not state or not is_state(state):
            raise InvalidCallbackError("callback has no state of the shape this client makes")
        pending = await self.states.pop(state)
        if pending is None:
            raise UnknownStateError("unknown or already used state")
        code = self._check_callback(callback_url, params, pending)
        metadata = await self.discovery.metadata(pending.issuer)
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": pending.redirect_uri,
            "code_verifier": pending.code_verifier,
            "client_id": self.config.client_id,
        }
        issued_at = self._clock()
        response, body = await self.endpoints.post(metadata.token_endpoint, form,
                                                   pending.dpop_key, issuing=metadata)
        data = json_object(body, response, TokenResponseError)
        if response.status_code != 200:
            error, description = oauth_error(data)
            raise TokenRequestRejectedError(error or f"HTTP {response.status_code}", description)
        try:
            tokens, sub = parse_token_response(data, pending.scope, issued_at)
            handle, pds_url = await self._verify_sub(sub, pending)
        except AtprotoError:
            await self.endpoints.revoke_quietly(metadata, pending.dpop_key, data)
            raise
        lifetime = None if tokens.expires_at is None else tokens.expires_at - issued_at
        session = Session(
            did=sub, handle=handle, pds_url=pds_url, issuer=pending.issuer,
            client_id=self.config.client_id, tokens=tokens, dpop_key=pending.dpop_key,
            session_started_at=issued_at, last_refresh_at=issued_at,
            nominal_access_lifetime=lifetime,
        )
        # Under the refresh locks: a refresh of an older session for this DID that is in flight
        # (renewal while the app runs) must not write its result over this new session.
        async with self.keeper.locked(session.did):
            await self.keeper.store_or_revoke(session, metadata)
        log.info("signed in %s at %s", session.did, session.issuer)
        return session

    def _check_callback(self, callback_url: str, params: dict[str, str],
                        pending: PendingAuthorization) -> str:
        """The redirect belongs to `pending` and carries a code; returns the code."""
        if pending.expires_at <= self._clock():
            raise UnknownStateError("sign-in request expired")
        if not same_redirect(callback_url, pending.redirect_uri):
            raise InvalidCallbackError("callback arrived at a different redirect URI")
        iss = params.get("iss")
        if iss != pending.issuer:
            raise IssuerMismatchError(f"iss {iss!r} != {pending.issuer!r}")
        if "error" in params:
            raise CallbackError(params["error"], params.get("error_description", ""),
                                pending.state)
        code = params.get("code")
        if not code:
            raise InvalidCallbackError("callback has neither code nor error")
        return code

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

    # --- sessions ------------------------------------------------------------------------------

    def auth(self, did: str) -> DPoPAuth:
        """An `httpx.Auth` for XRPC calls to `did`'s PDS."""
        return DPoPAuth(self.keeper, did)

    async def get_session(self, did: str, *, refresh: bool = True) -> Session:
        return await self.keeper.get_session(did, refresh=refresh)

    async def load_session(self, did: str) -> Session | None:
        """The session as stored now, kept for the requests that follow."""
        return await self.keeper.load(did)

    async def refresh(
        self, did: str, *, stale: Session | None = None, force: bool = False
    ) -> Session:
        return await self.keeper.refresh(did, stale=stale, force=force)

    def forget_cached(self, did: str) -> None:
        """Drop this process's copy of `did`'s session: the next use reads the store."""
        self.keeper.forget_cached(did)

    # --- sign-out ------------------------------------------------------------------------------

    async def sign_out(self, did: str) -> bool:
        """Revoke the tokens and delete the session; the local part always happens.

        Returns whether the server confirmed the revocation.
        """
        session = self.keeper.cached(did) or await self.sessions.get(did)
        revoked = False
        try:
            if session is not None:
                metadata = await self.discovery.metadata(session.issuer)
                revoked = await self.endpoints.revoke(metadata, session.dpop_key,
                                                      token_pair(session))
        except AtprotoError as exc:
            log.warning("revocation for %s failed: %s", did, exc.detail)
        finally:
            await self.keeper.end(did)
        return revoked

    async def revoke_replaced(self, did: str) -> bool:
        """Revoke the session the last sign-in for `did` replaced, as it was at that moment
        (renewal and "allow": a refresh during the browser round trip may have rotated the
        one they started from). False when there was none or the server did not confirm."""
        replaced = self.keeper.take_replaced(did)
        return False if replaced is None else await self.revoke_tokens(replaced)

    async def revoke_tokens(self, session: Session) -> bool:
        """Revoke one session object's tokens without touching what is stored (renewal: the
        replaced session's tokens). Failures are logged, not raised."""
        try:
            metadata = await self.discovery.metadata(session.issuer)
            return await self.endpoints.revoke(metadata, session.dpop_key, token_pair(session))
        except AtprotoError as exc:
            log.warning("revocation of replaced tokens failed: %s", exc.detail)
            return False
