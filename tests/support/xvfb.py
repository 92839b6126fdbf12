"""A private Xvfb display for tests that need a real X server (xdg-open needs DISPLAY)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator

from tests.support.processes import stop_process


class XvfbUnavailableError(RuntimeError):
    pass


@contextlib.contextmanager
def running_xvfb() -> Iterator[str]:
    """Start Xvfb on a free display number (it picks one via -displayfd); yield ':N'."""
    if shutil.which("Xvfb") is None:
        raise XvfbUnavailableError("Xvfb is not installed")
    read, write = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number.isdigit():
            raise XvfbUnavailableError("Xvfb did not report a display")
        yield f":{number}"
    finally:
        stop_process(proc)
