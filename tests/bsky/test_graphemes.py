"""Grapheme length: counted as the server counts `maxGraphemes` (ICU extended clusters)."""

from __future__ import annotations

import pytest
import regex

from benchmarks.graphemes import corpus, node_counts
from desktop_app.bsky import grapheme_length
from tests.support.harness import NodeTooling

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f467"  # 👨‍👩‍👧‍👧


@pytest.mark.parametrize(("text", "expected"), [
    ("", 0),
    ("Hello!", 6),
    ("a\r\nb", 3),  # CR LF is one cluster
    ("\r\r\n", 2),
    ("e\u0301", 1),
    ("\u1100\u1161\u11a8", 1),  # Hangul L+V+T jamo: one syllable
    ("\U0001f1ef\U0001f1f5\U0001f1eb\U0001f1f7", 2),  # two flags
    (FAMILY, 1),
    (FAMILY + "🔥 good!✅", 9),
    ("a~öñ©⽘☎𓋓😀" + FAMILY, 10),  # the SDK's own case
    # Where Qt's QTextBoundaryFinder disagrees with the server (issue 12's measurements):
    ("नमस्ते", 3),  # Devanagari conjuncts (Unicode 15.1 rule)
    ("नमस्ते 👨\u200d👩\u200d👧", 5),
    ("ไทย 👍🏻", 5),
    ("ก\r\nก", 3),
    ("க்ஷ", 2),  # Tamil virama is not a conjunct linker
    ("ဘာသာ", 4),  # Myanmar
    ("\ufeffhello", 6),  # a leading U+FEFF is a character of its own
])
def test_counts_as_the_server(text: str, expected: int) -> None:
    assert grapheme_length(text) == expected


def test_ascii_shortcut_matches_the_full_count() -> None:
    texts = ["", "abc", "\r\n", "\n\r", "a\r\n\r\nb", "\t\x00\x7f", "x\r"]
    assert [grapheme_length(t) for t in texts] == [len(regex.findall(r"\X", t)) for t in texts]


def test_agrees_with_the_reference_servers_icu(node_tooling: NodeTooling) -> None:
    """Every string of the measurement corpus, against the harness Node's Intl.Segmenter."""
    texts = corpus()
    _, truth = node_counts(texts, str(node_tooling.node))
    wrong = [(t, n, grapheme_length(t)) for t, n in zip(texts, truth, strict=True)
             if grapheme_length(t) != n]
    assert len(texts) > 5000
    assert wrong == []
