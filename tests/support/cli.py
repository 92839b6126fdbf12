"""The command line as a process, for tests: its environment on the harness, and its result."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support.harness import Account, PdsNetwork
from tests.support.oauth import browser_command
from tests.support.secret_service import SecretService

ROOT = Path(__file__).resolve().parents[2]


def cli_env(net: PdsNetwork, profile: Path, service: SecretService, account: Account,
            driver_log: Path) -> dict[str, str]:
    profile.mkdir(parents=True, exist_ok=True)
    return {
        **os.environ, **service.env, "PYTHONPATH": str(ROOT),
        "DESKTOP_APP_HOME": str(profile), "DESKTOP_APP_PLC_URL": net.plc_url,
        "DESKTOP_APP_HANDLE_RESOLVER": net.pds_url, "DESKTOP_APP_ALLOW_INSECURE_LOOPBACK": "1",
        "BROWSER": browser_command(profile), "DRIVER_LOG": str(driver_log),
        "DRIVER_USERNAME": account.handle, "DRIVER_PASSWORD": account.password,
    }


def cli(env: dict[str, str], *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop_app", *args], capture_output=True,
                          text=True, env=env, timeout=timeout, cwd=ROOT)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def one_sentence(result: subprocess.CompletedProcess[str]) -> str:
    """A failure: non-zero, exactly one `desktop-app:` line on stderr, no traceback."""
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    lines = [x for x in result.stderr.splitlines() if x.startswith("desktop-app:")]
    assert len(lines) == 1, result.stderr
    return lines[0]
