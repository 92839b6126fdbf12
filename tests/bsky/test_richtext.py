"""Facet detection: the UTF-8 byte slices must be exactly the intended substrings."""

from __future__ import annotations

import pytest

from desktop_app.bsky import Facet, detect_facets, facet_records, resolve_mentions, utf8_len


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
