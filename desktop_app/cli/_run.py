"""How commands run: one loop per command, and one place turning errors into a sentence."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable, Coroutine
from typing import TYPE_CHECKING, Any

from ..errors import AppError
from ..settings import Settings

if TYPE_CHECKING:
    from ..app import Services

log = logging.getLogger(__name__)

EXIT_FAILED = 1
EXIT_USAGE = 2


def fail(message: str, code: int = EXIT_FAILED) -> int:
    """One plain sentence on stderr; returns the exit code."""
    print(f"desktop-app: {message}", file=sys.stderr)
    return code


def load_settings() -> Settings | None:
    try:
        return Settings.load()
    except AppError as exc:
        fail(exc.detail or exc.message, EXIT_USAGE)
        return None


async def guarded(coro: Awaitable[int]) -> int:
    """The command's exit code; an `AppError` becomes its message on stderr (detail in the
    log), never a traceback."""
    try:
        return await coro
    except AppError as exc:
        log.info("command failed: %s", exc.detail)
        return fail(exc.message + _hint(exc))
    except asyncio.CancelledError:
        return fail("cancelled")


def _hint(exc: AppError) -> str:
    """What to run next, for the errors a command can fix."""
    from ..bsky import PermissionMissingError

    if isinstance(exc, PermissionMissingError):
        return f" Allow it with: desktop-app allow {exc.feature or ''}".rstrip()
    return ""


def run(coro: Coroutine[Any, Any, int]) -> int:
    """Run a command that needs no Qt on a plain asyncio loop."""
    return asyncio.run(guarded(coro))


def run_on_qt(coro: Coroutine[Any, Any, int]) -> int:
    """Run a command on the app's Qt loop (it listens for sign-in hand-offs)."""
    from ..qt import AppEventLoop

    loop = AppEventLoop(qt_core_app())
    try:
        result: int = loop.run_until_complete(guarded(coro))
        return result
    finally:
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()


def qt_core_app() -> Any:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.instance() or QCoreApplication(sys.argv[:1])


async def with_services(settings: Settings,
                        body: Callable[[Services], Awaitable[int]]) -> int:
    """Build this profile's services (refusing without a keychain), run `body`, close them."""
    from ..app import Services
    from ..platform import secure_backend

    secure_backend()  # before any network traffic
    services = Services.open(settings)
    try:
        await services.accounts.load()
        return await body(services)
    finally:
        await services.aclose()
