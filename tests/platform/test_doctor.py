"""`desktop-app doctor` with and without a Secret Service."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support.secret_service import SecretService

ROOT = Path(__file__).resolve().parents[2]


def doctor(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop_app", "doctor", "--json"],
                          capture_output=True, text=True, env=env, timeout=60, cwd=ROOT)


def test_doctor_without_keychain(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    env.update(PYTHONPATH=str(ROOT), DESKTOP_APP_HOME=str(tmp_path),
               XDG_RUNTIME_DIR=str(tmp_path / "run"), HOME=str(tmp_path))
    result = doctor(env)
    assert result.returncode != 0
    report = json.loads(result.stdout)
    assert report["keychain"]["round_trip"] is False
    assert report["paths"]["data"] == str(tmp_path / "data")
    reasons = [x for x in result.stderr.splitlines() if x.startswith("desktop-app:")]
    assert len(reasons) == 1 and "keychain" in reasons[0]


def test_doctor_with_secret_service(secret_service: SecretService, tmp_path: Path) -> None:
    env = {**os.environ, **secret_service.env, "PYTHONPATH": str(ROOT),
           "DESKTOP_APP_HOME": str(tmp_path)}
    result = doctor(env)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["keychain"]["backend"].startswith("keyring.backends.SecretService")
    assert report["keychain"]["round_trip"] is True
    assert report["client"]["kind"] == "development"
    assert report["scheme_registered"] is None
