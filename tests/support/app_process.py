"""Runs the real app as a process: wait for its log to say it started, then quit it as a person
would (the window's Quit shortcut) or as the system does (SIGTERM), and require a clean exit."""

from __future__ import annotations

import re
import signal
import subprocess
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.waiting import wait_until

# What the app's log must never hold after a run: an ERROR line, or a traceback.
TROUBLE = re.compile(r"^\S+ \S+ (ERROR|CRITICAL) |^Traceback ", re.MULTILINE)
PAINTED = re.compile(
    r"first timeline page painted (\d+\.\d+) s after start: (\d+) posts, top (\S+)")
UNREAD = re.compile(r"unread notifications: (\d+)")
POSTED = re.compile(r"posted (at://\S+)")

__all__ = ["PAINTED", "POSTED", "TROUBLE", "UNREAD", "AppRun", "running_app", "trouble",
           "wait_until"]


@dataclass
class AppRun:
    """One run of the app: its process, its log (only what this run wrote) and, once it has
    quit, its stderr."""

    process: subprocess.Popen[str]
    log: Path
    offset: int = 0  # the log's size when this run began
    spawned: float = 0.0  # time.monotonic() at spawn
    startup: float = 0.0  # seconds from spawn to `started` in the log
    stderr: str = field(default="", repr=False)  # filled in once it has quit
    killed: bool = False  # the test cut it off (SIGKILL: a crash, a power cut)

    def kill(self) -> None:
        """Cut the app off as a crash or a power cut does: no chance to save anything."""
        self.killed = True
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def log_text(self) -> str:
        if not self.log.exists():
            return ""
        with self.log.open(encoding="utf-8", errors="replace") as f:
            f.seek(self.offset)
            return f.read()

    def wait_for(self, pattern: str | re.Pattern[str], what: str,
                 timeout: float = 60) -> re.Match[str]:
        """The first match of `pattern` in this run's log, once it is there."""
        regex = re.compile(re.escape(pattern)) if isinstance(pattern, str) else pattern
        found: list[re.Match[str]] = []

        def seen() -> bool:
            match = regex.search(self.log_text())
            if match is not None:
                found.append(match)
            return match is not None

        wait_until(seen, what, timeout=timeout, process=self.process)
        return found[0]

    def since_spawn(self) -> float:
        return time.monotonic() - self.spawned


def trouble(text: str) -> list[str]:
    """The lines of a log (or stderr) that fail a run: ERROR lines and tracebacks."""
    return [line for line in text.splitlines() if TROUBLE.match(line)]


@contextmanager
def running_app(command: Sequence[str], env: dict[str, str], log: Path, *,
                cwd: Path | None = None, started: str = "app started",
                timeout: float = 60, quit_with: Callable[[AppRun], None] | None = None,
                clean: bool = True) -> Iterator[AppRun]:
    """Yields once `started` is logged; on leaving, quits it (`quit_with`, else SIGTERM) and
    requires exit code 0, "app quit cleanly" (unless the test killed it) and, when `clean`, no
    ERROR line or traceback in this run's log or stderr."""
    offset = log.stat().st_size if log.exists() else 0
    begun = time.monotonic()
    process = subprocess.Popen(list(command), env=env, cwd=cwd, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    run = AppRun(process, log, offset=offset, spawned=begun)
    try:
        run.wait_for(started, f"{started!r} in the log", timeout=timeout)
        run.startup = time.monotonic() - begun
        yield run
        if process.poll() is None:
            (quit_with or _sigterm)(run)
        _, run.stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            _, run.stderr = process.communicate()
    text = run.log_text()
    if not run.killed:
        assert process.returncode == 0, run.stderr[-3000:] + text[-3000:]
        assert "app quit cleanly" in text, text[-3000:]
    if clean:
        assert not trouble(text) and not trouble(run.stderr), (
            trouble(text) + trouble(run.stderr), text[-5000:], run.stderr[-3000:])


def _sigterm(run: AppRun) -> None:
    run.process.send_signal(signal.SIGTERM)
