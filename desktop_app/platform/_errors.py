"""Errors of the operating system's parts: keychain, URI scheme registration, browser."""

from __future__ import annotations

from ..errors import AppError
from ..sentences import QT_TR_NOOP


class PlatformError(AppError):
    default_message = QT_TR_NOOP("Your system could not do what the app asked of it.")
