"""Avatars and thumbnails: fetched once per URL, decoded to display size off the GUI thread."""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader

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
    scales and memory holds display-size pixels only. Failed URLs are not retried."""

    loaded = Signal(str)

    def __init__(self, fetch: FetchBytes) -> None:
        super().__init__()
        self._fetch = fetch
        self._images: OrderedDict[Key, QImage] = OrderedDict()
        self._raw: OrderedDict[str, bytes] = OrderedDict()
        self._raw_bytes = 0
        self._decoded_bytes = 0
        self._pending: dict[Key, asyncio.Task[None]] = {}
        self._downloads: dict[str, asyncio.Future[bytes]] = {}
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
        found = self._images.get(key)
        if found is not None:
            self._images.move_to_end(key)
            return found
        if key not in self._pending and url not in self._failed:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                return None  # painted outside the app's event loop (a bare widget test)
            self._pending[key] = loop.create_task(self._load(key))
        return None

    async def _bytes(self, url: str) -> bytes:
        cached = self._raw.get(url)
        if cached is not None:
            self._raw.move_to_end(url)
            return cached
        running = self._downloads.get(url)
        if running is not None:
            return await asyncio.shield(running)
        future: asyncio.Future[bytes] = asyncio.get_running_loop().create_future()
        self._downloads[url] = future
        try:
            async with self._slots:
                self.fetches += 1
                data = await self._fetch(url)
            if len(data) > MAX_IMAGE_BYTES:
                raise ValueError("image too large")
        except asyncio.CancelledError:
            future.cancel()
            raise
        except Exception as exc:
            future.set_exception(exc)
            future.exception()  # marked retrieved: waiters re-raise it, nobody else needs it
            raise
        finally:
            self._downloads.pop(url, None)
        future.set_result(data)
        self._raw[url] = data
        self._raw_bytes += len(data)
        while self._raw and self._raw_bytes > RAW_BUDGET:
            _, old = self._raw.popitem(last=False)
            self._raw_bytes -= len(old)
        return data

    async def _load(self, key: Key) -> None:
        url, width, height = key
        try:
            data = await self._bytes(url)
            image = await asyncio.get_running_loop().run_in_executor(
                self._decoders, decode_to_size, data, QSize(width, height))
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # any failure means "show the placeholder"
            log.info("image not loaded (%s)", type(exc).__name__)
            self._failed.add(url)
            return
        finally:
            self._pending.pop(key, None)
        self._images[key] = image
        self._decoded_bytes += image.sizeInBytes()
        while self._images and self._decoded_bytes > DECODED_BUDGET:
            _, old = self._images.popitem(last=False)
            self._decoded_bytes -= old.sizeInBytes()
        self.loaded.emit(url)

    async def aclose(self) -> None:
        tasks = list(self._pending.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
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
