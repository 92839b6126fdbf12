"""Headless stand-in for a browser on the provider's authorization page (library and BROWSER cmd).

It speaks the JSON API the provider's own React page calls (@atproto/oauth-provider 0.22.9):

1. GET  /oauth/authorize?client_id=...&request_uri=...   (a top-level navigation) sets the
   device cookies `dev-id`, `ses-id` and `csrf-token`; a 303 here is an immediate answer
   (prompt=none success or failure, or an error redirect) and is returned as is.
2. POST /@atproto/oauth-provider/~api/sign-in  {locale, username, password, remember}
3. POST .../~api/consent {did[, scope]} or .../~api/reject {} -> {"url": ".../redirect?..."}
4. GET  that URL (same-origin navigation) -> 303 to redirect_uri?iss=...&state=...&code=...

The provider marks its cookies Secure even on http://localhost, so the driver keeps its own jar
(optionally a JSON file, so a later run reuses the remembered device session) and sends the
Cookie header itself. The User-Agent is constant because the device session is rotated when it
changes.

As a `BROWSER` command: `python tests/support/browser_driver.py <authorization-url>`, configured by
env vars DRIVER_USERNAME, DRIVER_PASSWORD, DRIVER_ACTION (approve|reject), DRIVER_REMEMBER
(1|0), DRIVER_SCOPE, DRIVER_COOKIES (jar path), DRIVER_LOG (a JSON line per run is appended),
DRIVER_DELIVER (1|0: deliver the redirect like a browser — GET a loopback http redirect_uri,
`xdg-open` any other scheme). Exit 0 on success.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urljoin, urlsplit

import httpx

API_PREFIX = "/@atproto/oauth-provider/~api"
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) desktop-app-e2e-browser-driver/1.0"
LOCALE = "en"

Action = Literal["approve", "reject"]


class AuthorizationUIError(RuntimeError):
    """The provider's page or API answered something a user could not get past."""


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass
class CookieJar:
    """Cookies by origin; Secure/SameSite are ignored on purpose (see the module docstring)."""

    path: Path | None = None
    cookies: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None) -> CookieJar:
        jar = cls(path)
        if path is not None and path.exists() and path.stat().st_size:
            jar.cookies = json.loads(path.read_text())
        return jar

    def save(self) -> None:
        if self.path is None:
            return
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(self.cookies, indent=1, sort_keys=True))
        tmp.replace(self.path)

    def header(self, origin: str) -> str | None:
        jar = self.cookies.get(origin)
        return "; ".join(f"{k}={v}" for k, v in jar.items()) if jar else None

    def get(self, origin: str, name: str) -> str | None:
        return self.cookies.get(origin, {}).get(name)

    def update(self, origin: str, response: httpx.Response) -> None:
        jar = self.cookies.setdefault(origin, {})
        for raw in response.headers.get_list("set-cookie"):
            first, *attrs = (p.strip() for p in raw.split(";"))
            name, _, value = first.partition("=")
            expired = any(
                a.lower().startswith("max-age=")
                and a.split("=", 1)[1].strip().startswith(("0", "-"))
                for a in attrs
            )
            if expired or value == "":
                jar.pop(name, None)
            else:
                jar[name] = value


@contextlib.contextmanager
def _locked(path: Path | None) -> Iterator[None]:
    # Two driver runs sharing a jar would each rotate the device session and invalidate the other.
    if path is None:
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


class _Session:
    def __init__(self, authorization_url: str, jar: CookieJar, timeout: float) -> None:
        self.authorization_url = authorization_url
        self.origin = _origin(authorization_url)
        self.jar = jar
        self.http = httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,
            headers={"user-agent": USER_AGENT},
        )

    def close(self) -> None:
        self.http.close()

    def _send(self, method: str, url: str, headers: dict[str, str], **kw: Any) -> httpx.Response:
        cookie = self.jar.header(self.origin)
        if cookie:
            headers = {**headers, "cookie": cookie}
        response = self.http.request(method, url, headers=headers, **kw)
        self.jar.update(self.origin, response)
        self.jar.save()
        return response

    def navigate(self, url: str, *, site: str, referer: str | None = None) -> httpx.Response:
        headers = {
            "accept": "text/html,application/xhtml+xml",
            "sec-fetch-mode": "navigate",
            "sec-fetch-dest": "document",
            "sec-fetch-site": site,
            "upgrade-insecure-requests": "1",
        }
        if referer:
            headers["referer"] = referer
        return self._send("GET", url, headers)

    def api(self, endpoint: str, body: dict[str, Any], bearer: str | None = None) -> Any:
        csrf = self.jar.get(self.origin, "csrf-token")
        if not csrf:
            raise AuthorizationUIError("the authorization page set no csrf-token cookie")
        headers = {
            "accept": "application/json",
            "content-type": "application/json",
            "origin": self.origin,
            "referer": self.authorization_url,
            "sec-fetch-mode": "same-origin",
            "sec-fetch-site": "same-origin",
            "sec-fetch-dest": "empty",
            "x-csrf-token": csrf,
        }
        if bearer:
            headers["authorization"] = f"Bearer {bearer}"
        r = self._send("POST", f"{self.origin}{API_PREFIX}{endpoint}", headers, json=body)
        try:
            data = r.json()
        except ValueError:
            data = None
        if r.status_code != 200:
            raise AuthorizationUIError(f"{endpoint}: HTTP {r.status_code} {r.text[:300]}")
        return data


