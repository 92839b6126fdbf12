"""The window says the permissions in the interface's language; in English exactly as the
command line does (the `bsky` layer's sentences)."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desktop_app.bsky import APP_SCOPE, BY_KEY, FEATURES, Permissions, describe
from desktop_app.ui.accounts import missing_sentence
from desktop_app.ui.accounts._permission_words import allowed_text, features_text, mode_text
from desktop_app.ui.lang import CATALOGUES

KEYS = [f.key for f in FEATURES]


def test_english_is_the_command_lines(qapp: QApplication) -> None:
    for size in (1, 2, 3, len(KEYS)):
        for keys in itertools.combinations(KEYS, size):
            assert features_text(keys) == describe(keys)
    for key in KEYS:
        assert missing_sentence(key) == BY_KEY[key].sentence()
    granted = Permissions.of(APP_SCOPE)
    assert allowed_text(granted) == granted.text() and mode_text(granted) == granted.mode_text()
    nothing = Permissions.of("atproto")
    assert allowed_text(nothing) == nothing.text()


def test_in_japanese(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(QLocale("ja"), "app", "_", str(CATALOGUES))
    qapp.installTranslator(translator)
    try:
        assert features_text(["post", "like", "read", "images"]) \
            == "あなたとしてポストといいね\uff1bタイムラインの閲覧\uff1b画像のアップロード"
        assert missing_sentence("post") == "サインイン時にポストは許可されませんでした。"
    finally:
        qapp.removeTranslator(translator)
