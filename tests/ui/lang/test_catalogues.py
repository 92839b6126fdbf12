"""The window's languages: no bare text reaches a widget (everything a person sees goes through
`tr`), the Japanese and Brazilian Portuguese catalogues hold every string with no unfinished
entry and the same placeholders, and the window built in each language fits its words."""

from __future__ import annotations

import ast
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop_app.ui.lang import CATALOGUES, tr
from tests.support.app import bare_window

ROOT = Path(__file__).resolve().parents[3]
UI = ROOT / "desktop_app" / "ui"
LANGS = ("ja", "pt_BR")
# Calls whose text argument is shown to a person (the argument, by position).
SHOWN = {"setText": 0, "setToolTip": 0, "setPlaceholderText": 0, "setAccessibleName": 0,
         "setAccessibleDescription": 0, "setWindowTitle": 0, "addAction": 0, "addMenu": 0,
         "addTab": 0, "setTabText": 1, "setTabToolTip": 1, "show_message": 0,
         "QLabel": 0, "QPushButton": 0, "QToolButton": 0, "QAction": 0, "QCheckBox": 0,
         "QGroupBox": 0, "QRadioButton": 0, "drawText": 2, "setStatusTip": 0,
         "setHorizontalHeaderLabels": 0, "QTableWidgetItem": 0, "getText": 1,
         "question": 1, "information": 1, "warning": 1, "critical": 1}
WORDS = re.compile(r"[A-Za-z]{2,}")


def bare_texts() -> Iterator[str]:
    """Each place in ui/ where a literal with words (or an f-string) is handed straight to
    something that shows it."""
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else (
                func.id if isinstance(func, ast.Name) else "")
            at = SHOWN.get(name)
            if at is None or at >= len(node.args):
                continue
            arg = node.args[at]
            parts = arg.values if isinstance(arg, ast.JoinedStr) else [arg]
            if any(isinstance(p, ast.Constant) and isinstance(p.value, str)
                   and WORDS.search(p.value) for p in parts):
                yield f"{path.relative_to(ROOT)}:{node.lineno} {name}({ast.unparse(arg)[:60]})"


def test_no_bare_text_reaches_a_widget() -> None:
    assert list(bare_texts()) == []


def messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


@pytest.mark.parametrize("lang", LANGS)
def test_each_catalogue_is_complete_and_current(lang: str, tmp_path: Path) -> None:
    shipped = CATALOGUES / f"app_{lang}.ts"
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in sorted((ROOT / "desktop_app").rglob("*.py"))]
    subprocess.run([str(ROOT / ".venv/bin/pyside6-lupdate"), "-locations", "none", *sources,
                    "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {(m.findtext("source"), m.findtext("comment")) for m in messages(fresh)}
    have = {(m.findtext("source"), m.findtext("comment")): m for m in messages(shipped)}
    assert wanted, "no string found: the extraction is broken"
    assert sorted(k[0] or "" for k in wanted - set(have)) == [], "not in the catalogue"
    for key in wanted:
        message = have[key]
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") is None, f"{lang}: unfinished {key[0]!r}"
        forms = [f.text or "" for f in translation.iter("numerusform")] \
            if message.get("numerus") == "yes" else [translation.text or ""]
        source = key[0] or ""
        for form in forms:
            assert form.strip(), f"{lang}: empty translation of {source!r}"
            assert set(re.findall(r"\{\w+\}", form)) == set(re.findall(r"\{\w+\}", source)), \
                f"{lang}: placeholders of {source!r} in {form!r}"
            if "%n" in source and len(forms) > 1:
                assert "%n" in form, f"{lang}: %n missing in {form!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_window_speaks_each_language_and_fits_its_words(lang: str, qtbot: QtBot,
                                                            tmp_path: Path) -> None:

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translator = QTranslator()
    assert translator.load(QLocale(lang), "app", "_", str(CATALOGUES)), "no .qm built"
    app.installTranslator(translator)
    try:
        assert tr("Home") != "Home"
        window = bare_window(qtbot, tmp_path)
        window.show()
        qtbot.waitExposed(window)
        cut = []
        for place in ("home", "notifications", "search", "bookmarks", "profile", "accounts"):
            window.go(place)
            for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
                text = widget.text().replace("&", "")
                if not widget.isVisible() or not text or (isinstance(widget, QLabel)
                                                          and widget.wordWrap()):
                    continue
                needed = widget.fontMetrics().horizontalAdvance(text.split("\n")[0])
                if needed > widget.contentsRect().width() + 1:
                    cut.append(f"{widget.objectName() or type(widget).__name__}: {text!r}")
        shot = ROOT / "test-artifacts" / "languages"
        shot.mkdir(parents=True, exist_ok=True)
        window.go("home")
        window.grab().save(str(shot / f"window-{lang}.png"))
        assert cut == []
    finally:
        app.removeTranslator(translator)
