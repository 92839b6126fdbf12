"""CLI commands that touch the OS: scheme registration, doctor, login, and opening a redirect."""

from __future__ import annotations

import asyncio
import json
import logging
import sys
import time
from typing import Any

from .atproto.errors import AtprotoError
from .settings import Settings

log = logging.getLogger(__name__)


def _fail(message: str, code: int = 1) -> int:
    print(f"desktop-app: {message}", file=sys.stderr)
    return code


def register_scheme(settings: Settings, *, unregister: bool = False) -> int:
    from .platform.scheme import launcher_command, registrar_for_platform
    from .services import client_config

    config = client_config(settings)
    if config.scheme is None:
        return _fail("the development client signs in through a loopback redirect and has no "
                     "URI scheme; configure a discoverable client_id first")
    registrar = registrar_for_platform()
    try:
        if unregister:
            result = registrar.unregister(config.scheme)
            print(f"Unregistered {config.scheme}: ({result.where})")
        else:
            result = registrar.register(config.scheme, launcher_command())
            print(f"Registered {config.scheme}: in {result.where}")
    except AtprotoError as exc:
        return _fail(exc.detail or exc.message)
    return 0


def doctor(settings: Settings, *, as_json: bool = False) -> int:
    from .platform.keychain import keychain_status
    from .platform.scheme import registrar_for_platform
    from .services import client_config

    keychain = keychain_status()
    config = client_config(settings)
    registered = registrar_for_platform().status(config.scheme) if config.scheme else None
    report: dict[str, Any] = {
        "keychain": {"backend": keychain.backend_name, "secure": keychain.secure,
                     "round_trip": keychain.round_trip_ok, "problem": keychain.problem},
        "client": {"client_id": config.client_id, "kind": config.kind, "scheme": config.scheme,
                   "redirect_uris": list(config.registered_redirect_uris)},
        "scheme_registered": registered,
        "paths": {k: str(getattr(settings.paths, k)) for k in ("config", "data", "cache", "logs")},
    }
    problems = []
    if not (keychain.secure and keychain.round_trip_ok):
        problems.append("no usable system keychain — install and unlock GNOME Keyring "
                        "(gnome-keyring) or KWallet, then run desktop-app doctor again")
    if config.scheme is not None and not registered:
        problems.append(f"the {config.scheme}: scheme is not registered — run "
                        "desktop-app register-scheme")
    report["ok"] = not problems
    if as_json:
        print(json.dumps(report, indent=2))
    else:
        kc = report["keychain"]
        print(f"keychain   {kc['backend']} (secure: {kc['secure']}, round trip: "
              f"{kc['round_trip']})")
        print(f"client     {config.kind}: {config.client_id}")
        print(f"scheme     {config.scheme or '-'} (registered: {registered})")
        for name, path in report["paths"].items():
            print(f"{name:10} {path}")
    if problems:
        return _fail(problems[0])
    return 0


def _qt_core_app() -> Any:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.instance() or QCoreApplication(sys.argv[:1])


def open_url(settings: Settings, url: str) -> int:
    """What the OS runs for our scheme: hand the URL to the running app, or finish here."""
    from .platform.single_instance import describe_url, send_to_primary, server_name
    from .services import client_config

    _qt_core_app()
    delivered = send_to_primary(server_name(settings.paths.data), url)
    if delivered is True:
        return 0
    if delivered is False:
        return _fail("the running app did not accept that link")
    config = client_config(settings)
    if not config.is_callback_url(url):
        log.warning("ignored a URL that is not our sign-in callback: %s", describe_url(url))
        return _fail("that is not a sign-in link for this app", 2)
    return _run_async(_complete_here(settings, url))


async def _complete_here(settings: Settings, url: str) -> int:
    """No app is running: this process finishes the sign-in from the persisted pending state."""
    client, core = _keychain_client(settings)
    try:
        session = await client.complete_sign_in(url)
    finally:
        await core.aclose()
    print(f"Signed in as @{session.handle or session.did} ({session.did})")
    return 0


def login(settings: Settings, identifier: str, *, prompt: str | None, timeout: float) -> int:
    app = _qt_core_app()
    del app
    return _run_async(_login(settings, identifier, prompt=prompt, timeout=timeout))


async def _login(settings: Settings, identifier: str, *, prompt: str | None,
                 timeout: float) -> int:
    from .platform.scheme import ensure_registered, registrar_for_platform
    from .platform.signin_flow import CallbackInbox, SignInOptions, sign_in
    from .platform.single_instance import SingleInstance

    client, core = _keychain_client(settings)
    instance: SingleInstance | None = None
    try:
        await client.states.purge_expired(time.time())
        inbox: CallbackInbox | None = None
        scheme = client.config.scheme
        try:
            registered = ensure_registered(scheme)
        except AtprotoError as exc:  # fall back to the loopback redirect
            log.warning("could not register the %s: scheme: %s", scheme, exc.detail)
        else:
            if registered is not None:
                print(f"Registered the {scheme}: scheme for sign-in links in {registered.where}")
        if scheme is not None and registrar_for_platform().status(scheme):
            instance = SingleInstance(settings.paths.data, accept=client.config.is_callback_url)
            if not instance.listen():
                return _fail("the app is already running; sign in from its window")
            inbox = CallbackInbox()
            instance.url_received.connect(inbox.deliver)
        session = await sign_in(client, identifier, inbox=inbox,
                                options=SignInOptions(prompt=prompt, timeout=timeout))
    finally:
        if instance is not None:
            instance.close()
        await core.aclose()
    print(f"Signed in as @{session.handle or session.did} ({session.did}) at {session.issuer}")
    return 0


def _keychain_client(settings: Settings) -> tuple[Any, Any]:
    from .platform.keychain import KeyringSessionStore, KeyringStateStore, secure_backend
    from .services import make_core, make_oauth_client

    secure_backend()  # refuse before any network traffic when there is no keychain
    core = make_core(settings)
    client = make_oauth_client(
        settings, core,
        sessions=KeyringSessionStore(settings.paths.data),
        states=KeyringStateStore(settings.paths.data),
    )
    return client, core


def _run_async(coro: Any) -> int:
    from .qtloop import AppEventLoop

    loop = AppEventLoop(_qt_core_app())
    try:
        result: int = loop.run_until_complete(_guard(coro))
        return result
    finally:
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()


async def _guard(coro: Any) -> int:
    try:
        result: int = await coro
        return result
    except AtprotoError as exc:
        log.info("command failed: %s", exc.detail)
        return _fail(exc.message)
    except asyncio.CancelledError:
        return _fail("cancelled")
