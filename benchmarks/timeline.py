"""Benchmark: 10 000 posts in the timeline (peak RSS, layout, scroll) and app start to first page.

Run (after `scripts/test` has provisioned Node, the harness and the Debian packages once):
    eval "$(scripts/ensure-node.sh --env)" && QT_QPA_PLATFORM=offscreen \\
        .venv/bin/python -m benchmarks.timeline [scroll|first-page|all]

`scroll`: the real main window (composer, timeline, delegate, image cache) offscreen with 10 000
varied posts (long, emoji, CJK, RTL, facets, reposts, replies, 1-4 images, link cards, quotes;
600 distinct avatars served from memory), appended a page of 50 at a time; then scrolls top to
bottom one viewport per frame, painting every frame. Prints peak RSS of the whole process.
Then, from the middle of the timeline, drags the window 640 → 1000 → 640 px wide three times and
finally to 1000 px, 8 px per frame (as a window manager delivers a drag), and reports how late the
event loop came back per frame, the time to lay all rows out at the new width, the cached
heights and the RSS growth.
`first-page`: signs alice.test in once against the local full network with a private Secret
Service, seeds her timeline, then launches the real app process (`python -m desktop_app`, on the
X platform of a private Xvfb when there is one) seven times with that restored session, as a
returning user does, and reports spawn-to-home-timeline-painted, measured outside the process,
and the app's own figure from `run()` entry (both include the keychain load). Each launch must
quit cleanly with no ERROR in its log.
"""

from __future__ import annotations

import asyncio
import os
import resource
import sys
import time
from pathlib import Path

from desktop_app.bsky import (
    Author,
    ExternalView,
    FeedItem,
    ImageView,
    PostView,
    QuotedPost,
    detect_facets,
)

ROOT = Path(__file__).resolve().parents[1]
POSTS = 10_000
PAGE = 50


def _rss_mb() -> tuple[float, float]:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    current = 0.0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            current = int(line.split()[1]) / 1024
    return current, peak


