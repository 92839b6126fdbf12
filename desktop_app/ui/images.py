"""Avatars and thumbnails: fetched once per URL on the event loop, decoded, kept in an LRU."""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap

log = logging.getLogger(__name__)

FetchBytes = Callable[[str], Awaitable[bytes]]
MAX_CONCURRENT = 6
CACHE_ENTRIES = 600
MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_DECODED_SIDE = 600  # thumbnails are shown at most this big; keep memory bounded
DECODED_BUDGET = 48 * 1024 * 1024


class ImageCache(QObject):
    """`pixmap(url, size)` answers from memory or returns None and starts one fetch; `loaded`
    fires when it arrives. Failed URLs are not retried until `clear_failures()`."""

    loaded = Signal(str)

    def __init__(self, fetch: FetchBytes, *, entries: int = CACHE_ENTRIES) -> None:
        super().__init__()
        self._fetch = fetch
        self._entries = entries
        self._images: OrderedDict[str, QImage] = OrderedDict()
        self._scaled: OrderedDict[tuple[str, int, int], QPixmap] = OrderedDict()
        self._pending: dict[str, asyncio.Task[None]] = {}
        self._failed: set[str] = set()
        self._slots = asyncio.Semaphore(MAX_CONCURRENT)
        self._decoded_bytes = 0
        self.fetches = 0

    def pixmap(self, url: str | None, size: QSize) -> QPixmap | None:
        if not url:
            return None
        key = (url, size.width(), size.height())
        cached = self._scaled.get(key)
        if cached is not None:
            self._scaled.move_to_end(key)
            return cached
        image = self._images.get(url)
        if image is None:
            self._request(url)
            return None
        scaled = QPixmap.fromImage(image.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
            Qt.TransformationMode.SmoothTransformation))
        self._scaled[key] = scaled
        if len(self._scaled) > self._entries:
            self._scaled.popitem(last=False)
        return scaled

    def failed(self, url: str) -> bool:
        return url in self._failed

    def clear_failures(self) -> None:
        self._failed.clear()

    def _request(self, url: str) -> None:
        if url in self._pending or url in self._failed:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # painted outside the app's event loop (a bare widget test): placeholder
        self._pending[url] = loop.create_task(self._load(url))

    async def _load(self, url: str) -> None:
        try:
            async with self._slots:
                self.fetches += 1
                data = await self._fetch(url)
            image = QImage()
            if len(data) > MAX_IMAGE_BYTES or not image.loadFromData(data):
                raise ValueError("not a decodable image")
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.info("image not loaded (%s)", type(exc).__name__)
            self._failed.add(url)
            return
        finally:
            self._pending.pop(url, None)
        if max(image.width(), image.height()) > MAX_DECODED_SIDE:
            image = image.scaled(MAX_DECODED_SIDE, MAX_DECODED_SIDE,
                                 Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        self._images[url] = image
        self._decoded_bytes += image.sizeInBytes()
        while self._images and (len(self._images) > self._entries
                                or self._decoded_bytes > DECODED_BUDGET):
            _, old = self._images.popitem(last=False)
            self._decoded_bytes -= old.sizeInBytes()
        self.loaded.emit(url)

    async def aclose(self) -> None:
        tasks = list(self._pending.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
