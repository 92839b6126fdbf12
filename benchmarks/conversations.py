"""Benchmark: threads, notifications and history in the real window, on the local network.

Run (after `scripts/test` has provisioned Node, the harness and the Debian packages once):
    eval "$(scripts/ensure-node.sh --env)" && QT_QPA_PLATFORM=offscreen \\
        .venv/bin/python -m benchmarks.conversations [thread|notifications|history|all]

Starts the full network (PDS + AppView on loopback), seeds a post of alice's with 200 replies
from bob (and 25 more posts with replies), signs alice into the real main window (offscreen,
the real controllers and application layer) and measures:
`thread`: click to first paint of a thread with 200 replies (`open_thread` called as a click
does, until the thread's list has painted rows), five runs;
`notifications`: XRPC requests the window makes for notifications in one minute while visible
and idle (and all requests, for context);
`history`: RSS before and after visiting 50 threads and profiles one after another and going
back through all of them.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import resource
import statistics
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REPLIES = 200
VISITS = 50


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def _seed(net: Any, alice: Any, bob_client: Any, bob_session: Any) -> tuple[str, list[str]]:
    """alice's question with 200 replies from bob; 25 more posts of alice's, one reply each."""
    from tests.support.oauth import pds_client

    root = await alice.create_post("A question for the thread benchmark")
    others = [await alice.create_post(f"Another post {n}") for n in range(VISITS // 2)]
    ref = {"uri": root.uri, "cid": root.cid}
    async with pds_client(bob_client, bob_session) as xrpc:
        writes = [{"$type": "com.atproto.repo.applyWrites#create",
                   "collection": "app.bsky.feed.post",
                   "value": {"$type": "app.bsky.feed.post", "text": f"Reply number {n} 🙂",
                             "reply": {"root": ref, "parent": ref},
                             "createdAt": f"2026-12-01T10:{n // 60:02d}:{n % 60:02d}Z"}}
                  for n in range(REPLIES)]
        writes += [{"$type": "com.atproto.repo.applyWrites#create",
                    "collection": "app.bsky.feed.post",
                    "value": {"$type": "app.bsky.feed.post", "text": "a reply",
                              "reply": {"root": {"uri": o.uri, "cid": o.cid},
                                        "parent": {"uri": o.uri, "cid": o.cid}},
                              "createdAt": "2026-12-01T11:00:00Z"}} for o in others]
        for start in range(0, len(writes), 200):
            response = await xrpc.post("/xrpc/com.atproto.repo.applyWrites", json={
                "repo": bob_session.did, "writes": writes[start:start + 200]})
            response.raise_for_status()
    net.process_all()
    return root.uri, [o.uri for o in others]


@contextlib.asynccontextmanager
async def _window(net: Any) -> AsyncIterator[tuple[Any, Any, Counter[str]]]:
    """The real window and controller, signed in as alice; counts every XRPC path."""
    import tempfile

    from PySide6.QtCore import QSettings

    from desktop_app.app import (
        Accounts,
        SignIn,
        SignInFlows,
        agent_for,
        make_core,
        make_oauth_client,
    )
    from desktop_app.atproto.oauth import MemorySessionStore, MemoryStateStore
    from desktop_app.bsky import fetch_media
    from desktop_app.settings import Settings
    from desktop_app.ui.accounts import SignInPage
    from desktop_app.ui.posts import ImageCache
    from desktop_app.ui.window import AppController, MainWindow
    from tests.support.oauth import oauth_client, sign_in

    home = Path(tempfile.mkdtemp(prefix="desktop-app-bench-"))
    settings = Settings.load({"DESKTOP_APP_HOME": str(home), "DESKTOP_APP_PLC_URL": net.plc_url,
                              "DESKTOP_APP_HANDLE_RESOLVER": net.pds_url,
                              "DESKTOP_APP_ALLOW_INSECURE_LOOPBACK": "1"})
    core = make_core(settings)
    paths: Counter[str] = Counter()

    async def count(request: Any) -> None:
        paths[request.url.path] += 1

    core.http.event_hooks["request"].append(count)
    client = make_oauth_client(settings, core, sessions=MemorySessionStore(),
                               states=MemoryStateStore())
    alice_session = await sign_in(client, net.alice)
    alice = agent_for(client, alice_session.did)
    async with oauth_client(net) as (bob_client, _):
        bob_session = await sign_in(bob_client, net.bob)
        await alice.follow(bob_session.did)
        seeded = await _seed(net, alice, bob_client, bob_session)
    images = ImageCache(lambda url: fetch_media(core.http, core.policy, url))
    window = MainWindow(SignInPage(),
                        QSettings(str(home / "window.ini"), QSettings.Format.IniFormat), images)
    window.resize(700, 900)
    window.show()
    accounts = Accounts(client, SignIn(client, SignInFlows(client.config)), clock=time.time)
    controller = AppController(window, accounts)
    try:
        await controller.start()
        while controller.screens is None:
            await asyncio.sleep(0.01)
        window.seeded = seeded  # type: ignore[attr-defined]
        yield window, controller, paths
    finally:
        await controller.aclose()
        await images.aclose()
        await core.aclose()


async def _shown(view: Any, timeout: float = 30) -> None:
    """Until the view's list has painted rows."""
    painted = asyncio.Event()
    view.list.first_page_painted.connect(painted.set)
    await asyncio.wait_for(painted.wait(), timeout)


