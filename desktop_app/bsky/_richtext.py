"""Rich-text facets (links, mentions, hashtags) with the UTF-8 byte offsets the lexicon wants."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any, Literal

from ..atproto import syntax

FacetKind = Literal["link", "mention", "tag"]
MAX_TAG_LENGTH = 64  # characters, without the '#'

_MENTION = re.compile(r"(?:^|(?<=[\s(]))@([a-zA-Z0-9.-]+)")
_URL = re.compile(r"(?:^|(?<=[\s(]))(https?://\S+)", re.IGNORECASE)
_DOMAIN = re.compile(
    r"(?:^|(?<=[\s(]))((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9](?:/\S*)?)",
    re.IGNORECASE,
)
_TAG = re.compile(r"(?:^|(?<=\s))[#\uff03](\S+)")  # '#' or the full-width number sign
_TRAILING = ".,;:!?\"'"
_INVISIBLE = "\u00ad\u2060\u200a\u200b\u200c\u200d\u20e2\ufe0f"
# Bare domains are linked only for TLDs people type as such; "file.txt" stays text.
_COMMON_TLDS = frozenset({
    "com", "net", "org", "io", "dev", "app", "social", "xyz", "me", "co", "uk", "de", "fr", "jp",
    "info", "blog", "news", "tech", "ai", "gg", "tv", "fm", "ca", "us", "eu", "nl", "se", "no",
    "fi", "es", "it", "au", "nz", "in", "br", "page", "site", "online",
})


@dataclass(frozen=True)
class Facet:
    byte_start: int
    byte_end: int
    kind: FacetKind
    value: str  # link: URI; mention: handle, then DID once resolved; tag: without '#'


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def _byte_range(text: str, start: int, end: int) -> tuple[int, int]:
    prefix = utf8_len(text[:start])
    return prefix, prefix + utf8_len(text[start:end])


def _strip_trailing(url: str) -> str:
    while url and url[-1] in _TRAILING:
        url = url[:-1]
    if url.endswith(")") and url.count("(") < url.count(")"):
        url = url[:-1]
    return url


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char).startswith("P")


def detect_facets(text: str) -> list[Facet]:
    """All links, mentions and hashtags, in text order; mentions still carry the handle."""
    found: list[tuple[int, int, FacetKind, str]] = []
    for match in _MENTION.finditer(text):
        handle = match.group(1).rstrip(".-").lower()
        if not syntax.is_valid_handle(handle):
            continue
        start = match.start()
        found.append((start, start + 1 + len(handle), "mention", handle))
    for match in _URL.finditer(text):
        url = _strip_trailing(match.group(1))
        if len(url) > len("https://"):
            found.append((match.start(1), match.start(1) + len(url), "link", url))
    for match in _DOMAIN.finditer(text):
        candidate = _strip_trailing(match.group(1))
        host = candidate.split("/", 1)[0]
        if host.rsplit(".", 1)[-1].lower() not in _COMMON_TLDS:
            continue
        start = match.start(1)
        if any(s <= start < e for s, e, _, _ in found):
            continue  # inside a URL or a mention already
        found.append((start, start + len(candidate), "link", f"https://{candidate}"))
    for match in _TAG.finditer(text):
        tag = match.group(1)
        cut = next((i for i, c in enumerate(tag) if c in _INVISIBLE), len(tag))
        tag = tag[:cut]
        while tag and _is_punctuation(tag[-1]):
            tag = tag[:-1]
        if not tag or tag.isdigit() or len(tag) > MAX_TAG_LENGTH:
            continue
        start = match.start()
        found.append((start, start + 1 + len(tag), "tag", tag))
    found.sort()
    facets = []
    last_end = -1
    for start, end, kind, value in found:
        if start < last_end:
            continue  # overlapping: the earlier one wins
        byte_start, byte_end = _byte_range(text, start, end)
        facets.append(Facet(byte_start, byte_end, kind, value))
        last_end = end
    return facets


async def resolve_mentions(
    facets: list[Facet], resolve: Callable[[str], Awaitable[str | None]]
) -> list[Facet]:
    """Mentions become DIDs; a handle that doesn't resolve stays plain text (no facet)."""
    out = []
    for facet in facets:
        if facet.kind != "mention":
            out.append(facet)
            continue
        did = await resolve(facet.value)
        if did is not None and syntax.is_valid_did(did):
            out.append(replace(facet, value=did))
    return out


def facet_records(facets: list[Facet]) -> list[dict[str, Any]]:
    """`app.bsky.richtext.facet` objects for a post record."""
    features = {
        "link": lambda v: {"$type": "app.bsky.richtext.facet#link", "uri": v},
        "mention": lambda v: {"$type": "app.bsky.richtext.facet#mention", "did": v},
        "tag": lambda v: {"$type": "app.bsky.richtext.facet#tag", "tag": v},
    }
    return [
        {"index": {"byteStart": f.byte_start, "byteEnd": f.byte_end},
         "features": [features[f.kind](f.value)]}
        for f in facets
        # An unresolved mention (still a handle) stays plain text.
        if f.kind != "mention" or syntax.is_valid_did(f.value)
    ]


@dataclass(frozen=True)
class Segment:
    text: str
    kind: FacetKind | None = None  # None: plain text
    value: str = ""


def segments(text: str, facets: tuple[Facet, ...] | list[Facet]) -> list[Segment]:
    """Split text at its facets for display. Facets from other clients are untrusted: one that is
    out of range, overlaps an earlier one or cuts a UTF-8 character is ignored."""
    data = text.encode("utf-8")
    out: list[Segment] = []
    pos = 0
    for facet in sorted(facets, key=lambda f: (f.byte_start, f.byte_end)):
        start, end = facet.byte_start, facet.byte_end
        if start < pos or end > len(data) or start >= end:
            continue
        try:
            before = data[pos:start].decode("utf-8")
            inner = data[start:end].decode("utf-8")
        except UnicodeDecodeError:
            continue
        if before:
            out.append(Segment(before))
        out.append(Segment(inner, facet.kind, facet.value))
        pos = end
    tail = data[pos:].decode("utf-8", errors="replace")
    if tail or not out:
        out.append(Segment(tail))
    return out
