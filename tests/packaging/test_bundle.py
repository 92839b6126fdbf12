"""The frozen app, run from its bundle: version, doctor, start/quit, and a real sign-in."""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.app import app_client
from desktop_app.atproto.oauth import ClientConfig
from desktop_app.bsky import CLIENT_SCOPE
from desktop_app.platform import KeyringSessionStore
from desktop_app.settings import Settings
from tests.fixtures import PdsFactory
from tests.support.app_process import running_app
from tests.support.harness import PdsNetwork
from tests.support.oauth import browser_command, serve_client_metadata
from tests.support.secret_service import SecretService

ROOT = Path(__file__).resolve().parents[2]
CONFIG_FILE = ROOT / "packaging" / "config.toml"


def baked_client_id() -> str:
    import tomllib

    return str(tomllib.loads(CONFIG_FILE.read_text())["client_id"])


def run(exe: Path, env: dict[str, str], *args: str,
        timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe), *args], capture_output=True, text=True, env=env,
                          timeout=timeout)


def base_env(service: SecretService, profile: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "DESKTOP_APP_"))}
    env.update(service.env)
    env.update({"DESKTOP_APP_HOME": str(profile), "QT_QPA_PLATFORM": "offscreen"})
    return env


def test_bundle_size_and_contents(bundle: Path) -> None:
    # Symlinks (PyInstaller links some libraries) would otherwise be counted twice.
    size = sum(f.lstat().st_size for f in bundle.rglob("*") if f.is_file() and not f.is_symlink())
    names = {f.name for f in bundle.rglob("*")}
    print(f"onedir bundle: {size / 1e6:.1f} MB, {len(names)} files")
    assert size < 150e6
    assert not any("qgtk3" in n or "QtQml" in n or "Qt6Quick" in n for n in names)
    assert any(n.startswith("libqxcb") for n in names)  # the platform plugin it needs
    assert "build-config.json" in names


def test_version_doctor_metadata_and_clean_quit(
    bundle: Path, secret_service: SecretService, tmp_path: Path
) -> None:
    exe = bundle / "desktop-app"
    env = base_env(secret_service, tmp_path / "profile")
    version = run(exe, env, "--version")
    assert version.returncode == 0 and version.stdout.strip() == "desktop-app 0.1.0"

    doctor = run(exe, env, "doctor", "--json")
    assert doctor.stdout.startswith("{"), doctor.stderr
    report = json.loads(doctor.stdout)
    # keyring's backends work frozen: the real Secret Service, a write/read/delete round trip.
    assert report["keychain"]["round_trip"] is True, report
    assert "SecretService" in json.dumps(report["keychain"]), report

    metadata = json.loads(run(exe, env, "client-metadata").stdout)
    assert metadata["client_id"] == baked_client_id()  # baked in at build time
    scheme = ClientConfig.discoverable(baked_client_id()).scheme
    assert metadata["redirect_uris"][0] == f"{scheme}:/callback"
    # Registered for the app's permission scopes and the transition fallback.
    assert metadata["scope"].split() == CLIENT_SCOPE.split()

    log = tmp_path / "profile" / "logs" / "desktop-app.log"
    with running_app([str(exe)], env, log) as app:
        print(f"frozen app start to window: {app.startup:.2f} s")
    assert "Traceback" not in app.stderr and "app quit cleanly" in log.read_text()


@pytest.fixture
def net(pds_factory: PdsFactory) -> Iterator[PdsNetwork]:
    client_id = baked_client_id()
    with serve_client_metadata(app_client(client_id)) as url:
        yield pds_factory(client_metadata_map={client_id: url})


async def test_installed_bundle_signs_in_through_xdg_open(
    bundle: Path, net: PdsNetwork, secret_service: SecretService,
    display: str, tmp_path: Path,
) -> None:
    env = base_env(secret_service, tmp_path / "profile")
    install = subprocess.run([str(ROOT / "packaging" / "linux" / "install.sh"), str(bundle)],
                             capture_output=True, text=True, env=env, timeout=120)
    assert install.returncode == 0, install.stdout + install.stderr
    data = Path(env["XDG_DATA_HOME"])
    scheme = ClientConfig.discoverable(baked_client_id()).scheme
    entry_file = data / "applications" / f"desktop-app-{scheme}.desktop"
    entry = entry_file.read_text()
    installed = data / "desktop-app" / "bundle" / "desktop-app"
    assert f"MimeType=x-scheme-handler/{scheme};" in entry and str(installed) in entry
    assert "Icon=desktop-app" in entry and "NoDisplay=false" in entry
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "desktop-app.svg").is_file()
    handler = subprocess.run(["xdg-mime", "query", "default", f"x-scheme-handler/{scheme}"],
                             capture_output=True, text=True, env=env)
    assert handler.stdout.strip() == entry_file.name

    env.update({
        "DISPLAY": display, "DESKTOP_APP_PLC_URL": net.plc_url,
        "DESKTOP_APP_HANDLE_RESOLVER": net.pds_url, "DESKTOP_APP_ALLOW_INSECURE_LOOPBACK": "1",
        "BROWSER": browser_command(tmp_path), "DRIVER_USERNAME": net.alice.handle,
        "DRIVER_PASSWORD": net.alice.password, "DRIVER_LOG": str(tmp_path / "driver.log"),
        "XDG_DATA_DIRS": "/usr/share", "XDG_CONFIG_DIRS": "/etc/xdg",
    })
    started = time.monotonic()
    login = run(installed, env, "login", "alice.test", "--timeout", "60")
    assert login.returncode == 0, login.stdout + login.stderr
    print(f"frozen custom-scheme sign-in: {time.monotonic() - started:.2f} s")
    runs = [json.loads(line) for line in (tmp_path / "driver.log").read_text().splitlines()]
    assert runs and runs[-1]["redirect"].startswith(f"{scheme}:/callback?")
    settings = Settings.load({"DESKTOP_APP_HOME": str(tmp_path / "profile")})
    stored = await KeyringSessionStore(settings.paths.data).get(net.alice.did)
    assert stored is not None and stored.client_id == baked_client_id()

    # The real X platform plugin (not offscreen) loads with the trimmed libraries.
    xcb_env = {**env, "QT_QPA_PLATFORM": "xcb", "DESKTOP_APP_HOME": str(tmp_path / "xcb")}
    with running_app([str(installed)], xcb_env, tmp_path / "xcb" / "logs" / "desktop-app.log"):
        pass  # started on xcb; leaving quits it and requires exit code 0

    removed = subprocess.run([str(ROOT / "packaging" / "linux" / "uninstall.sh")],
                             capture_output=True, text=True, env=env, timeout=60)
    assert removed.returncode == 0, removed.stderr
    assert not installed.exists()
    assert not entry_file.exists()
