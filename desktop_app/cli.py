"""Command line: `desktop-app [--version] [resolve|client-metadata] …`."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import __version__
from .atproto.errors import AtprotoError
from .settings import Settings, SettingsError

if TYPE_CHECKING:
    from .atproto.diagnose import Diagnosis


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="desktop-app", description=__doc__)
    parser.add_argument("--version", action="version", version=f"desktop-app {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr")
    sub = parser.add_subparsers(dest="command")

    resolve = sub.add_parser("resolve", help="show and check the identity chain of an account")
    resolve.add_argument("identifier", help="handle, DID, or PDS/entryway URL")
    resolve.add_argument("--json", action="store_true", help="print one JSON object")

    login = sub.add_parser("login", help="sign in through your browser (stores in the keychain)")
    login.add_argument("identifier", help="handle, DID, or PDS/entryway URL")
    login.add_argument("--prompt", choices=["none", "login", "consent"], default=None)
    login.add_argument("--timeout", type=float, default=900.0, help="seconds to wait")

    sub.add_parser("register-scheme", help="register the app for its sign-in URI scheme")
    sub.add_parser("unregister-scheme", help="undo register-scheme")
    doctor = sub.add_parser("doctor", help="check keychain, scheme registration and paths")
    doctor.add_argument("--json", action="store_true")

    meta = sub.add_parser("client-metadata", help="print the client metadata document to host")
    meta.add_argument("--client-id", help="https URL where the document is hosted "
                      "(default: the configured one, or the one this package was built with)")
    meta.add_argument("--client-name", default="Desktop App")
    return parser


def _is_url_argument(arg: str) -> bool:
    """The OS launches us with the redirect URL as the only argument."""
    head = arg.split(":", 1)[0]
    return ":" in arg and not arg.startswith("-") and head.replace(".", "").replace("+", "")\
        .replace("-", "").isalnum() and head not in {"did"}


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if len(args_list) == 1 and _is_url_argument(args_list[0]):
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
        settings = _settings_or_none()
        if settings is None:
            return 2
        from .commands import open_url

        return open_url(settings, args_list[0])
    parser = build_parser()
    args = parser.parse_args(args_list)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if args.command == "resolve":
        return _resolve(args.identifier, as_json=args.json)
    if args.command == "client-metadata":
        return _client_metadata(args.client_id, args.client_name)
    if args.command in {"login", "register-scheme", "unregister-scheme", "doctor"}:
        from . import commands

        settings = _settings_or_none()
        if settings is None:
            return 2
        if args.command == "login":
            return commands.login(settings, args.identifier, prompt=args.prompt,
                                  timeout=args.timeout)
        if args.command == "doctor":
            return commands.doctor(settings, as_json=args.json)
        return commands.register_scheme(settings,
                                        unregister=args.command == "unregister-scheme")
    from .ui.app import run

    return run()


def _settings_or_none() -> Settings | None:
    try:
        return Settings.load()
    except SettingsError as exc:
        print(f"desktop-app: {exc}", file=sys.stderr)
        return None


def _client_metadata(client_id: str | None, client_name: str) -> int:
    from .atproto.client_config import ClientConfig

    if not client_id:
        try:
            client_id = Settings.load().client_id
        except SettingsError as exc:
            print(f"desktop-app: {exc}", file=sys.stderr)
            return 2
    if not client_id:
        print("desktop-app: no client_id configured; pass --client-id https://…/"
              "client-metadata.json", file=sys.stderr)
        return 2
    try:
        config = ClientConfig.discoverable(client_id, client_name=client_name)
    except AtprotoError as exc:
        print(f"desktop-app: {exc.detail or exc.message}", file=sys.stderr)
        return 2
    print(json.dumps(config.metadata(), indent=2))
    return 0


def _resolve(identifier: str, *, as_json: bool) -> int:
    try:
        settings = Settings.load()
    except SettingsError as exc:
        print(f"desktop-app: {exc}", file=sys.stderr)
        return 2
    try:
        result = asyncio.run(_run_diagnosis(settings, identifier))
    except AtprotoError as exc:  # syntax errors, caught before any network access
        print(f"desktop-app: {exc.message} ({exc.detail})" if exc.detail else exc.message,
              file=sys.stderr)
        return 2
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
        detail = f": {failed.detail}" if failed else ""
        print(f"desktop-app: {reason}{detail}", file=sys.stderr)
        return 1
    return 0


async def _run_diagnosis(settings: Settings, identifier: str) -> Diagnosis:
    from .atproto import syntax
    from .atproto.diagnose import diagnose
    from .services import make_core

    syntax.parse_identifier(identifier)  # fail fast, before opening any connection
    core = make_core(settings)
    try:
        return await diagnose(identifier, core.identity, core.discovery)
    finally:
        await core.aclose()
