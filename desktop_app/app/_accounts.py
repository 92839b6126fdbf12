"""Every signed-in account: restore, refresh, renew, sign out, published as immutable snapshots."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..atproto import syntax
from ..atproto.oauth import (
    AuthorizationStart,
    NoSessionError,
    OAuthClient,
    Scopes,
    Session,
    SessionEndedError,
    SessionEndReason,
    TransientRefreshError,
)
from ..bsky import Agent, Permissions, XrpcClient, scope_with
from ..errors import AppError
from ..platform import JsonFile
from ..sentences import QT_TR_NOOP, Sentence
from ._lifetime import (
    REASON_TEXT,
    LifetimePolicy,
    SessionStatus,
    State,
    ended_status,
    policy_for,
    session_status,
)
from ._offline import forget_copy
from ._refresh import backoff, refresh_due
from ._renewal import RenewalPath, renew
from ._signin import SignIn, SignInOptions
from ._tasks import TaskOwner

log = logging.getLogger(__name__)

REFRESH_INTERVAL = 30.0
ACCOUNTS_FILE = "accounts.json"

Listener = Callable[[tuple["AccountSnapshot", ...]], None]


class AccountNotFoundError(AppError):
    default_message = QT_TR_NOOP(
        "That account is not signed in here. Run `desktop-app accounts` to list them.")


@dataclass(frozen=True)
class AccountSnapshot:
    """One account as it stands at `now`: what the status panel and `accounts` show."""

    did: str
    handle: str | None
    issuer: str
    pds: str
    scope: str
    active: bool
    state: State
    reason: SessionEndReason | None
    signed_in_at: float | None
    access_expires_at: float | None
    session_ends_at: float | None
    seconds_left: float
    status: SessionStatus
    renewal: RenewalPath | None = None
    renewal_error: Sentence | None = None  # why the last renewal failed
    permissions: Permissions = field(default_factory=lambda: Permissions.of(""))
    unsaved: bool = False  # renewed, but the keychain refused it: kept only in memory

    @property
    def name(self) -> str:
        """The handle when the account has a verified one, else the DID."""
        return self.handle or self.did

    def as_json(self) -> dict[str, Any]:
        return {
            "did": self.did,
            "handle": self.handle,
            "issuer": self.issuer,
            "pds": self.pds,
            "active": self.active,
            "state": self.state,
            "reason": self.reason.name.lower() if self.reason is not None else None,
            "reason_text": REASON_TEXT[self.reason] if self.reason is not None else None,
            "scope": self.scope,
            "permissions": self.permissions.as_json(),
            "unsaved": self.unsaved,
            "signed_in_at": iso(self.signed_in_at),
            "access_expires_at": iso(self.access_expires_at),
            "session_ends_at": iso(self.session_ends_at),
            "seconds_left": round(self.seconds_left, 3),
            "status": self.status.text,
            "status_detail": self.status.state_text,
        }


def agent_for(client: OAuthClient, did: str, *,
              clock: Callable[[], float] = time.time) -> Agent:
    """An `app.bsky` agent acting as `did` through its current session's PDS."""

    async def pds() -> str:
        return (await client.get_session(did, refresh=False)).pds_url

    return Agent(XrpcClient(client.http, client.policy, client.auth(did), pds, clock=clock), did,
                 clock=clock)


