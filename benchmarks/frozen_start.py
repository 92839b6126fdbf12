"""Benchmark: start of the frozen app (PyInstaller onedir) to its window shown, and idle RSS.

Run (after `scripts/test` has installed the Debian packages and `.venv` once):
    .venv/bin/python -m benchmarks.frozen_start [BUNDLE_DIR]
Without BUNDLE_DIR it builds one with packaging/build.sh into a temporary directory. Each run
starts `desktop-app` with a fresh profile on a private Xvfb display (the real xcb platform
plugin) and a private Secret Service, waits for the log line written once the window is shown,
reads the process's RSS after 3 s idle, and quits it with SIGTERM. The first run after the
build is reported separately (coldest files); the source tree (`python -m desktop_app`) is
measured the same way for comparison.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 6
IDLE = 3.0


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _one(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    from tests.support.app_process import running_app

    profile = Path(tempfile.mkdtemp(prefix="desktop-app-start-"))
    try:
        with running_app(command, {**env, "DESKTOP_APP_HOME": str(profile)},
                         profile / "logs" / "desktop-app.log") as app:
            time.sleep(IDLE)
            rss = _rss_mb(app.process.pid)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return app.startup, rss


def main() -> int:
    from tests.support.secret_service import running_secret_service
    from tests.support.xvfb import running_xvfb

    built: Path | None = None
    if len(sys.argv) > 1:
        bundle = Path(sys.argv[1]).resolve()
    else:
        built = Path(tempfile.mkdtemp(prefix="desktop-app-dist-"))
        env = {**os.environ, "DESKTOP_APP_BUILD_PYTHON": sys.executable}
        subprocess.run([str(ROOT / "packaging" / "build.sh"), str(built)], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        bundle = built / "desktop-app"
    try:
        with running_secret_service() as keychain, running_xvfb() as display:
            base = {k: v for k, v in os.environ.items()
                    if not k.startswith(("PYTHON", "DESKTOP_APP_", "QT_QPA"))}
            env = {**base, **keychain.env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
            frozen = [_one([str(bundle / "desktop-app")], env) for _ in range(RUNS)]
            source_env = {**env, "PYTHONPATH": str(ROOT)}
            source = [_one([sys.executable, "-m", "desktop_app"], source_env)
                      for _ in range(RUNS)]
    finally:
        if built is not None:
            shutil.rmtree(built, ignore_errors=True)
    print(f"frozen  first run after build: {frozen[0][0]:.3f} s to window, "
          f"{frozen[0][1]:.0f} MB idle RSS")
    for name, runs in (("frozen", frozen[1:]), ("source", source[1:])):
        starts = [s for s, _ in runs]
        print(f"{name:7} start to window median {statistics.median(starts):.3f} s "
              f"(min {min(starts):.3f}, max {max(starts):.3f}); idle RSS median "
              f"{statistics.median(r for _, r in runs):.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
