"""The real app process: starts, is the only instance, and quits cleanly on request."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support.app_process import running_app
from tests.support.secret_service import SecretService

ROOT = Path(__file__).resolve().parents[3]


def test_start_single_instance_and_clean_quit(
    secret_service: SecretService, tmp_path: Path
) -> None:
    env = {**os.environ, **secret_service.env, "PYTHONPATH": str(ROOT),
           "DESKTOP_APP_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    log = tmp_path / "logs" / "desktop-app.log"
    with running_app([sys.executable, "-m", "desktop_app"], env, log, cwd=ROOT,
                     started="app started with 0 account(s)", timeout=30) as app:
        second = subprocess.run([sys.executable, "-m", "desktop_app"], env=env, cwd=ROOT,
                                capture_output=True, text=True, timeout=30)
        assert second.returncode == 0 and "already running" in second.stderr
    for noise in ("no running event loop", "Task was destroyed", "Traceback", "never awaited"):
        assert noise not in app.stderr, app.stderr
    assert "app quit cleanly" in log.read_text()
    print(f"app start to window: {app.startup:.2f} s")
