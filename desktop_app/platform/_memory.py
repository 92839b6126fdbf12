"""Giving freed memory back to the system (glibc keeps it in its arenas otherwise)."""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys
from functools import cache

log = logging.getLogger(__name__)


M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter
# Decoded images and window buffers are larger than this: allocated by mmap, they go back to
# the system when freed, instead of staying in the heap (glibc raises its threshold on its own
# after the first large free, which is what kept tens of MB resident).
MMAP_THRESHOLD = 256 * 1024


@cache
def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


def _malloc_trim() -> ctypes._NamedFuncPointer | None:
    libc = _libc()
    return getattr(libc, "malloc_trim", None) if libc is not None else None  # glibc only


def tune_allocator() -> bool:
    """Serve large allocations by mmap from the start (glibc); elsewhere a no-op."""
    libc = _libc()
    mallopt = getattr(libc, "mallopt", None) if libc is not None else None
    if mallopt is None:
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD))


def release_free_memory() -> bool:
    """Return the heap's free pages to the system (glibc's `malloc_trim(0)`, every arena).
    Decoding many images leaves tens of MB free but still resident; elsewhere a no-op."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
