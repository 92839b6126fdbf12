"""Conformance with the official SDK's published detection cases.

The cases are those of `@atproto/api`'s `packages/api/tests/rich-text-detection.test.ts`
(mentions, links, tags and cashtags: 97 expected outputs), rewritten as data. Each segment is
plain text (a str) or (text, value): the mention's DID, the link's URI, '' for a tag.
"""

from __future__ import annotations

import pytest

from desktop_app.bsky import Facet, detect_facets, resolve_mentions, segments

Segments = list[str | tuple[str, str]]
M = "did:fake:handle.com"  # the SDK's test resolver answers did:fake:<handle>

SEGMENT_CASES: list[tuple[str, Segments]] = [
    ("no mention", ["no mention"]),
    ("@handle.com middle end", [("@handle.com", M), " middle end"]),
    ("start @handle.com end", ["start ", ("@handle.com", M), " end"]),
    ("start middle @handle.com", ["start middle ", ("@handle.com", M)]),
    ("@handle.com @handle.com @handle.com",
     [("@handle.com", M), " ", ("@handle.com", M), " ", ("@handle.com", M)]),
    ("@full123-chars.test", [("@full123-chars.test", "did:fake:full123-chars.test")]),
    ("not@right", ["not@right"]),
    ("@handle.com!@#$chars", [("@handle.com", M), "!@#$chars"]),
    ("@handle.com\n@handle.com", [("@handle.com", M), "\n", ("@handle.com", M)]),
    ("parenthetical (@handle.com)", ["parenthetical (", ("@handle.com", M), ")"]),
    ("👨‍👩‍👧‍👧 @handle.com 👨‍👩‍👧‍👧", ["👨‍👩‍👧‍👧 ", ("@handle.com", M), " 👨‍👩‍👧‍👧"]),

    ("start https://middle.com end", ["start ", ("https://middle.com", "https://middle.com"),
                                      " end"]),
    ("start https://middle.com/foo/bar end",
     ["start ", ("https://middle.com/foo/bar", "https://middle.com/foo/bar"), " end"]),
    ("start https://middle.com/foo/bar?baz=bux end",
     ["start ", ("https://middle.com/foo/bar?baz=bux", "https://middle.com/foo/bar?baz=bux"),
      " end"]),
    ("start https://middle.com/foo/bar?baz=bux#hash end",
     ["start ", ("https://middle.com/foo/bar?baz=bux#hash",
                 "https://middle.com/foo/bar?baz=bux#hash"), " end"]),
    ("https://start.com/foo/bar?baz=bux#hash middle end",
     [("https://start.com/foo/bar?baz=bux#hash", "https://start.com/foo/bar?baz=bux#hash"),
      " middle end"]),
    ("start middle https://end.com/foo/bar?baz=bux#hash",
     ["start middle ", ("https://end.com/foo/bar?baz=bux#hash",
                        "https://end.com/foo/bar?baz=bux#hash")]),
    ("https://newline1.com\nhttps://newline2.com",
     [("https://newline1.com", "https://newline1.com"), "\n",
      ("https://newline2.com", "https://newline2.com")]),
    ("👨‍👩‍👧‍👧 https://middle.com 👨‍👩‍👧‍👧",
     ["👨‍👩‍👧‍👧 ", ("https://middle.com", "https://middle.com"), " 👨‍👩‍👧‍👧"]),

    ("start middle.com end", ["start ", ("middle.com", "https://middle.com"), " end"]),
    ("start middle.com/foo/bar end",
     ["start ", ("middle.com/foo/bar", "https://middle.com/foo/bar"), " end"]),
    ("start middle.com/foo/bar?baz=bux end",
     ["start ", ("middle.com/foo/bar?baz=bux", "https://middle.com/foo/bar?baz=bux"), " end"]),
    ("start middle.com/foo/bar?baz=bux#hash end",
     ["start ", ("middle.com/foo/bar?baz=bux#hash", "https://middle.com/foo/bar?baz=bux#hash"),
      " end"]),
    ("start.com/foo/bar?baz=bux#hash middle end",
     [("start.com/foo/bar?baz=bux#hash", "https://start.com/foo/bar?baz=bux#hash"),
      " middle end"]),
    ("start middle end.com/foo/bar?baz=bux#hash",
     ["start middle ", ("end.com/foo/bar?baz=bux#hash", "https://end.com/foo/bar?baz=bux#hash")]),
    ("newline1.com\nnewline2.com",
     [("newline1.com", "https://newline1.com"), "\n", ("newline2.com", "https://newline2.com")]),
    ("a example.com/index.php php link",
     ["a ", ("example.com/index.php", "https://example.com/index.php"), " php link"]),
    ("a trailing bsky.app: colon", ["a trailing ", ("bsky.app", "https://bsky.app"), ": colon"]),

    ("not.. a..url ..here", ["not.. a..url ..here"]),
    ("e.g.", ["e.g."]),
    ("something-cool.jpg", ["something-cool.jpg"]),
    ("website.com.jpg", ["website.com.jpg"]),
    ("e.g./foo", ["e.g./foo"]),
    ("website.com.jpg/foo", ["website.com.jpg/foo"]),

    ("Classic article "
     "https://socket3.wordpress.com/2018/02/03/designing-windows-95s-user-interface/",
     ["Classic article ",
      ("https://socket3.wordpress.com/2018/02/03/designing-windows-95s-user-interface/",
       "https://socket3.wordpress.com/2018/02/03/designing-windows-95s-user-interface/")]),
    ("Classic article "
     "https://socket3.wordpress.com/2018/02/03/designing-windows-95s-user-interface/ ",
     ["Classic article ",
      ("https://socket3.wordpress.com/2018/02/03/designing-windows-95s-user-interface/",
       "https://socket3.wordpress.com/2018/02/03/designing-windows-95s-user-interface/"), " "]),
    ("https://foo.com https://bar.com/whatever https://baz.com",
     [("https://foo.com", "https://foo.com"), " ",
      ("https://bar.com/whatever", "https://bar.com/whatever"), " ",
      ("https://baz.com", "https://baz.com")]),
    ("punctuation https://foo.com, https://bar.com/whatever; https://baz.com.",
     ["punctuation ", ("https://foo.com", "https://foo.com"), ", ",
      ("https://bar.com/whatever", "https://bar.com/whatever"), "; ",
      ("https://baz.com", "https://baz.com"), "."]),
    ("parenthentical (https://foo.com)",
     ["parenthentical (", ("https://foo.com", "https://foo.com"), ")"]),
    ("except for https://foo.com/thing_(cool)",
     ["except for ", ("https://foo.com/thing_(cool)", "https://foo.com/thing_(cool)")]),
]

