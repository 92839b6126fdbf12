"""Errors of the operating system's parts: keychain, URI scheme registration, browser."""

from __future__ import annotations

from ..errors import AppError


class PlatformError(AppError):
    default_message = "Your system could not do what the app asked of it."
