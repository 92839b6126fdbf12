"""Every action on a post from the keyboard: keys on the selected post and its menu (Menu,
Shift+F10, a right click), each saying the key; nothing for a post not sent yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from desktop_app.app.screens import (
    Bookmark,
    Intent,
    Like,
    OpenLink,
    OpenProfile,
    OpenThread,
    Quote,
    Reply,
    Repost,
    pending_row,
    post_row,
)
from desktop_app.bsky import ExternalView, Facet, FeedItem
from desktop_app.ui.posts import PostListView
from tests.ui.posts.test_list_widgets import post, view  # noqa: F401  (the fixture)


def pressed(qtbot: QtBot, widget: PostListView, key: Qt.Key,
            modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> Intent | None:
    got: list[Intent] = []
    widget.intent.connect(got.append)
    qtbot.keyClick(widget.list, key, modifier)
    widget.intent.disconnect(got.append)
    return got[0] if got else None


def test_keys_act_on_the_selected_post(qtbot: QtBot, view: PostListView) -> None:  # noqa: F811
    linked = post(2, "see https://example.com/a", facets=(
        Facet(4, 25, "link", "https://example.com/a"),))
    view.model.list.reset([post_row(FeedItem(post(1))), post_row(FeedItem(linked))])
    view.list.setFocus()
    view.select_row(0)
    first = post(1)
    for key, expected in ((Qt.Key.Key_L, Like(first)), (Qt.Key.Key_T, Repost(first)),
                          (Qt.Key.Key_R, Reply(first)), (Qt.Key.Key_Q, Quote(first)),
                          (Qt.Key.Key_B, Bookmark(first)),
                          (Qt.Key.Key_P, OpenProfile(first.author.did)),
                          (Qt.Key.Key_Return, OpenThread(first.uri, first))):
        assert pressed(qtbot, view, key) == expected, key
    assert pressed(qtbot, view, Qt.Key.Key_O) is None  # no link in it
    qtbot.keyClick(view.list, Qt.Key.Key_J)
    assert pressed(qtbot, view, Qt.Key.Key_O) == OpenLink("https://example.com/a")
    card = post(3, "", external=ExternalView("https://example.org/b", "B", ""))
    view.model.list.reset([post_row(FeedItem(card))])
    view.select_row(0)
    assert pressed(qtbot, view, Qt.Key.Key_O) == OpenLink("https://example.org/b")


def test_the_menu_lists_every_action_with_its_key(qtbot: QtBot,
                                                  view: PostListView) -> None:  # noqa: F811
    view.model.list.reset([post_row(FeedItem(post(1))), pending_row(post(2, "not yet"))])
    view.list.setFocus()
    view.select_row(0)
    qtbot.keyClick(view.list, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    menu = next(w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMenu) and w.accessibleName() == "Post actions")
    labels = [a.text() for a in menu.actions()]
    assert labels == ["Open the thread\tReturn", "Like\tL", "Repost\tT", "Reply\tR",
                      "Quote\tQ", "Bookmark\tB", "Open the author's profile\tP",
                      "Open the first link\tO"]
    assert [a.isEnabled() for a in menu.actions()][-1] is False  # no link
    got: list[Intent] = []
    view.intent.connect(got.append)
    menu.actions()[5].trigger()
    assert got == [Bookmark(post(1))]
    menu.close()
    qtbot.keyClick(view.list, Qt.Key.Key_J)  # the post still in the outbox
    assert pressed(qtbot, view, Qt.Key.Key_L) is None
    assert pressed(qtbot, view, Qt.Key.Key_B) is None
