"""Handle, DID and sign-in input syntax: spec-derived cases and the shared interop vectors."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from desktop_app.atproto import InvalidIdentifierError, syntax
from desktop_app.sentences import Sentence

INTEROP_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "interop" / "syntax"


# --- handles ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "handle",
    [
        "alice.bsky.social",
        "a.co",
        "4chan.org",
        "xn--ls8h.test",
        "john.test",
        "a" * 63 + ".com",
        ".".join(["a" * 63] * 3) + "." + "b" * 61,  # exactly 253
        "laptop.local",  # syntactically valid; refused only for resolution
        "Mixed.Case.Test",
    ],
)
def test_valid_handles(handle: str) -> None:
    assert syntax.is_valid_handle(handle)


@pytest.mark.parametrize(
    "handle",
    [
        "",
        "alice",
        "alice.",
        ".alice.test",
        "alice..test",
        "-alice.test",
        "alice-.test",
        "alice.0test",
        "alice.123",
        "al_ice.test",
        "al ice.test",
        "alice.test ",
        "bücher.test",
        "\u212a.test",  # Kelvin sign: lower() would turn it into ASCII "k"
        "a" * 64 + ".com",
        ".".join(["a" * 63] * 3) + "." + "b" * 62,  # 254
        "127.0.0.1",
        "alice.test\x00",
        "@alice.test",
    ],
)
def test_invalid_handles(handle: str) -> None:
    assert not syntax.is_valid_handle(handle)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@Alice.Test", "alice.test"),
        ("  alice.bsky.social\n", "alice.bsky.social"),
        ("ALICE.EXAMPLE.COM", "alice.example.com"),
        ("\t@bob.test ", "bob.test"),
    ],
)
def test_normalize_handle(text: str, expected: str) -> None:
    assert syntax.normalize_handle(text) == expected


@pytest.mark.parametrize(
    "text", ["@@alice.test", "@", "", "alice", "\u212a.test", "al ice.test", "alice.test/x"]
)
def test_normalize_handle_rejects_with_plain_message(text: str) -> None:
    with pytest.raises(InvalidIdentifierError) as info:
        syntax.normalize_handle(text)
    assert "handle" in info.value.message
    assert "Traceback" not in info.value.message


@pytest.mark.parametrize(
    "handle",
    [
        "laptop.local", "x.arpa", "a.example", "a.internal", "a.invalid", "a.localhost",
        "a.onion", "a.alt", "A.LOCAL",
    ],
)
def test_disallowed_tlds_refused_for_resolution(handle: str) -> None:
    assert syntax.has_disallowed_tld(handle)
    with pytest.raises(InvalidIdentifierError) as info:
        syntax.ensure_resolvable_handle(handle)
    assert "cannot be used to sign in" in info.value.message


def test_a_disallowed_tld_is_a_template_with_the_tld_as_its_value() -> None:
    with pytest.raises(InvalidIdentifierError) as info:
        syntax.ensure_resolvable_handle("Laptop.LOCAL")
    assert info.value.message == "Handles ending in .local cannot be used to sign in."
    assert info.value.sentence == Sentence.of(
        "Handles ending in .{tld} cannot be used to sign in.", tld="local")


def test_test_tld_is_allowed_but_special_use() -> None:
    assert syntax.ensure_resolvable_handle("alice.test") == "alice.test"
    assert syntax.is_special_use("alice.test")
    assert not syntax.is_special_use("alice.bsky.social")
    assert not syntax.is_special_use("test.com")


# --- DIDs ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "did",
    [
        "did:plc:7iza6de2dwap2sbkpav7c6c6",
        "did:web:example.com",
        "did:web:localhost%3A1234",
        "did:method:val:two",
        "did:m:v",
        "did:method:-:_:.:%ab",
        "did:key:zQ3shZc2QzApp2oymGvQbzP8eKheVshBHbU4ZYjeXqwSKEn6N",
        "did:x:" + "a" * 2042,  # exactly 2048
    ],
)
def test_valid_dids(did: str) -> None:
    assert syntax.is_valid_did(did)


@pytest.mark.parametrize(
    "did",
    [
        "", "did", "did:", "did:plc", "did:plc:", "DID:plc:abc", "did:PLC:abc", "did:m1:abc",
        "did:method:val:", "did:method:val%", "did:method:val/two", "did:method:val?x",
        "did:method:val#frag", " did:plc:abc", "did:plc:abc ", "did:x:" + "a" * 2043,
        "did:web:exämple.com",
    ],
)
def test_invalid_dids(did: str) -> None:
    assert not syntax.is_valid_did(did)


@pytest.mark.parametrize(
    ("did", "supported"),
    [
        ("did:plc:7iza6de2dwap2sbkpav7c6c6", True),
        ("did:plc:7iza6de2dwap2sbkpav7c6c", False),  # 23 chars
        ("did:plc:7iza6de2dwap2sbkpav7c6c6a", False),  # 25 chars
        ("did:plc:7IZA6DE2DWAP2SBKPAV7C6C6", False),  # upper case
        ("did:plc:0iza6de2dwap2sbkpav7c6c1", False),  # 0, 1 are not base32
        ("did:plc:7iza6de2dwap2sbkpav7c6c8", False),  # 8 is not base32
        ("did:web:example.com", True),
        ("did:web:pds.example.co.uk", True),
        ("did:web:localhost", True),
        ("did:web:localhost%3A2583", True),
        ("did:web:localhost%3a2583", True),
        ("did:web:example.com%3A8443", False),  # ports only for localhost
        ("did:web:localhost%3A0", False),
        ("did:web:localhost%3A99999", False),
        ("did:web:example.com:user:alice", False),  # path-based did:web
        ("did:web:example", False),
        ("did:web:127.0.0.1", False),
        ("did:web:-bad.com", False),
        # The handle rules apply to did:web: hosts under reserved TLDs are never resolved.
        ("did:web:printer.local", False),
        ("did:web:x.arpa", False),
        ("did:web:a.onion", False),
        ("did:web:svc.internal", False),
        ("did:web:foo.example", False),
        ("did:key:zQ3shZc2QzApp2oymGvQbzP8eKheVshBHbU4ZYjeXqwSKEn6N", False),
        ("did:example:123", False),
    ],
)
def test_supported_dids(did: str, supported: bool) -> None:
    assert syntax.is_supported_did(did) is supported


def test_did_web_host() -> None:
    assert syntax.did_web_host("did:web:Example.COM") == ("example.com", None)
    assert syntax.did_web_host("did:web:localhost%3A2583") == ("localhost", 2583)
    assert syntax.did_web_host("did:plc:7iza6de2dwap2sbkpav7c6c6") is None


def test_ensure_did_strips_and_explains() -> None:
    assert syntax.ensure_did(" did:plc:7iza6de2dwap2sbkpav7c6c6\n") == (
        "did:plc:7iza6de2dwap2sbkpav7c6c6"
    )
    with pytest.raises(InvalidIdentifierError, match="Only did:plc and did:web"):
        syntax.ensure_did("did:key:zabc")
    assert syntax.ensure_did("did:key:zabc", supported_only=False) == "did:key:zabc"
    with pytest.raises(InvalidIdentifierError) as info:
        syntax.ensure_did("did:web:example.com:path")
    assert "path" in info.value.message
    with pytest.raises(InvalidIdentifierError) as info:
        syntax.ensure_did("did:plc:short")
    assert "24" in info.value.message
    with pytest.raises(InvalidIdentifierError, match="not a valid DID"):
        syntax.ensure_did("did:")


# --- sign-in input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("@Alice.Test", "handle", "alice.test"),
        (" alice.bsky.social ", "handle", "alice.bsky.social"),
        ("did:plc:7iza6de2dwap2sbkpav7c6c6", "did", "did:plc:7iza6de2dwap2sbkpav7c6c6"),
        ("did:web:example.com", "did", "did:web:example.com"),
        ("https://bsky.social", "url", "https://bsky.social"),
        ("HTTPS://Pds.Example.com/", "url", "HTTPS://Pds.Example.com/"),
        ("http://localhost:2583", "url", "http://localhost:2583"),
    ],
)
def test_parse_identifier(text: str, kind: str, value: str) -> None:
    identifier = syntax.parse_identifier(text)
    assert (identifier.kind, identifier.value) == (kind, value)


@pytest.mark.parametrize(
    "text",
    [
        "", "   ", "alice", "alice.local", "did:key:zabc", "did:plc:bad", "DID:plc:x",
        "https://", "https://:443", "https://user:pw@pds.example.com", "http://[::1",
        "https://host:99999", "https://exa mple.com", "ftp://example.com", "at://alice.test",
        "email@example.com",
    ],
)
def test_parse_identifier_rejects(text: str) -> None:
    with pytest.raises(InvalidIdentifierError) as info:
        syntax.parse_identifier(text)
    assert info.value.message.endswith(".")


def test_no_catastrophic_backtracking() -> None:
    hostile = [
        "a" * 100_000,
        "a-" * 50_000 + ".test",
        "did:plc:" + "a" * 100_000 + ":",
        "did:" + "a" * 100_000,
        "did:a:" + "%" * 100_000,
        ("a." * 50_000) + "-",
    ]
    start = time.perf_counter()
    for text in hostile:
        syntax.is_valid_handle(text)
        syntax.is_valid_did(text)
        syntax.is_supported_did(text)
        with pytest.raises(InvalidIdentifierError):
            syntax.parse_identifier(text)
    assert time.perf_counter() - start < 1.0


# --- interop vectors ----------------------------------------------------------------------------


def _vectors(name: str) -> list[str]:
    if not INTEROP_DIR.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"interop vectors missing at {INTEROP_DIR.resolve()}")
        pytest.skip("interop vectors not present")
    path = INTEROP_DIR / name
    if not path.is_file():
        pytest.fail(f"interop vector file {name} missing")
    lines = path.read_text(encoding="utf-8").split("\n")
    return [line for line in lines if line and not line.startswith("#")]


def test_interop_handles() -> None:
    valid, invalid = _vectors("handle_syntax_valid.txt"), _vectors("handle_syntax_invalid.txt")
    assert valid
    assert invalid
    assert [h for h in valid if not syntax.is_valid_handle(h)] == []
    assert [h for h in invalid if syntax.is_valid_handle(h)] == []


def test_interop_dids() -> None:
    valid, invalid = _vectors("did_syntax_valid.txt"), _vectors("did_syntax_invalid.txt")
    assert valid
    assert invalid
    assert [d for d in valid if not syntax.is_valid_did(d)] == []
    assert [d for d in invalid if syntax.is_valid_did(d)] == []


def test_interop_at_identifiers() -> None:
    valid = _vectors("atidentifier_syntax_valid.txt")
    invalid = _vectors("atidentifier_syntax_invalid.txt")

    def ok(text: str) -> bool:
        return syntax.is_valid_handle(text) or syntax.is_valid_did(text)

    assert [t for t in valid if not ok(t)] == []
    assert [t for t in invalid if ok(t)] == []


def test_interop_valid_handles_normalise_to_lower_case() -> None:
    for handle in _vectors("handle_syntax_valid.txt"):
        assert syntax.normalize_handle(handle) == handle.lower()


@pytest.mark.parametrize("tag", ["en", "pt-BR", "zh-Hant", "i-klingon", "x-private", "es-419"])
def test_language_tags_accepted(tag: str) -> None:
    assert syntax.is_valid_language(tag)


@pytest.mark.parametrize("tag", ["", "EN", "english", "e", "en-", "en--GB", "x", "i", "a-DE",
                                 "en-toolongsubtag", "en_GB", "日本"])
def test_language_tags_rejected(tag: str) -> None:
    assert not syntax.is_valid_language(tag)


def test_interop_languages() -> None:
    valid = _vectors("language_syntax_valid.txt")
    invalid = _vectors("language_syntax_invalid.txt")
    assert valid
    assert invalid
    assert [t for t in valid if not syntax.is_valid_language(t)] == []
    assert [t for t in invalid if syntax.is_valid_language(t)] == []


def test_interop_uris() -> None:
    valid, invalid = _vectors("uri_syntax_valid.txt"), _vectors("uri_syntax_invalid.txt")
    assert valid
    assert invalid
    assert [u for u in valid if not syntax.is_valid_uri(u)] == []
    assert [u for u in invalid if syntax.is_valid_uri(u)] == []


def test_interop_nsids() -> None:
    valid, invalid = _vectors("nsid_syntax_valid.txt"), _vectors("nsid_syntax_invalid.txt")
    assert valid
    assert invalid
    assert [n for n in valid if not syntax.is_valid_nsid(n)] == []
    assert [n for n in invalid if syntax.is_valid_nsid(n)] == []


@pytest.mark.parametrize("did", ["did:web:printer.local", "did:web:x.arpa", "did:web:a.onion"])
def test_did_web_on_a_reserved_tld_says_so(did: str) -> None:
    with pytest.raises(InvalidIdentifierError) as caught:
        syntax.ensure_did(did)
    assert "local or reserved domain" in caught.value.message
    assert "path or port" not in caught.value.message
