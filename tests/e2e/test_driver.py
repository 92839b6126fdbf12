"""The headless browser driver against the reference PDS: reference Node client and bare PAR."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest

from tests.fixtures import PdsFactory
from tests.support.browser_driver import AuthorizationUIError, authorize
from tests.support.harness import BROWSER_DRIVER, PdsNetwork, run_reference_client

SCOPE = "atproto transition:generic"
LOOPBACK_REDIRECT = "http://127.0.0.1:51234/callback"
LOOPBACK_CLIENT_ID = "http://localhost?" + urlencode(
    {"redirect_uri": LOOPBACK_REDIRECT, "scope": SCOPE}
)
# A discoverable native client: the provider rejects special-use TLDs (.test, .example, ...) in
# https client ids, and a private-use scheme must be the client_id host reversed.
NATIVE_CLIENT_ID = "https://desktop-app.dev-harness.org/client-metadata.json"
NATIVE_REDIRECT = "org.dev-harness.desktop-app:/callback"


def par(
    net: PdsNetwork,
    *,
    client_id: str = LOOPBACK_CLIENT_ID,
    redirect_uri: str = LOOPBACK_REDIRECT,
    **extra: str,
) -> httpx.Response:
    """A pushed authorization request without DPoP (the provider allows that for PAR)."""
    verifier = secrets.token_urlsafe(32)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
    data = {
        "client_id": client_id,
        "response_type": "code",
        "code_challenge": challenge.rstrip(b"=").decode(),
        "code_challenge_method": "S256",
        "redirect_uri": redirect_uri,
        "scope": SCOPE,
        "state": secrets.token_urlsafe(8),
        **extra,
    }
    return httpx.post(f"{net.issuer}/oauth/par", data=data)


def authorization_url(net: PdsNetwork, **kwargs: str) -> str:
    r = par(net, **kwargs)
    assert r.status_code == 201, r.text
    client_id = kwargs.get("client_id", LOOPBACK_CLIENT_ID)
    query = urlencode({"client_id": client_id, "request_uri": r.json()["request_uri"]})
    return f"{net.issuer}/oauth/authorize?{query}"


def params_of(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


# --- with the reference client ---------------------------------------------------------------


def test_reference_client_signs_in_through_the_driver(pds: PdsNetwork, tmp_path: Path) -> None:
    log = tmp_path / "driver.log"
    report = run_reference_client(pds, pds.alice, driver_env={"DRIVER_LOG": str(log)})
    assert report["ok"], report
    assert report["did"] == pds.alice.did
    assert report["callback"]["iss"] == pds.issuer
    # The anchor numbers the request-count benchmark compares against (pinned client/server).
    assert report["signIn"]["total"] == 11, report["signIn"]["counts"]
    assert report["refresh"]["total"] == 6, report["refresh"]["counts"]
    assert [t["phase"] for t in report["tokens"]] == ["signIn", "refresh"]
    runs = [json.loads(line) for line in log.read_text().splitlines()]
    assert len(runs) == 1
    assert runs[0]["redirect"].startswith("http://127.0.0.1:")
    assert "code" in params_of(runs[0]["redirect"])


def test_which_responses_carry_a_dpop_nonce(pds: PdsNetwork) -> None:
    # Server behaviour the project's client must cope with: every OAuth endpoint response has
    # DPoP-Nonce, XRPC responses only where the PDS ran its OAuth auth check.
    report = run_reference_client(
        pds,
        pds.alice,
        refresh=False,
        xrpc=[
            "com.atproto.server.getSession",
            f"com.atproto.repo.listRecords?repo={pds.alice.did}&collection=app.bsky.feed.post",
        ],
    )
    assert report["ok"], report
    oauth = [r for r in report["signIn"]["requests"] if r["path"].startswith("/oauth/")]
    assert oauth
    assert all(r["dpopNonce"] for r in oauth)
    nonce = {r["path"].rsplit(".", 1)[-1]: r["dpopNonce"] for r in report["xrpc"]["requests"]}
    assert nonce == {"getSession": True, "listRecords": False}


def test_reference_client_sees_access_denied_on_reject(pds: PdsNetwork) -> None:
    report = run_reference_client(pds, pds.bob, action="reject")
    assert not report["ok"]
    assert report["callback"]["error"] == "access_denied"
    assert "rejected" in report["error"]


def test_access_token_and_session_lifetime_knobs(pds_factory: PdsFactory) -> None:
    net = pds_factory(access_token_lifetime=30)
    report = run_reference_client(net, net.alice)
    assert report["ok"], report
    assert [t["expires_in"] for t in report["tokens"]] == [pytest.approx(30, abs=2)] * 2

    net = pds_factory(session_lifetime=20)
    report = run_reference_client(net, net.alice, refresh=False)
    assert report["tokens"][0]["expires_in"] <= 20


def test_refresh_lifetime_knob_ends_the_session(pds_factory: PdsFactory) -> None:
    net = pds_factory(refresh_lifetime=2)
    report = run_reference_client(net, net.alice, refresh_delay=2.5)
    assert not report["ok"]
    assert report["did"] == net.alice.did
    assert report["refresh"]["counts"].get(f"POST {urlsplit(net.issuer).netloc}/oauth/token")


# --- bare PAR + driver ------------------------------------------------------------------------


def test_driver_approves_and_rejects(pds: PdsNetwork) -> None:
    redirect = authorize(
        authorization_url(pds), username=pds.alice.handle, password=pds.alice.password
    )
    assert redirect.startswith(LOOPBACK_REDIRECT + "?")
    assert params_of(redirect)["code"].startswith("cod-")
    assert params_of(redirect)["iss"] == pds.issuer

    redirect = authorize(
        authorization_url(pds),
        username=pds.alice.handle,
        password=pds.alice.password,
        action="reject",
    )
    assert params_of(redirect)["error"] == "access_denied"


def test_driver_without_remember_uses_the_ephemeral_token(pds: PdsNetwork) -> None:
    redirect = authorize(
        authorization_url(pds),
        username=pds.bob.handle,
        password=pds.bob.password,
        remember=False,
    )
    assert "code" in params_of(redirect)


def test_driver_reports_a_wrong_password(pds: PdsNetwork) -> None:
    with pytest.raises(AuthorizationUIError, match="sign-in"):
        authorize(authorization_url(pds), username=pds.alice.handle, password="wrong-password")


def test_prompt_none_is_refused_for_untrusted_public_clients(pds: PdsNetwork) -> None:
    r = par(pds, prompt="none")
    assert r.status_code == 400
    assert r.json() == {
        "error": "invalid_request",
        "error_description": "Public clients are not allowed to use silent-sign-on",
    }


def test_authentication_max_age_knob(pds_factory: PdsFactory, tmp_path: Path) -> None:
    # Login freshness is checked before consent, so a trusted loopback client shows it.
    net = pds_factory(trusted_clients=[LOOPBACK_CLIENT_ID], authentication_max_age=1)
    jar = tmp_path / "cookies.json"
    authorize(
        authorization_url(net),
        username=net.alice.handle,
        password=net.alice.password,
        cookie_jar_path=jar,
    )
    time.sleep(1.5)  # the scenario: the login grows older than its 1 s maximum age
    silent = authorize(
        authorization_url(net, prompt="none", login_hint=net.alice.handle),
        username=None,
        password=None,
        cookie_jar_path=jar,
    )
    assert params_of(silent)["error"] == "login_required"


class _MetadataServer:
    """Serves client-metadata documents on loopback for the launcher's clientMetadataMap."""

    def __init__(self) -> None:
        self.documents: dict[str, dict[str, Any]] = {}
        self.hits: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.hits.append(self.path)
                doc = outer.documents.get(self.path)
                body = json.dumps(doc).encode() if doc is not None else b"{}"
                self.send_response(200 if doc is not None else 404)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def metadata_server() -> Iterator[_MetadataServer]:
    server = _MetadataServer()
    try:
        yield server
    finally:
        server.close()


