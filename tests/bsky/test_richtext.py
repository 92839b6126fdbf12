"""Facet detection: the UTF-8 byte slices must be exactly the intended substrings."""

from __future__ import annotations

import pytest

from desktop_app.bsky import (
    Facet,
    Segment,
    detect_facets,
    facet_records,
    resolve_mentions,
    segments,
    utf8_len,
)

DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"


def slices(text: str) -> list[tuple[str, str, str]]:
    raw = text.encode("utf-8")
    return [(f.kind, raw[f.byte_start:f.byte_end].decode("utf-8"), f.value)
            for f in detect_facets(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hello @alice.test!", [("mention", "@alice.test", "alice.test")]),
        ("@bob.test first", [("mention", "@bob.test", "bob.test")]),
        ("mail me@example.com", []),  # not a mention: no space before '@'
        ("see https://example.com/a?b=1.", [("link", "https://example.com/a?b=1",
                                              "https://example.com/a?b=1")]),
        ("(https://example.com/x)", [("link", "https://example.com/x", "https://example.com/x")]),
        ("visit bsky.app now", [("link", "bsky.app", "https://bsky.app")]),
        ("open notes.txt please", []),  # not a TLD people type as a link
        ("#atproto rocks", [("tag", "#atproto", "atproto")]),
        ("#123 is not a tag", []),
        ("end of sentence #tag.", [("tag", "#tag", "tag")]),
        ("full width \uff03タグ yes", [("tag", "\uff03タグ", "タグ")]),
        ("x#notatag", []),
    ],
)
def test_detection(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert slices(text) == expected


def test_byte_offsets_with_emoji_cjk_and_combining_marks() -> None:
    text = "👩‍👩‍👧‍👦 家族 e\u0301 @alice.test 🇯🇵 #日本 https://例え.jp/パス ok"
    got = slices(text)
    assert [k for k, _, _ in got] == ["mention", "tag", "link"]
    assert got[0][1] == "@alice.test"
    assert got[1][1] == "#日本"
    assert got[2][1] == "https://例え.jp/パス"
    first = detect_facets(text)[0]
    # The family emoji alone is 25 bytes; the offsets are bytes, not code points or graphemes.
    assert first.byte_start == utf8_len(text[: text.index("@")])
    assert first.byte_start > text.index("@")


async def test_unresolved_mentions_stay_plain_text() -> None:
    facets = detect_facets("hi @alice.test and @nobody.test")

    async def resolve(handle: str) -> str | None:
        return "did:plc:ewvi7nxzyoun6zhxrhs64oiz" if handle == "alice.test" else None

    resolved = await resolve_mentions(facets, resolve)
    assert [f.value for f in resolved] == ["did:plc:ewvi7nxzyoun6zhxrhs64oiz"]
    records = facet_records([*resolved, Facet(0, 2, "tag", "hi")])
    assert records[0]["features"][0] == {
        "$type": "app.bsky.richtext.facet#mention", "did": "did:plc:ewvi7nxzyoun6zhxrhs64oiz"}
    assert records[0]["index"] == {"byteStart": 3, "byteEnd": 14}
    # A mention that was never resolved is never written as a facet.
    assert facet_records([Facet(0, 5, "mention", "alice.test")]) == []


FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f467"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Each class the issue found where the app and the SDK disagreed.
        ("buy $AAPL now", [("tag", "$AAPL", "$AAPL")]),
        ("#❤️ love", [("tag", "#❤️", "❤️")]),  # U+FE0F stays inside the tag
        ("#1️⃣ first", [("tag", "#1️⃣", "1️⃣")]),
        ("##️⃣tag", [("tag", "##️⃣tag", "#️⃣tag")]),
        ("#1.2 and #_1", []),  # digits and punctuation only
        # Full-width digits are not [0-9]:
        ("#\uff11\uff12\uff13", [("tag", "#\uff11\uff12\uff13", "\uff11\uff12\uff13")]),
        ("see bit.ly/x and youtu.be/x", [("link", "bit.ly/x", "https://bit.ly/x"),
                                         ("link", "youtu.be/x", "https://youtu.be/x")]),
        ("example.com?q=1", [("link", "example.com?q=1", "https://example.com?q=1")]),
        ("example.com:8080/x", [("link", "example.com:8080/x", "https://example.com:8080/x")]),
        ("hi @alice.bsky.social_x", []),  # no word boundary after the handle
        ("http://a", [("link", "http://a", "http://a")]),
        # SDK quirks followed: one trailing dot stripped, quotes kept.
        ("example.com...", [("link", "example.com..", "https://example.com..")]),
        ('"https://example.com"', []),  # a quote before the scheme: not at a word start
        ('say https://example.com" ok', [("link", 'https://example.com"',
                                           'https://example.com"')]),
        ("HTTPS://EXAMPLE.COM", []),  # upper-case scheme and TLD: not links in the SDK
        # Deliberate differences (docs/decisions.md, "Rich text"):
        ("get httpbin.org/get", [("link", "httpbin.org/get", "https://httpbin.org/get")]),
        ("https://example.com/(@alice.test)", [
            ("link", "https://example.com/(@alice.test)", "https://example.com/(@alice.test)")]),
    ],
)
def test_sdk_detection_classes(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert slices(text) == expected


def test_tag_limit_is_64_graphemes_not_code_points() -> None:
    thumb = "\U0001f44d\U0001f3fd"  # one grapheme, two code points
    assert [v for _, _, v in slices("#" + thumb * 64)] == [thumb * 64]
    assert slices("#" + thumb * 65) == []
    # A zero-width joiner ends a tag, in the SDK too: only the first person of a family.
    assert [v for _, _, v in slices("#" + FAMILY)] == ["\U0001f468"]


async def test_mentions_resolve_once_each_and_concurrently() -> None:
    import asyncio

    calls: list[str] = []
    started = asyncio.Event()
    both = asyncio.Event()

    async def resolve(handle: str) -> str | None:
        calls.append(handle)
        if len(calls) == 2:
            both.set()
        started.set()
        await asyncio.wait_for(both.wait(), 1)  # would time out if resolved one at a time
        return "did:plc:ewvi7nxzyoun6zhxrhs64oiz" if handle == "alice.test" else None

    facets = detect_facets("@Alice.test @bob.test @alice.test @not_valid.test")
    resolved = await resolve_mentions(facets, resolve)
    assert sorted(calls) == ["alice.test", "bob.test"]
    assert [f.value for f in resolved] == ["did:plc:ewvi7nxzyoun6zhxrhs64oiz"] * 2


def test_segments_follow_byte_offsets_and_ignore_bad_facets() -> None:
    text = "👋 hi @bob.test 日本 #tag"
    data = text.encode()
    mention = Facet(data.index(b"@"), data.index(b"@") + len(b"@bob.test"), "mention", DID)
    tag = Facet(data.index(b"#"), len(data), "tag", "tag")
    overlapping = Facet(mention.byte_start + 1, mention.byte_end + 2, "link", "https://x")
    cuts_char = Facet(1, 3, "link", "https://y")  # inside the 4-byte 👋
    out_of_range = Facet(0, len(data) + 5, "link", "https://z")
    got = segments(text, [tag, overlapping, mention, cuts_char, out_of_range])
    assert got == [Segment("👋 hi "), Segment("@bob.test", "mention", DID), Segment(" 日本 "),
                   Segment("#tag", "tag", "tag")]
    assert "".join(s.text for s in got) == text
    assert segments("", []) == [Segment("")]
