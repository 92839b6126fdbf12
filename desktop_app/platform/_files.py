"""Small JSON files in the profile, private to the user and replaced atomically."""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..atproto import loads
from ..atproto.oauth import StorageError

FILE_MODE = 0o600
DIR_MODE = 0o700


def private_dir(path: Path) -> Path:
    """Create `path` (and parents) readable by this user only; tighten it if it exists."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if os.name == "posix" and path.stat().st_mode & 0o077:
        path.chmod(DIR_MODE)
    return path


_THREADS = threading.Lock()  # fcntl locks are per process: threads queue here first


@contextlib.contextmanager
def _exclusive(path: Path) -> Iterator[None]:
    """Hold `path`'s lock file: one read-modify-write at a time across threads and processes
    (the window and the command line share a profile)."""
    with _THREADS:
        private_dir(path.parent)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        try:
            if os.name == "posix":
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock


class JsonFile:
    """One JSON object in a file: read whole, written whole (write, fsync, rename), mode 0600
    in a 0700 directory. Holds only its path. A damaged file is a `StorageError`."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> dict[str, Any]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise StorageError(f"{self.path.name} is unreadable") from exc
        data = loads(text, self.path.name, error=StorageError)
        if not isinstance(data, dict):
            raise StorageError(f"{self.path.name} is not an object")
        return data

    def write(self, data: dict[str, Any]) -> None:
        private_dir(self.path.parent)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.{threading.get_ident()}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=1, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)

    def update(self, change: Callable[[dict[str, Any]], dict[str, Any]]) -> dict[str, Any]:
        """Read, `change`, write, with no other `update` of this file in between (in this
        process or another): two writers never lose each other's change. Returns what was
        written."""
        with _exclusive(self.path.with_name(f".{self.path.name}.lock")):
            data = change(self.read())
            self.write(data)
            return data
