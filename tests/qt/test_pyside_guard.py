"""Guards against PySide6 builds that corrupt the refcount of None (6.12.0 on CPython 3.11)."""

from __future__ import annotations

import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject


def test_void_binding_calls_keep_none_refcount() -> None:
    obj = QObject()
    obj.setObjectName("warmup")
    before = sys.getrefcount(None)
    for i in range(1000):
        obj.setObjectName(f"n{i % 7}")
    after = sys.getrefcount(None)
    # A broken build loses one reference per call (-1000); allow small unrelated noise.
    assert abs(after - before) < 50, (pyside_version, before, after)


def test_pinned_pyside_series() -> None:
    major, minor = (int(x) for x in pyside_version.split(".")[:2])
    assert (major, minor) == (6, 11), pyside_version
