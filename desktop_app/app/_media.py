"""Reading an image file to attach to a post, checked as the lexicon requires: the composer and
`desktop-app post --image` read them the same way."""

from __future__ import annotations

from pathlib import Path

from ..bsky import MAX_IMAGE_BYTES, ImageUpload, InvalidPostError, image_problem
from ..sentences import QT_TR_NOOP

IMAGE_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
               ".gif": "image/gif", ".webp": "image/webp"}
# One byte past the limit is enough for image_problem to see the file is too big.
READ_CAP = MAX_IMAGE_BYTES + 1


def read_image(path: str | Path, alt: str = "") -> ImageUpload:
    """The file at `path` as an upload; `InvalidPostError` says in a sentence why it can't be
    attached (its type, its size, unreadable). Reads no more than the limit allows."""
    path = Path(path)
    mime_type = IMAGE_TYPES.get(path.suffix.lower(), "")
    if not mime_type:
        # image_problem owns the wording for unsupported types; no need to read the file.
        problem = image_problem(b"", mime_type) or QT_TR_NOOP("That file is not an image.")
        raise InvalidPostError(f"{path.name}: no image type", message=problem)
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            data = file.read(READ_CAP)
    except OSError as exc:
        raise InvalidPostError(f"{path.name}: {exc.strerror}",
                               message=QT_TR_NOOP("That file could not be opened.")) from exc
    refused = image_problem(data, mime_type, size=max(size, len(data)))
    if refused is not None:
        raise InvalidPostError(f"{path.name}: {mime_type}", message=refused)
    return ImageUpload(data, mime_type, alt)
