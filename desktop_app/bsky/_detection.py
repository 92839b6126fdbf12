"""Links, mentions, tags and cashtags in a text, found exactly where the official SDK finds them.

The patterns and their quirks are those of `@atproto/api`'s `detectFacets`; each place this
module differs from it on purpose is listed in docs/decisions.md ("Rich text").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import regex

from ._graphemes import grapheme_length
from ._tlds import TLDS

SpanKind = Literal["link", "mention", "tag"]
MAX_TAG_GRAPHEMES = 64  # app.bsky.richtext.facet#tag maxGraphemes

# JavaScript's \s, which differs from Python's: it has U+FEFF but not U+001C-U+001F or U+0085.
_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
# Characters that end a tag although they are not spaces (invisible joiners and the like).
_TAG_STOP = "\u00ad\u2060\u200a\u200b\u200c\u200d\u20e2"

# re.ASCII makes \b the JavaScript word boundary ([A-Za-z0-9_]); the classes are spelled out so
# that nothing else depends on the flag.
_MENTION = re.compile(rf"(^|[{_SPACE}]|\()@([a-zA-Z0-9.-]+)\b", re.ASCII)
# Case-insensitive in the SDK, but only for ASCII letters: spelled out rather than re.IGNORECASE,
# which would also let U+017F or the Kelvin sign match [a-z].
_URL = re.compile(
    rf"(^|[{_SPACE}]|\()"
    rf"(?:(?P<url>[hH][tT][tT][pP][sS]?://[^{_SPACE}]+)"
    rf"|(?P<bare>(?P<domain>[a-zA-Z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9]+)+)[^{_SPACE}]*))",
    re.MULTILINE,
)
_TAG = regex.compile(
    rf"(^|[{_SPACE}])[#\uff03]"
    rf"((?!\ufe0f)[^{_SPACE}{_TAG_STOP}]*[^0-9{_SPACE}\p{{P}}{_TAG_STOP}]+[^{_SPACE}{_TAG_STOP}]*)?"
)
_TRAILING_PUNCTUATION = regex.compile(r"\p{P}+\Z")
_CASHTAG = re.compile(
    rf"(^|[{_SPACE}]|\()\$([A-Za-z][A-Za-z0-9]{{0,4}})(?=[{_SPACE}.,;:!?)\"'\u2019]|\Z)"
)


@dataclass(frozen=True, slots=True)
class Span:
    """One detected facet in code points: text[start:end] is what it covers."""

    start: int
    end: int
    kind: SpanKind
    value: str  # link: URI; mention: handle as typed; tag: without '#' ('$' kept for cashtags)


def is_valid_domain(name: str) -> bool:
    """The SDK's test: the last label is a known top-level domain (case-sensitive)."""
    _, dot, tld = name.rpartition(".")
    return bool(dot) and tld in TLDS


def mentions(text: str) -> list[Span]:
    spans = []
    for match in _MENTION.finditer(text):
        handle = match.group(2)
        if not is_valid_domain(handle) and not handle.endswith(".test"):
            continue  # probably not a handle
        at = match.start(2) - 1
        spans.append(Span(at, match.end(2), "mention", handle))
    return spans


def links(text: str) -> list[Span]:
    spans = []
    for match in _URL.finditer(text):
        if match.group("url") is not None:
            uri = match.group("url")
            if not uri.startswith("http"):
                continue  # the SDK links only a lower-case scheme
            start = match.start("url")
        else:
            # The SDK keeps a bare domain starting with "http" as it is ("httpbin.org" becomes a
            # link to "httpbin.org", which is not a URI and fails the record's validation).
            domain = match.group("domain")
            if not is_valid_domain(domain):
                continue
            uri = "https://" + match.group("bare")
            start = match.start("bare")
        end = match.end()
        if uri[-1] in ".,;:!?":
            uri, end = uri[:-1], end - 1
        if uri.endswith(")") and "(" not in uri:
            uri, end = uri[:-1], end - 1
        spans.append(Span(start, end, "link", uri))
    return spans


def tags(text: str) -> list[Span]:
    spans = []
    for match in _TAG.finditer(text):
        tag = match.group(2)
        if not tag:
            continue
        tag = _TRAILING_PUNCTUATION.sub("", tag)
        if not tag or (len(tag) > MAX_TAG_GRAPHEMES and grapheme_length(tag) > MAX_TAG_GRAPHEMES):
            continue
        hash_at = match.end(1)
        spans.append(Span(hash_at, hash_at + 1 + len(tag), "tag", tag))
    return spans


def cashtags(text: str) -> list[Span]:
    spans = []
    for match in _CASHTAG.finditer(text):
        dollar_at = match.end(1)
        spans.append(Span(dollar_at, match.end(2), "tag", "$" + match.group(2).upper()))
    return spans


def detect(text: str) -> list[Span]:
    """Every span the SDK finds, in its order (mentions, links, tags, cashtags), overlaps kept."""
    return [*mentions(text), *links(text), *tags(text), *cashtags(text)]
