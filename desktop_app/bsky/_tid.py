"""Record keys chosen by the app: TIDs (atproto's timestamp identifiers), so a write can be
retried without making a second record."""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable

ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"  # base32-sortable: sorts as the time does
_CLOCK_ID = secrets.randbelow(1024)  # per process: two devices writing in the same µs differ
_lock = threading.Lock()
_last = 0


def next_tid(clock: Callable[[], float] = time.time) -> str:
    """A new TID: microseconds since the epoch and this process's clock id, 13 characters,
    strictly increasing within the process (even when the clock stands still or steps back)."""
    global _last
    with _lock:
        micros = max(int(clock() * 1_000_000), _last + 1)
        _last = micros
    value = (micros << 10) | _CLOCK_ID
    return "".join(ALPHABET[(value >> shift) & 31] for shift in range(60, -1, -5))
