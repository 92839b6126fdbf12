"""Profile files: private, replaced whole, and changed by one writer at a time across
processes (the window and the command line share a profile)."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

from desktop_app.platform import JsonFile

ROOT = Path(__file__).resolve().parents[2]
# Each change takes a moment (as a real one that copies images does): without the lock the
# writers overlap and drop each other's keys.
WRITER = """
import sys, time
from pathlib import Path
from desktop_app.platform import JsonFile
file = JsonFile(Path(sys.argv[1]))
def change(data, n):
    time.sleep(0.002)
    return {**data, f"{sys.argv[2]}-{n}": n}
for n in range(int(sys.argv[3])):
    file.update(lambda data: change(data, n))
"""


def test_writers_in_several_processes_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "profile" / "shared.json"
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, "40"], cwd=ROOT)
               for name in ("window", "cli", "other")]
    assert [w.wait(timeout=60) for w in writers] == [0, 0, 0]
    data = JsonFile(path).read()
    assert len(data) == 120  # without the lock, read-modify-write races drop keys
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    lock = path.with_name(".shared.json.lock")
    assert stat.S_IMODE(lock.stat().st_mode) == 0o600


def test_update_returns_what_it_wrote(tmp_path: Path) -> None:
    file = JsonFile(tmp_path / "a.json")
    assert file.update(lambda data: {**data, "n": data.get("n", 0) + 1}) == {"n": 1}
    assert file.update(lambda data: {**data, "n": data["n"] + 1}) == {"n": 2}
    assert file.read() == {"n": 2}