def native_metadata(**overrides: Any) -> dict[str, Any]:
    return {
        "client_id": NATIVE_CLIENT_ID,
        "client_name": "desktop-app (test)",
        "application_type": "native",
        "redirect_uris": [NATIVE_REDIRECT],
        "scope": SCOPE,
        "grant_types": ["authorization_code", "refresh_token"],
        "response_types": ["code"],
        "token_endpoint_auth_method": "none",
        "dpop_bound_access_tokens": True,
        **overrides,
    }


def test_client_metadata_map_serves_a_native_discoverable_client(
    pds_factory: PdsFactory, metadata_server: _MetadataServer
) -> None:
    metadata_server.documents["/client-metadata.json"] = native_metadata()
    net = pds_factory(
        client_metadata_map={NATIVE_CLIENT_ID: metadata_server.url("/client-metadata.json")}
    )
    url = authorization_url(net, client_id=NATIVE_CLIENT_ID, redirect_uri=NATIVE_REDIRECT)
    redirect = authorize(url, username=net.alice.handle, password=net.alice.password)
    assert redirect.startswith(NATIVE_REDIRECT + "?")
    assert "code" in params_of(redirect)
    assert metadata_server.hits


@pytest.mark.parametrize(
    ("overrides", "error", "message"),
    [
        (
            {"redirect_uris": ["com.example.other:/callback"]},
            "invalid_redirect_uri",
            "Private-Use URI Scheme",
        ),
        ({"dpop_bound_access_tokens": False}, "invalid_client_metadata", "dpop_bound_access"),
        (
            {"client_id": "https://elsewhere.dev-harness.org/x.json"},
            "invalid_client_metadata",
            "client_id does not match",
        ),
    ],
)
def test_client_metadata_map_applies_the_providers_validation(
    pds_factory: PdsFactory,
    metadata_server: _MetadataServer,
    overrides: dict[str, Any],
    error: str,
    message: str,
) -> None:
    metadata_server.documents["/bad.json"] = native_metadata(**overrides)
    net = pds_factory(client_metadata_map={NATIVE_CLIENT_ID: metadata_server.url("/bad.json")})
    r = par(net, client_id=NATIVE_CLIENT_ID, redirect_uri=NATIVE_REDIRECT)
    assert r.status_code == 400
    assert r.json()["error"] == error
    assert message in r.json()["error_description"]


