"""Text length in grapheme clusters, counted as the server counts them (ICU, UAX #29)."""

from __future__ import annotations

import regex

# `regex` follows the current Unicode version's extended grapheme clusters, conjunct (InCB)
# rules included; it agreed with the reference PDS's Node/ICU on every string of
# benchmarks/graphemes.py, where Qt's QTextBoundaryFinder and the older libraries did not.
_CLUSTER = regex.compile(r"\X")


def grapheme_length(text: str) -> int:
    """How many user-perceived characters `maxGraphemes` in a lexicon counts in `text`."""
    if text.isascii():
        # One cluster per character except CR LF, which is one.
        return len(text) - text.count("\r\n")
    return sum(1 for _ in _CLUSTER.finditer(text))
