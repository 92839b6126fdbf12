"""The image cache: one download per URL, decoded per size, callers cancelled on their own."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QSize

from desktop_app.ui.posts import ImageCache
from tests.support.images import png
from tests.support.waiting import eventually

URL = "https://cdn.example/img/a.png"


async def test_two_sizes_share_one_download_and_one_cancel_leaves_the_other() -> None:
    release = asyncio.Event()
    fetched: list[str] = []

    async def fetch(url: str) -> bytes:
        fetched.append(url)
        await release.wait()
        return png(40, 30)

    cache = ImageCache(fetch)
    loaded: list[str] = []
    cache.loaded.connect(loaded.append)
    try:
        assert cache.image(URL, QSize(20, 15)) is None
        assert cache.image(URL, QSize(40, 30)) is None
        await eventually(lambda: len(fetched) == 1, "the one download", timeout=5)
        # The small view went away: its decode is cancelled, the download it shares is not.
        cache.cancel(URL, QSize(20, 15))
        release.set()
        await eventually(lambda: cache.image(URL, QSize(40, 30)) is not None, "the large decode",
                         timeout=5)
        assert fetched == [URL] and loaded
        image = cache.image(URL, QSize(40, 30))
        assert image is not None and image.width() == 40
        # The cancelled size is not marked failed: asking again loads it from the kept bytes
        # (meanwhile the other size may stand in, to be drawn scaled).
        first = cache.image(URL, QSize(20, 15))
        assert first is None or first.width() == 40

        def small_loaded() -> bool:
            small = cache.image(URL, QSize(20, 15))
            return small is not None and small.width() == 20

        await eventually(small_loaded, "the small decode", timeout=5)
        assert fetched == [URL]
    finally:
        await cache.aclose()
