"""The real app process: starts, is the only instance, and quits cleanly on request."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.platform.conftest import secret_service  # noqa: F401 - fixture
from tests.platform.secret_service import SecretService

ROOT = Path(__file__).resolve().parents[2]


def wait_for_log(path: Path, text: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and text in path.read_text():
            return
        time.sleep(0.05)
    raise TimeoutError(f"{text!r} not logged")


def test_start_single_instance_and_clean_quit(
    secret_service: SecretService, tmp_path: Path  # noqa: F811
) -> None:
    env = {**os.environ, **secret_service.env, "PYTHONPATH": str(ROOT),
           "DESKTOP_APP_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    started = time.monotonic()
    app = subprocess.Popen([sys.executable, "-m", "desktop_app"], env=env, cwd=ROOT,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    log = tmp_path / "logs" / "desktop-app.log"
    try:
        wait_for_log(log, "app started with 0 account(s)")
        startup = time.monotonic() - started
        second = subprocess.run([sys.executable, "-m", "desktop_app"], env=env, cwd=ROOT,
                                capture_output=True, text=True, timeout=30)
        assert second.returncode == 0 and "already running" in second.stderr
        app.send_signal(signal.SIGTERM)
        _, err = app.communicate(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 0, err
    for noise in ("no running event loop", "Task was destroyed", "Traceback", "never awaited"):
        assert noise not in err, err
    assert "app quit cleanly" in log.read_text()
    print(f"app start to window: {startup:.2f} s")
