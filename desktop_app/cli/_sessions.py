"""Commands about accounts: login, the OS redirect hand-off, accounts, allow, logout, renew."""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence

from ..app import UNSAVED_TEXT, AccountSnapshot, Services, SignInOptions
from ..app import describe_duration as duration
from ..atproto.oauth import AuthorizationStart
from ..bsky import Permissions, scope_with
from ..bsky import describe as in_words
from ..errors import AppError
from ..settings import Settings
from ._run import fail, run, run_on_qt, with_services

log = logging.getLogger(__name__)


def login(settings: Settings, identifier: str, *, prompt: str | None, timeout: float,
          only: Sequence[str] | None = None) -> int:
    scope = scope_with("atproto", only) if only else None

    async def body(services: Services) -> int:
        async with _redirects(services):
            session = await services.accounts.sign_in(
                identifier, SignInOptions(prompt=prompt, timeout=timeout, scope=scope),
                on_started=_opened)
        print(f"Signed in as @{session.handle or session.did} ({session.did}) at "
              f"{session.issuer}")
        print(_allowed_lines(Permissions.of(session.scope)))
        return 0

    return run_on_qt(with_services(settings, body))


def renew(settings: Settings, account: str) -> int:
    async def body(services: Services) -> int:
        found = services.accounts.find(account)
        async with _redirects(services):
            path = await services.accounts.renew(found.did, on_started=_opened)
        how = "silently" if path == "silent" else "after you confirmed in your browser"
        renewed = services.accounts.snapshot(found.did) or found
        print(f"Renewed @{renewed.name} {how}. {renewed.status.text}.")
        return 0

    return run_on_qt(with_services(settings, body))


def allow(settings: Settings, features: Sequence[str], *, account: str | None) -> int:
    async def body(services: Services) -> int:
        found = services.accounts.find(account)
        before = found.permissions
        if not [f for f in (features or before.missing) if not before.allows(f)]:
            print(f"@{found.name} already allows " + (
                in_words(features).lower() if features else "everything this app does") + ".")
            return 0
        async with _redirects(services):
            after = await services.accounts.allow(found.did, features, on_started=_opened)
        print(f"@{found.name}:")
        print(_allowed_lines(after))
        refused = [f for f in features if not after.allows(f)]
        if refused:
            return fail(f"your provider did not allow {in_words(refused).lower()}.")
        return 0

    return run_on_qt(with_services(settings, body))


def _allowed_lines(permissions: Permissions) -> str:
    lines = [f"    allowed: {permissions.text()}"]
    if permissions.missing:
        lines.append(f"    not allowed: {in_words(permissions.missing)}"
                     f" (desktop-app allow {' '.join(permissions.missing)})")
    if permissions.mode == "transition":
        lines.append(f"    {permissions.mode_text()}")
    return "\n".join(lines)


def logout(settings: Settings, account: str) -> int:
    async def body(services: Services) -> int:
        found = services.accounts.find(account)
        confirmed = await services.accounts.sign_out(found.did)
        print(f"Signed out @{found.name}" + (
            "." if confirmed else " (the provider did not confirm revoking the tokens)."))
        return 0

    return run(with_services(settings, body))


def accounts(settings: Settings, *, as_json: bool) -> int:
    async def body(services: Services) -> int:
        snapshots = services.accounts.snapshots()
        if as_json:
            print(json.dumps([s.as_json() for s in snapshots], indent=2))
        elif not snapshots:
            print("No accounts are signed in. Sign in with: desktop-app login HANDLE")
        for snap in [] if as_json else snapshots:
            print(describe(snap, services.accounts.clock()))
        return 0

    return run(with_services(settings, body))


def describe(snap: AccountSnapshot, now: float) -> str:
    """The status panel's card for one account, as text."""
    marker = "*" if snap.active else " "
    state = snap.status.state_text or {"healthy": "signed in"}.get(snap.state, snap.state)
    lines = [f"{marker} @{snap.name}  {snap.did}",
             f"    {snap.status.text} — {state}"]
    if snap.access_expires_at is not None and snap.state != "ended":
        left = snap.access_expires_at - now
        lines.append("    access token " + ("expired; renews on next use" if left <= 0 else
                                            f"renews automatically in {duration(left)}"))
    if snap.pds:
        lines.append(f"    provider {snap.issuer}  data server {snap.pds}")
    if snap.unsaved:
        lines.append(f"    not saved: {UNSAVED_TEXT}")
    if snap.scope and snap.state != "ended":
        lines.append(_allowed_lines(snap.permissions))
    return "\n".join(lines)


def _opened(start: AuthorizationStart) -> None:
    print(f"Opened your browser to sign in. If nothing opened, visit:\n  {start.url}",
          flush=True)


@contextlib.asynccontextmanager
async def _redirects(services: Services) -> AsyncIterator[None]:
    """Receive custom-scheme redirects when the scheme is the app's and no window holds the
    primary role; otherwise sign-in falls back to a loopback redirect (`Services` decides)."""
    from ..qt import SingleInstance

    scheme = services.client.config.scheme
    instance: SingleInstance | None = None
    if scheme is not None:
        try:
            registered = services.register_scheme()
            if registered is not None:
                print(f"Registered the {scheme}: scheme for sign-in links in {registered.where}")
        except AppError as exc:
            log.info("scheme registration failed: %s", exc.detail)

    def receive() -> bool:
        nonlocal instance
        instance = SingleInstance(services.settings.paths.data, services.flows.deliver)
        if instance.listen():
            return True
        log.info("another instance receives scheme redirects; using a loopback redirect")
        instance = None
        return False

    services.choose_redirects(receive)
    try:
        yield
    finally:
        if instance is not None:
            instance.close()


def open_url(settings: Settings, url: str) -> int:
    """What the OS runs for our scheme: hand the URL to the running app, or finish here."""
    from ..qt import send_to_primary, server_name
    from ._run import qt_core_app

    qt_core_app()
    delivered = send_to_primary(server_name(settings.paths.data), url)
    if delivered is True:
        return 0
    if delivered is False:
        return fail("the running app did not accept that link (no sign-in is waiting for it)")
    return run_on_qt(with_services(settings, _complete_here(url)))


def _complete_here(url: str) -> Callable[[Services], Awaitable[int]]:
    """No app is running: this process finishes the sign-in from the persisted pending state."""

    async def body(services: Services) -> int:
        from ..atproto.oauth import InvalidCallbackError, describe_redirect

        if not services.client.config.is_callback_url(url):
            log.warning("ignored a URL that is not our sign-in callback: %s",
                        describe_redirect(url))
            raise InvalidCallbackError("not a sign-in callback",
                                       message="That is not a sign-in link for this app.")
        session = await services.client.complete_sign_in(url)
        print(f"Signed in as @{session.handle or session.did} ({session.did})")
        return 0

    return body