def iso(stamp: float | None) -> str | None:
    """ISO 8601 in UTC with a `Z`, to the second."""
    if stamp is None:
        return None
    return dt.datetime.fromtimestamp(stamp, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class _Account:
    session: Session | None  # the last one known; kept after it ended, for who and where
    handle: str | None
    ended: SessionEndReason | None = None
    offline_until: float | None = None
    failures: int = 0
    renewal: RenewalPath | None = None
    renewal_error: Sentence | None = None  # why the last renewal failed


class Accounts:
    """The application's accounts, for the window and the command line alike. Qt-free.

    Holds each account's last known session and health (ended and why, offline until when,
    failed refreshes, the last renewal), which account is active (kept in the profile so the
    command line follows the window), and the listeners that get a new tuple of snapshots
    after every change. Only this class changes that state.
    """

    def __init__(
        self,
        client: OAuthClient,
        signin: SignIn,
        *,
        settings_extra: Mapping[str, Any] | None = None,
        data_dir: Path | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.client = client
        self.signin = signin
        self._extra = dict(settings_extra or {})
        self.data_dir = data_dir
        self._file = JsonFile(data_dir / ACCOUNTS_FILE) if data_dir is not None else None
        self.clock = clock
        self._accounts: dict[str, _Account] = {}
        self._active: str | None = None
        self._listeners: list[Listener] = []
        self._tasks = TaskOwner("accounts")

    # --- reading -------------------------------------------------------------------------------

    async def load(self) -> None:
        """Restore every stored session (and the active account) and drop expired sign-ins."""
        await self.client.states.purge_expired(self.clock())
        await self._sync_with_store()
        saved = self._file.read().get("active") if self._file is not None else None
        self._active = saved if saved in self._accounts else next(iter(self._accounts), None)
        self._publish()

    def snapshots(self) -> tuple[AccountSnapshot, ...]:
        now = self.clock()
        return tuple(self._snapshot(did, account, now) for did, account in self._accounts.items())

    def snapshot(self, did: str) -> AccountSnapshot | None:
        account = self._accounts.get(did)
        return None if account is None else self._snapshot(did, account, self.clock())

    def find(self, name: str | None) -> AccountSnapshot:
        """The account named by handle or DID (`@` allowed), or the active one for None."""
        if name is None:
            if self._active is None:
                raise AccountNotFoundError("no account", message=QT_TR_NOOP(
                    "No account is signed in. Sign in with `desktop-app login HANDLE`."))
            name = self._active
        key = name.strip().removeprefix("@").lower()
        for did, account in self._accounts.items():
            if key in {did.lower(), (account.handle or "").lower()}:
                found = self.snapshot(did)
                if found is not None:
                    return found
        raise AccountNotFoundError(f"{name[:80]!r} is not signed in")

    @property
    def active_did(self) -> str | None:
        return self._active

    def set_active(self, did: str) -> None:
        if did not in self._accounts or did == self._active:
            return
        self._active = did
        self._save_active()
        self._publish()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` with the snapshots after every change; returns the unsubscribe."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def agent(self, did: str) -> Agent:
        """The `app.bsky` agent that acts as `did`."""
        return agent_for(self.client, did)

    def policy(self, session: Session) -> LifetimePolicy:
        try:
            return policy_for(session.issuer, self._extra)
        except AppError:
            return LifetimePolicy.current()

    # --- background refresh --------------------------------------------------------------------

    def start(self, interval: float = REFRESH_INTERVAL) -> None:
        """Run a refresh pass now and every `interval` seconds until `aclose`."""
        self._tasks.spawn(self._run(interval))

    async def _run(self, interval: float) -> None:
        while True:
            try:
                await self.refresh_pass()
            except AppError as exc:  # a locked keychain, say: the next pass tries again
                log.warning("refresh pass failed: %s", exc.detail)
            except Exception:
                # A bug, not the network: said loudly, and the next pass still runs.
                log.exception("refresh pass failed unexpectedly")
            await asyncio.sleep(interval)

    async def aclose(self) -> None:
        """Stop the background refresh; a refresh whose request is out is waited for (until
        that request's own deadline) and stored, never abandoned; one not sent yet is
        cancelled."""
        await self._tasks.aclose()
        await self.client.keeper.drain()
        await self.client.keeper.save_unsaved()

    async def refresh_pass(self) -> None:
        """Refresh every account that is due, each on its own (one slow server delays no other
        account), then publish. Reads the wall clock, so after a system sleep everything that
        fell due is refreshed at once."""
        await self.client.keeper.save_unsaved()
        await self._sync_with_store()
        now = self.clock()
        due = [did for did, account in self._accounts.items() if self._due(account, now)]
        await asyncio.gather(*(self._refresh_one(did, now) for did in due))
        self._publish()

    def _due(self, account: _Account, now: float) -> bool:
        session = account.session
        if session is None or account.ended is not None:
            return False
        if account.offline_until is not None and now < account.offline_until:
            return False
        return refresh_due(session, self.policy(session), now)

    async def _refresh_one(self, did: str, now: float) -> None:
        account = self._accounts[did]
        try:
            session = await self.client.refresh(did, stale=account.session)
        except TransientRefreshError as exc:
            self._offline(did, now, exc.retry_after)
        except SessionEndedError as exc:
            self._update(did, ended=exc.reason)
        except NoSessionError:
            self._update(did, ended=SessionEndReason.UNKNOWN)
        except AppError as exc:  # an unexpected answer, a keychain: keep the session, try later
            log.warning("refresh of %s failed: %s", did, exc.detail)
            self._offline(did, now, None)
        except Exception:
            # A bug, not the network: said loudly, and only this account waits for a retry.
            log.exception("refresh of %s failed unexpectedly", did)
            self._offline(did, now, None)
        else:
            self._update(did, session=session, offline_until=None, failures=0)

    def _offline(self, did: str, now: float, retry_after: float | None) -> None:
        account = self._accounts.get(did)
        if account is None:  # signed out while its refresh was out
            return
        failures = account.failures + 1
        self._update(did, failures=failures, offline_until=now + backoff(failures, retry_after))

    async def _sync_with_store(self) -> None:
        """Follow other processes of this profile: sessions they added appear, and sessions
        they signed out (not ended here) disappear."""
        stored = await self.client.sessions.list_dids()
        for did in [d for d, a in self._accounts.items() if d not in stored and a.ended is None]:
            del self._accounts[did]
            self.client.forget_cached(did)
        for did in stored:
            if did in self._accounts and self._accounts[did].ended is None:
                continue
            session = await self.client.load_session(did)
            if session is not None:
                self._accounts[did] = _Account(session, session.handle)
        if self._active not in self._accounts:
            self._active = next(iter(self._accounts), None)

    # --- sign-in, renewal, sign-out ------------------------------------------------------------

    async def sign_in(
        self,
        target: str,
        options: SignInOptions | None = None,
        *,
        on_started: Callable[[AuthorizationStart], None] | None = None,
    ) -> Session:
        """Sign in through the browser; the new account becomes the active one."""
        session = await self.signin.run(target, options, on_started=on_started)
        self._accounts[session.did] = _Account(session, session.handle)
        self._active = session.did
        self._save_active()
        self._publish()
        return session

    async def renew(
        self,
        did: str,
        *,
        before_prompt: Callable[[], None] | None = None,
        on_started: Callable[[AuthorizationStart], None] | None = None,
    ) -> RenewalPath:
        """Renew `did`'s session (silently when the provider allows it); errors are raised
        after the failure is recorded on the account."""
        account = self._accounts.get(did)
        if account is None or account.session is None:
            raise AccountNotFoundError(did)
        hint = self._hint(account)

        # A session granted permission scopes is renewed with the same ones (what the person
        # chose to allow); one on the transition scope asks for the app's permissions anew.
        keep = account.session.scope if Scopes(account.session.scope).granular else None

        async def run(target: str, prompt: str | None, login_hint: str) -> Session:
            return await self.signin.run(
                target, SignInOptions(prompt=prompt, login_hint=login_hint, scope=keep),
                on_started=on_started)

        try:
            session, path = await renew(self.client, account.session, hint, run,
                                        before_prompt=before_prompt)
        except AppError as exc:
            log.info("renewal of %s failed: %s", did, exc.detail)
            self._update(did, renewal=None, renewal_error=exc.sentence)
            raise
        self._update(did, session=session, handle=session.handle or account.handle, ended=None,
                     offline_until=None, failures=0, renewal=path, renewal_error=None)
        return path

    async def allow(
        self,
        did: str,
        features: Sequence[str] = (),
        *,
        on_started: Callable[[AuthorizationStart], None] | None = None,
    ) -> Permissions:
        """Ask `did`'s provider for `features` (default: every one not granted) on top of what
        the session has, in one browser round trip. The new session is stored before the
        tokens it replaced are revoked; a refusal leaves the old session as it was."""
        account = self._accounts.get(did)
        if account is None or account.session is None or account.ended is not None:
            raise AccountNotFoundError(did)
        old = account.session
        current = Permissions.of(old.scope)
        wanted = [f for f in (features or current.missing) if not current.allows(f)]
        if not wanted:
            return current
        options = SignInOptions(login_hint=self._hint(account), scope=scope_with(old.scope, wanted))
        session = await self.signin.run(did, options, on_started=on_started)
        # The tokens replaced when the new session was stored: `old` may have been rotated by
        # a refresh during the browser round trip, and revoking a spent token kills nothing.
        await self.client.revoke_replaced(did)
        log.info("%s now allows %s", did, ", ".join(Permissions.of(session.scope).allowed))
        self._update(did, session=session, handle=session.handle or account.handle,
                     offline_until=None, failures=0)
        return Permissions.of(session.scope)

    def _hint(self, account: _Account) -> str:
        handle = account.handle
        return handle if handle and syntax.is_valid_handle(handle) else (
            account.session.did if account.session else "")

    async def sign_out(self, did: str) -> bool:
        """Revoke and forget `did`; returns whether the server confirmed the revocation."""
        revoked = await self.client.sign_out(did)
        self._accounts.pop(did, None)
        if self.data_dir is not None:
            try:
                forget_copy(self.data_dir, did)
            except OSError as exc:
                log.warning("offline copy not deleted: %s", type(exc).__name__)
        if self._active == did:
            self._active = next(iter(self._accounts), None)
            self._save_active()
        self._publish()
        return revoked

    # --- internals -----------------------------------------------------------------------------

    def _update(self, did: str, **changes: Any) -> None:
        account = self._accounts.get(did)
        if account is not None:
            self._accounts[did] = replace(account, **changes)
            self._publish()

    def _save_active(self) -> None:
        if self._file is None:
            return
        try:
            self._file.write({"active": self._active})
        except (OSError, AppError) as exc:
            log.warning("could not remember the active account: %s", exc)

    def _publish(self) -> None:
        snapshots = self.snapshots()
        for listener in list(self._listeners):
            listener(snapshots)

    def _snapshot(self, did: str, account: _Account, now: float) -> AccountSnapshot:
        session = account.session
        if account.ended is not None or session is None:
            status = ended_status(account.ended or SessionEndReason.UNKNOWN)
        else:
            status = session_status(session, self.policy(session), now,
                                    offline_until=account.offline_until)
        return AccountSnapshot(
            did=did,
            handle=account.handle,
            issuer=session.issuer if session else "",
            pds=session.pds_url if session else "",
            scope=session.scope if session else "",
            active=did == self._active,
            state=status.state,
            reason=account.ended,
            signed_in_at=session.session_started_at if session else None,
            access_expires_at=status.access_expires_at,
            session_ends_at=status.ends_at,
            seconds_left=status.remaining,
            status=status,
            renewal=account.renewal,
            renewal_error=account.renewal_error,
            permissions=Permissions.of(session.scope if session else ""),
            unsaved=self.client.keeper.unsaved(did),
        )
