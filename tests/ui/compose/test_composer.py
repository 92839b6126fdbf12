"""Offscreen composer tests: grapheme counting, posting rules, images, reply target, language."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.bsky import MAX_IMAGES, Author, NewPost, PostView
from desktop_app.ui.compose import MAX_GRAPHEMES, Composer, alt_placeholder
from desktop_app.ui.look import accents
from tests.support.images import png

W = TypeVar("W", bound=QWidget)

FAMILY = "\U0001f469\u200d\U0001f469\u200d\U0001f467"  # 👩‍👩‍👧: five code points, one grapheme


def make_composer(qtbot: QtBot, locale: QLocale | None = None) -> Composer:
    composer = Composer(locale=locale or QLocale(QLocale.Language.English))
    qtbot.addWidget(composer)
    # Shortcuts only fire in the active window, as in the real app.
    with qtbot.waitActive(composer):
        composer.show()
        composer.activateWindow()
    return composer


def child(composer: Composer, kind: type[W], name: str) -> W:
    found = composer.findChild(kind, name)
    assert found is not None, name
    return found


def bob_post() -> PostView:
    return PostView(
        uri="at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3k", cid="c",
        author=Author("did:plc:ewvi7nxzyoun6zhxrhs64oiz", "bob.test"),
        text="hi", created_at="", indexed_at="",
    )


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def attached(composer: Composer) -> int:
    return len(composer.draft().images)


def test_widgets_are_named_for_tests_and_assistive_tech(qtbot: QtBot) -> None:
    composer = make_composer(qtbot)
    assert composer.objectName() == "composer"
    text = child(composer, QPlainTextEdit, "composerText")
    assert text.placeholderText() == "What's up?"
    assert child(composer, QLabel, "composerCounter").text() == "300"
    assert child(composer, QPushButton, "composerPostButton").text() == "Post"
    assert child(composer, QPushButton, "composerAddImage").text() == "Add image…"
    assert not child(composer, QLabel, "composerReplyLabel").isVisible()
    assert not child(composer, QPushButton, "composerCancelReply").isVisible()
    assert not child(composer, QLabel, "composerError").isVisible()


def test_counter_and_button_at_the_limit(qtbot: QtBot) -> None:
    composer = make_composer(qtbot)
    counter, button = composer.counter, composer.post_button
    normal = counter.palette().color(QPalette.ColorRole.WindowText)

    composer.text_edit.setPlainText("a" * MAX_GRAPHEMES)
    assert counter.text() == "0"
    assert counter.accessibleName() == "0 characters left"
    assert button.isEnabled()

    composer.text_edit.setPlainText("a" * (MAX_GRAPHEMES + 1))
    assert counter.text() == "-1"
    assert counter.accessibleName() == "1 character over the limit"
    shown = counter.palette()
    assert shown.color(QPalette.ColorRole.WindowText) == accents(shown).warning
    assert not button.isEnabled()

    composer.text_edit.setPlainText("a" * (MAX_GRAPHEMES + 5))
    assert counter.text() == "-5"
    assert counter.accessibleName() == "5 characters over the limit"

    composer.text_edit.setPlainText("a" * 5)
    assert counter.text() == "295"
    assert counter.accessibleName() == "295 characters left"
    assert counter.palette().color(QPalette.ColorRole.WindowText) == normal


def test_limit_counts_complex_scripts_as_the_server_does(qtbot: QtBot) -> None:
    # "नमस्ते " is 4 clusters for the server (ICU, conjunct rule); Qt's own finder counts more.
    composer = make_composer(qtbot)
    composer.text_edit.setPlainText("नमस्ते " * (MAX_GRAPHEMES // 4))
    assert composer.counter.text() == "0"
    assert composer.post_button.isEnabled()
    composer.text_edit.setPlainText("नमस्ते " * (MAX_GRAPHEMES // 4) + "क्ष")
    assert composer.counter.text() == "-1"
    assert not composer.post_button.isEnabled()


def test_limit_counts_graphemes_not_code_points(qtbot: QtBot) -> None:
    composer = make_composer(qtbot)
    composer.text_edit.setPlainText(FAMILY * MAX_GRAPHEMES)
    assert len(composer.text_edit.toPlainText()) == 5 * MAX_GRAPHEMES
    assert composer.counter.text() == "0"
    assert composer.post_button.isEnabled()
    composer.text_edit.setPlainText(FAMILY * (MAX_GRAPHEMES + 1))
    assert not composer.post_button.isEnabled()


def test_empty_or_blank_text_cannot_be_posted(qtbot: QtBot) -> None:
    composer = make_composer(qtbot)
    assert not composer.post_button.isEnabled()
    qtbot.keyClicks(composer.text_edit, "   ")
    assert not composer.post_button.isEnabled()
    composer.text_edit.setPlainText(" \n\t\u3000")
    assert not composer.post_button.isEnabled()
    qtbot.keyClicks(composer.text_edit, "x")
    assert composer.post_button.isEnabled()


def test_ctrl_enter_posts_the_draft(qtbot: QtBot) -> None:
    composer = make_composer(qtbot)
    composer.text_edit.setFocus()
    qtbot.keyClicks(composer.text_edit, "hello")
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        with qtbot.waitSignal(composer.post_requested, timeout=1000) as signal:
            qtbot.keyClick(composer.text_edit, key, Qt.KeyboardModifier.ControlModifier)
        assert signal.args == [NewPost(text="hello", images=(), langs=("en",), reply_to=None)]
    # The shortcut must not have typed a newline into the post, nor cleared it.
    assert composer.text_edit.toPlainText() == "hello"


def test_ctrl_enter_does_nothing_over_the_limit_or_while_busy(qtbot: QtBot) -> None:
    composer = make_composer(qtbot)
    emitted: list[object] = []
    composer.post_requested.connect(emitted.append)
    composer.text_edit.setFocus()
    composer.text_edit.setPlainText("a" * (MAX_GRAPHEMES + 1))
    qtbot.keyClick(composer.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    composer.text_edit.setPlainText("fine")
    composer.set_busy(True)
    assert not composer.post_button.isEnabled()
    assert composer.text_edit.isReadOnly()
    qtbot.keyClick(composer.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert emitted == []
    composer.set_busy(False)
    assert composer.post_button.isEnabled()
    assert not composer.text_edit.isReadOnly()


def test_post_button_emits_without_clearing(qtbot: QtBot) -> None:
    composer = make_composer(qtbot)
    composer.text_edit.setPlainText("keep me")
    composer.show_error("Earlier problem.")
    with qtbot.waitSignal(composer.post_requested, timeout=1000) as signal:
        qtbot.mouseClick(composer.post_button, Qt.MouseButton.LeftButton)
    draft = signal.args[0]
    assert isinstance(draft, NewPost) and draft.text == "keep me"
    assert composer.text_edit.toPlainText() == "keep me"


def test_png_attaches_with_aspect_ratio_and_alt_text(qtbot: QtBot, tmp_path: Path) -> None:
    composer = make_composer(qtbot)
    data = png(40, 30)
    assert composer.add_image_file(write(tmp_path, "photo.PNG", data))
    alt = child(composer, QLineEdit, "composerAlt0")
    assert alt.placeholderText() == alt_placeholder()
    assert alt.isVisible()
    qtbot.keyClicks(alt, "A red square ")
    # An image alone is enough to post.
    assert composer.post_button.isEnabled()
    (image,) = composer.draft().images
    assert image.data == data
    assert image.mime_type == "image/png"
    assert image.aspect_ratio == (40, 30)
    assert image.alt == "A red square"
    assert not composer.error_label.isVisible()


def test_remove_button_detaches_and_renumbers(qtbot: QtBot, tmp_path: Path) -> None:
    composer = make_composer(qtbot)
    assert composer.add_image_file(write(tmp_path, "a.png", png(10, 10)))
    assert composer.add_image_file(write(tmp_path, "b.png", png(20, 10)))
    child(composer, QLineEdit, "composerAlt1").setText("second")
    qtbot.mouseClick(child(composer, QPushButton, "composerRemoveImage0"),
                     Qt.MouseButton.LeftButton)
    (image,) = composer.draft().images
    assert image.aspect_ratio == (20, 10) and image.alt == "second"
    assert child(composer, QLineEdit, "composerAlt0").text() == "second"


@pytest.mark.parametrize(("name", "data", "sentence"), [
    ("notes.txt", b"hello", "Only JPEG, PNG, GIF and WebP images can be attached."),
    ("photo.jpg", png(4, 4), "That file is not the kind of image its name says."),
    ("huge.png", png(4, 4) + b"\0" * 1_500_000,
     "That image is 1.5 MB; Bluesky accepts up to 1 MB."),
    ("broken.png", b"\x89PNG\r\n\x1a\n" + b"garbage", "That image could not be read."),
])
def test_bad_files_are_refused_with_a_sentence(
    qtbot: QtBot, tmp_path: Path, name: str, data: bytes, sentence: str
) -> None:
    composer = make_composer(qtbot)
    assert not composer.add_image_file(write(tmp_path, name, data))
    error = child(composer, QLabel, "composerError")
    assert error.isVisible()
    assert error.text() == sentence
    assert attached(composer) == 0
    assert composer.findChild(QLineEdit, "composerAlt0") is None


def test_missing_file_is_refused(qtbot: QtBot, tmp_path: Path) -> None:
    composer = make_composer(qtbot)
    assert not composer.add_image_file(str(tmp_path / "gone.png"))
    assert composer.error_label.text() == "That file could not be opened."


def test_at_most_four_images(qtbot: QtBot, tmp_path: Path) -> None:
    composer = make_composer(qtbot)
    chosen = [write(tmp_path, f"{i}.png", png(8 + i, 8)) for i in range(MAX_IMAGES + 1)]
    composer.choose_files = lambda parent: chosen
    qtbot.mouseClick(composer.add_image_button, Qt.MouseButton.LeftButton)
    assert attached(composer) == MAX_IMAGES
    assert not composer.add_image_button.isEnabled()
    assert composer.error_label.text() == "A post can have at most 4 images."
    assert not composer.add_image_file(chosen[-1])
    assert attached(composer) == MAX_IMAGES
    qtbot.mouseClick(child(composer, QPushButton, "composerRemoveImage3"),
                     Qt.MouseButton.LeftButton)
    assert composer.add_image_button.isEnabled()


def test_show_error_keeps_the_draft_and_clear_empties_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    composer = make_composer(qtbot)
    composer.set_reply_to(bob_post())
    composer.text_edit.setPlainText("my words")
    assert composer.add_image_file(write(tmp_path, "a.png", png(5, 7)))
    composer.set_busy(True)
    composer.set_busy(False)
    composer.show_error("The post could not be sent.")
    assert composer.error_label.isVisible()
    assert composer.error_label.text() == "The post could not be sent."
    draft = composer.draft()
    assert draft.text == "my words"
    assert len(draft.images) == 1 and draft.images[0].aspect_ratio == (5, 7)
    assert draft.reply_to == bob_post()
    assert composer.post_button.isEnabled()

    composer.clear()
    assert composer.draft() == NewPost(text="", images=(), langs=("en",), reply_to=None)
    assert not composer.error_label.isVisible()
    assert not composer.reply_label.isVisible()
    assert composer.findChild(QLineEdit, "composerAlt0") is None
    assert composer.counter.text() == "300"
    assert not composer.post_button.isEnabled()


def test_reply_target(qtbot: QtBot) -> None:
    composer = make_composer(qtbot)
    composer.set_reply_to(bob_post())
    label = child(composer, QLabel, "composerReplyLabel")
    cancel = child(composer, QPushButton, "composerCancelReply")
    assert label.isVisible() and label.text() == "Replying to @bob.test"
    assert cancel.isVisible()
    assert composer.post_button.text() == "Reply"
    composer.text_edit.setPlainText("hi bob")
    assert composer.draft().reply_to == bob_post()
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not label.isVisible() and not cancel.isVisible()
    assert composer.post_button.text() == "Post"
    assert composer.draft().reply_to is None


def test_language_default_and_choice(qtbot: QtBot) -> None:
    japanese = make_composer(qtbot, QLocale(QLocale.Language.Japanese))
    assert japanese.draft().langs == ("ja",)
    unlisted = make_composer(qtbot, QLocale(QLocale.Language.Swahili))
    assert unlisted.draft().langs == ("en",)

    combo = unlisted.language_combo
    codes = [combo.itemData(i) for i in range(combo.count())]
    assert {"en", "es", "pt", "ja", "de", "fr", "ko", "zh", "it", "nl", "pl", "ru", "tr",
            "uk"} <= set(codes)
    combo.setCurrentIndex(combo.findData("pt"))
    unlisted.text_edit.setPlainText("olá")
    with qtbot.waitSignal(unlisted.post_requested, timeout=1000) as signal:
        qtbot.mouseClick(unlisted.post_button, Qt.MouseButton.LeftButton)
    assert signal.args[0].langs == ("pt",)


# --- drafts --------------------------------------------------------------------------------


def test_what_the_composer_holds_comes_back_exactly(qtbot: QtBot, tmp_path: Path) -> None:
    from desktop_app.app import Writing

    first = make_composer(qtbot)
    first.text_edit.setPlainText(f"two lines\nand a family {FAMILY}")
    first.language_combo.setCurrentIndex(first.language_combo.findData("ja"))
    assert first.add_image_file(write(tmp_path, "a.png", png(30, 20)))
    assert first.add_image_file(write(tmp_path, "b.png", png(10, 40)))
    child(first, QLineEdit, "composerAlt1").setText("a tall one")
    first.set_reply_to(bob_post())
    quoted = bob_post()
    first.set_quote(quoted)
    writing = first.writing()
    assert isinstance(writing, Writing) and writing.langs == ("ja",)
    assert [i.alt for i in writing.images] == ["", "a tall one"]

    second = make_composer(qtbot)
    changes: list[None] = []
    second.changed.connect(lambda: changes.append(None))
    second.load(writing)
    assert changes == []  # filling it in is not a change to keep
    assert second.writing() == writing
    assert second.draft() == first.draft()
    assert child(second, QLineEdit, "composerAlt1").text() == "a tall one"
    assert "Replying to @bob.test" in second.reply_label.text()
    assert "Quoting @bob.test" in second.reply_label.text()
    assert second.post_button.text() == "Reply"


def test_every_kind_of_change_is_said(qtbot: QtBot, tmp_path: Path) -> None:
    composer = make_composer(qtbot)
    changes: list[None] = []
    composer.changed.connect(lambda: changes.append(None))