def _location(response: httpx.Response) -> str | None:
    if response.status_code in (301, 302, 303, 307, 308) and "location" in response.headers:
        return urljoin(str(response.url), response.headers["location"])
    return None


def authorize(
    authorization_url: str,
    *,
    username: str | None,
    password: str | None,
    action: Action = "approve",
    remember: bool = True,
    scope: str | None = None,
    cookie_jar_path: str | os.PathLike[str] | None = None,
    timeout: float = 30.0,
) -> str:
    """Act as the user on the authorization page; return the redirect URL (not followed).

    `username`/`password` may be None only when the provider is expected to answer at once
    (prompt=none). `scope` narrows the consent to a subset of the requested scopes.
    """
    jar_path = Path(cookie_jar_path) if cookie_jar_path is not None else None
    with _locked(jar_path):
        jar = CookieJar.load(jar_path)
        session = _Session(authorization_url, jar, timeout)
        try:
            return _run(session, username, password, action, remember, scope)
        finally:
            session.close()


def _run(
    s: _Session,
    username: str | None,
    password: str | None,
    action: Action,
    remember: bool,
    scope: str | None,
) -> str:
    page = s.navigate(s.authorization_url, site="none")
    redirect = _location(page)
    if redirect is not None:
        return redirect
    if page.status_code != 200:
        raise AuthorizationUIError(f"authorization page: HTTP {page.status_code} {page.text[:300]}")
    if username is None or password is None:
        raise AuthorizationUIError(
            "the provider asks the user to sign in, but no credentials given"
        )

    signed_in = s.api(
        "/sign-in",
        {"locale": LOCALE, "username": username, "password": password, "remember": remember},
    )
    account = signed_in.get("account") or {}
    did = account.get("sub") or account.get("did")
    if not did:
        raise AuthorizationUIError(f"sign-in answered without an account: {signed_in}")
    bearer = signed_in.get("ephemeralToken")

    if action == "reject":
        result = s.api("/reject", {})
    else:
        body: dict[str, Any] = {"did": did}
        if scope is not None:
            body["scope"] = scope
        result = s.api("/consent", body, bearer=bearer)
    url = result.get("url") if isinstance(result, dict) else None
    if not url:
        raise AuthorizationUIError(f"{action}: no redirect URL in {result}")

    final = s.navigate(url, site="same-origin", referer=s.authorization_url)
    redirect = _location(final)
    if redirect is None:
        raise AuthorizationUIError(
            f"redirect endpoint: HTTP {final.status_code} {final.text[:300]}"
        )
    return redirect


# --- BROWSER command ---------------------------------------------------------------------------


def deliver(redirect: str, timeout: float = 30.0) -> None:
    """Hand the redirect to its receiver the way a desktop browser would."""
    parts = urlsplit(redirect)
    if parts.scheme == "http" and parts.hostname in ("127.0.0.1", "localhost", "::1"):
        with httpx.Client(timeout=timeout, trust_env=False) as http:
            http.get(redirect, headers={"user-agent": USER_AGENT})
    else:
        subprocess.run(["xdg-open", redirect], check=True, timeout=timeout)


def _env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(f"usage: {argv[0]} <authorization-url>", file=sys.stderr)
        return 2
    url = argv[1]
    action = os.environ.get("DRIVER_ACTION", "approve")
    if action not in ("approve", "reject"):
        print(f"DRIVER_ACTION must be approve or reject, not {action!r}", file=sys.stderr)
        return 2
    record: dict[str, Any] = {"time": time.time(), "url": url, "action": action}
    status = 0
    try:
        redirect = authorize(
            url,
            username=os.environ.get("DRIVER_USERNAME"),
            password=os.environ.get("DRIVER_PASSWORD"),
            action="reject" if action == "reject" else "approve",
            remember=_env_flag("DRIVER_REMEMBER", True),
            scope=os.environ.get("DRIVER_SCOPE") or None,
            cookie_jar_path=os.environ.get("DRIVER_COOKIES") or None,
        )
        record["redirect"] = redirect
        if _env_flag("DRIVER_DELIVER", True):
            deliver(redirect)
    except Exception as exc:
        record["error"] = f"{type(exc).__name__}: {exc}"
        print(f"browser_driver: {record['error']}", file=sys.stderr)
        status = 1
    log = os.environ.get("DRIVER_LOG")
    if log:
        with open(log, "a") as f:
            f.write(json.dumps(record) + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