# (text, tags, [(byteStart, byteEnd)]) for every facet of the text
TAG_CASES: list[tuple[str, list[str], list[tuple[int, int]]]] = [
    ("#a", ["a"], [(0, 2)]),
    ("#a #b", ["a", "b"], [(0, 2), (3, 5)]),
    ("#1", [], []),
    ("#1a", ["1a"], [(0, 3)]),
    ("#tag", ["tag"], [(0, 4)]),
    ("body #tag", ["tag"], [(5, 9)]),
    ("#tag body", ["tag"], [(0, 4)]),
    ("body #tag body", ["tag"], [(5, 9)]),
    ("body #1", [], []),
    ("body #1a", ["1a"], [(5, 8)]),
    ("body #a1", ["a1"], [(5, 8)]),
    ("#", [], []),
    ("#?", [], []),
    ("text #", [], []),
    ("text # text", [], []),
    ("body #thisisa64characterstring_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
     ["thisisa64characterstring_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"], [(5, 70)]),
    ("body #thisisa65characterstring_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", [], []),
    ("body #thisisa64characterstring_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!",
     ["thisisa64characterstring_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"], [(5, 70)]),
    ("its a #double#rainbow", ["double#rainbow"], [(6, 21)]),
    ("##hashash", ["#hashash"], [(0, 9)]),
    ("##", [], []),
    ("some #n0n3s@n5e!", ["n0n3s@n5e"], [(5, 15)]),
    ("works #with,punctuation", ["with,punctuation"], [(6, 23)]),
    ("strips trailing #punctuation, #like. #this!", ["punctuation", "like", "this"],
     [(16, 28), (30, 35), (37, 42)]),
    ("strips #multi_trailing___...", ["multi_trailing"], [(7, 22)]),
    ("works with #🦋 emoji, and #butter🦋fly", ["🦋", "butter🦋fly"], [(11, 16), (28, 42)]),
    ("#same #same #but #diff", ["same", "same", "but", "diff"],
     [(0, 5), (6, 11), (12, 16), (17, 22)]),
    ("this #\ufe0f\u20e3tag should not be a tag", [], []),
    ("this ##\ufe0f\u20e3tag should be a tag", ["#\ufe0f\u20e3tag"], [(5, 16)]),
    ("this #t\nag should be a tag", ["t"], [(5, 7)]),
    ("no match (\\u200B): #\u200b", [], []),
    ("no match (\\u200Ba): #\u200ba", [], []),
    ("match (a\\u200Bb): #a\u200bb", ["a"], [(18, 20)]),
    ("match (ab\\u200B): #ab\u200b", ["ab"], [(18, 21)]),
    ("no match (\\u20e2tag): #\u20e2tag", [], []),
    ("no match (a\\u20e2b): #a\u20e2b", ["a"], [(21, 23)]),
    ("match full width number sign (tag): \uff03tag", ["tag"], [(36, 42)]),
    ("match full width number sign (tag): \uff03#\ufe0f\u20e3tag", ["#\ufe0f\u20e3tag"],
     [(36, 49)]),
    ("no match 1?: #1?", [], []),
]

