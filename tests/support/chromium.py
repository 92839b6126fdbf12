"""Drives Debian's chromium (via playwright, no browser download) through the provider's real page.

Also a `BROWSER` command: `python tests/support/chromium.py <url>` with the driver's env vars
(DRIVER_USERNAME, DRIVER_PASSWORD, DRIVER_ACTION, DRIVER_LOG) plus DRIVER_SCREENSHOTS (a dir).
Chromium itself navigates to the redirect URI, so a loopback listener receives it.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def authorize_in_chromium(
    authorization_url: str,
    *,
    username: str,
    password: str,
    action: Literal["approve", "reject"] = "approve",
    screenshot_dir: Path | None = None,
    timeout: float = 30.0,
    page_text: dict[str, str] | None = None,
) -> str:
    """Sign in and approve (or deny) on the provider's page; return the redirect URL.

    The redirect is the first navigation away from the issuer's origin; it is recorded as the
    browser requests it, so nothing needs to listen there (a loopback listener, if any, gets
    it too). Screenshots of the sign-in and consent pages go to `screenshot_dir` when given;
    the consent page's text to `page_text["consent"]`.
    """
    from playwright.sync_api import Request, sync_playwright

    issuer_origin = _origin(authorization_url)
    ms = timeout * 1000

    def leaves_issuer(request: Request) -> bool:
        return request.is_navigation_request() and _origin(request.url) != issuer_origin

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, timeout=ms
        )
        try:
            context = browser.new_context(locale="en-US", viewport={"width": 1000, "height": 900})
            page = context.new_page()
            page.set_default_timeout(ms)
            page.goto(authorization_url)
            username_input = page.locator("input[name=username]")
            sign_in = page.get_by_role("button", name="Sign in")
            # Without login_hint the page opens on a welcome screen (create account / sign in).
            username_input.or_(sign_in).first.wait_for()
            if not username_input.is_visible():
                _shot(page, screenshot_dir, "welcome.png")
                sign_in.click()
            # With login_hint the field is prefilled and read-only.
            if username_input.is_editable():
                username_input.fill(username)
            page.locator("input[name=password]").fill(password)
            _shot(page, screenshot_dir, "sign-in.png")
            sign_in.click()
            authorize_button = page.get_by_role("button", name="Authorize")
            authorize_button.wait_for()
            _shot(page, screenshot_dir, "consent.png")
            if page_text is not None:  # what the person reads before approving
                page_text["consent"] = page.locator("body").inner_text()
            # The 303 from /oauth/authorize/redirect is a navigation to the client; its request
            # is recorded whether or not anything listens there.
            with page.expect_request(leaves_issuer) as redirect:
                if action == "approve":
                    authorize_button.click()
                else:
                    page.get_by_role("button", name="Deny access").click()
            request = redirect.value
            # Let the navigation reach a listener (if any) before the browser goes away.
            with contextlib.suppress(Exception):
                request.response()
            url: str = request.url
            return url
        finally:
            browser.close()


def _shot(page: Any, directory: Path | None, name: str) -> None:
    if directory is not None:
        directory.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(directory / name), full_page=True)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(f"usage: {argv[0]} <authorization-url>", file=sys.stderr)
        return 2
    action = os.environ.get("DRIVER_ACTION", "approve")
    shots = os.environ.get("DRIVER_SCREENSHOTS")
    record: dict[str, Any] = {"time": time.time(), "url": argv[1], "action": action}
    status = 0
    try:
        record["redirect"] = authorize_in_chromium(
            argv[1],
            username=os.environ.get("DRIVER_USERNAME", ""),
            password=os.environ.get("DRIVER_PASSWORD", ""),
            action="reject" if action == "reject" else "approve",
            screenshot_dir=Path(shots) if shots else None,
        )
    except Exception as exc:
        record["error"] = f"{type(exc).__name__}: {exc}"
        print(f"chromium driver: {record['error']}", file=sys.stderr)
        status = 1
    log = os.environ.get("DRIVER_LOG")
    if log:
        with open(log, "a") as f:
            f.write(json.dumps(record) + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
