"""Builds the PyInstaller bundle once per test session (the frozen app is what users install)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def bundle() -> Iterator[Path]:
    """`dist/desktop-app/` built by packaging/build.sh into a temporary directory."""
    if importlib.util.find_spec("PyInstaller") is None:
        message = "pyinstaller is not installed (scripts/test installs it)"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    dist = Path(tempfile.mkdtemp(prefix="desktop-app-dist-"))
    try:
        env = {**os.environ, "DESKTOP_APP_BUILD_PYTHON": sys.executable}
        result = subprocess.run([str(ROOT / "packaging" / "build.sh"), str(dist)], env=env,
                                capture_output=True, text=True, timeout=900, cwd=ROOT)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        app = dist / "desktop-app"
        assert (app / "desktop-app").is_file()
        yield app
    finally:
        shutil.rmtree(dist, ignore_errors=True)
