"""The frozen app, run from its bundle: version, doctor, start/quit, a real sign-in through the
installed desktop entry, and launches with the saved account."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

from desktop_app.atproto.oauth import ClientConfig
from desktop_app.bsky import CLIENT_SCOPE
from desktop_app.platform import KeyringSessionStore
from desktop_app.settings import Settings
from tests.support.app_process import running_app
from tests.support.harness import PdsNetwork
from tests.support.launches import Household, app_env, return_post_and_return
from tests.support.oauth import packaged_client_id
from tests.support.person import Person
from tests.support.secret_service import SecretService

ROOT = Path(__file__).resolve().parents[2]


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
    assert metadata["client_id"] == packaged_client_id()  # baked in at build time
    scheme = ClientConfig.discoverable(packaged_client_id()).scheme
    assert metadata["redirect_uris"][0] == f"{scheme}:/callback"
    # Registered for the app's permission scopes and the transition fallback.
    assert metadata["scope"].split() == CLIENT_SCOPE.split()

    log = tmp_path / "profile" / "logs" / "desktop-app.log"
    with running_app([str(exe)], env, log) as app:
        print(f"frozen app start to window: {app.startup:.2f} s")
    assert "Traceback" not in app.stderr and "app quit cleanly" in log.read_text()


def test_the_frozen_app_starts_in_the_systems_language(
    bundle: Path, secret_service: SecretService, tmp_path: Path
) -> None:
    assert {f.name for f in bundle.rglob("app_*.qm")} >= {"app_ja.qm", "app_pt_BR.qm"}
    for lang in ("ja_JP", "pt_BR"):
        env = {**base_env(secret_service, tmp_path / lang), "LANG": f"{lang}.UTF-8",
               "LC_ALL": f"{lang}.UTF-8", "LANGUAGE": lang}
        log = tmp_path / lang / "logs" / "desktop-app.log"
        with running_app([str(bundle / "desktop-app")], env, log) as app:
            assert f"interface language: {lang}" in app.log_text()


async def test_installed_bundle_signs_in_through_xdg_open_and_returns(
    bundle: Path, full_network: PdsNetwork, secret_service: SecretService, person: Person,
    tmp_path: Path,
) -> None:
    net = full_network
    household = Household.seeded(net)
    profile = tmp_path / "profile"
    env = base_env(secret_service, profile)
    install = subprocess.run([str(ROOT / "packaging" / "linux" / "install.sh"), str(bundle)],
                             capture_output=True, text=True, env=env, timeout=120)
    assert install.returncode == 0, install.stdout + install.stderr
    data = Path(env["XDG_DATA_HOME"])
    scheme = ClientConfig.discoverable(packaged_client_id()).scheme
    entry_file = data / "applications" / f"desktop-app-{scheme}.desktop"
    entry = entry_file.read_text()
    installed = data / "desktop-app" / "bundle" / "desktop-app"
    assert f"MimeType=x-scheme-handler/{scheme};" in entry and str(installed) in entry
    assert "Icon=desktop-app" in entry and "NoDisplay=false" in entry
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "desktop-app.svg").is_file()
    handler = subprocess.run(["xdg-mime", "query", "default", f"x-scheme-handler/{scheme}"],
                             capture_output=True, text=True, env=env)
    assert handler.stdout.strip() == entry_file.name

    # The real X platform plugin (not offscreen): the trimmed bundle loads it.
    env = app_env(net, secret_service, profile, person, household.reader, base=env)
    started = time.monotonic()
    login = run(installed, env, "login", household.reader.handle, "--timeout", "60")
    assert login.returncode == 0, login.stdout + login.stderr
    print(f"frozen custom-scheme sign-in: {time.monotonic() - started:.2f} s")
    runs = [json.loads(line) for line in (profile / "driver.log").read_text().splitlines()]
    assert runs and runs[-1]["redirect"].startswith(f"{scheme}:/callback?")
    settings = Settings.load({"DESKTOP_APP_HOME": str(profile)})
    stored = await KeyringSessionStore(settings.paths.data).get(household.reader.did)
    assert stored is not None and stored.client_id == packaged_client_id()

    # Launched again from the menu: home painted by itself, a post, and the post on top.
    returned = return_post_and_return([str(installed)], env, person, household,
                                      shot_prefix="frozen")
    print(f"frozen returning user: timeline painted {returned.painted_after:.2f} s after launch")

    removed = subprocess.run([str(ROOT / "packaging" / "linux" / "uninstall.sh")],
                             capture_output=True, text=True, env=env, timeout=60)
    assert removed.returncode == 0, removed.stderr
    assert not installed.exists()
    assert not entry_file.exists()
