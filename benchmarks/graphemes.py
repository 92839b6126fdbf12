"""Grapheme counters against the server's count (Node's ICU `Intl.Segmenter`) on a mixed corpus.

    eval "$(scripts/ensure-node.sh --env)" && .venv/bin/python -m benchmarks.graphemes [LIB ...]

LIB is any of `regex`, `grapheme`, `uniseg`, `ugrapheme`, `qt` (those not installed are skipped).
Prints agreement with Node and the time to count the corpus, and lists the first disagreements.
"""

from __future__ import annotations

import importlib
import itertools
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable

# One sample per hard case: scripts whose clusters changed in recent Unicode versions (Indic
# conjuncts, Myanmar, Khmer), Hangul jamo, marks, every emoji sequence kind, CR LF, controls.
SAMPLES = [
    "a", "é", "e\u0301", "नमस्ते", "क्षत्रिय", "ক্ষ", "ક્ષ", "க்ஷ", "తెలుగు", "മലയാളം", "ଓଡ଼ିଆ",
    "ไทย", "ภาษา", "ဘာသာ", "ខ្មែរ", "ລາວ", "བོད", "한국어", "\u1100\u1161\u11a8", "עִבְרִית",
    "العربية", "ﷺ", "日本語", "z\u0351\u0352\u0357\u0358", "👍", "👍🏻", "👨‍👩‍👧", "👨‍👩‍👧‍👧",
    "🏳️‍🌈", "🇫🇷", "🇫🇷🇩🇪", "1️⃣", "#️⃣", "❤️", "🏴\U000e0067\U000e0062\U000e0073\U000e0063"
    "\U000e0074\U000e007f", "\r\n", "\n", "\r", "\t", "\ufeff", "\u200d", "\u00ad", " ",
]
JOINERS = ["", " ", "\r\n", "\u200d"]
ISSUE_EXAMPLES = [
    "नमस्ते 👨‍👩‍👧", "ไทย 👍🏻", "ก\r\nก", "க்ஷ", "ဘာသာ", "\ufeffhello", "Hello!",
    "👨‍👩‍👧‍👧🔥 good!✅", "a~öñ©⽘☎𓋓😀👨‍👩‍👧‍👧",
]


def corpus() -> list[str]:
    pairs = (a + j + b for a, b in itertools.product(SAMPLES, repeat=2) for j in JOINERS)
    return ISSUE_EXAMPLES + SAMPLES + sorted(set(pairs))


def node_counts(texts: list[str], node: str | None = None) -> tuple[str, list[int]]:
    """Node's `Intl.Segmenter` count of each text, and Node's ICU version."""
    # The harness's Node is the one the reference PDS runs on.
    node = node or os.environ.get("DESKTOP_APP_TEST_NODE") or shutil.which("node")
    if node is None:
        sys.exit("node is not on PATH: run eval \"$(scripts/ensure-node.sh --env)\" first")
    script = (
        "const s=new Intl.Segmenter();let d='';process.stdin.on('data',c=>d+=c);"
        "process.stdin.on('end',()=>{const t=JSON.parse(d);"
        "console.log(JSON.stringify([process.versions.icu,t.map(x=>[...s.segment(x)].length)]))})"
    )
    out = subprocess.run(
        [node, "-e", script], input=json.dumps(texts), capture_output=True, text=True,
        check=True, timeout=60,
    )
    icu, counts = json.loads(out.stdout)
    return str(icu), [int(c) for c in counts]


def counter(name: str) -> Callable[[str], int] | None:
    try:
        if name == "regex":
            regex = importlib.import_module("regex")
            pattern = regex.compile(r"\X")
            return lambda s: len(pattern.findall(s))
        if name == "grapheme":
            return importlib.import_module("grapheme").length  # type: ignore[no-any-return]
        if name == "uniseg":
            mod = importlib.import_module("uniseg.graphemecluster")
            return lambda s: sum(1 for _ in mod.grapheme_clusters(s))
        if name == "ugrapheme":
            return importlib.import_module("ugrapheme").grapheme_len  # type: ignore[no-any-return]
        if name == "qt":
            core = importlib.import_module("PySide6.QtCore")

            def qt_count(s: str) -> int:
                finder = core.QTextBoundaryFinder(core.QTextBoundaryFinder.BoundaryType.Grapheme, s)
                count = 0
                while finder.toNextBoundary() != -1:
                    count += 1
                return count

            return qt_count
    except ImportError:
        return None
    raise SystemExit(f"unknown counter {name!r}")


def main(names: list[str]) -> None:
    texts = corpus()
    icu, truth = node_counts(texts)
    print(f"{len(texts)} strings; the server's count from Node's ICU {icu}")
    for name in names or ["regex", "grapheme", "uniseg", "ugrapheme", "qt"]:
        count = counter(name)
        if count is None:
            print(f"{name:10} not installed")
            continue
        started = time.perf_counter()
        for _ in range(5):
            got = [count(t) for t in texts]
        per_pass = (time.perf_counter() - started) / 5 * 1000
        wrong = [(t, n, g) for t, n, g in zip(texts, truth, got, strict=True) if n != g]
        share = 100 * (len(texts) - len(wrong)) / len(texts)
        print(f"{name:10} agrees on {len(texts) - len(wrong)}/{len(texts)} ({share:.1f} %), "
              f"{per_pass:.1f} ms per pass")
        for text, want, have in wrong[:6]:
            print(f"    {text!r}: server {want}, {name} {have}")


if __name__ == "__main__":
    main(sys.argv[1:])
