"""Sentences from the Qt-free layers: kept as a template and values, marked for the catalogues,
said in English by `str()`, written to and read from files; and no sentence of theirs that can
reach the window is glued together in English (the window could not translate it)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.errors import AppError
from desktop_app.sentences import (
    QT_TR_NOOP,
    Amount,
    Duration,
    Moment,
    Sentence,
    describe_duration,
    said,
)

ROOT = Path(__file__).resolve().parents[1]
# Where sentences for the window are made without Qt; the command line's own words (cli/) and
# the window's (ui/, through tr) are not templates.
LAYERS = [p for p in sorted((ROOT / "desktop_app").rglob("*.py"))
          if not {"ui", "cli"} & set(p.relative_to(ROOT / "desktop_app").parts[:-1])]
WORDS = re.compile(r"[A-Za-z]{2,}")


def test_a_sentence_is_its_english_with_the_values_in_place() -> None:
    inner = Sentence.of(QT_TR_NOOP("the server said {what}"), what="no")
    sentence = Sentence.of("Posting failed after {tries} tries: {why}. Wait {wait}.",
                           tries=3, why=inner, wait=Duration(300))
    assert str(sentence) == "Posting failed after 3 tries: the server said no. Wait 5 minutes."
    assert str(Sentence.of("{size} MB", size=Amount(1.96))) == "2.0 MB"
    assert str(Sentence("Braces {stay} without values.")) == "Braces {stay} without values."
    assert said("Plain.") == Sentence("Plain.")
    assert said(sentence) is sentence
    assert describe_duration(59) == "less than a minute"
    assert describe_duration(86400 + 3 * 3600 + 120) == "1 day 3 hours"


def test_an_error_keeps_its_sentence_and_its_english() -> None:
    class Refused(AppError):
        default_message = QT_TR_NOOP("Refused.")

    assert Refused("why").sentence == Sentence("Refused.")
    error = AppError("detail", message=Sentence.of("No account has the handle {handle}.",
                                                   handle="bob.test"))
    assert error.message == "No account has the handle bob.test."
    assert error.sentence.values == {"handle": "bob.test"}
    assert str(error) == "No account has the handle bob.test. (detail)"


def test_a_sentence_survives_a_file_and_a_bad_file_is_its_english() -> None:
    sentence = Sentence.of("{who} waits {wait} since {when}: {why}", who="Bob",
                           wait=Duration(90.0), when=Moment(1_796_000_000.0, 1_796_100_000.0),
                           why=Sentence.of("the limit is {n} of {size} MB", n=300,
                                           size=Amount(1.46)))
    assert Sentence.from_json(sentence.to_json()) == sentence
    assert Sentence.from_json(None, "Older English.") == Sentence("Older English.")
    assert Sentence.from_json({"template": "A {x}", "values": {}}, "A b") == Sentence("A b")
    assert Sentence.from_json({"template": "A {x}", "values": {"x": [1]}}, "A b") \
        == Sentence("A b")
    assert Sentence.from_json({"template": "A {x}", "values": {"x": True}}, "") \
        == Sentence("A {x}")
    infinite = {"template": "A {x}", "values": {"x": {"seconds": float("inf")}}}
    assert Sentence.from_json(infinite, "A b") == Sentence("A b")


def _assigned(tree: ast.AST) -> dict[str, list[ast.expr]]:
    """Every value each plain name is given anywhere in the file."""
    values: dict[str, list[ast.expr]] = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    values.setdefault(target.id, []).append(node.value)
    return values


def _glued(expr: ast.expr, names: dict[str, list[ast.expr]], seen: set[str]) -> Iterator[str]:
    """English in `expr` that is not a marked template: a literal with words outside
    QT_TR_NOOP, an f-string, a `.format` of text; a name that is the whole sentence (or one
    branch of it) is followed to what the same file gives it."""
    marked: set[int] = set()
    for node in ast.walk(expr):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id == "QT_TR_NOOP":
            marked.update(id(arg) for arg in node.args)
    for node in ast.walk(expr):
        if isinstance(node, ast.JoinedStr):
            yield f"f-string {ast.unparse(node)[:70]}"
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and WORDS.search(node.value) and id(node) not in marked \
                and not _a_key(node, expr):
            yield f"unmarked {node.value[:70]!r}"
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "format":
            yield f"format {ast.unparse(node)[:70]}"
    for top in _branches(expr):
        if isinstance(top, ast.Name) and top.id not in seen:
            seen.add(top.id)
            for value in names.get(top.id, []):
                yield from _glued(value, names, seen)


def _branches(expr: ast.expr) -> Iterator[ast.expr]:
    if isinstance(expr, ast.IfExp):
        yield from _branches(expr.body)
        yield from _branches(expr.orelse)
    elif isinstance(expr, ast.BoolOp):
        for value in expr.values:
            yield from _branches(value)
    else:
        yield expr


def _a_key(node: ast.Constant, expr: ast.expr) -> bool:
    """A dictionary's key or a lookup's key names something; it is not said."""
    for parent in ast.walk(expr):
        if isinstance(parent, ast.Dict) and any(k is node for k in parent.keys):
            return True
        if isinstance(parent, ast.Subscript) and parent.slice is node:
            return True
        if isinstance(parent, ast.Compare) and node in (parent.left, *parent.comparators):
            return True
        if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Attribute) \
                and parent.func.attr == "get" and parent.args and parent.args[0] is node:
            return True
    return False


def _said(tree: ast.AST) -> Iterator[ast.expr]:
    """What these layers hand on as a sentence: an error's message, a class's default or
    table of messages, a screen's message to the window."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            yield from (k.value for k in node.keywords
                        if k.arg in {"message", "footer_message", "last_error"})
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr == "message":
                yield from node.args
            if isinstance(func, ast.Name) and func.id == "QT_TR_NOOP" and (
                    len(node.args) != 1 or not isinstance(node.args[0], ast.Constant)):
                yield node  # a template must be one literal for lupdate to find it
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id in {"default_message",
                                                                 "messages"}:
                    yield node.value


