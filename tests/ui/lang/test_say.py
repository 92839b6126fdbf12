"""The Qt-free layers' sentences said in the window's language: the template from the
catalogue, whole numbers as the locale writes them, lengths of time in its words, a sentence
inside a sentence said too, and a template the catalogue lacks in English with its values."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desktop_app.sentences import Amount, Duration, Moment, Sentence
from desktop_app.ui.lang import CATALOGUES, say

# In the catalogues (said by the status panel and the accounts card); none is translated here.
SESSION = "Session ends in {duration}"
RENEWAL = "Renewal failed: {error}"
UNKNOWN = "No catalogue holds this sentence about {count} posts by {who}."


@pytest.fixture
def speaking(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The window speaking the language the test is parametrized with: its catalogue
    installed, its locale the default (as `install_language` does)."""
    lang: str = request.param
    before = QLocale()
    translator = QTranslator()
    assert translator.load(QLocale(lang), "app", "_", str(CATALOGUES)), \
        "no .qm built: run scripts/translations.sh"
    qapp.installTranslator(translator)
    QLocale.setDefault(QLocale(lang))
    try:
        yield lang
    finally:
        qapp.removeTranslator(translator)
        QLocale.setDefault(before)


@pytest.mark.parametrize("speaking", ["ja"], indirect=True)
def test_a_translated_template_is_said_with_its_value_in_the_language(
        speaking: str) -> None:
    assert say(Sentence.of(SESSION, duration=Duration(300))) == "セッション終了まであと5分"
    assert say(Sentence.of(SESSION, duration=Duration(86400 + 4 * 3600))) \
        == "セッション終了まであと1日4時間"


@pytest.mark.parametrize("speaking", ["ja"], indirect=True)
def test_a_sentence_inside_a_sentence_is_said_too(speaking: str) -> None:
    inner = Sentence.of(SESSION, duration=Duration(30))
    assert say(Sentence.of(RENEWAL, error=inner)) \
        == "更新に失敗しました: セッション終了まであと1分未満"
    # A server's own words (plain text) stay as they are inside a translated sentence.
    assert say(Sentence.of(RENEWAL, error="invalid_grant")) == "更新に失敗しました: invalid_grant"


@pytest.mark.parametrize("speaking", ["pt_BR"], indirect=True)
def test_whole_numbers_are_written_as_the_locale_writes_them(speaking: str) -> None:
    said = say(Sentence.of(UNKNOWN, count=1234, who="@bob.test"))
    assert said == "No catalogue holds this sentence about 1.234 posts by @bob.test."
    assert say(Sentence.of(RENEWAL, error=Sentence.of(UNKNOWN, count=5, who="x"))) \
        == "Falha na renovação: No catalogue holds this sentence about 5 posts by x."


@pytest.mark.parametrize("speaking", ["ja"], indirect=True)
def test_an_untranslated_template_is_its_english_with_the_values(speaking: str) -> None:
    sentence = Sentence.of(UNKNOWN, count=1234, who="@bob.test")
    assert say(sentence) == "No catalogue holds this sentence about 1,234 posts by @bob.test."
    # As the command line says it, but for the number, written as the locale writes them.
    assert str(sentence) == "No catalogue holds this sentence about 1234 posts by @bob.test."
    assert say("A bare template with no values.") == "A bare template with no values."


@pytest.mark.parametrize("speaking", ["pt_BR"], indirect=True)
def test_a_moment_is_written_the_locales_way(speaking: str) -> None:
    now = time.mktime((2026, 12, 5, 16, 0, 0, 0, 0, -1))
    today = Moment(time.mktime((2026, 12, 5, 14, 5, 0, 0, 0, -1)), now)
    earlier = Moment(time.mktime((2026, 12, 4, 9, 30, 0, 0, 0, -1)), now)
    assert say(Sentence.of("{when}", when=today)) == "14:05"
    said_earlier = say(Sentence.of("{when}", when=earlier))
    assert said_earlier.startswith("4 de dez") and said_earlier.endswith("09:30"), said_earlier
    assert str(earlier) == "Dec 4, 09:30"


@pytest.mark.parametrize("speaking", ["pt_BR"], indirect=True)
def test_an_amount_has_the_locales_decimal_sign(speaking: str) -> None:
    assert say(Sentence.of("{size} MB", size=Amount(1.46))) == "1,5 MB"
    assert str(Amount(1.46)) == "1.5"
