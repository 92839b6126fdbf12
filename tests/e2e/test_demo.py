"""`scripts/run-app --demo`: starts a seeded private network and the app, stops it all cleanly."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.app_process import PAINTED, UNREAD, trouble, wait_until

ROOT = Path(__file__).resolve().parents[2]


def processes() -> dict[int, int]:
    """Every live process: pid -> parent pid."""
    out = subprocess.run(["ps", "-eo", "pid=,ppid="], capture_output=True, text=True).stdout
    return {int(pid): int(ppid) for pid, ppid in (line.split() for line in out.splitlines())}


def descendants(root: int) -> set[int]:
    tree = processes()
    found: set[int] = set()
    frontier = {root}
    while frontier:
        frontier = {pid for pid, parent in tree.items() if parent in frontier} - found
        found |= frontier
    return found


@pytest.mark.fullnetwork
def test_demo_starts_signs_in_and_stops_cleanly(node_tooling: object, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
    output = tmp_path / "demo.out"
    with output.open("w") as sink:
        demo = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "demo.py"), "--sign-in"],
                                stdout=sink, stderr=subprocess.STDOUT, env=env, cwd=ROOT,
                                text=True)
    try:
        wait_until(lambda: "profile " in output.read_text(), "the demo network", timeout=300,
                   process=demo)
        text = output.read_text()
        assert re.search(r"Sign in as\s+dana\.test\s+with password\s+\S+", text), text
        profile = Path(re.search(r"profile (\S+);", text).group(1))  # type: ignore[union-attr]
        log = profile / "logs" / "desktop-app.log"
        wait_until(lambda: log.exists() and "app started with 1 account(s)" in log.read_text(),
                   "the app, signed in", timeout=120, process=demo)
        # The demo opens on a painted timeline, with nobody pressing Refresh.
        painted = wait_until(lambda: PAINTED.search(log.read_text()),
                             "the home timeline painted", timeout=30, process=demo)
        assert int(painted.group(2)) > 0, painted.group(0)
        wait_until(lambda: UNREAD.search(log.read_text()), "the unread badge", timeout=60,
                   process=demo)
        text_of_log = log.read_text()
        assert not trouble(text_of_log), text_of_log
        started = descendants(demo.pid)  # the network, its databases, the keychain, the app
        assert len(started) >= 5, started
        demo.send_signal(signal.SIGINT)
        assert demo.wait(90) == 0, output.read_text()[-3000:]
    finally:
        if demo.poll() is None:
            demo.kill()
            demo.wait()
    assert "Demo stopped" in output.read_text()
    assert "Traceback" not in output.read_text(), output.read_text()[-3000:]
    assert not profile.exists()  # the temporary profile (and its keychain) went with it
    wait_until(lambda: not set(processes()) & started,
               f"everything the demo started to stop ({set(processes()) & started} left)",
               timeout=10, interval=0.2)