CASHTAG_CASES: list[tuple[str, list[str], list[tuple[int, int]]]] = [
    ("$AAPL", ["$AAPL"], [(0, 5)]),
    ("$aapl", ["$AAPL"], [(0, 5)]),  # upper-cased
    ("$A", ["$A"], [(0, 2)]),
    ("$a", ["$A"], [(0, 2)]),
    ("$BTC $ETH", ["$BTC", "$ETH"], [(0, 4), (5, 9)]),
    ("$100", [], []),
    ("$GOOGL", ["$GOOGL"], [(0, 6)]),
    ("$TOOLONG", [], []),
    ("check $LEGO now", ["$LEGO"], [(6, 11)]),
    ("($GOOG)", ["$GOOG"], [(1, 6)]),
    ("$AAPL.", ["$AAPL"], [(0, 5)]),
    ("$AAPL, $MSFT!", ["$AAPL", "$MSFT"], [(0, 5), (7, 12)]),
    ("no$SPACE", [], []),
    ("$", [], []),
    ("$ AAPL", [], []),
    ("$123ABC", [], []),
    ("$ABC12", ["$ABC12"], [(0, 6)]),
    ("$ABC123", [], []),
]


async def _fake_resolve(handle: str) -> str | None:
    return f"did:fake:{handle}"


def _as_output(text: str, facets: list[Facet]) -> Segments:
    out: Segments = []
    for part in segments(text, facets):
        if part.kind is None:
            out.append(part.text)
        else:
            out.append((part.text, "" if part.kind == "tag" else part.value))
    return out


@pytest.mark.parametrize(("text", "expected"), SEGMENT_CASES, ids=[c[0] for c in SEGMENT_CASES])
async def test_segments(text: str, expected: Segments) -> None:
    facets = await resolve_mentions(detect_facets(text), _fake_resolve)
    assert _as_output(text, facets) == expected


@pytest.mark.parametrize(("text", "tags", "ranges"), TAG_CASES, ids=[c[0] for c in TAG_CASES])
def test_tags(text: str, tags: list[str], ranges: list[tuple[int, int]]) -> None:
    facets = detect_facets(text)
    assert [f.value for f in facets if f.kind == "tag"] == tags
    assert [(f.byte_start, f.byte_end) for f in facets] == ranges


@pytest.mark.parametrize(("text", "tags", "ranges"), CASHTAG_CASES,
                         ids=[c[0] for c in CASHTAG_CASES])
def test_cashtags(text: str, tags: list[str], ranges: list[tuple[int, int]]) -> None:
    cashtags = [f for f in detect_facets(text) if f.kind == "tag" and f.value.startswith("$")]
    assert [f.value for f in cashtags] == tags
    assert [(f.byte_start, f.byte_end) for f in cashtags] == ranges


def test_all_published_cases_are_here() -> None:
    assert len(SEGMENT_CASES) + len(TAG_CASES) + len(CASHTAG_CASES) == 97
