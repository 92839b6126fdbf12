"""Images: what the lexicon accepts for upload, and fetching avatars and thumbnails to show."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import httpx

from ..atproto import NetworkError, NetworkPolicy, fetch, safe_url
from ..sentences import QT_TR_NOOP, Amount, Sentence

MAX_IMAGES = 4
MAX_IMAGE_BYTES = 1_000_000  # app.bsky.embed.images image maxSize
MAX_MEDIA_BYTES = 5 * 1024 * 1024  # what we download to show

_IMAGE_MAGIC: dict[str, Callable[[bytes], bool]] = {
    "image/jpeg": lambda b: b.startswith(b"\xff\xd8\xff"),
    "image/png": lambda b: b.startswith(b"\x89PNG\r\n\x1a\n"),
    "image/gif": lambda b: b[:6] in (b"GIF87a", b"GIF89a"),
    "image/webp": lambda b: b[:4] == b"RIFF" and b[8:12] == b"WEBP",
}


@dataclass(frozen=True)
class ImageUpload:
    data: bytes
    mime_type: str
    alt: str
    aspect_ratio: tuple[int, int] | None = None

    def __repr__(self) -> str:
        return f"ImageUpload({self.mime_type}, {len(self.data)} bytes, alt={self.alt[:20]!r})"


def image_problem(data: bytes, mime_type: str, *,
                  size: int | None = None) -> str | Sentence | None:
    """Why an image can't be attached (a marked template or a sentence), or None when it can.
    `size` is the file's real size when `data` is only its head (a caller need not read a huge
    file)."""
    size = len(data) if size is None else size
    check = _IMAGE_MAGIC.get(mime_type)
    if check is None:
        return QT_TR_NOOP("Only JPEG, PNG, GIF and WebP images can be attached.")
    if not check(data):
        return QT_TR_NOOP("That file is not the kind of image its name says.")
    if size > MAX_IMAGE_BYTES:
        # One decimal: a whole number of megabytes would say 1 MB for 1.9 MB.
        return Sentence.of(QT_TR_NOOP(
            "That image is {size} MB; Bluesky accepts up to {limit} MB."),
                           size=Amount(size / 1_000_000, 1),
                           limit=round(MAX_IMAGE_BYTES / 1_000_000))
    return None


async def fetch_media(http: httpx.AsyncClient, policy: NetworkPolicy, url: str) -> bytes:
    """An avatar or thumbnail from the AppView's CDN: public, policy-checked, size-capped."""
    response, body = await fetch(http, policy, "GET", url, follow_redirects=True,
                                 max_bytes=MAX_MEDIA_BYTES)
    if response.status_code != 200:
        raise NetworkError(f"HTTP {response.status_code} for {safe_url(url)}")
    return body