async def _loaded(view: Any, timeout: float = 30) -> None:
    """Until the view's list shows its rows, its empty text or an error (not "Loading…")."""
    deadline = time.monotonic() + timeout
    while view.list.stack.currentWidget() is view.list.loading_label:
        if time.monotonic() > deadline:
            raise TimeoutError("the view never loaded")
        await asyncio.sleep(0.005)
    await asyncio.sleep(0.02)  # and is painted


async def thread(window: Any, controller: Any, runs: int = 5) -> dict[str, float]:
    """As a click on the post in a list does: the post is known, the thread is fetched."""
    from desktop_app.ui.screens import ThreadView

    root, _ = window.seeded
    post = (await controller.screens.agent.posts([root]))[0]
    first: list[float] = []
    replies: list[float] = []
    rows = 0
    for _ in range(runs):
        window.go("home")
        await asyncio.sleep(0.2)
        started = time.perf_counter()
        controller.open_thread(root, post)
        view = window.navigator.current
        assert isinstance(view, ThreadView)
        await _shown(view)
        first.append(time.perf_counter() - started)
        while view.list.model.rowCount() <= 1:  # the replies arrive
            await asyncio.sleep(0.001)
        painted = view.list.delegate.paint_count
        while view.list.delegate.paint_count == painted:
            await asyncio.sleep(0.001)
        replies.append(time.perf_counter() - started)
        rows = view.list.model.rowCount()
    return {"thread_rows": float(rows), "runs": float(runs),
            "click_to_first_paint_median_ms": 1000 * statistics.median(first),
            "click_to_first_paint_max_ms": 1000 * max(first),
            "click_to_replies_painted_median_ms": 1000 * statistics.median(replies),
            "click_to_replies_painted_max_ms": 1000 * max(replies)}


async def notifications(window: Any, controller: Any, paths: Counter[str],
                        seconds: float = 60.0) -> dict[str, float]:
    window.go("home")
    await asyncio.sleep(1)
    before = Counter(paths)
    await asyncio.sleep(seconds)
    made = paths - before
    notes = sum(n for p, n in made.items() if "notification" in p)
    return {"minutes": seconds / 60, "notification_requests_per_min": notes * 60 / seconds,
            "all_requests_per_min": sum(made.values()) * 60 / seconds}


async def history(window: Any, controller: Any) -> dict[str, float]:
    import gc

    from desktop_app.app.screens import OpenProfile
    from desktop_app.ui.screens import ProfileView, ThreadView

    _, others = window.seeded
    bob = controller.screens.agent.did if controller.screens else ""
    people = [(await controller.screens.agent.profile("bob.test")).did, bob]
    window.go("home")
    await asyncio.sleep(1)
    gc.collect()
    before = _rss_mb()
    for n in range(VISITS):
        if n % 2 == 0:
            controller.open_thread(others[(n // 2) % len(others)])
        else:
            controller.open(OpenProfile(people[0]))
        view = window.navigator.current
        assert isinstance(view, ThreadView | ProfileView)
        await _loaded(view)
    peak = _rss_mb()
    while window.navigator.back():
        await asyncio.sleep(0.02)
    await asyncio.sleep(1)
    gc.collect()
    after = _rss_mb()
    return {"visits": float(VISITS), "rss_before_mb": before, "rss_at_50_mb": peak,
            "rss_after_back_mb": after, "rss_growth_mb": after - before,
            "views_alive": float(len(window.navigator.pushed_views()))}


def main() -> int:
    what = sys.argv[1] if len(sys.argv) > 1 else "all"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop_app.platform import tune_allocator
    from desktop_app.qt import new_event_loop
    from tests.support.harness import running_full_network

    tune_allocator()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    loop = new_event_loop()
    asyncio.set_event_loop(loop)

    async def run(net: Any) -> list[tuple[str, dict[str, float]]]:
        out = []
        async with _window(net) as (window, controller, paths):
            if what in {"thread", "all"}:
                out.append(("thread", await thread(window, controller)))
            if what in {"history", "all"}:
                out.append(("history", await history(window, controller)))
            if what in {"notifications", "all"}:
                out.append(("notifications", await notifications(window, controller, paths)))
        return out

    with running_full_network() as net:
        results = loop.run_until_complete(run(net))
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.close()
    for name, figures in results:
        for key, value in figures.items():
            print(f"{name:14} {key:32} {value:10.3f}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
