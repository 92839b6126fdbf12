"""Benchmark: what keeping the user's data costs, where they feel it.

Run (after `scripts/test` has provisioned Node, the harness and the Debian packages once):
    eval "$(scripts/ensure-node.sh --env)" && QT_QPA_PLATFORM=offscreen \\
        .venv/bin/python -m benchmarks.user_data [draft|kept|all]

`draft`: the real composer (offscreen) holding a 2 000-character post with two images, its
changes kept as a draft exactly as the window keeps them (`Composing`, the profile's
`DraftStore`); 600 keystrokes typed with `QTest` at 25 keys a second, so the autosave writes
every half second as it does for a person. Reports the main thread's CPU time per keystroke
with drafts kept minus the same typing with no drafts (`time.thread_time`: what the GUI thread
spends, the file writes on the worker thread excluded), and the draft handler's own time per
keystroke (p50, p95, max). Three runs of each, alternated.
`kept`: a returning user's launches with no network — the real app process on the real X
platform of a private Xvfb, its session in a private Secret Service, the full network behind
the fault proxy. One launch online keeps the home timeline; then every request is cut and the
app is launched seven times; reports spawn to the kept timeline painted (measured outside
the process) and the app's own figure from `run()` entry. Each launch must quit with no ERROR.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parents[1]
DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"
KEYS = 600
PACE = 1 / 25  # seconds between keystrokes


async def _typing(keep_drafts: bool, profile: Path) -> tuple[float, list[float], int]:
    """Main-thread CPU seconds for the whole typing, the draft handler's seconds per keystroke,
    and how many drafts were written."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desktop_app.app import Draft, Drafts, DraftStore
    from desktop_app.app.screens import Composing, Hooks
    from desktop_app.bsky import Agent, ImageUpload
    from desktop_app.ui.compose import Composer
    from tests.support.images import png

    composer = Composer()
    composer.resize(600, 400)
    composer.show()
    handler: list[float] = []
    written = 0
    composing: Composing | None = None
    if keep_drafts:
        drafts = Drafts(DraftStore(profile, DID), cast(Agent, None))
        save = drafts.save

        async def counted(draft: Draft, images: Sequence[ImageUpload] = ()) -> Draft:
            nonlocal written
            written += 1
            return await save(draft, images)

        drafts.save = counted  # type: ignore[method-assign]
        composing = Composing(drafts, Hooks())
        kept = composing

        def changed() -> None:
            started = time.perf_counter()
            kept.changed(composer.writing())
            handler.append(time.perf_counter() - started)

        composer.changed.connect(changed)
    from desktop_app.app import Writing

    images = tuple(ImageUpload(png(640 + n, 480), "image/png", alt=f"picture {n}")
                   for n in range(2))
    composer.load(Writing("Lorem ipsum dolor sit amet. " * 72, ("en",), images, None, None))
    composer.text_edit.setFocus()
    await asyncio.sleep(0.2)
    cpu = time.thread_time()
    for n in range(KEYS):
        QTest.keyClick(composer.text_edit, Qt.Key.Key_Space if n % 6 == 5 else Qt.Key.Key_A)
        await asyncio.sleep(PACE)
    if composing is not None:
        await composing.aclose(keep_open=True)
    cpu = time.thread_time() - cpu
    composer.close()
    composer.deleteLater()
    return cpu, handler, written


def draft(runs: int = 3) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from desktop_app.qt import AppEventLoop

    app = QApplication.instance() or QApplication([])
    loop = AppEventLoop(app)
    asyncio.set_event_loop(loop)
    with_drafts: list[float] = []
    without: list[float] = []
    handler: list[float] = []
    writes: list[int] = []
    for n in range(runs):
        for keep in (False, True):
            with tempfile.TemporaryDirectory(prefix="desktop-app-bench-") as profile:
                cpu, times, written = loop.run_until_complete(_typing(keep, Path(profile)))
            (with_drafts if keep else without).append(cpu / KEYS)
            if keep:
                handler.extend(times)
                writes.append(written)
                print(f"draft  run {n + 1}: main thread {cpu / KEYS * 1000:.3f} ms per key with "
                      f"drafts, {without[-1] * 1000:.3f} without; {written} drafts written",
                      flush=True)
    loop.run_until_complete(loop.shutdown_default_executor())
    loop.close()
    cost = [a - b for a, b in zip(with_drafts, without, strict=True)]
    ordered = sorted(handler)
    return {
        "runs": float(runs),
        "keys_per_run": float(KEYS),
        "drafts_written_per_run": statistics.mean(writes),
        "main_thread_cost_ms_per_key_min": min(cost) * 1000,
        "main_thread_cost_ms_per_key_max": max(cost) * 1000,
        "handler_ms_p50": ordered[len(ordered) // 2] * 1000,
        "handler_ms_p95": ordered[int(len(ordered) * 0.95)] * 1000,
        "handler_ms_max": ordered[-1] * 1000,
    }


def kept(runs: int = 7) -> dict[str, float]:
    import re

    from benchmarks._launches import returning_user
    from tests.support.app_process import PAINTED

    painted_kept = re.compile(r"kept timeline painted (\d+\.\d+) s after start: (\d+) posts")
    with returning_user(fault_proxy=True) as launches:
        launches.once(PAINTED, "the home timeline, online")  # keeps it for the next ones
        assert launches.net.proxy is not None
        for method in ("GET", "POST"):
            launches.net.proxy.inject(method, "/", "stall", times=1_000_000)
        for n in range(runs):
            found = launches.time(painted_kept, "the kept timeline painted")
            print(f"kept   run {n + 1}: spawn to kept timeline painted "
                  f"{launches.outside[-1]:.3f} s (the app's own figure "
                  f"{launches.inside[-1]:.3f} s, {found.group(2)} posts), {launches.platform}",
                  flush=True)
    return launches.spread("kept")


def main() -> int:
    what = sys.argv[1] if len(sys.argv) > 1 else "all"
    if what in {"draft", "all"}:
        for key, value in draft().items():
            print(f"draft  {key:34} {value:10.3f}")
    if what in {"kept", "all"}:
        for key, value in kept().items():
            print(f"kept   {key:34} {value:10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
