"""The real app process quit (SIGTERM) or killed (SIGKILL) while a refresh is in flight.

The proxy holds the token endpoint's answer after the server rotated, and the app is stopped
in that window. A normal quit waits for the answer (until the request's own deadline) and
stores it, so nothing is spent; a kill loses it, and the next use of the account says what
happened. Rows of the fault table.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from desktop_app.app import make_core, make_oauth_client
from desktop_app.atproto.oauth import SessionEndedError, SessionEndReason
from desktop_app.platform import KeyringSessionStore, KeyringStateStore
from desktop_app.settings import Settings
from tests.fixtures import PdsFactory
from tests.support.cli import ROOT, cli, cli_env, ok
from tests.support.fault_proxy import Fault, record
from tests.support.harness import PdsNetwork
from tests.support.secret_service import SecretService
from tests.support.waiting import wait_until

HOLD = 4.0  # seconds the proxy holds the rotated answer


def start_app_refreshing(net: PdsNetwork, env: dict[str, str], *,
                         rotated: bool = True) -> subprocess.Popen[str]:
    """The app, started on a profile whose access token is due: it refreshes at once. Returns
    once the token request has reached the server whose answer the proxy is holding, or (not
    `rotated`) once the proxy is holding the request itself."""
    assert net.proxy is not None
    if rotated:
        net.proxy.inject("POST", "/oauth/token", "stall_after", seconds=HOLD, when_status=200)
    else:
        net.proxy.inject("POST", "/oauth/token", "stall", seconds=HOLD)
    fault: Fault = "stall_after" if rotated else "stall"
    app = subprocess.Popen([sys.executable, "-m", "desktop_app"], cwd=ROOT, text=True,
                           env={**env, "QT_QPA_PLATFORM": "offscreen"},
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proxy = net.proxy
    try:
        wait_until(lambda: proxy.count("/oauth/token", fault) > 0, "the app's refresh",
                   timeout=60, process=app)
    except AssertionError:
        app.kill()
        raise
    # The proxy counts a request when it takes it, a moment before the server has it (the
    # rotated case) and holds the answer: no signal says so from outside the proxy.
    time.sleep(0.3)
    return app


async def refresh_stored(net: PdsNetwork, profile: Path) -> SessionEndedError | None:
    """Refresh the session this profile stored: None when that worked, else why it ended."""
    settings = Settings.load({
        "DESKTOP_APP_HOME": str(profile), "DESKTOP_APP_PLC_URL": net.plc_url,
        "DESKTOP_APP_HANDLE_RESOLVER": net.pds_url, "DESKTOP_APP_ALLOW_INSECURE_LOOPBACK": "1",
    })
    core = make_core(settings, http=httpx.AsyncClient(trust_env=False))
    client = make_oauth_client(settings, core, sessions=KeyringSessionStore(settings.paths.data),
                               states=KeyringStateStore(settings.paths.data))
    try:
        await client.refresh(net.alice.did, force=True)
    except SessionEndedError as exc:
        return exc
    finally:
        await core.aclose()
    return None


@pytest.mark.parametrize(("how", "rotated"), [
    ("SIGTERM", True), ("SIGKILL", True), ("SIGKILL", False)])
async def test_app_stopped_during_a_refresh(
    how: str, rotated: bool, pds_factory: PdsFactory, secret_service: SecretService,
    tmp_path: Path,
) -> None:
    net = pds_factory(fault_proxy=True, access_token_lifetime=5)
    runs, lost, clicks = 2, 0, 0
    for run in range(runs):
        profile = tmp_path / f"profile-{run}"
        env = cli_env(net, profile, secret_service, net.alice, tmp_path / "driver.log")
        ok(cli(env, "login", "alice.test", "--timeout", "60"))
        app = start_app_refreshing(net, env, rotated=rotated)
        started = time.monotonic()
        app.send_signal(signal.SIGTERM if how == "SIGTERM" else signal.SIGKILL)
        _, stderr = app.communicate(timeout=30)
        took = time.monotonic() - started
        if how == "SIGTERM" and rotated:
            # The quit waited for the held answer (bounded by the request's own deadline)
            # and stored it.
            assert app.returncode == 0, stderr
            assert HOLD - 1 < took < 12
            log = (profile / "logs" / "desktop-app.log").read_text()
            assert "in flight before closing" in log and "app quit cleanly" in log
        elif how == "SIGKILL":
            assert app.returncode == -signal.SIGKILL
        ended = await refresh_stored(net, profile)
        if ended is not None:
            # The answer died with the process: the next use says what happened, in words.
            assert ended.reason is SessionEndReason.INTERRUPTED, ended.reason
            assert "connection dropped while your sign-in was being renewed" in ended.message
            lost += 1
            # One click: "Sign in again" for that account, with its handle as the hint.
            ok(cli(env, "login", net.alice.did, "--timeout", "60"))
            clicks += 1
            assert await refresh_stored(net, profile) is None
        assert net.proxy is not None
        net.proxy.clear()
    if how == "SIGTERM" or not rotated:
        assert lost == 0
    when = "after the server rotated" if rotated else "before the server saw it"
    record(f"app {'quit (SIGTERM)' if how == 'SIGTERM' else 'killed (SIGKILL)'} during a "
           f"refresh, {when}", runs, lost, clicks // lost if lost else 0)

