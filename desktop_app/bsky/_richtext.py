"""Rich-text facets (links, mentions, tags) with the UTF-8 byte offsets the lexicon wants."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..atproto import syntax
from ._detection import MAX_TAG_GRAPHEMES, SpanKind, detect
from ._graphemes import grapheme_length

FacetKind = SpanKind
__all__ = [
    "MAX_TAG_BYTES", "MAX_TAG_GRAPHEMES", "Facet", "FacetKind", "Segment", "detect_facets",
    "facet_records", "facets_problem", "grapheme_length", "resolve_mentions", "segments",
    "utf8_len",
]


@dataclass(frozen=True, slots=True)
class Facet:
    byte_start: int
    byte_end: int
    kind: FacetKind
    value: str  # link: URI; mention: handle, then DID once resolved; tag: without '#'


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def detect_facets(text: str) -> list[Facet]:
    """Links, mentions, tags and cashtags as the official SDK detects them, in text order.

    Mentions still carry the handle. Where the SDK's facets overlap (a mention inside a link),
    the one that starts first is kept, as its renderer does: a record's facets must not overlap.
    """
    order = {"mention": 0, "link": 1, "tag": 2}
    spans = sorted(detect(text), key=lambda s: (s.start, order[s.kind]))
    facets = []
    end = 0
    byte_at = _ByteOffsets(text)
    for span in spans:
        if span.start < end:
            continue
        facets.append(Facet(byte_at(span.start), byte_at(span.end), span.kind, span.value))
        end = span.end
    return facets


class _ByteOffsets:
    """UTF-8 offsets of code-point positions, for positions asked in increasing order."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._position = 0
        self._bytes = 0

    def __call__(self, position: int) -> int:
        if position < self._position:
            self._position = self._bytes = 0
        self._bytes += utf8_len(self._text[self._position:position])
        self._position = position
        return self._bytes


async def resolve_mentions(
    facets: list[Facet], resolve: Callable[[str], Awaitable[str | None]]
) -> list[Facet]:
    """Mentions become DIDs; a handle that isn't one or doesn't resolve stays plain text.

    Each distinct handle is resolved once, all of them at the same time.
    """
    handles = {f.value.lower() for f in facets if f.kind == "mention"}
    handles = {h for h in handles if syntax.is_valid_handle(h)}
    ordered = sorted(handles)
    lookups = [asyncio.ensure_future(resolve(h)) for h in ordered]
    try:
        dids = dict(zip(ordered, await asyncio.gather(*lookups), strict=True))
    except BaseException:
        for lookup in lookups:
            lookup.cancel()  # one failed or the caller gave up: the others are not wanted
        raise
    out = []
    for facet in facets:
        if facet.kind != "mention":
            out.append(facet)
            continue
        did = dids.get(facet.value.lower())
        if did is not None and syntax.is_valid_did(did):
            out.append(replace(facet, value=did))
    return out


MAX_TAG_BYTES = 640  # app.bsky.richtext.facet#tag maxLength


def facets_problem(text: str, facets: Sequence[Facet]) -> str | None:
    """What is wrong with facets given for `text` (out of range, overlapping, cutting a
    character, or a value the lexicon refuses), or None."""
    data = text.encode("utf-8")
    end = 0
    for facet in sorted(facets, key=lambda f: f.byte_start):
        if not end <= facet.byte_start < facet.byte_end <= len(data):
            return f"range {facet.byte_start}-{facet.byte_end} overlaps or is outside the text"
        try:
            data[facet.byte_start:facet.byte_end].decode("utf-8")
        except UnicodeDecodeError:
            return f"range {facet.byte_start}-{facet.byte_end} cuts a character"
        end = facet.byte_end
        if facet.kind == "tag" and (not facet.value or utf8_len(facet.value) > MAX_TAG_BYTES
                                    or grapheme_length(facet.value) > MAX_TAG_GRAPHEMES):
            return "a tag is empty or too long"
        if facet.kind == "link" and not syntax.is_valid_uri(facet.value):
            return "a link is not a URI"
    return None


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


@dataclass(frozen=True, slots=True)
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
