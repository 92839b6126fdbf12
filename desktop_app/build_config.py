"""Values baked into a package at build time (client_id, version); a source tree has none."""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

BAKED_FILE = "build-config.json"
_KEYS = {"client_id", "version"}


def baked_path() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller's unpack directory
    base = Path(bundle) if isinstance(bundle, str) else Path(__file__).parent
    return base / BAKED_FILE


def load(path: Path | None = None) -> dict[str, str]:
    """The baked values; a missing file is {} and a malformed one is an error (a bad build)."""
    return dict(_read(path or baked_path()))


@cache  # read at import (version) and by Settings.load: once per process is enough
def _read(path: Path) -> dict[str, str]:
    try:
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise RuntimeError(f"{path} is unreadable: {exc}") from exc
    if not isinstance(raw, dict) or not set(raw) <= _KEYS or not all(
            isinstance(v, str) for v in raw.values()):
        raise RuntimeError(f"{path} must be an object with string {sorted(_KEYS)} only")
    return {k: v for k, v in raw.items() if v}
