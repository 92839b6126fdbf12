"""Mention completion in the composer: offered after `@`, chosen with the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.bsky import Author
from desktop_app.ui.compose import Composer, mention_prefix

ALICE = Author("did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", "alice.test", "Alice")
ALBERT = Author("did:plc:bbbbbbbbbbbbbbbbbbbbbbbb", "albert.test")


def test_mention_prefix() -> None:
    assert mention_prefix("hi @al") == "al"
    assert mention_prefix("@al") == "al"
    assert mention_prefix("(@al") == "al"
    assert mention_prefix("mail@al") is None
    assert mention_prefix("hi @al ") is None
    assert mention_prefix("hi @") is None


def test_typing_a_mention_offers_handles_and_enter_inserts_one(qtbot: QtBot) -> None:
    composer = Composer()
    qtbot.addWidget(composer)
    composer.show()
    composer.activateWindow()
    composer.text_edit.setFocus()
    with qtbot.waitSignal(composer.mentions.wanted, timeout=2000) as asked:
        qtbot.keyClicks(composer.text_edit, "hi @al")
    assert asked.args == ["al"]
    composer.mentions.show("a", [ALICE])  # an answer to an older prefix is dropped
    assert not composer.mentions.visible
    composer.mentions.show("al", [ALICE, ALBERT])
    assert composer.mentions.visible and composer.mentions.popup.count() == 2
    qtbot.keyClick(composer.text_edit, Qt.Key.Key_Down)
    qtbot.keyClick(composer.text_edit, Qt.Key.Key_Return)
    assert composer.text_edit.toPlainText() == "hi @albert.test "
    assert not composer.mentions.visible
    qtbot.keyClicks(composer.text_edit, "and @ali")
    composer.mentions.show("ali", [ALICE])
    qtbot.keyClick(composer.text_edit, Qt.Key.Key_Escape)
    assert not composer.mentions.visible
    assert composer.text_edit.toPlainText().endswith("and @ali")
