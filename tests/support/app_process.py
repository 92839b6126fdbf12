"""Runs the real app as a process: wait for its log to say it started, then quit it with SIGTERM."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class AppRun:
    process: subprocess.Popen[str]
    log: Path
    startup: float = 0.0  # seconds from spawn to "app started" in the log
    stderr: str = field(default="", repr=False)  # filled in once it has quit

    def log_text(self) -> str:
        return self.log.read_text() if self.log.exists() else ""


def wait_until(condition: Callable[[], bool], what: str, *, timeout: float = 60,
               process: subprocess.Popen[str] | None = None) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if process is not None and process.poll() is not None:
            raise AssertionError(f"the app exited before {what}: {process.communicate()}")
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} did not happen within {timeout} s")
        time.sleep(0.01)


@contextmanager
def running_app(command: Sequence[str], env: dict[str, str], log: Path, *,
                cwd: Path | None = None, started: str = "app started",
                timeout: float = 60) -> Iterator[AppRun]:
    """Yields once `started` is logged; on leaving, SIGTERM and require a clean exit (0)."""
    begun = time.monotonic()
    process = subprocess.Popen(list(command), env=env, cwd=cwd, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    run = AppRun(process, log)
    try:
        wait_until(lambda: started in run.log_text(), f"{started!r} in the log",
                   timeout=timeout, process=process)
        run.startup = time.monotonic() - begun
        yield run
        process.send_signal(signal.SIGTERM)
        _, run.stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, run.stderr
