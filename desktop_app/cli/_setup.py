"""Commands about setup: resolve an identity, client metadata, scheme registration, doctor."""

from __future__ import annotations

import json
from typing import Any

from ..app import Diagnosis, app_client, client_config, diagnose, make_core
from ..atproto import syntax
from ..errors import AppError
from ..settings import Settings
from ._run import EXIT_USAGE, fail, guarded, load_settings


def resolve(identifier: str, *, as_json: bool) -> int:
    import asyncio

    settings = load_settings()
    if settings is None:
        return EXIT_USAGE
    try:
        syntax.parse_identifier(identifier)  # fail fast, before opening any connection
    except AppError as exc:
        return fail(f"{exc.message} ({exc.detail})" if exc.detail else exc.message, EXIT_USAGE)
    result: Diagnosis | int = asyncio.run(_diagnosis(settings, identifier))
    if isinstance(result, int):
        return result
    if as_json:
        print(json.dumps(result.as_dict(), indent=2))
    else:
        for label, value in (("handle", result.handle), ("did", result.did),
                             ("pds", result.pds), ("issuer", result.issuer)):
            print(f"{label:7} {value or '-'}")
        for check in result.checks:
            print(f"  [{'ok' if check.ok else 'FAIL'}] {check.name}: {check.detail}")
    if not result.ok:
        failed = next((c for c in result.checks if not c.ok), None)
        reason = result.error.message if result.error else (failed.name if failed else "failed")
        if failed is None or failed.detail in reason:
            return fail(reason)
        return fail(f"{reason} ({failed.name}: {failed.detail})")
    return 0


async def _diagnosis(settings: Settings, identifier: str) -> Diagnosis | int:
    core = make_core(settings)
    result: Diagnosis | None = None

    async def walk() -> int:
        nonlocal result
        result = await diagnose(identifier, core.identity, core.discovery)
        return 0

    try:
        code = await guarded(walk())
    finally:
        await core.aclose()
    return result if result is not None else code


def client_metadata(client_id: str | None, client_name: str) -> int:
    if not client_id:
        settings = load_settings()
        if settings is None:
            return EXIT_USAGE
        client_id = settings.client_id
    if not client_id:
        return fail("no client_id configured; pass --client-id https://…/client-metadata.json",
                    EXIT_USAGE)
    try:
        config = app_client(client_id, client_name=client_name)
    except AppError as exc:
        return fail(exc.detail or exc.message, EXIT_USAGE)
    print(json.dumps(config.metadata(), indent=2))
    return 0


def register_scheme(settings: Settings, *, unregister: bool = False) -> int:
    from ..platform import launcher_command, registrar_for_platform

    config = client_config(settings)
    if config.scheme is None:
        return fail("the development client signs in through a loopback redirect and has no "
                    "URI scheme; configure a discoverable client_id first")
    registrar = registrar_for_platform()
    try:
        if unregister:
            result = registrar.unregister(config.scheme)
            print(f"Unregistered {config.scheme}: ({result.where})")
        else:
            result = registrar.register(config.scheme, launcher_command())
            print(f"Registered {config.scheme}: in {result.where}")
    except AppError as exc:
        return fail(exc.detail or exc.message)
    return 0


def doctor(settings: Settings, *, as_json: bool = False) -> int:
    from ..platform import keychain_status, registrar_for_platform

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
        return fail(problems[0])
    return 0