def _spread_ms(prefix: str, seconds: list[float]) -> dict[str, float]:
    """Count, p50, p95 and max of durations, in milliseconds."""
    ordered = sorted(seconds)
    return {
        f"{prefix}_count": float(len(ordered)),
        f"{prefix}_p50_ms": 1000 * ordered[len(ordered) // 2],
        f"{prefix}_p95_ms": 1000 * ordered[int(len(ordered) * 0.95)],
        f"{prefix}_max_ms": 1000 * ordered[-1],
    }


def _posts() -> list[FeedItem]:
    texts = [
        "Short one.",
        "A longer post that wraps over several lines in the timeline, with a link "
        "https://example.com/some/path and a #hashtag and a mention @bob.test 🙂",
        "日本語のテキストと絵文字 👩‍👩‍👧 が混ざった投稿です。#日本",
        "שלום עולם — right-to-left text with a few words",
        "",
        ("Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 5).strip(),
    ]
    authors = [Author(f"did:plc:{i:024d}", f"user{i}.test", f"User {i}",
                      f"https://cdn.invalid/avatar/{i}") for i in range(600)]
    items = []
    for n in range(POSTS):
        author = authors[n % len(authors)]
        text = texts[n % len(texts)]
        images: tuple[ImageView, ...] = ()
        if n % 5 == 0:
            count = 1 + (n // 5) % 4
            images = tuple(ImageView(f"https://cdn.invalid/thumb/{n}/{k}",
                                     f"https://cdn.invalid/full/{n}/{k}", f"alt {k}", (4, 3))
                           for k in range(count))
        external = (ExternalView("https://example.com/article", "An article", "Description")
                    if n % 7 == 0 else None)
        quote = (QuotedPost(f"at://{author.did}/app.bsky.feed.post/q{n}", authors[0],
                            "A quoted post", "2026-11-20T00:00:00Z") if n % 11 == 0 else None)
        post = PostView(uri=f"at://{author.did}/app.bsky.feed.post/{n}", cid=f"cid{n}",
                        author=author, text=text, created_at="2026-11-22T10:00:00Z",
                        indexed_at="2026-11-22T10:00:00Z", facets=tuple(detect_facets(text)),
                        like_count=n % 13, repost_count=n % 5, reply_count=n % 3,
                        images=images, external=external, quote=quote)
        items.append(FeedItem(post, reposted_by=authors[1] if n % 9 == 0 else None,
                              reply_parent_author=authors[2] if n % 8 == 0 else None))
    return items


def _jpeg(width: int, height: int) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 120, 40))
    painter = QPainter(image)
    for i in range(0, width, 40):  # some detail, so the file is a realistic size
        painter.fillRect(i, 0, 20, height, QColor(40 + i % 200, 90, 160))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The stubs say bytes; the binding takes the format as str (bytes raises ValueError).
    image.save(buffer, "JPEG", 80)  # type: ignore[call-overload]
    return bytes(buffer.data().data())


def scroll() -> dict[str, float]:
    from PySide6.QtCore import QPoint, QSettings
    from PySide6.QtWidgets import QApplication

    from desktop_app.platform import tune_allocator
    from desktop_app.qt import new_event_loop
    from desktop_app.ui.accounts import SignInPage
    from desktop_app.ui.posts import RELAYOUT_DELAY_MS, ImageCache
    from desktop_app.ui.window import MainWindow

    tune_allocator()  # as the app does at start
    loop = new_event_loop()
    asyncio.set_event_loop(loop)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # What the AppView's CDN serves: JPEG avatars (1000 px) and feed thumbnails (1000 px).
    avatar, thumb = _jpeg(1000, 1000), _jpeg(1000, 750)

    async def fetch(url: str) -> bytes:
        await asyncio.sleep(0)
        return avatar if "/avatar/" in url else thumb

    images = ImageCache(fetch)
    ini = Path(os.environ.get("TMPDIR", "/tmp")) / "desktop-app-bench-window.ini"
    window = MainWindow(SignInPage(),
                        QSettings(str(ini), QSettings.Format.IniFormat), images)
    window.resize(640, 900)
    window.show_home()
    window.show()
    view = window.timeline
    view.loaded()
    items = _posts()
    before, _ = _rss_mb()

    async def settle() -> None:
        # The qasync loop handles Qt events while it waits (no processEvents() inside a task:
        # that would run other tasks' steps re-entrantly).
        await asyncio.sleep(0.001)

    async def layout_done() -> None:
        bar = view.list.verticalScrollBar()
        previous = -1
        while bar.maximum() != previous:  # batched layout runs in the event loop
            previous = bar.maximum()
            for _ in range(20):
                await settle()

    async def drag() -> dict[str, float]:
        bar = view.list.verticalScrollBar()
        bar.setValue(bar.maximum() // 2)
        await layout_done()
        top_before = view.list.indexAt(QPoint(0, 0)).row()
        rss_before, _ = _rss_mb()
        widths = [*range(640, 1001, 8), *range(1000, 639, -8)]
        frame = 0.016
        late: list[float] = []
        started = time.perf_counter()
        # Three drags there and back, then one to a width whose row heights are all new.
        for width in [*widths, *widths, *widths, *range(640, 1001, 8)]:
            window.resize(width, 900)
            tick = time.perf_counter()
            await asyncio.sleep(frame)
            late.append(time.perf_counter() - tick - frame)
        drag_s = time.perf_counter() - started
        # The view re-lays out the rows RELAYOUT_DELAY_MS after the last width change, in
        # batches; it is done when the last row has a place.
        started = time.perf_counter()
        await asyncio.sleep(RELAYOUT_DELAY_MS / 1000 + 0.02)
        last = view.model.index(view.model.rowCount() - 1)
        settle_late = [0.0]
        while not view.list.visualRect(last).isValid():
            if time.perf_counter() - started > 60:
                raise RuntimeError("the rows were never laid out at the new width")
            tick = time.perf_counter()
            await asyncio.sleep(0.005)
            settle_late.append(time.perf_counter() - tick - 0.005)
        settle_s = time.perf_counter() - started
        await asyncio.sleep(0.05)  # the place is put back once the layout has finished
        top_after = view.list.indexAt(QPoint(0, 0)).row()
        rss_after, _ = _rss_mb()
        return {
            **_spread_ms("resize_late", late),
            "resize_drag_s": drag_s,
            "resize_settle_s": settle_s,
            "resize_settle_late_max_ms": 1000 * max(settle_late),
            "resize_cached_heights": float(view.delegate.cached_heights()),
            "resize_final_viewport_px": float(view.list.viewport().width()),
            "resize_top_row_before": float(top_before),
            "resize_top_row_after": float(top_after),
            "resize_rss_growth_mb": rss_after - rss_before,
        }

    async def run() -> tuple[float, float, list[float]]:
        started = time.perf_counter()
        for start in range(0, len(items), PAGE):
            view.model.append(items[start:start + PAGE])
            await settle()
        bar = view.list.verticalScrollBar()
        await layout_done()
        layout_s = time.perf_counter() - started

        frames = []
        step = view.list.viewport().height()
        started = time.perf_counter()
        value = 0
        while True:
            frame = time.perf_counter()
            bar.setValue(value)
            view.list.viewport().repaint()  # painted inside the running loop, as in the app
            await settle()
            frames.append(time.perf_counter() - frame)
            if value >= bar.maximum():
                break
            value = min(bar.maximum(), value + step)
        return layout_s, time.perf_counter() - started, frames

    layout_s, scroll_s, frames = loop.run_until_complete(run())
    resized = loop.run_until_complete(drag())
    loop.run_until_complete(images.aclose())
    current, peak = _rss_mb()
    result = {
        "posts": float(view.model.rowCount()),
        "layout_s": layout_s,
        "scroll_s": scroll_s,
        **_spread_ms("frame", frames),
        "rss_before_posts_mb": before,
        "rss_after_mb": current,
        "peak_rss_mb": peak,
        "images_fetched": float(images.fetches),
        "paints": float(view.delegate.paint_count),
        **resized,
    }
    window.close()
    return result


def first_page(runs: int = 7) -> dict[str, float]:
    """A returning user's launches: the real process, its own qasync `run()`, the real X
    platform on a private Xvfb (offscreen where there is no Xvfb), the session restored from a
    private Secret Service; spawn to the home timeline painted, measured outside the process."""
    from benchmarks._launches import returning_user
    from tests.support.app_process import PAINTED

    with returning_user() as launches:
        for n in range(runs):
            launches.time(PAINTED, "the home timeline painted")
            print(f"first-page  run {n + 1}: spawn to painted {launches.outside[-1]:.3f} s "
                  f"(the app's own figure {launches.inside[-1]:.3f} s), {launches.platform}",
                  flush=True)
    spread = launches.spread("first_page")
    del spread["run_to_first_page_min_s"]  # the keys this benchmark has always printed
    return spread


def main() -> int:
    what = sys.argv[1] if len(sys.argv) > 1 else "all"
    if what in {"scroll", "all"}:
        for key, value in scroll().items():
            print(f"scroll      {key:28} {value:10.3f}")
    if what in {"first-page", "all"}:
        for key, value in first_page().items():
            print(f"first-page  {key:28} {value:10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
