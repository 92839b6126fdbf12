"""The real app process under Xvfb: a person's keystrokes (xdotool) sign in through the browser."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.app import app_client
from tests.fixtures import PdsFactory
from tests.support.app_process import running_app, wait_until
from tests.support.harness import PdsNetwork
from tests.support.oauth import browser_command, serve_client_metadata
from tests.support.secret_service import SecretService

ROOT = Path(__file__).resolve().parents[3]
ARTIFACTS = ROOT / "test-artifacts" / "app-process"
CLIENT_ID = "https://app.desktopapp.org/client-metadata.json"


@pytest.fixture
def xdisplay(display: str) -> str:
    """An Xvfb display plus xdotool to type on it."""
    if shutil.which("xdotool") is None:
        if os.environ.get("CI"):
            pytest.fail("xdotool is required on CI")
        pytest.skip("xdotool is not installed")
    return display


def screenshot(x_display: str, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    subprocess.run([sys.executable, str(ROOT / "tests/support/screenshot.py"), str(path)],
                   env={**os.environ, "DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb"},
                   check=True, timeout=30)
    return path


def run_app_and_sign_in(net: PdsNetwork, service: SecretService, x_display: str,
                        tmp_path: Path, *, client_id: str | None, shot_prefix: str) -> str:
    profile = tmp_path / "profile"
    profile.mkdir()
    env = {
        **os.environ, **service.env, "PYTHONPATH": str(ROOT), "DISPLAY": x_display,
        "QT_QPA_PLATFORM": "xcb", "DESKTOP_APP_HOME": str(profile),
        "DESKTOP_APP_PLC_URL": net.plc_url, "DESKTOP_APP_HANDLE_RESOLVER": net.pds_url,
        "DESKTOP_APP_ALLOW_INSECURE_LOOPBACK": "1", "BROWSER": browser_command(profile),
        "DRIVER_USERNAME": net.alice.handle, "DRIVER_PASSWORD": net.alice.password,
        "XDG_DATA_DIRS": "/usr/share", "XDG_CONFIG_DIRS": "/etc/xdg",
    }
    if client_id:
        env["DESKTOP_APP_CLIENT_ID"] = client_id
    log = profile / "logs" / "desktop-app.log"
    with running_app([sys.executable, "-m", "desktop_app"], env, log, cwd=ROOT,
                     timeout=45) as app:
        def xdotool(*args: str) -> str:
            return subprocess.run(["xdotool", *args], env=env, check=True, timeout=30,
                                  capture_output=True, text=True).stdout

        window = xdotool("search", "--sync", "--name", "Desktop App").split()[0]
        xdotool("windowfocus", "--sync", window)
        xdotool("type", "--delay", "20", "alice.test")
        screenshot(x_display, f"{shot_prefix}-1-typed.png")
        xdotool("key", "Return")
        wait_until(lambda: "signed in did:" in app.log_text(), "sign-in", timeout=45,
                   process=app.process)
        time.sleep(0.5)  # only for the screenshot (not checked): the status panel repainted
        screenshot(x_display, f"{shot_prefix}-2-signed-in.png")
    return log.read_text()


def test_type_a_handle_and_sign_in_through_the_loopback_redirect(
    pds_factory: PdsFactory, secret_service: SecretService,
    xdisplay: str, tmp_path: Path,
) -> None:
    net = pds_factory()
    text = run_app_and_sign_in(net, secret_service, xdisplay, tmp_path, client_id=None,
                               shot_prefix="loopback")
    assert f"signed in {net.alice.did}" in text
    assert "received the sign-in redirect on the loopback listener" in text


def test_type_a_handle_and_sign_in_through_the_custom_scheme(
    pds_factory: PdsFactory, secret_service: SecretService,
    xdisplay: str, tmp_path: Path,
) -> None:
    with serve_client_metadata(app_client(CLIENT_ID)) as url:
        net = pds_factory(client_metadata_map={CLIENT_ID: url})
        text = run_app_and_sign_in(net, secret_service, xdisplay, tmp_path, client_id=CLIENT_ID,
                                   shot_prefix="scheme")
    assert f"signed in {net.alice.did}" in text
    assert "loopback listener" not in text
