"""Avatars and thumbnails: fetched once per URL, decoded to display size off the GUI thread."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader

from ..atproto import SingleFlightCache

log = logging.getLogger(__name__)

FetchBytes = Callable[[str], Awaitable[bytes]]
MAX_CONCURRENT = 6
MAX_IMAGE_BYTES = 5 * 1024 * 1024
RAW_BUDGET = 8 * 1024 * 1024  # fetched bytes kept, so a second size needs no refetch
DECODED_BUDGET = 32 * 1024 * 1024
DECODERS = 2

Key = tuple[str, int, int]


class ImageCache(QObject):
    """`image(url, size)` answers from memory or returns None and starts one fetch-and-decode;
    `loaded` fires when it is ready. Images are decoded straight to the size they are shown at
    (in a worker thread: QImage, unlike QPixmap, may live off the GUI thread), so painting never
    scales and memory holds display-size pixels only. Failed URLs are not retried.

    Holds two byte-budgeted caches (fetched bytes by URL, so a second size needs no refetch;
    decoded images by URL and size), the URLs that failed, and the decode threads."""

    loaded = Signal(str)

    def __init__(self, fetch: FetchBytes) -> None:
        super().__init__()
        self._fetch = fetch
        self._raw: SingleFlightCache[str, bytes] = SingleFlightCache(
            ttl=None, budget=RAW_BUDGET, cost=len)
        self._images: SingleFlightCache[Key, QImage] = SingleFlightCache(
            ttl=None, budget=DECODED_BUDGET, cost=lambda image: image.sizeInBytes())
        self._failed: set[str] = set()
        self._slots = asyncio.Semaphore(MAX_CONCURRENT)
        # Our own plain threads: qasync's default executor is QThread-based and aborts the
        # process if a decode is still running at exit.
        self._decoders = ThreadPoolExecutor(DECODERS, thread_name_prefix="image-decode")
        self.fetches = 0

    def image(self, url: str | None, size: QSize) -> QImage | None:
        if not url or size.isEmpty():
            return None
        key = (url, size.width(), size.height())
        found = self._images.peek(key)
        if found is not None:
            return found
        if not self._images.loading(key) and url not in self._failed:
            try:
                asyncio.get_running_loop()
            except RuntimeError:
                return None  # painted outside the app's event loop (a bare widget test)
            task = self._images.start(key, lambda: self._decode(key))
            task.add_done_callback(lambda t: self._finished(url, t))
        return None

    async def _download(self, url: str) -> bytes:
        async with self._slots:
            self.fetches += 1
            data = await self._fetch(url)
        if len(data) > MAX_IMAGE_BYTES:
            raise ValueError("image too large")
        return data

    async def _decode(self, key: Key) -> QImage:
        url, width, height = key
        data = await self._raw.get(url, lambda: self._download(url))
        return await asyncio.get_running_loop().run_in_executor(
            self._decoders, decode_to_size, data, QSize(width, height))

    def _finished(self, url: str, task: asyncio.Task[QImage]) -> None:
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:  # any failure means "show the placeholder"
            log.info("image not loaded (%s)", type(exc).__name__)
            self._failed.add(url)
            return
        self.loaded.emit(url)

    def cancel(self, url: str, size: QSize) -> None:
        """Stop loading `url` at `size` (its view went away); a download other sizes share
        goes on."""
        key = (url, size.width(), size.height())
        if self._images.loading(key):
            self._images.start(key, lambda: self._decode(key)).cancel()

    @property
    def busy(self) -> bool:
        """Whether a fetch or decode is still in flight."""
        return self._images.in_flight > 0

    async def aclose(self) -> None:
        await self._images.aclose()
        await self._raw.aclose()
        self._decoders.shutdown(wait=True, cancel_futures=True)


def decode_to_size(data: bytes, size: QSize) -> QImage:
    """Decode and cover-crop to exactly `size` (the decoder downsamples JPEGs for free)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    source = reader.size()
    if source.isValid() and not source.isEmpty():
        scaled = source.scaled(size, Qt.AspectRatioMode.KeepAspectRatioByExpanding)
        if scaled.width() < source.width():
            reader.setScaledSize(scaled)
    image = reader.read()
    if image.isNull():
        raise ValueError(f"not a decodable image ({reader.errorString()})")
    if image.size() != size:
        image = image.scaled(size, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                             Qt.TransformationMode.SmoothTransformation)
    x = max(0, (image.width() - size.width()) // 2)
    y = max(0, (image.height() - size.height()) // 2)
    return image.copy(x, y, size.width(), size.height()).convertToFormat(
        QImage.Format.Format_ARGB32_Premultiplied)
