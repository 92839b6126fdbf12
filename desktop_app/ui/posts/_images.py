"""Avatars and thumbnails: fetched once per URL, decoded to display size off the GUI thread."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Literal

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QImage, QImageReader, QPainter, QPainterPath

from ...app import SingleFlightCache, release_free_memory
from ...bsky import MAX_MEDIA_BYTES

log = logging.getLogger(__name__)

FetchBytes = Callable[[str], Awaitable[bytes]]
MAX_CONCURRENT = 6
RAW_BUDGET = 3 * 1024 * 1024  # fetched bytes kept, so a second size needs no refetch
# Decoded pixels, in two pools: small ones (avatars) must not be pushed out by a few large
# thumbnails, or every avatar is fetched and decoded again a screen later.
SMALL_BUDGET = 6 * 1024 * 1024
LARGE_BUDGET = 6 * 1024 * 1024
SMALL_PIXELS = 96 * 96
SETTLE = 0.25  # seconds a new size of an image already shown must be wanted before decoding
MAX_ASKED = 2000
# After this many bytes of pixels decoded, freed memory is handed back to the system.
TRIM_AFTER = 4 * 1024 * 1024
DECODERS = 2

# The shape an image is drawn in: as decoded, a disc (avatars), or with rounded corners
# (thumbnails). Applied when decoding, off the GUI thread, so painting is a plain blit.
Shape = Literal["rect", "circle", "rounded"]
CORNER = 8  # radius of a rounded thumbnail's corners
Key = tuple[str, int, int, Shape]


class ImageCache(QObject):
    """`image(url, size)` answers from memory or returns None and starts one fetch-and-decode;
    `loaded` fires when it is ready. Images are decoded straight to the size they are shown at
    (in a worker thread: QImage, unlike QPixmap, may live off the GUI thread), so memory holds
    display-size pixels only. While the size keeps changing (a window being resized), the last
    decoded size is returned to be drawn scaled, and the new size is decoded only once it has
    been asked for `SETTLE` seconds. Failed URLs are not retried.

    Holds the byte-budgeted caches (fetched bytes by URL, so a second size needs no refetch;
    decoded images by URL and size, small and large apart), the last decoded size per URL, when
    each undecoded size was first asked for, the URLs that failed, and the decode threads."""

    loaded = Signal(str)

    def __init__(self, fetch: FetchBytes) -> None:
        super().__init__()
        self._fetch = fetch
        self._raw: SingleFlightCache[str, bytes] = SingleFlightCache(
            ttl=None, budget=RAW_BUDGET, cost=len)
        self._small: SingleFlightCache[Key, QImage] = SingleFlightCache(
            ttl=None, budget=SMALL_BUDGET, cost=lambda image: image.sizeInBytes())
        self._large: SingleFlightCache[Key, QImage] = SingleFlightCache(
            ttl=None, budget=LARGE_BUDGET, cost=lambda image: image.sizeInBytes())
        self._failed: set[str] = set()
        self._slots = asyncio.Semaphore(MAX_CONCURRENT)
        # Our own plain threads: qasync's default executor is QThread-based and aborts the
        # process if a decode is still running at exit.
        self._decoders = ThreadPoolExecutor(DECODERS, thread_name_prefix="image-decode")
        self.fetches = 0
        self._since_trim = 0
        self._latest: dict[tuple[str, Shape], Key] = {}
        self._asked: dict[Key, float] = {}

    def image(self, url: str | None, size: QSize, shape: Shape = "rect") -> QImage | None:
        """The image at `url`, `size` and `shape` when decoded, else the one at the size it
        was last decoded at (to draw scaled meanwhile), or None; a decode starts if needed."""
        if not url or size.isEmpty():
            return None
        key = (url, size.width(), size.height(), shape)
        pool = self._pool(key)
        found = pool.peek(key)
        if found is not None:
            return found
        if pool.loading(key) or url in self._failed:
            return self._fallback(url, shape)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return None  # painted outside the app's event loop (a bare widget test)
        fallback = self._fallback(url, shape)
        if fallback is not None and self._unsettled(key, loop):
            return fallback
        self._asked.pop(key, None)
        task = pool.start(key, lambda: self._decode(key))
        task.add_done_callback(lambda t: self._finished(key, t))
        return fallback

    def _fallback(self, url: str, shape: Shape) -> QImage | None:
        """The image at the size it was last decoded at, to draw scaled meanwhile."""
        key = self._latest.get((url, shape))
        return self._pool(key).peek(key) if key is not None else None

    def _unsettled(self, key: Key, loop: asyncio.AbstractEventLoop) -> bool:
        """Whether `key` was first asked for less than `SETTLE` s ago; the first time, a
        repaint is asked for once it has settled."""
        now = time.monotonic()
        first = self._asked.get(key)
        if first is None:
            if len(self._asked) > MAX_ASKED:
                self._asked = {k: t for k, t in self._asked.items() if now - t < SETTLE * 4}
            self._asked[key] = now
            loop.call_later(SETTLE, self.loaded.emit, key[0])
            return True
        return now - first < SETTLE

    def _pool(self, key: Key) -> SingleFlightCache[Key, QImage]:
        return self._small if key[1] * key[2] <= SMALL_PIXELS else self._large

    async def _download(self, url: str) -> bytes:
        async with self._slots:
            self.fetches += 1
            data = await self._fetch(url)
        if len(data) > MAX_MEDIA_BYTES:
            raise ValueError("image too large")
        return data

    async def _decode(self, key: Key) -> QImage:
        url, width, height, shape = key
        data = await self._raw.get(url, lambda: self._download(url))
        return await asyncio.get_running_loop().run_in_executor(
            self._decoders, decode_to_size, data, QSize(width, height), shape)

    def _finished(self, key: Key, task: asyncio.Task[QImage]) -> None:
        if task.cancelled():
            return
        url = key[0]
        exc = task.exception()
        if exc is not None:  # any failure means "show the placeholder"
            log.info("image not loaded (%s)", type(exc).__name__)
            self._failed.add(url)
            return
        self._latest[(url, key[3])] = key
        self._since_trim += task.result().sizeInBytes()
        if self._since_trim > TRIM_AFTER:
            self._since_trim = 0
            release_free_memory()
        self.loaded.emit(url)

    def cancel(self, url: str, size: QSize, shape: Shape = "rect") -> None:
        """Stop loading `url` at `size` (its view went away); a download other sizes share
        goes on."""
        key: Key = (url, size.width(), size.height(), shape)
        pool = self._pool(key)
        if pool.loading(key):
            pool.start(key, lambda: self._decode(key)).cancel()

    @property
    def busy(self) -> bool:
        """Whether a fetch or decode is still in flight."""
        return self._small.in_flight + self._large.in_flight > 0

    async def aclose(self) -> None:
        await self._small.aclose()
        await self._large.aclose()
        await self._raw.aclose()
        self._decoders.shutdown(wait=True, cancel_futures=True)


def decode_to_size(data: bytes, size: QSize, shape: Shape = "rect") -> QImage:
    """Decode and cover-crop to exactly `size` (the decoder downsamples JPEGs for free), cut
    to `shape` with smooth edges."""
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
    image = image.copy(x, y, size.width(), size.height()).convertToFormat(
        QImage.Format.Format_ARGB32_Premultiplied)
    return image if shape == "rect" else _cut(image, shape)


def _cut(image: QImage, shape: Shape) -> QImage:
    """`image` inside a disc or a rounded rectangle, transparent outside."""
    out = QImage(image.size(), QImage.Format.Format_ARGB32_Premultiplied)
    out.fill(Qt.GlobalColor.transparent)
    path = QPainterPath()
    area = QRectF(out.rect())
    if shape == "circle":
        path.addEllipse(area)
    else:
        path.addRoundedRect(area, CORNER, CORNER)
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillPath(path, QBrush(image))
    painter.end()
    return out
