"""Text from outside (a server's error, a scope, a handle, a display name, a bio) is shown as
text: no label under `desktop_app/ui` renders markup unless it is deliberate rich text whose
outside values are escaped."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.bsky import Author, Profile
from desktop_app.ui.accounts import AccountView, SignInPage, StatusPanel
from desktop_app.ui.compose import Composer
from desktop_app.ui.screens import ProfileView, SearchView, ThreadView
from tests.support.app import bare_window, offline_images

# The only rich-text labels, by objectName: each escapes every outside value it shows.
RICH_TEXT = {"profileBio"}  # the bio, with its links, mentions and tags as anchors
MARKUP = '<b>bold</b><a href="x">link</a>'


def not_plain(root: QWidget, *, skip: type[QWidget] | None = None) -> list[str]:
    """Every label under `root` that could render markup, but the allowed ones (and those
    inside a `skip` widget, swept on their own)."""
    found = []
    for label in root.findChildren(QLabel):
        if label.textFormat() == Qt.TextFormat.PlainText or label.objectName() in RICH_TEXT:
            continue
        if skip is not None and inside(label, skip):
            continue
        found.append(f"{label.objectName() or '<unnamed>'} ({label.text()!r}) in "
                     f"{type(label.parentWidget()).__name__}")
    return found


def inside(widget: QWidget, kind: type[QWidget]) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, kind):
            return True
        parent = parent.parentWidget()
    return False


def shows(label: QLabel, expected: str) -> str:
    """What the label displays over the length of `expected`: its text selected, as a reader
    would select it, and copied (rendered markup is shorter than its source, or other text)."""
    flags = label.textInteractionFlags()
    label.setTextInteractionFlags(flags | Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSelection(0, len(expected))
    text = label.selectedText()
    label.setSelection(0, 0)
    label.setTextInteractionFlags(flags)
    return text


def account(**overrides: object) -> AccountView:
    values: dict[str, object] = dict(
        did="did:plc:abc", handle="alice.test", pds_host="pds.example.com",
        scopes=f"atproto {MARKUP}", started="22 Nov 2026 10:00", access_expiry="-",
        remaining_text="Session ends in 13 days", remaining_fraction=0.9,
        tooltip=f"limited {MARKUP}", state="ended", state_text=MARKUP,
        renewal_path=f"Renewal failed: {MARKUP}", allowed_text=MARKUP,
        missing_text=f"Not allowed: {MARKUP}", mode_text=MARKUP,
    )
    values.update(overrides)
    return AccountView(**values)  # type: ignore[arg-type]


def test_the_main_window_shows_only_plain_labels(qtbot: QtBot, tmp_path: Path) -> None:
    window = bare_window(qtbot, tmp_path)
    window.status_panel.set_accounts([account()])  # the cards are built on demand
    assert not_plain(window, skip=Composer) == []


def test_the_pushed_screens_show_only_plain_labels(qtbot: QtBot) -> None:
    for view in (ThreadView(offline_images(), lambda: None),
                 SearchView(offline_images(), lambda: None),
                 ProfileView(offline_images(), lambda: None)):
        qtbot.addWidget(view)
        assert not_plain(view, skip=Composer) == [], type(view).__name__


def test_the_composer_shows_only_plain_labels(qtbot: QtBot) -> None:
    composer = Composer()
    qtbot.addWidget(composer)
    assert not_plain(composer) == []


def test_a_sign_in_error_shows_literally_on_the_sign_in_page(qtbot: QtBot) -> None:
    page = SignInPage()
    qtbot.addWidget(page)
    page.show_form(MARKUP)
    assert page.error_label.text() == MARKUP
    assert shows(page.error_label, MARKUP) == MARKUP


def test_outside_values_show_literally_on_an_account_card(qtbot: QtBot) -> None:
    panel = StatusPanel()
    qtbot.addWidget(panel)
    panel.set_accounts([account(did=f"did:plc:{MARKUP}", handle="")])
    card = panel.cards[f"did:plc:{MARKUP}"]
    for label, text in ((card.state_label, f"Signed out — sign in again: {MARKUP}"),
                        (card.path_label, f"Renewal failed: {MARKUP}"),
                        (card.scopes_label, f"atproto {MARKUP}"),
                        (card.title, f"did:plc:{MARKUP}"), (card.did_label, f"did:plc:{MARKUP}"),
                        (card.missing_label, f"Not allowed: {MARKUP}")):
        assert shows(label, text) == text, label.objectName()
    # A tooltip has no text format of its own: it is handed over as escaped rich text.
    assert "<b>" not in card.remaining.toolTip() and "&lt;b&gt;" in card.remaining.toolTip()


def test_a_profile_shows_its_name_and_handle_literally_and_escapes_its_bio(
    qtbot: QtBot,
) -> None:
    view = ProfileView(offline_images(), None)
    qtbot.addWidget(view)
    author = Author(did="did:plc:abc", handle=MARKUP, display_name=MARKUP)
    view.header.show_profile(Profile(author, description=f"{MARKUP} https://example.com"),
                             own=False)
    assert shows(view.header.name, MARKUP) == MARKUP
    assert shows(view.header.handle, f"@{MARKUP}") == f"@{MARKUP}"
    bio = f"{MARKUP} https://example.com"
    assert shows(view.header.bio, bio) == bio  # rich text, its outside parts escaped
    assert view.header.bio.textFormat() == Qt.TextFormat.RichText
