"""The OS redirect for real: xdg-open → registered command → running app, against the real PDS."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.app import app_client
from desktop_app.platform import KeyringSessionStore, KeyringStateStore
from desktop_app.settings import Settings
from tests.fixtures import PdsFactory
from tests.support.harness import PdsNetwork
from tests.support.oauth import (
    approve,
    browser_command,
    oauth_client,
    serve_client_metadata,
)
from tests.support.secret_service import SecretService

ROOT = Path(__file__).resolve().parents[2]
CLIENT_ID = "https://app.desktopapp.org/client-metadata.json"
CONFIG = app_client(CLIENT_ID)


@pytest.fixture
def net(pds_factory: PdsFactory) -> Iterator[PdsNetwork]:
    with serve_client_metadata(CONFIG) as url:
        yield pds_factory(client_metadata_map={CLIENT_ID: url})


def app_env(net: PdsNetwork, profile: Path, service: SecretService, display: str,
            driver_log: Path) -> dict[str, str]:
    profile.mkdir(parents=True, exist_ok=True)
    return {
        **os.environ, **service.env,
        "PYTHONPATH": str(ROOT), "DISPLAY": display, "QT_QPA_PLATFORM": "offscreen",
        "DESKTOP_APP_HOME": str(profile), "DESKTOP_APP_CLIENT_ID": CLIENT_ID,
        "DESKTOP_APP_PLC_URL": net.plc_url, "DESKTOP_APP_HANDLE_RESOLVER": net.pds_url,
        "DESKTOP_APP_ALLOW_INSECURE_LOOPBACK": "1",
        "BROWSER": browser_command(profile),
        "DRIVER_USERNAME": net.alice.handle, "DRIVER_PASSWORD": net.alice.password,
        "DRIVER_LOG": str(driver_log),
        "XDG_DATA_DIRS": "/usr/share", "XDG_CONFIG_DIRS": "/etc/xdg",
    }


def cli(env: dict[str, str], *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop_app", *args], capture_output=True,
                          text=True, env=env, timeout=timeout, cwd=ROOT)


async def test_login_through_the_custom_scheme(
    net: PdsNetwork, secret_service: SecretService, display: str, tmp_path: Path
) -> None:
    profile = tmp_path / "profile"
    env = app_env(net, profile, secret_service, display, tmp_path / "driver.log")
    registered = cli(env, "register-scheme")
    assert registered.returncode == 0, registered.stderr
    assert "applications" in registered.stdout
    doctor = cli(env, "doctor", "--json")
    assert doctor.returncode == 0, doctor.stderr
    report = json.loads(doctor.stdout)
    assert report["scheme_registered"] is True and report["keychain"]["round_trip"] is True

    started = time.monotonic()
    result = cli(env, "login", "alice.test", "--timeout", "60")
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"({net.alice.did})" in result.stdout
    runs = [json.loads(line) for line in (tmp_path / "driver.log").read_text().splitlines()]
    assert runs and "error" not in runs[-1]
    assert runs[-1]["redirect"].startswith(f"{CONFIG.scheme}:/callback?")
    settings = Settings.load({"DESKTOP_APP_HOME": str(profile)})
    stored = await KeyringSessionStore(settings.paths.data).get(net.alice.did)
    assert stored is not None and stored.client_id == CLIENT_ID
    print(f"custom-scheme sign-in through xdg-open took {elapsed:.2f} s")


async def test_fresh_process_completes_from_persisted_state(
    net: PdsNetwork, secret_service: SecretService, tmp_path: Path
) -> None:
    profile = tmp_path / "profile"
    settings = Settings.load({"DESKTOP_APP_HOME": str(profile)})
    states = KeyringStateStore(settings.paths.data)
    async with oauth_client(net, config=CONFIG, states=states) as (client, _):
        start = await client.start_sign_in("alice.test",
                                           redirect_uri=CONFIG.custom_scheme_redirect_uri or "")
    callback = await approve(start.url, net.alice)
    # A new process (what the OS launches when no app runs) finishes from the keychain state.
    env = app_env(net, profile, secret_service, ":0", tmp_path / "unused.log")
    result = await asyncio.to_thread(cli, env, callback)
    assert result.returncode == 0, result.stderr
    assert net.alice.did in result.stdout
    stored = await KeyringSessionStore(settings.paths.data).get(net.alice.did)
    assert stored is not None
    # One-time: the same link again is refused.
    again = await asyncio.to_thread(cli, env, callback)
    assert again.returncode != 0


def test_xdg_open_hand_off_time(display: str, tmp_path: Path) -> None:
    """xdg-open → registered `desktop-app <url>` → running primary; report the time it takes."""
    home = tmp_path / "home"
    profile = tmp_path / "profile"
    env = {
        **os.environ, "PYTHONPATH": str(ROOT), "DISPLAY": display, "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local/share"), "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_DIRS": "/usr/share", "XDG_CONFIG_DIRS": "/etc/xdg",
        "DESKTOP_APP_HOME": str(profile), "DESKTOP_APP_CLIENT_ID": CLIENT_ID,
        "QT_QPA_PLATFORM": "offscreen",
    }
    assert cli(env, "register-scheme").returncode == 0
    primary = subprocess.Popen(
        [sys.executable, str(ROOT / "tests/qt/primary_stub.py"), str(profile / "data"),
         CLIENT_ID], stdout=subprocess.PIPE, text=True, env=env,
    )
    try:
        assert primary.stdout is not None
        assert primary.stdout.readline().startswith("listening")
        timings = []
        for i in range(3):
            url = f"{CONFIG.scheme}:/callback?state=s{i}&code=c{i}&iss=x"
            started = time.monotonic()
            subprocess.run(["xdg-open", url], env=env, check=True, timeout=30)
            assert primary.stdout.readline().strip() == f"url {url}"
            timings.append(time.monotonic() - started)
    finally:
        primary.terminate()
        primary.wait(10)
    print(f"xdg-open hand-off: {', '.join(f'{t:.2f}' for t in timings)} s")
    assert max(timings) < 5