def glued_in(source: str, where: str) -> Iterator[str]:
    tree = ast.parse(source)
    names = _assigned(tree)
    for expr in _said(tree):
        if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) \
                and expr.func.id == "QT_TR_NOOP" and not (
                    len(expr.args) == 1 and isinstance(expr.args[0], ast.Constant)):
            yield f"{where}:{expr.lineno} template is not one literal"
            continue
        for problem in _glued(expr, names, set()):
            yield f"{where}:{expr.lineno} {problem}"


def glued_sentences() -> Iterator[str]:
    for path in LAYERS:
        yield from glued_in(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))


def test_no_sentence_for_the_window_is_glued_in_english() -> None:
    assert list(glued_sentences()) == []


@pytest.mark.parametrize(("source", "found"), [
    ('raise E("d", message=f"No account {h}.")', True),
    ('raise E("d", message="No account.")', True),
    ('raise E("d", message=QT_TR_NOOP("No account."))', False),
    ('raise E("d", message=Sentence.of(QT_TR_NOOP("No {h}."), h=h))', False),
    ('M = "Unmarked words."\nraise E("d", message=M)', True),
    ('M = QT_TR_NOOP("Marked.")\nraise E("d", message=M)', False),
    ('hooks.message(TEMPLATE.format(x))', True),
    ('self.hooks.message("Posted.")', True),
    ('class E:\n    default_message = "Bare."', True),
    ('class E:\n    messages = {"invalid_grant": QT_TR_NOOP("Ended.")}', False),
    ('x = QT_TR_NOOP(f"{a} b")', True),
])
def test_the_scan_finds_glued_english(source: str, found: bool) -> None:
    assert bool(list(glued_in(source, "probe.py"))) is found
