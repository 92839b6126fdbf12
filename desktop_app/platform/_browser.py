"""Opening the user's own browser for sign-in."""

from __future__ import annotations

import asyncio
import webbrowser

from ..sentences import QT_TR_NOOP
from ._errors import PlatformError


class BrowserError(PlatformError):
    default_message = QT_TR_NOOP(
        "The app could not open your web browser. Use “Copy link” and open it yourself."
    )


async def open_system_browser(url: str) -> None:
    """Python's `webbrowser` honours `BROWSER`; run it off the loop, it may wait for the child."""
    opened = await asyncio.to_thread(webbrowser.open, url)
    if not opened:
        raise BrowserError("webbrowser.open returned False")
