"""Light and dark as the app paints them: contrast of every text against what it is drawn on
(WCAG 2.2 AA: 4.5:1 for body and small text, 3:1 for large and disabled), computed from the
palette the application really has once the appearance is applied; the setting wins over the
system; the post lists zoom and come back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.ui.look import Appearance, accents, choice_of, contrast, resolve
from desktop_app.ui.posts import ImageCache, PostListModel, PostListView

Role = QPalette.ColorRole
BODY = 4.5
# (text, drawn on): every pair the window paints text with.
PAIRS = [(Role.Text, Role.Base), (Role.PlaceholderText, Role.Base),
         (Role.WindowText, Role.Window), (Role.PlaceholderText, Role.Window),
         (Role.ButtonText, Role.Button), (Role.HighlightedText, Role.Highlight),
         (Role.Link, Role.Base), (Role.ToolTipText, Role.ToolTipBase),
         (Role.Text, Role.Midlight),  # an avatar's initial until the picture comes
         (Role.PlaceholderText, Role.AlternateBase)]  # an image's alt text until it comes


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    before = qapp.palette()
    yield qapp
    qapp.setPalette(before)


@pytest.mark.parametrize("choice", ["light", "dark"])
def test_every_text_reads_against_what_it_is_drawn_on(app: QApplication, choice: str) -> None:
    Appearance(app, choice_of(choice))
    palette = QApplication.palette()  # what every widget now paints with
    assert (palette.color(Role.Base).lightness() < 128) == (choice == "dark")
    for text, ground in PAIRS:
        ratio = contrast(palette.color(text), palette.color(ground))
        assert ratio >= BODY, f"{choice}: {text.name} on {ground.name} is {ratio:.2f}:1"
    tint = accents(palette)
    for name, color in (("like", tint.like), ("repost", tint.repost),
                        ("bookmark", tint.bookmark), ("warning", tint.warning)):
        for ground in (Role.Base, Role.Window):
            ratio = contrast(color, palette.color(ground))
            assert ratio >= BODY, f"{choice}: {name} on {ground.name} is {ratio:.2f}:1"
    disabled = palette.color(QPalette.ColorGroup.Disabled, Role.ButtonText)
    assert contrast(disabled, palette.color(Role.Button)) >= 3.0


def test_contrast_is_wcags() -> None:
    assert contrast(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("white")) == pytest.approx(4.48, abs=0.01)


def test_the_setting_wins_over_the_system(app: QApplication) -> None:
    from PySide6.QtCore import Qt

    assert resolve("system", Qt.ColorScheme.Dark) == "dark"
    assert resolve("system", Qt.ColorScheme.Unknown) == "light"
    assert resolve("light", Qt.ColorScheme.Dark) == "light"
    assert choice_of("purple") == "system" and choice_of(None) == "system"
    look = Appearance(app, "dark")
    assert look.scheme == "dark"
    look.set_choice("light")
    assert QApplication.palette().color(Role.Base) == QColor("white")


async def no_media(url: str) -> bytes:
    raise AssertionError(url)


def test_the_post_lists_zoom_and_come_back(qtbot: QtBot) -> None:
    view = PostListView(PostListModel(), ImageCache(no_media))
    qtbot.addWidget(view)
    system = QApplication.font().pointSizeF()
    try:
        assert PostListView.zoom_step(1) == 1.1
        assert view.list.font().pointSizeF() == pytest.approx(system * 1.1)
        later = PostListView(PostListModel(), ImageCache(no_media))  # made zoomed
        qtbot.addWidget(later)
        assert later.list.font().pointSizeF() == pytest.approx(system * 1.1)
        for _ in range(20):
            PostListView.zoom_step(1)
        assert PostListView.zoom == 2.0  # the largest step, no further
    finally:
        assert PostListView.zoom_step(0) == 1.0
    assert view.list.font().pointSizeF() == pytest.approx(system)