def test_prompt_none_for_a_trusted_client_reuses_the_device_session(
    pds_factory: PdsFactory, metadata_server: _MetadataServer, tmp_path: Path
) -> None:
    metadata_server.documents["/client-metadata.json"] = native_metadata()
    net = pds_factory(
        trusted_clients=[NATIVE_CLIENT_ID],
        client_metadata_map={NATIVE_CLIENT_ID: metadata_server.url("/client-metadata.json")},
    )
    native = {"client_id": NATIVE_CLIENT_ID, "redirect_uri": NATIVE_REDIRECT}
    jar = tmp_path / "cookies.json"
    hint = net.alice.handle

    # No device session yet: the provider answers at once with login_required.
    silent = authorize(
        authorization_url(net, prompt="none", login_hint=hint, **native),
        username=None,
        password=None,
        cookie_jar_path=jar,
    )
    assert params_of(silent)["error"] == "login_required"

    first = authorize(
        authorization_url(net, **native),
        username=net.alice.handle,
        password=net.alice.password,
        cookie_jar_path=jar,
    )
    assert "code" in params_of(first)
    assert {"dev-id", "ses-id", "csrf-token"} <= set(json.loads(jar.read_text())[net.issuer])

    # 0.22.9 only considers device sessions matching login_hint; without one it is always
    # login_required.
    silent = authorize(
        authorization_url(net, prompt="none", **native),
        username=None,
        password=None,
        cookie_jar_path=jar,
    )
    assert params_of(silent)["error"] == "login_required"
    silent = authorize(
        authorization_url(net, prompt="none", login_hint=hint, **native),
        username=None,
        password=None,
        cookie_jar_path=jar,
    )
    assert silent.startswith(NATIVE_REDIRECT + "?")
    assert "code" in params_of(silent), silent


def test_prompt_none_for_a_trusted_loopback_client_always_needs_consent(
    pds_factory: PdsFactory, tmp_path: Path
) -> None:
    # The provider never stores consent for loopback (development) clients, as they can't be
    # told apart; silent sign-on therefore can't succeed for them even when trusted.
    net = pds_factory(trusted_clients=[LOOPBACK_CLIENT_ID])
    jar = tmp_path / "cookies.json"
    authorize(
        authorization_url(net),
        username=net.alice.handle,
        password=net.alice.password,
        cookie_jar_path=jar,
    )
    silent = authorize(
        authorization_url(net, prompt="none", login_hint=net.alice.handle),
        username=None,
        password=None,
        cookie_jar_path=jar,
    )
    assert params_of(silent)["error"] == "consent_required"


def test_driver_returns_error_redirects_from_the_authorize_page(pds: PdsNetwork) -> None:
    # A request_uri can be used once; the provider redirects with an error the second time.
    url = authorization_url(pds)
    authorize(url, username=pds.alice.handle, password=pds.alice.password)
    again = authorize(url, username=pds.alice.handle, password=pds.alice.password)
    assert params_of(again)["error"] == "access_denied"
    assert params_of(again)["error_description"] == "This request was already authorized"


def test_driver_command_hands_custom_scheme_redirects_to_xdg_open(
    pds_factory: PdsFactory, metadata_server: _MetadataServer, tmp_path: Path
) -> None:
    metadata_server.documents["/client-metadata.json"] = native_metadata()
    net = pds_factory(
        client_metadata_map={NATIVE_CLIENT_ID: metadata_server.url("/client-metadata.json")}
    )
    # A stand-in xdg-open records what the desktop would have been asked to open.
    bindir = tmp_path / "bin"
    bindir.mkdir()
    opened = tmp_path / "opened.txt"
    fake = bindir / "xdg-open"
    fake.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> {opened}\n')
    fake.chmod(0o755)
    log = tmp_path / "driver.log"
    url = authorization_url(net, client_id=NATIVE_CLIENT_ID, redirect_uri=NATIVE_REDIRECT)
    env = {
        **os.environ,
        "PATH": f"{bindir}{os.pathsep}{os.environ['PATH']}",
        "DRIVER_USERNAME": net.alice.handle,
        "DRIVER_PASSWORD": net.alice.password,
        "DRIVER_LOG": str(log),
    }
    proc = subprocess.run(
        [sys.executable, str(BROWSER_DRIVER), url], env=env, capture_output=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    redirect = opened.read_text().strip()
    assert redirect.startswith(NATIVE_REDIRECT + "?")
    assert "code" in params_of(redirect)
    assert json.loads(log.read_text())["redirect"] == redirect


def test_driver_command_fails_on_a_wrong_password(pds: PdsNetwork, tmp_path: Path) -> None:
    log = tmp_path / "driver.log"
    env = {
        **os.environ,
        "DRIVER_USERNAME": pds.alice.handle,
        "DRIVER_PASSWORD": "wrong-password",
        "DRIVER_LOG": str(log),
    }
    proc = subprocess.run(
        [sys.executable, str(BROWSER_DRIVER), authorization_url(pds)],
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 1
    assert "error" in json.loads(log.read_text())
